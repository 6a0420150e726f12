// Fits the upload-profile PDF to its size budget (see upload.ts); runs in the core's worker thread. Each image that
// does not fit its share of the budget is shrunk step by step until it does: screenshots (PNG) are downscaled and
// reduced to a palette; photos (JPEG) are decoded with jpeg-js, downscaled (area average, aspect kept) and re-encoded
// as baseline JPEG at a falling quality. A JPEG whose header claims more than MAX_JPEG_MEGAPIXELS is refused before
// decoding, naming the exhibit, so a hostile or broken file cannot exhaust memory.
import upngModule from '@pdf-lib/upng';
import { decode as jpegDecode, encode as jpegEncode } from 'jpeg-js';
import { deflateSync } from 'node:zlib';
import { ImageError, PNG_SIGNATURE, isJpeg, isPng, pngChunk, readJpeg, readPng } from './png';
import type { ExhibitInput, PdfInput, PdfResult } from './build';
import { PdfBuildError } from './errors';
import { renderPdf } from './render';
import { MAX_JPEG_MEGAPIXELS } from './upload';

// pdf-lib's own PNG codec. Its CommonJS build exports `default`, which Node's ESM loader wraps once more.
const UPNG = ((upngModule as unknown as { default?: typeof upngModule }).default ?? upngModule) as typeof upngModule;

/** Steps tried in order: scale of each side, palette size. The last still leaves a 1920-px capture 480 px wide. */
const LADDER = [
  { scale: 1, colors: 256 },
  { scale: 0.75, colors: 256 },
  { scale: 0.5, colors: 256 },
  { scale: 0.5, colors: 64 },
  { scale: 0.35, colors: 64 },
  { scale: 0.25, colors: 32 },
];

/** The same idea for photos: scale of each side, JPEG quality. Quality 85 is visually lossless for a photo of a
 * letter; 50 at a quarter of the size still leaves a 4000-px phone photo 1000 px wide and its print legible. */
const JPEG_LADDER = [
  { scale: 1, quality: 85 },
  { scale: 0.75, quality: 80 },
  { scale: 0.5, quality: 75 },
  { scale: 0.5, quality: 60 },
  { scale: 0.35, quality: 60 },
  { scale: 0.25, quality: 50 },
];

/** jpeg-js counts 12-19 bytes a pixel while decoding (0.6-0.9 GB for 48 MP), hence the memory cap. It checks both
 * as it parses and allocates, so a file whose data lies about its size stops there too. */
const MAX_JPEG_MEMORY_MB = 1024;

