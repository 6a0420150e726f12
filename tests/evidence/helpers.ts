import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createCore, type Core } from '../../electron/core';
import type { Capturer } from '../../electron/core/capture/capturer';

export function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

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
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    ...(creationTime ? [chunk('tEXt', Buffer.from(`Creation Time\0${creationTime}`, 'latin1'))] : []),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
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
