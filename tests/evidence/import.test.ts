import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import { MAX_IMPORT_BYTES } from '../../electron/core/contract/evidence';
import { blobPath, storeRoot } from '../../electron/core/evidence/store';
import { makePng, tempCore, type TempCore } from './helpers';

let t: TempCore;
let src: string;
beforeEach(async () => {
  t = await tempCore();
  src = join(t.dir, 'src');
  mkdirSync(src);
});
afterEach(() => t.close());

const put = (name: string, data: Buffer | string) => {
  const p = join(src, name);
  writeFileSync(p, data);
  return p;
};
const storedFiles = () =>
  existsSync(storeRoot(join(t.dir, 'data')))
    ? readdirSync(storeRoot(join(t.dir, 'data')), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name)
    : [];
const rejectWith = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
};

test('imports a PNG, an email and a PDF: type from the bytes, dates from the metadata, content-addressed', async () => {
  const png = makePng(5, 4, 'Wed, 18 Sep 2024 09:30:00 GMT');
  const email = 'From: LinkedIn <dpo@example.com>\nSubject: Re: Objection\nDate: Tue, 01 Oct 2024 12:00:00 +0200\n\nHello.\n';
  const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
  const added = await t.core.api.call('evidence.add', {
    caseId: t.caseId,
    // The names lie: the type comes from the content.
    paths: [put('shot.dat', png), put('mail.txt', email), put('letter.bin', pdf)],
  });
  expect(added.map((a) => [a.kind, a.mime])).toEqual([
    ['screenshot', 'image/png'],
    ['correspondence', 'message/rfc822'],
    ['document', 'application/pdf'],
  ]);
  expect(added[0].capturedAt).toBe('2024-09-18T09:30:00.000Z');
  expect(added[1].capturedAt).toBe('2024-10-01T10:00:00.000Z');
  expect(added[0].storedPath).toBe(blobPath(join(t.dir, 'data'), added[0].sha256));
  expect(readFileSync(added[0].storedPath).equals(png)).toBe(true);
  const list = await t.core.api.call('evidence.list', { caseId: t.caseId });
  expect(list.find((e) => e.kind === 'correspondence')?.title).toBe('Re: Objection');
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.entries.map((e) => e.action)).toEqual(['evidence.add', 'evidence.add', 'evidence.add']);
});

test('refuses a fake image, a truncated or damaged PNG, an empty file, and a file over the limit', async () => {
  const png = makePng(40, 30);
  const fake = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('photo.png', 'just some text, not a picture')] }));
  expect(fake.message).toMatch(/photo\.png is not an image: its content looks like plain text/);
  const cut = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('cut.png', png.subarray(0, png.length - 20))] }));
  expect(cut.message).toMatch(/cut\.png does not decode as PNG: .*cut short/);
  const damaged = Buffer.from(png);
  damaged[damaged.length - 25] ^= 0xff;
  const bad = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('bad.png', damaged)] }));
  expect(bad.message).toMatch(/does not decode as PNG/);
  const empty = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('empty.pdf', '')] }));
  expect(empty.message).toBe('empty.pdf is empty (0 bytes); there is nothing to keep as evidence.');
  // A sparse file: 2 GB on paper, no disk used, and refused before a byte is read.
  const huge = put('huge.mov', '');
  truncateSync(huge, 2 * 1024 * 1024 * 1024);
  const big = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [huge] }));
  expect(big.code).toBe('too_large');
  expect(big.message).toContain(`limit of ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  expect(await t.core.api.call('evidence.list', { caseId: t.caseId })).toEqual([]);
  expect(storedFiles()).toEqual([]);
});

test('one bad file in a batch stores nothing and leaves earlier evidence untouched', async () => {
  const first = await t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('a.png', makePng())] });
  const before = readFileSync(first[0].storedPath);
  await rejectWith(
    t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('b.txt', 'fine text'), put('c.jpg', 'not a jpeg')] }),
  );
  const list = await t.core.api.call('evidence.list', { caseId: t.caseId });
  expect(list.map((e) => e.id)).toEqual([first[0].id]);
  expect(readFileSync(first[0].storedPath).equals(before)).toBe(true);
  expect(storedFiles()).toEqual([first[0].sha256]);
});

test('names with a folder, "..", or control characters are refused with a clear message', async () => {
  const bad = ['../evil.png', 'dir/x.pdf', '..', 'tab\there.txt', 'bell\u0007.png'];
  for (const filename of bad) {
    const err = await rejectWith(t.core.api.call('evidence.upload', { caseId: t.caseId, filename, dataBase64: Buffer.from('x').toString('base64') }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/rename the file/);
  }
  const ctl = put('ctl\u0001name.txt', 'hello');
  const err = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [ctl] }));
  expect(err.message).toMatch(/control characters/);
  const missing = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [join(src, 'nope.pdf')] }));
  expect(missing.message).toMatch(/no such file/);
  // Greek and Polish names are fine.
  const ok = await t.core.api.call('evidence.upload', { caseId: t.caseId, filename: 'Zażółć Παπαδοπούλου.txt', dataBase64: Buffer.from('γειά').toString('base64') });
  expect(ok.filename).toBe('Zażółć Παπαδοπούλου.txt');
});

test.each(['browser', 'electron'] as const)('importing by path is refused in the %s host (windows upload bytes)', async (host) => {
  const b = await tempCore({ host });
  try {
    const err = await rejectWith(b.core.api.call('evidence.add', { caseId: b.caseId, paths: ['/etc/hostname'] }));
    expect(err.message).toMatch(/only available from the command line; upload the file instead/);
    expect(await b.core.api.call('evidence.list', { caseId: b.caseId })).toEqual([]);
  } finally {
    b.close();
  }
});

test('an orphan file (no row) and a left-over temp file are removed at the next start; stored evidence stays', async () => {
  const kept = await t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('k.png', makePng())] });
  const root = storeRoot(join(t.dir, 'data'));
  const orphan = join(root, 'ff', 'f'.repeat(64));
  const temp = join(root, 'tmp', `${Date.now().toString(36)}-0123456789ab.part`);
  mkdirSync(join(root, 'ff'), { recursive: true });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(orphan, 'half');
  writeFileSync(temp, 'half');
  const old = new Date(Date.now() - 2 * 3600_000);
  utimesSync(orphan, old, old);
  utimesSync(temp, old, old);
  await t.reopen();
  expect(existsSync(orphan)).toBe(false);
  expect(existsSync(temp)).toBe(false);
  expect(existsSync(kept[0].storedPath)).toBe(true);
});

test('a JPEG: EXIF date with its offset becomes UTC; without an offset it stays device time; a cut JPEG is refused', async () => {
  const { makeJpeg } = await import('./helpers');
  const [withZone, noZone] = await t.core.api.call('evidence.add', {
    caseId: t.caseId,
    paths: [put('phone.jpg', makeJpeg('2025:11:03 09:15:00', '+01:00')), put('camera.jpeg', makeJpeg('2025:11:03 09:15:00'))],
  });
  expect(withZone).toMatchObject({ mime: 'image/jpeg', kind: 'screenshot', capturedAt: '2025-11-03T08:15:00.000Z' });
  expect(noZone.capturedAt).toBe('2025-11-03T09:15:00');
  const err = await rejectWith(t.core.api.call('evidence.add', { caseId: t.caseId, paths: [put('cut.jpg', makeJpeg(undefined, undefined, { cut: true }))] }));
  expect(err.message).toMatch(/cut\.jpg does not decode as JPG: it has no end marker/);
});