/** Area-average downscale of RGBA pixels, composited onto white (the PDF page is white and alpha costs bytes). */
export function downscale(rgba: Uint8Array, w: number, h: number, scale: number): { data: Uint8Array; width: number; height: number } {
  const W = Math.max(1, Math.round(w * scale));
  const H = Math.max(1, Math.round(h * scale));
  const out = new Uint8Array(W * H * 4);
  for (let Y = 0; Y < H; Y++) {
    const y0 = Math.floor((Y * h) / H);
    const y1 = Math.max(y0 + 1, Math.floor(((Y + 1) * h) / H));
    for (let X = 0; X < W; X++) {
      const x0 = Math.floor((X * w) / W);
      const x1 = Math.max(x0 + 1, Math.floor(((X + 1) * w) / W));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        let i = (y * w + x0) * 4;
        for (let x = x0; x < x1; x++, i += 4) {
          const a = rgba[i + 3];
          r += (rgba[i] * a + 255 * (255 - a)) / 255;
          g += (rgba[i + 1] * a + 255 * (255 - a)) / 255;
          b += (rgba[i + 2] * a + 255 * (255 - a)) / 255;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (Y * W + X) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { data: out, width: W, height: H };
}

/** The bytes the image will occupy in the PDF when it goes in as it is. */
function embeddedSize(bytes: Uint8Array): { size: number; reusable: boolean } {
  if (!isPng(bytes)) return { size: bytes.length, reusable: true };
  const png = readPng(bytes);
  const reusable = !png.interlaced && !png.hasTransparency && [0, 2, 3].includes(png.colorType);
  return { size: png.idatLength, reusable };
}

type Decoded = { rgba: Uint8Array; width: number; height: number };

function decode(bytes: Uint8Array): Decoded {
  const img = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { rgba: new Uint8Array(UPNG.toRGBA8(img)[0]), width: img.width, height: img.height };
}

interface KdNode {
  ind: number;
  est: { rgba: number };
}
type Quantize = {
  getKDtree(img: Uint8Array, colors: number): [unknown, KdNode[]];
  getNearest(root: unknown, r: number, g: number, b: number, a: number): KdNode;
};

/** A palette PNG of the pixels. The palette is learnt from a sample of at most ~64k pixels (UPNG's k-d tree over
 * every pixel took a second per full-HD image); each colour (to 5 bits a channel) is then mapped once, and zlib (native) packs it. */
export function paletteEncode(rgba: Uint8Array, w: number, h: number, colors: number): Uint8Array {
  const q = (UPNG as unknown as { quantize: Quantize }).quantize;
  const step = Math.max(1, Math.floor(Math.sqrt((w * h) / 65_536)));
  const sample: number[] = [];
  for (let y = 0; y < h; y += step) for (let x = 0; x < w; x += step) {
    const i = (y * w + x) * 4;
    sample.push(rgba[i], rgba[i + 1], rgba[i + 2], 255);
  }
  const [root, leafs] = q.getKDtree(new Uint8Array(sample), colors);
  const plte = Buffer.alloc(leafs.length * 3);
  leafs.forEach((l, i) => {
    l.ind = i;
    plte[i * 3] = l.est.rgba & 255;
    plte[i * 3 + 1] = (l.est.rgba >>> 8) & 255;
    plte[i * 3 + 2] = (l.est.rgba >>> 16) & 255;
  });
  const cache = new Map<number, number>();
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      // 5 bits a channel: at most 32k nearest-colour searches per image, whatever the photo (invisible at 256 colours).
      const key = ((rgba[i] >> 3) << 10) | ((rgba[i + 1] >> 3) << 5) | (rgba[i + 2] >> 3);
      let ind = cache.get(key);
      if (ind === undefined) {
        ind = q.getNearest(root, rgba[i] / 255, rgba[i + 1] / 255, rgba[i + 2] / 255, 1).ind;
        cache.set(key, ind);
      }
      raw[y * (w + 1) + 1 + x] = ind;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 3;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('PLTE', plte), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}


/** Pixels of a JPEG exhibit, refusing (with the exhibit named) one that claims an absurd size or cannot be read. */
function decodeJpeg(e: ExhibitInput, bytes: Uint8Array): Decoded {
  const name = `exhibit ${e.number} (${e.title})`;
  let header: ReturnType<typeof readJpeg>;
  try {
    header = readJpeg(bytes);
  } catch (err) {
    if (err instanceof ImageError) throw new PdfBuildError(`Exhibit ${e.number} (${e.title}): ${err.message}. Re-add the file or remove it from the case.`);
    throw err;
  }
  const mp = (header.width * header.height) / 1_000_000;
  if (mp > MAX_JPEG_MEGAPIXELS) {
    throw new PdfBuildError(
      `The upload profile cannot shrink ${name}: its JPEG header claims ${header.width} × ${header.height} pixels (${mp.toFixed(0)} megapixels), more than the ${MAX_JPEG_MEGAPIXELS} megapixels Redress will decode. Reduce the photo in an image editor and re-add it, or use the archive profile.`,
    );
  }
  try {
    const img = jpegDecode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_JPEG_MEGAPIXELS, maxMemoryUsageInMB: MAX_JPEG_MEMORY_MB });
    return { rgba: img.data, width: img.width, height: img.height };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new PdfBuildError(`The upload profile cannot shrink ${name}: the JPEG could not be decoded (${why}). Re-add the file, or use the archive profile.`);
  }
}

function reencodeJpeg(img: Decoded, step: (typeof JPEG_LADDER)[number]): Uint8Array {
  const small = step.scale === 1 ? { data: img.rgba, width: img.width, height: img.height } : downscale(img.rgba, img.width, img.height, step.scale);
  return jpegEncode({ data: small.data, width: small.width, height: small.height }, step.quality).data;
}

function reencode(img: Decoded, step: (typeof LADDER)[number]): Uint8Array {
  const small = downscale(img.rgba, img.width, img.height, step.scale);
  return paletteEncode(small.data, small.width, small.height, step.colors);
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;

/** Fits the PDF to the budget in the calling thread. The core's worker runs this; everyone else calls buildWithinBudget. */
export async function fitToBudget(input: PdfInput, budget: number): Promise<PdfResult & { reencoded: number }> {
  const exhibits = input.exhibits.map((e) => ({ ...e, original: undefined }));
  const base = await renderPdf({ ...input, attachOriginals: false, exhibits: exhibits.map((e) => ({ ...e, screenshot: undefined })) });
  const shots = exhibits.filter((e) => e.screenshot);
  // pdf-lib writes each image with its dictionary and the page that shows it: allow for that.
  const perImage = 1500;
  let spare = budget - base.bytes.length - perImage * shots.length;
  if (spare <= 0) throw new PdfBuildError(`The upload profile cannot meet its ${mb(budget)} budget: the letter and texts alone take ${mb(base.bytes.length)}. Use the archive profile, or shorten the appendix texts.`);

  let reencoded = 0;
  const sized = shots.map((e) => ({ e, ...embeddedSize(e.screenshot!.bytes) })).sort((a, b) => a.size - b.size);
  const fitted = new Map<ExhibitInput, Uint8Array>();
  for (let i = 0; i < sized.length; i++) {
    const { e, size, reusable } = sized[i];
    const share = spare / (sized.length - i);
    let bytes = e.screenshot!.bytes;
    let used = size;
    if (!reusable || size > share) {
      const jpeg = isJpeg(bytes);
      if (!jpeg && !isPng(bytes)) throw new PdfBuildError(`Exhibit ${e.number} (${e.title}): not a PNG or JPEG image. Re-add the file or remove it from the case.`);
      let ok = false;
      const img = jpeg ? decodeJpeg(e, bytes) : decode(bytes);
      const ladder: { scale: number }[] = jpeg ? JPEG_LADDER : LADDER;
      // Size falls roughly with the pixel count: skip steps that cannot fit, each try costs an encode. A photo also
      // shrinks with its quality (a camera's JPEG at 92-95 often halves at 85), so its estimate is looser.
      const slack = jpeg ? 3 : 1.5;
      const fits = ladder.findIndex((s) => size * s.scale * s.scale <= share * slack);
      for (const step of ladder.slice(fits === -1 ? ladder.length - 1 : fits)) {
        if (jpeg) {
          bytes = reencodeJpeg(img, step as (typeof JPEG_LADDER)[number]);
          used = bytes.length; // pdf-lib embeds the whole JPEG file as the image stream
        } else {
          bytes = reencode(img, step as (typeof LADDER)[number]);
          used = readPng(bytes).idatLength;
        }
        if (used <= share) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        throw new PdfBuildError(
          `The upload profile cannot meet its ${mb(budget)} budget: even at a quarter of its size, exhibit ${e.number} (${e.title}) needs ${mb(used)} and its share is ${mb(share)}. Split the evidence over several uploads (the ICO takes several files), raise the budget, or use the archive profile.`,
        );
      }
      reencoded++;
    }
    fitted.set(e, bytes);
    spare -= used;
  }
  const result = await renderPdf({
    ...input,
    attachOriginals: false,
    exhibits: exhibits.map((e) => {
      const bytes = fitted.get(e);
      return bytes ? { ...e, screenshot: { bytes, mime: isJpeg(bytes) ? 'image/jpeg' : 'image/png' } } : e;
    }),
  });
  if (result.bytes.length > budget) {
    throw new PdfBuildError(`The upload PDF came out at ${mb(result.bytes.length)}, over its ${mb(budget)} budget. Remove an exhibit or use the archive profile.`);
  }
  return { ...result, reencoded };
}
