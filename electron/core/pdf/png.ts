// Reads a PNG's structure without decoding its pixels, so a plain screenshot can go into the PDF as it is.
import { crc32 } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  hasTransparency: boolean;
  /** The IDAT payloads, in order (one zlib stream split across chunks). */
  idat: Uint8Array[];
  idatLength: number;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
export const PNG_SIGNATURE = Buffer.from(SIGNATURE);

export class ImageError extends Error {}

export const isPng = (b: Uint8Array) => b.length > 8 && SIGNATURE.every((v, i) => b[i] === v);
export const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Walks the chunks, checking each CRC, so a damaged file is refused here rather than drawn as noise. */
export function readPng(bytes: Uint8Array): PngInfo {
  if (!isPng(bytes)) throw new ImageError('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let info: Omit<PngInfo, 'idat' | 'idatLength' | 'hasTransparency' | 'palette'> | undefined;
  let palette: Uint8Array | undefined;
  let hasTransparency = false;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  let ended = false;
  while (pos + 12 <= bytes.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    const start = pos + 8;
    const end = start + len;
    if (end + 4 > bytes.length) throw new ImageError(`the PNG is truncated (chunk ${type})`);
    const crc = view.getUint32(end);
    if (crc32(bytes.subarray(pos + 4, end)) >>> 0 !== crc) throw new ImageError(`the PNG is damaged (bad checksum in chunk ${type})`);
    const data = bytes.subarray(start, end);
    if (type === 'IHDR') {
      info = {
        width: view.getUint32(start),
        height: view.getUint32(start + 4),
        bitDepth: data[8],
        colorType: data[9],
        interlaced: data[12] === 1,
      };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') hasTransparency = true;
    else if (type === 'IDAT') {
      idat.push(data);
      idatLength += len;
    } else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos = end + 4;
  }
  if (!info) throw new ImageError('the PNG has no header (IHDR)');
  if (!ended) throw new ImageError('the PNG is truncated (no IEND)');
  if (!idat.length) throw new ImageError('the PNG has no image data');
  if (!info.width || !info.height) throw new ImageError('the PNG has zero width or height');
  return { ...info, palette, hasTransparency: hasTransparency || info.colorType === 4 || info.colorType === 6, idat, idatLength };
}

/** Width and height from a JPEG's start-of-frame marker, and its colour components. */
export function readJpeg(bytes: Uint8Array): { width: number; height: number; components: number } {
  if (!isJpeg(bytes)) throw new ImageError('not a JPEG file');
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) throw new ImageError('the JPEG is damaged (marker expected)');
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++;
      continue;
    }
    const len = (bytes[pos + 2] << 8) | bytes[pos + 3];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (bytes[pos + 5] << 8) | bytes[pos + 6];
      const width = (bytes[pos + 7] << 8) | bytes[pos + 8];
      const components = bytes[pos + 9];
      if (!width || !height) throw new ImageError('the JPEG has zero width or height');
      return { width, height, components };
    }
    pos += 2 + len;
  }
  throw new ImageError('the JPEG is truncated (no frame header)');
}

/** One PNG chunk: length, type, data, CRC over type and data. The one writer of PNG bytes in the project. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}
