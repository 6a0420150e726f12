import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflate } from 'node:zlib';

/**
 * Checks that an image file really decodes, without an image library: PNG chunk CRCs and the IDAT stream inflated to
 * exactly the size IHDR promises; JPEG markers from SOI through a frame header to EOI; GIF and WebP framing. Reads in
 * slices, so a large image is never held in memory. Returns null when fine, else what is wrong.
 */
export async function checkImage(path: string, mime: string): Promise<string | null> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    switch (mime) {
      case 'image/png':
        return await checkPng(fh, size);
      case 'image/jpeg':
        return await checkJpeg(fh, size);
      case 'image/gif':
        return (await read(fh, size - 1, 1))[0] === 0x3b ? null : 'the GIF has no trailer (the file is cut short)';
      case 'image/webp':
        return (await read(fh, 4, 4)).readUInt32LE(0) + 8 === size ? null : 'the WebP size field does not match the file';
      default:
        return null;
    }
  } finally {
    await fh.close();
  }
}

async function read(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await fh.read(buf, 0, buf.length, position);
  return buf.subarray(0, bytesRead);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

async function checkPng(fh: FileHandle, size: number): Promise<string | null> {
  let pos = 8;
  let expected = 0;
  let inflated = 0;
  let sawIend = false;
  const inflate = createInflate();
  inflate.on('data', (c: Buffer) => (inflated += c.length));
  const done = new Promise<string | null>((ok) => {
    inflate.on('error', (e) => ok(`its image data does not decompress (${e.message})`));
    inflate.on('end', () => ok(null));
  });
  while (pos + 12 <= size) {
    const head = await read(fh, pos, 8);
    const len = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (pos + 12 + len > size) return `chunk ${type} runs past the end of the file (the file is cut short)`;
    let crc = crc32(head.subarray(4, 8));
    for (let off = 0; off < len; off += 1 << 20) {
      const part = await read(fh, pos + 8 + off, Math.min(1 << 20, len - off));
      crc = crc32(part, crc);
      if (type === 'IDAT') inflate.write(part);
      if (type === 'IHDR' && off === 0) {
        const [w, h, depth, color, , , interlace] = [part.readUInt32BE(0), part.readUInt32BE(4), part[8], part[9], 0, 0, part[12]];
        const bits = depth * (CHANNELS[color] ?? 4);
        // Interlaced images split rows into passes; their size is not a simple product, so only the stream is checked.
        expected = interlace ? -1 : h * (1 + Math.ceil((w * bits) / 8));
      }
    }
    if ((await read(fh, pos + 8 + len, 4)).readUInt32BE(0) !== crc >>> 0) return `chunk ${type} is damaged (checksum mismatch)`;
    pos += 12 + len;
    if (type === 'IEND') {
      sawIend = true;
      break;
    }
  }
  inflate.end();
  const problem = await done;
  if (problem) return problem;
  if (!sawIend) return 'the PNG has no end chunk (the file is cut short)';
  if (expected > 0 && inflated !== expected) return `its image data has ${inflated} bytes where ${expected} were expected`;
  return null;
}

async function checkJpeg(fh: FileHandle, size: number): Promise<string | null> {
  let pos = 2;
  let frame = false;
  while (pos + 4 <= size) {
    const m = await read(fh, pos, 4);
    if (m[0] !== 0xff) return 'its markers are broken';
    const marker = m[1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      pos += marker === 0xff ? 1 : 2;
      continue;
    }
    const len = m.readUInt16BE(2);
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) && len >= 8) {
      const f = await read(fh, pos + 4, 5);
      if (f.readUInt16BE(1) === 0 || f.readUInt16BE(3) === 0) return 'its frame header gives a zero size';
      frame = true;
    }
    if (marker === 0xda) break;
    pos += 2 + len;
  }
  if (!frame) return 'it has no frame header';
  // Scan data follows SOS; a complete file ends with EOI (trailing padding some cameras add is tolerated).
  const tail = await read(fh, Math.max(0, size - 4096), Math.min(4096, size));
  return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) >= 0 ? null : 'it has no end marker (the file is cut short)';
}
