// Puts screenshots into the PDF without re-compressing them where the PDF can carry the original encoding:
// a JPEG as /DCTDecode, and an opaque, non-interlaced PNG as /FlateDecode with the PNG predictor (its IDAT data is
// exactly that). Everything else goes through pdf-lib's embedPng, which decodes and re-encodes.
import { PDFHexString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { ImageError, isJpeg, isPng, readJpeg, readPng } from './png';

/** An image XObject already written into the document; pages draw it by reference (see build.ts). */
export interface EmbeddedImage {
  ref: PDFRef;
  width: number;
  height: number;
  /** How it went in: 'png-raw' | 'jpeg-raw' | 'png-reencoded'. */
  method: string;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function embedImage(doc: PDFDocument, bytes: Uint8Array): Promise<EmbeddedImage> {
  if (isJpeg(bytes)) {
    const { width, height, components } = readJpeg(bytes);
    // pdf-lib's JPEG path already passes the bytes through untouched; it also handles CMYK's inverted decode.
    const image = await doc.embedJpg(bytes);
    await image.embed();
    return { ref: image.ref, width, height, method: components === 4 ? 'jpeg-cmyk' : 'jpeg-raw' };
  }
  if (!isPng(bytes)) throw new ImageError('not a PNG or JPEG image');
  const png = readPng(bytes);
  const colors = { 0: 1, 2: 3, 3: 1 }[png.colorType as 0 | 2 | 3];
  const passThrough = colors && !png.interlaced && !png.hasTransparency && (png.colorType !== 3 || png.palette);
  if (passThrough) {
    const data = concat(png.idat, png.idatLength);
    const colorSpace =
      png.colorType === 3
        ? ['Indexed', 'DeviceRGB', png.palette!.length / 3 - 1, PDFHexString.of(Buffer.from(png.palette!).toString('hex'))]
        : png.colorType === 0
          ? 'DeviceGray'
          : 'DeviceRGB';
    const ref = doc.context.register(
        doc.context.stream(data, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: png.width,
          Height: png.height,
          BitsPerComponent: png.bitDepth,
          ColorSpace: colorSpace,
          Filter: 'FlateDecode',
          DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.bitDepth, Columns: png.width },
        }),
    );
    return { ref, width: png.width, height: png.height, method: 'png-raw' };
  }
  const image = await doc.embedPng(bytes);
  await image.embed();
  return { ref: image.ref, width: png.width, height: png.height, method: 'png-reencoded' };
}
