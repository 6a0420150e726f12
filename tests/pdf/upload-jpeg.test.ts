// The upload profile with photos: a phone photo of a letter (a JPEG bigger than the whole budget) is decoded,
// downscaled and re-encoded until the PDF fits, and the real readers (qpdf, poppler) check what came out.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfBuildError, type ExhibitInput, type PdfInput } from '../../electron/core/pdf/build';
import { readJpeg } from '../../electron/core/pdf/png';
import { buildWithinBudget, MAX_JPEG_MEGAPIXELS } from '../../electron/core/pdf/upload';
import { makeJpeg, makePng } from './support/images';
import { pdfdetach, pdfimages, pdftotext, qpdfCheck, toFile } from './support/pdf-tools';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const BUDGET = 3 * 1024 * 1024; // the default: the ICO's upload limit
// 3000 x 2000 at quality 95 with sensor-like noise: about 3.6 MB, more than the whole budget on its own.
const PHOTO = makeJpeg(3000, 2000, { seed: 7, quality: 95 });

function exhibit(n: number, bytes: Uint8Array, mime: string): ExhibitInput {
  return {
    number: n,
    title: n === 1 ? 'Photo of the letter from LinkedIn' : `Screenshot ${n}`,
    kind: n === 1 ? 'photo' : 'screenshot',
    addedAt: '2026-04-30T10:00:00.000Z',
    sha256: sha(bytes),
    screenshot: { bytes, mime },
    original: { bytes, filename: `exhibit-${n}.${mime === 'image/png' ? 'png' : 'jpg'}`, mime },
  };
}

function input(exhibits: ExhibitInput[]): PdfInput {
  return {
    title: 'Complaint to the ICO',
    author: 'Maria Example',
    subject: 'Complaint: LinkedIn Ireland Unlimited Company',
    creator: 'Redress test',
    createdAt: new Date('2026-05-01T08:00:00Z'),
    letter: `Maria Example\n\n## What happened\n\n${'LinkedIn used my posts to train its AI models without asking me. '.repeat(40)}`,
    exhibits,
    attachOriginals: false,
    profileNote: 'Upload copy: screenshots may be reduced in size; the originals are not attached.',
  };
}

/** The same JPEG with its frame header (SOF0) claiming another size; the scan data is left as it was. */
function withClaimedSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF0 marker');
}

describe('upload profile with a JPEG photo', () => {
  it('makes a photo bigger than the whole 3 MB budget fit: still a JPEG, undistorted, original hash in the index', async () => {
    expect(PHOTO.length).toBeGreaterThan(BUDGET); // otherwise the test proves nothing
    const shot = makePng(1280, 720, { look: 'text', seed: 1 });
    const exhibits = [exhibit(1, PHOTO, 'image/jpeg'), exhibit(2, shot, 'image/png')];
    const t = Date.now();
    const r = await buildWithinBudget(input(exhibits), BUDGET);
    const ms = Date.now() - t;
    const file = toFile(r.bytes, 'upload.pdf');
    expect(statSync(file).size).toBeLessThanOrEqual(BUDGET);
    expect(r.reencoded).toBe(1); // the photo; the small screenshot goes in as it is
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfdetach(file)).toEqual([]);
    const imgs = pdfimages(file).filter((i) => i.type === 'image');
    expect(imgs).toHaveLength(2);
    const photo = imgs.find((i) => i.enc === 'jpeg')!;
    expect(photo).toBeDefined();
    expect(photo.width / photo.height).toBeCloseTo(1.5, 2);
    expect(Math.abs(photo.xppi - photo.yppi)).toBeLessThanOrEqual(1);
    const text = pdftotext(file);
    for (const e of exhibits) expect(text).toContain(e.sha256); // the hash of the ORIGINAL photo, not of the copy
    console.info(`upload: photo ${PHOTO.length} B -> PDF ${r.bytes.length} B (${photo.width}x${photo.height}) in ${ms} ms`);
  }, 120_000);

  it('steps down scale and quality for a tighter budget, keeping the aspect ratio', async () => {
    const budget = 400_000;
    const r = await buildWithinBudget(input([exhibit(1, PHOTO, 'image/jpeg')]), budget);
    const file = toFile(r.bytes);
    expect(statSync(file).size).toBeLessThanOrEqual(budget);
    qpdfCheck(file);
    const [photo] = pdfimages(file).filter((i) => i.type === 'image');
    expect(photo.enc).toBe('jpeg');
    expect(photo.width).toBeLessThan(3000);
    expect(photo.width * 2).toBe(photo.height * 3);
    expect(Math.abs(photo.xppi - photo.yppi)).toBeLessThanOrEqual(1);
    expect(pdftotext(file)).toContain(sha(PHOTO));
  }, 120_000);

  it('fails with the clear message when even the last step cannot fit, and returns nothing', async () => {
    const noisy = makeJpeg(3000, 2000, { seed: 3, quality: 95, noise: 255 });
    let out: unknown;
    await expect(
      (async () => {
        out = await buildWithinBudget(input([exhibit(1, noisy, 'image/jpeg')]), 80_000);
      })(),
    ).rejects.toThrow(
      /cannot meet its 0\.08 MB budget: even at a quarter of its size, exhibit 1 \(Photo of the letter from LinkedIn\) needs .* MB and its share is .* MB\. Split the evidence over several uploads/s,
    );
    expect(out).toBeUndefined();
  }, 120_000);

  it('refuses to decode a JPEG whose header claims an absurd pixel count, naming the exhibit', async () => {
    const liar = withClaimedSize(PHOTO, 60_000, 60_000);
    expect(readJpeg(liar)).toMatchObject({ width: 60_000, height: 60_000 });
    const t = Date.now();
    const err = await buildWithinBudget(input([exhibit(1, liar, 'image/jpeg')]), BUDGET).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfBuildError);
    expect((err as Error).message).toMatch(
      new RegExp(`cannot shrink exhibit 1 \\(Photo of the letter from LinkedIn\\): its JPEG header claims 60000 × 60000 pixels \\(3600 megapixels\\), more than the ${MAX_JPEG_MEGAPIXELS} megapixels`),
    );
    expect(Date.now() - t).toBeLessThan(2_000); // refused from the header, not after an attempt to decode
  });

  it('reports a JPEG that cannot be decoded as a build error naming the exhibit', async () => {
    const broken = Buffer.concat([PHOTO.subarray(0, 2), Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, 0x07, 0xd0, 0x0b, 0xb8, 3]), Buffer.alloc(BUDGET, 0x55)]);
    await expect(buildWithinBudget(input([exhibit(1, broken, 'image/jpeg')]), BUDGET)).rejects.toThrow(/exhibit 1 \(Photo of the letter from LinkedIn\)/i);
    await expect(buildWithinBudget(input([exhibit(1, broken, 'image/jpeg')]), BUDGET)).rejects.toBeInstanceOf(PdfBuildError);
  });
});
