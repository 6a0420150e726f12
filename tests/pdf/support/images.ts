// Real image files for tests and the bench, made without pdf-lib: PNGs by a PNG encoder over node:zlib, photo-like
// JPEGs by jpeg-js. (The JPEG fixture, tests/pdf/fixtures/setting-on.jpg, is a Chromium screenshot of a small page.)
import { encode as jpegEncode } from 'jpeg-js';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../../../electron/core/pdf/png';


export type Look = 'text' | 'photo' | 'noise';

/** Pixel of a synthetic screenshot: 'text' is a white page with dark strokes (compresses well, like a UI capture);
 * 'photo' is smooth colour with noise (compresses badly, like a photo or a gradient-heavy page). */
function pixel(look: Look, x: number, y: number, seed: number): [number, number, number] {
  if (look === 'noise') {
    // Incompressible at any scale: what no budget can shrink far (sensor noise, dithered images).
    let h = (x * 374761393 + y * 668265263 + seed * 2246822519) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    return [h & 255, (h >>> 8) & 255, (h >>> 16) & 255];
  }
  if (look === 'text') {
    const row = y % 22;
    const inLine = row > 5 && row < 17 && (x % 9 < 6) && ((x >> 6) + (y >> 5) + seed) % 7 !== 0 && x > 40 && x < 1500;
    if (y < 60) return [16, 42, 67];
    return inLine ? [30, 34, 40] : [255, 255, 255];
  }
  const n = ((x * 7919 + y * 104729 + seed * 31) ^ (x * y)) & 63;
  return [(x * 255) / 1920 + n - 32, (y * 255) / 1080 + n - 32, ((x + y + seed * 50) % 255) + n / 2 - 16].map((v) => Math.max(0, Math.min(255, Math.round(v)))) as [
    number,
    number,
    number,
  ];
}

export interface PngOptions {
  look?: Look;
  alpha?: boolean;
  gray?: boolean;
  seed?: number;
}

export function makePng(width: number, height: number, o: PngOptions = {}): Buffer {
  const channels = o.alpha ? 4 : o.gray ? 1 : 3;
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 1; // Sub filter: what real encoders pick for such rows
    let prev = [0, 0, 0, 0];
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(o.look ?? 'text', x, y, o.seed ?? 0);
      const px = o.gray ? [Math.round((r + g + b) / 3)] : o.alpha ? [r, g, b, x % 50 === 0 ? 128 : 255] : [r, g, b];
      for (let c = 0; c < channels; c++) raw[y * stride + 1 + x * channels + c] = (px[c] - prev[c]) & 255;
      prev = px;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = o.alpha ? 6 : o.gray ? 0 : 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 6 })), pngChunk('IEND', new Uint8Array())]);
}

/** A photo-like JPEG made with jpeg-js (the encoder the upload profile uses): a sheet of paper with lines of "text"
 * on a coloured background, under sensor-like noise, so it compresses about as badly as a phone photo of a letter. */
export function makeJpeg(width: number, height: number, o: { seed?: number; quality?: number; noise?: number } = {}): Buffer {
  const seed = o.seed ?? 0;
  const amp = o.noise ?? 48;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let h = (x * 374761393 + y * 668265263 + seed * 2246822519) >>> 0;
      h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
      const n = ((h & 255) / 255 - 0.5) * amp;
      const onPaper = x > width * 0.15 && x < width * 0.85 && y > height * 0.08 && y < height * 0.92;
      const row = Math.floor(y / (height / 60));
      const inText = onPaper && row % 2 === 1 && x > width * 0.2 && x < width * (0.55 + ((row * 7 + seed) % 5) * 0.06) && (x >> 4) % 5 !== 0;
      const base = inText ? [40, 40, 50] : onPaper ? [236 - y / height * 30, 232 - y / height * 30, 220 - y / height * 30] : [90 + (x / width) * 80, 60 + (y / height) * 60, 40];
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(base[c] + n * (c === 1 ? 1 : 0.8))));
      data[i + 3] = 255;
    }
  }
  return jpegEncode({ data, width, height }, o.quality ?? 95).data;
}
