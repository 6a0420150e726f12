import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { makePng, tempCore, type TempCore } from './helpers';

let t: TempCore;
let data: string;
beforeEach(async () => {
  t = await tempCore();
  data = join(t.dir, 'data');
  t.core.close(); // the CLI opens the data folder itself
});
afterEach(() => t.close());

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', data, ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test('evidence add --json prints one array with the contract fields; verify and its exit code', async () => {
  const dir = join(t.dir, 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.png'), makePng());
  writeFileSync(join(dir, 'b.eml'), 'From: x@example.com\nSubject: Hello\nDate: Mon, 2 Sep 2024 08:00:00 +0000\n\nHi\n');
  const add = await cli('evidence', 'add', t.caseId, join(dir, 'a.png'), join(dir, 'b.eml'), '--json');
  expect(add.code).toBe(0);
  expect(add.stderr).toBe('');
  const rows = JSON.parse(add.stdout);
  expect(rows).toHaveLength(2);
  for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'sha256', 'storedPath', 'filename', 'size', 'kind', 'mime']));
  expect(rows[1]).toMatchObject({ filename: 'b.eml', kind: 'correspondence', mime: 'message/rfc822' });

  const ok = await cli('evidence', 'verify', t.caseId, '--json');
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, items: [{ status: 'ok' }, { status: 'ok' }] });

  writeFileSync(rows[0].storedPath, makePng(9, 9));
  const bad = await cli('evidence', 'verify', t.caseId);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toMatch(/^modified /m);
  expect(bad.stderr).toMatch(/verification failed: 1 modified, 0 missing/);
});

test('invalid input prints nothing on stdout, a fix on stderr, and stores nothing', async () => {
  const dir = join(t.dir, 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'fake.jpg'), 'no jpeg here');
  const r = await cli('evidence', 'add', t.caseId, join(dir, 'fake.jpg'), '--json');
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/fake\.jpg is not an image/);
  // The core speaks for every host; the CLI adds its own flag.
  expect(r.stderr).toMatch(/import it as a document instead\. To do so, run the same command with --kind document\./);
  const kind = await cli('evidence', 'add', t.caseId, join(dir, 'fake.jpg'), '--kind', 'photo');
  expect(kind.stderr).toMatch(/--kind must be one of: screenshot, document, correspondence/);
  const url = await cli('evidence', 'capture', t.caseId, 'ftp://example.org/policy', '--json');
  expect(url.code).not.toBe(0);
  expect(url.stdout).toBe('');
  expect(url.stderr).toMatch(/must start with http:\/\/ or https:\/\//);
  const unknown = await cli('evidence', 'diff', 'ev_nope', 'ev_nope2', '--json');
  expect(unknown.stderr).toMatch(/No evidence item with id "ev_nope"/);
  const show = await cli('case', 'show', t.caseId, '--json');
  expect(JSON.parse(show.stdout).evidence).toEqual([]);
});

test('a file named like an image that is not one is kept as a document when asked, and refused as a screenshot', async () => {
  const dir = join(t.dir, 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, 'fake.jpg'), 'no jpeg here');
  const shot = await cli('evidence', 'add', t.caseId, join(dir, 'fake.jpg'), '--kind', 'screenshot');
  expect(shot.code).not.toBe(0);
  expect(shot.stderr).toMatch(/fake\.jpg is not an image.*--kind document/);
  const asDoc = await cli('evidence', 'add', t.caseId, join(dir, 'fake.jpg'), '--kind', 'document', '--json');
  expect(asDoc.code).toBe(0);
  expect(JSON.parse(asDoc.stdout)[0]).toMatchObject({ filename: 'fake.jpg', kind: 'document', mime: 'text/plain' });
});

test('a capture nobody answers: the plain sentence on stderr, with the engine code after it for a terminal user', async () => {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  const r = await cli('evidence', 'capture', t.caseId, `http://127.0.0.1:${port}/privacy`, '--page', '--json');
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(
    `redress: 127.0.0.1:${port} did not accept the connection: the site may be down, or the address has a wrong port. Nothing was stored. Check the address, or try again later. (ERR_CONNECTION_REFUSED)\n`,
  );
}, 60_000);
