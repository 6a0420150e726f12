import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, PdfBuildError, type ExhibitInput, type PdfInput } from '../../electron/core/pdf/build';
import { buildWithinBudget } from '../../electron/core/pdf/upload';
import { makePng } from './support/images';
import { pdfdetach, pdfdetachSave, pdfimages, pdfinfo, pdftotext, qpdfCheck, render, toFile, wordBoxes } from './support/pdf-tools';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const JPEG = readFileSync(join(import.meta.dirname, 'fixtures', 'setting-on.jpg'));
const NAME = 'Zofia Łukasiewicz-Παπαδοπούλου Прохорова';
const LONG_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?trk=' + 'x'.repeat(180);

function exhibit(n: number, bytes: Uint8Array, mime: string, extra: Partial<ExhibitInput> = {}): ExhibitInput {
  return {
    number: n,
    title: `Screenshot ${n}`,
    kind: 'screenshot',
    addedAt: '2026-04-30T10:00:00.000Z',
    capturedAt: '2026-04-30T09:58:12.000Z',
    sourceUrl: LONG_URL,
    sha256: sha(bytes),
    screenshot: { bytes, mime },
    original: { bytes, filename: `shot-${n}.${mime === 'image/png' ? 'png' : 'jpg'}`, mime },
    ...extra,
  };
}

function input(exhibits: ExhibitInput[], attach = true): PdfInput {
  return {
    title: 'Objection under Article 21 GDPR',
    author: NAME,
    subject: 'Objection: LinkedIn Ireland Unlimited Company',
    creator: 'Redress test',
    createdAt: new Date('2026-05-01T08:00:00Z'),
    letter: `${NAME}\n\nLinkedIn Ireland Unlimited Company\nWilton Plaza\n\n## Grounds\n\n1. A list item that is long enough to wrap onto a second line so that its hanging indent is visible in the render.\n\nSee ${LONG_URL}\n\n${'Lorem ipsum dolor sit amet. '.repeat(120)}`,
    exhibits,
    attachOriginals: attach,
    profileNote: 'Test appendix.',
  };
}

