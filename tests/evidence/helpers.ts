import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCore, type Core } from '../../electron/core';
import type { Capturer } from '../../electron/core/capture/capturer';
import { PNG_SIGNATURE, pngChunk } from '../../electron/core/pdf/png';


/** A real, decodable RGB PNG, optionally with a tEXt "Creation Time". */
export function makePng(width = 4, height = 3, creationTime?: string): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(height * (1 + width * 3), 0x7f);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 3)] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(creationTime ? [pngChunk('tEXt', Buffer.from(`Creation Time\0${creationTime}`, 'latin1'))] : []),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TempCore {
  core: Core;
  dir: string;
  caseId: string;
  reopen(): Promise<void>;
  close(): void;
}

export async function tempCore(opts: { host?: 'cli' | 'browser' | 'electron'; capturer?: Capturer } = {}): Promise<TempCore> {
  const dir = mkdtempSync(join(tmpdir(), 'redress-ev-'));
  const open = () => createCore({ dataDir: join(dir, 'data'), host: opts.host ?? 'cli', capturer: opts.capturer });
  const t: TempCore = {
    core: open(),
    dir,
    caseId: '',
    async reopen() {
      t.core.close();
      t.core = open();
    },
    close() {
      t.core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const c = await t.core.api.call('cases.create', { title: 'Case', country: 'PL', name: 'Zofia Łukasiewicz', email: 'z@example.org' });
  t.caseId = c.id;
  return t;
}

/** A structurally complete JPEG (SOI, APP1 Exif with DateTimeOriginal + offset, SOF0, SOS, EOI). */
export function makeJpeg(dateTimeOriginal?: string, offset?: string, opts: { cut?: boolean } = {}): Buffer {
  const seg = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (dateTimeOriginal) {
    // Big-endian TIFF: IFD0 at 8 with one entry (ExifIFD pointer) -> Exif IFD at 26 with DateTimeOriginal and OffsetTimeOriginal.
    const exifIfd = 26;
    const entries = offset ? 2 : 1;
    const dataAt = exifIfd + 2 + entries * 12 + 4;
    const tiff = Buffer.alloc(dataAt + 20 + 7);
    tiff.write('MM', 0, 'latin1');
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x8769, 10);
    tiff.writeUInt16BE(4, 12);
    tiff.writeUInt32BE(1, 14);
    tiff.writeUInt32BE(exifIfd, 18);
    tiff.writeUInt32BE(0, 22);
    tiff.writeUInt16BE(entries, exifIfd);
    const entry = (i: number, tag: number, count: number, at: number) => {
      const o = exifIfd + 2 + i * 12;
      tiff.writeUInt16BE(tag, o);
      tiff.writeUInt16BE(2, o + 2);
      tiff.writeUInt32BE(count, o + 4);
      tiff.writeUInt32BE(at, o + 8);
    };
    entry(0, 0x9003, 20, dataAt);
    tiff.write(dateTimeOriginal + '\0', dataAt, 'latin1');
    if (offset) {
      entry(1, 0x9011, 7, dataAt + 20);
      tiff.write(offset + '\0', dataAt + 20, 'latin1');
    }
    parts.push(seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])));
  }
  parts.push(seg(0xc0, Buffer.from([8, 0, 2, 0, 3, 1, 1, 0x11, 0])));
  parts.push(seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])));
  parts.push(Buffer.from([0x12, 0x34, 0x56, 0x78]));
  if (!opts.cut) parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}