describe('buildPdf (archive profile)', () => {
  const opaque = makePng(1920, 1080, { look: 'text', seed: 1 });
  const gray = makePng(900, 600, { gray: true, seed: 2 });
  const alpha = makePng(600, 400, { alpha: true, seed: 3 });
  const tall = makePng(1280, 6000, { look: 'text', seed: 4 });
  const diff: ExhibitInput = {
    number: 6,
    title: 'Privacy policy diff',
    kind: 'diff',
    addedAt: '2026-05-01T07:00:00.000Z',
    sha256: 'f'.repeat(64),
    text: '- We do not use your data to train AI.\n+ We may use your data to develop and train artificial intelligence (AI) models.\n' + '+ ' + 'y'.repeat(300),
  };
  const exhibits = [exhibit(1, opaque, 'image/png'), exhibit(2, gray, 'image/png'), exhibit(3, alpha, 'image/png'), exhibit(4, JPEG, 'image/jpeg'), exhibit(5, tall, 'image/png'), diff];

  it('carries the name in three scripts, the controller and every hash, passes qpdf, embeds and attaches what it should', async () => {
    const r = await buildPdf(input(exhibits));
    const file = toFile(r.bytes);
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    const text = pdftotext(file);
    expect(text).toContain('Zofia Łukasiewicz-Παπαδοπούλου Прохорова');
    expect(text).toContain('LinkedIn Ireland Unlimited Company');
    for (const e of exhibits) expect(text).toContain(e.sha256);
    expect(text).toContain('Page 1 of');
    expect(text).toContain(`Page ${r.pages} of ${r.pages}`);

    // Opaque PNGs and the JPEG pass through; the alpha PNG is re-encoded by pdf-lib (image + soft mask).
    expect(r.methods).toEqual({ 'png-raw': 3, 'jpeg-raw': 1, 'png-reencoded': 1 });
    const imgs = pdfimages(file);
    const distinct = new Set(imgs.filter((i) => i.type === 'image').map((i) => `${i.width}x${i.height}`));
    expect(distinct).toEqual(new Set(['1920x1080', '900x600', '600x400', '640x400', '1280x6000']));
    expect(imgs.filter((i) => i.type === 'smask')).toHaveLength(1);
    // Same horizontal and vertical resolution on the page: no image is stretched.
    for (const i of imgs) expect(Math.abs(i.xppi - i.yppi)).toBeLessThanOrEqual(1);
    // The tall capture continues over several pages instead of shrinking to a sliver.
    expect(imgs.filter((i) => i.width === 1280).length).toBeGreaterThan(1);

    const attached = pdfdetach(file);
    expect(attached).toEqual(['exhibit-01-shot-1.png', 'exhibit-02-shot-2.png', 'exhibit-03-shot-3.png', 'exhibit-04-shot-4.jpg', 'exhibit-05-shot-5.png']);
    const out = join(dirname(file), 'detached.png');
    pdfdetachSave(file, 1, out);
    expect(sha(readFileSync(out))).toBe(exhibits[0].sha256);

    const info = pdfinfo(file);
    expect(info).toMatch(/Title:\s+Objection under Article 21 GDPR/);
    expect(info).toContain(NAME);
    expect(info).toMatch(/Subject:\s+Objection: LinkedIn Ireland/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });

  it('keeps an archive PDF close to the size of its images (no re-compression)', async () => {
    const shots = [0, 1, 2].map((s) => makePng(1920, 1080, { look: 'photo', seed: s }));
    const r = await buildPdf(input(shots.map((b, i) => exhibit(i + 1, b, 'image/png')), false));
    const inputs = shots.reduce((n, b) => n + b.length, 0);
    expect(r.bytes.length).toBeLessThan(inputs * 1.1);
  });

  it('renders pages a person can read: text inside the margins, images undistorted', async () => {
    const r = await buildPdf(input(exhibits));
    const file = toFile(r.bytes);
    const dir = join(dirname(file), 'pages');
    mkdirSync(dir);
    render(file, join(dir, 'p'), 60);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(r.pages);
    // Every word, including the 260-character URL and the 300-character token, sits inside the page margins.
    const { width, height, words } = wordBoxes(file);
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((w) => w.xMin < 60 || w.xMax > width - 60 || w.yMin < 40 || w.yMax > height - 20);
    expect(outside).toEqual([]);
    // Below the bottom margin there is only the footer line (title and page number), never body text.
    const footerBand = words.filter((w) => w.yMax > height - 72);
    expect(new Set(footerBand.map((w) => Math.round(w.yMax)))).toEqual(new Set([Math.round(footerBand[0].yMax)]));
    expect(footerBand.filter((w) => w.text === 'Page')).toHaveLength(r.pages);
    expect(words.some((w) => w.text.startsWith('https://www.linkedin.com/mypreferences'))).toBe(true);
  });

  it('refuses a damaged image with a message naming the exhibit', async () => {
    const bad = Buffer.from(makePng(200, 100));
    bad[bad.length - 20] ^= 0xff; // flips a byte inside IDAT: its CRC no longer matches
    await expect(buildPdf(input([exhibit(1, bad, 'image/png')]))).rejects.toThrow(/Exhibit 1 \(Screenshot 1\): the PNG is damaged/);
    await expect(buildPdf(input([exhibit(2, Buffer.from('not an image'), 'image/png')]))).rejects.toThrow(PdfBuildError);
  });
});

describe('upload profile', () => {
  // The bench runs the full 20-screenshot case against the 3 MB default; this keeps the test quick on a shared machine.
  it('stays under its budget with 8 full-HD screenshots, attaches nothing, still lists every hash', async () => {
    const shots = Array.from({ length: 8 }, (_, i) => makePng(1920, 1080, { look: i % 4 === 0 ? 'photo' : 'text', seed: i }));
    const inputs = shots.reduce((n, b) => n + b.length, 0);
    const budget = 1_500_000;
    expect(inputs).toBeGreaterThan(budget); // otherwise the test proves nothing
    const exhibits = shots.map((b, i) => exhibit(i + 1, b, 'image/png'));
    const r = await buildWithinBudget(input(exhibits), budget);
    expect(r.bytes.length).toBeLessThanOrEqual(budget);
    expect(r.reencoded).toBeGreaterThan(0);
    const file = toFile(r.bytes);
    qpdfCheck(file);
    expect(pdfdetach(file)).toEqual([]);
    expect(pdfimages(file).filter((i) => i.type === 'image')).toHaveLength(8);
    const text = pdftotext(file);
    for (const e of exhibits) expect(text).toContain(e.sha256);
  }, 120_000);

  it('fails with a clear message when the budget cannot be met', async () => {
    // Noise cannot be compressed at any scale: no step of the ladder can fit it.
    const shots = Array.from({ length: 3 }, (_, i) => makePng(1280, 720, { look: 'noise', seed: i }));
    await expect(buildWithinBudget(input(shots.map((b, i) => exhibit(i + 1, b, 'image/png'))), 120_000)).rejects.toThrow(
      /cannot meet its 0\.11 MB budget: even at a quarter of its size, exhibit \d \(Screenshot \d\) needs .* MB and its share is .* MB\. Split the evidence over several uploads/s,
    );
  }, 120_000);
});

describe('characters the font cannot show', () => {
  it('refuses a letter with a name the font lacks, naming the characters, instead of dropping them', async () => {
    const input = {
      title: 'Access request',
      author: '王小明',
      subject: 's',
      creator: 'Redress test',
      createdAt: new Date('2026-11-23T10:00:00Z'),
      letter: '王小明 Wang\n\nDear Data Protection Officer,',
      exhibits: [],
      attachOriginals: false,
      profileNote: '',
    };
    await expect(buildPdf(input)).rejects.toThrow(/cannot show these characters: 王 小 明\. Export as text or email instead/);
  });

  it('prints captured text with a visible "?" for a character the font lacks, and still exports', async () => {
    const { bytes } = await buildPdf({
      title: 'Complaint',
      author: 'Ελένη',
      subject: 's',
      creator: 'Redress test',
      createdAt: new Date('2026-11-23T10:00:00Z'),
      letter: 'Ελένη Παπαδοπούλου',
      exhibits: [{ number: 1, title: 'Policy 🙂', kind: 'diff', addedAt: '2026-11-23T10:00:00Z', sha256: 'a'.repeat(64), text: '+ 我们 train AI 🙂 models' }],
      attachOriginals: false,
      profileNote: '',
    });
    const text = pdftotext(toFile(bytes));
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(text).toContain('+ ?? train AI ? models');
    expect(text).toContain('Policy ?');
  });
});
