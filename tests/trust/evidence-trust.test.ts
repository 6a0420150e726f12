// Evidence you can trust: each test here is an attack or a stressed machine, through the real doors (a real SQLite
// file, real Chromium, the CLI and a second core as real processes, the browser host over HTTP, PDFs read back).
import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Capturer, RawCapture } from '../../electron/core/capture/capturer';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';
import { entryHash, GENESIS } from '../../electron/core/evidence/custody';
import { storeRoot } from '../../electron/core/evidence/store';
import { readStored } from '../../electron/core/util/stored-path';
import { startHost } from '../../electron/host/server';
import { makePng } from '../evidence/helpers';
import { pdftotext, toFile } from '../pdf/support/pdf-tools';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const dirs: string[] = [];
const cores: Core[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'redress-trust-'));
  dirs.push(d);
  return d;
}
function open(dataDir: string, capturer?: Capturer, host: 'cli' | 'browser' = 'cli'): Core {
  const c = createCore({ dataDir, host, capturer });
  cores.push(c);
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) {
    try {
      c.close();
    } catch {
      /* closed by the test */
    }
  }
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const newCase = (core: Core, country = 'DE') => core.api.call('cases.create', { title: 'AI training', country, name: 'Zofia Łukasiewicz', email: 'z@example.org' });

/** A capture as an engine would hand it over: the switch ON, a page text of our choosing. */
function fakeCapturer(text = 'Data for Generative AI Improvement'): Capturer {
  return {
    engine: 'test',
    interactive: false,
    async capture(req): Promise<RawCapture> {
      return {
        requestedUrl: req.url,
        finalUrl: req.url,
        redirectChain: [],
        httpStatus: 200,
        responseHeaders: {},
        title: 'Settings',
        viewport: { width: 1280, height: 900 },
        devicePixelRatio: 1,
        userAgent: 'test',
        engine: { name: 'test', version: '1' },
        actions: ['loaded'],
        screenshotPng: makePng(8, 8),
        mhtml: null,
        domHtml: `<!DOCTYPE html><html><head><title>Settings</title></head><body><main><p>${text}</p><input type="checkbox" checked aria-label="Data for Generative AI Improvement"></main></body></html>`,
        toggle: { state: 'on', method: 'checked-property', selector: 'input', label: 'Data for Generative AI Improvement', raw: 'checked=true' },
        startedAt: '2026-11-20T10:00:00.000Z',
        finishedAt: '2026-11-20T10:00:05.000Z',
      };
    },
    async clearSession() {},
    async close() {},
  };
}

describe('1. content is never a path', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const text = req.url === '/environ' ? '/proc/self/environ' : '/etc/passwd';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>Policy</title></head><body><p>${text}</p></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('a captured page whose text is /etc/passwd or /proc/self/environ is printed as that text, never read as a file', async () => {
    process.env.REDRESS_TRUST_SECRET = 'leaked-secret-7f3a91';
    const core = open(tempDir(), createChromiumCapturer());
    try {
      const c = await newCase(core);
      await core.api.call('evidence.capture', { caseId: c.id, url: `${base}/passwd`, purpose: 'page' });
      await core.api.call('evidence.capture', { caseId: c.id, url: `${base}/environ`, purpose: 'page' });
      for (const profile of ['archive', 'upload'] as const) {
        const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'linkedin-objection', format: 'pdf', profile, values: { situation: 'I write for a living.' } });
        const text = pdftotext(toFile(readFileSync(join(core.ctx.dataDir, 'exports', `${rec.id}.pdf`))));
        expect(text).toContain('/etc/passwd');
        expect(text).toContain('/proc/self/environ');
        expect(text).not.toMatch(/root:.*:0:0:/);
        expect(text).not.toContain('leaked-secret-7f3a91');
      }
    } finally {
      await core.ctx.capturer?.close();
      delete process.env.REDRESS_TRUST_SECRET;
    }
  });

  test('a tampered row cannot steer a read outside the store: a hash that is a path, an export file that is a path', async () => {
    const dir = tempDir();
    const core = open(dir);
    const c = await newCase(core);
    const added = await core.api.call('evidence.upload', { caseId: c.id, filename: 'shot.png', dataBase64: makePng().toString('base64') });
    const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'linkedin-objection', format: 'text', values: { situation: 'x' } });
    core.close();
    const db = new Database(join(dir, 'redress.sqlite'));
    db.pragma('foreign_keys = OFF');
    db.prepare("UPDATE evidence_files SET sha256 = '../../../../../../../../etc/passwd' || substr('0000000000000000000000000000000', 1, 64 - length('../../../../../../../../etc/passwd')) WHERE evidence_id = ?").run(added.id);
    db.prepare("UPDATE exports SET file = '../../../../../../../etc/passwd' WHERE id = ?").run(rec.id);
    db.close();
    const again = open(dir);
    // The file door serves neither; the export refuses with a reason; verify names the edited record.
    const { resolveFile } = await import('../../electron/core/files');
    expect(resolveFile(again.ctx, 'evidence', added.id)).toBeUndefined();
    expect(resolveFile(again.ctx, 'export', rec.id)).toBeUndefined();
    await expect(again.api.call('drafting.export', { caseId: c.id, templateId: 'linkedin-objection', format: 'pdf', values: { situation: 'x' } })).rejects.toThrow(/names no valid stored file/);
    const v = await again.api.call('evidence.verify', { caseId: c.id });
    expect(v.ok).toBe(false);
    expect(v.items.find((i) => i.id === added.id)?.problems?.join(' ')).toMatch(/not a SHA-256/);
  });

  test('the type system keeps contents out of file reads', () => {
    // @ts-expect-error a plain string (page text, user input, a row's value) is not a StoredPath
    expect(() => readStored('/etc/passwd')).toBeDefined();
  });
});

describe('2 and 5. two processes writing one data folder', () => {
  const child = (job: object) =>
    new Promise<{ done: number; failures: string[] }>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'writer-proc.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`writer exited ${code}: ${err}`))));
    });

  test('an upload of one content racing the delete of the item holding it never leaves a row without its file', async () => {
    // Each round: item A holds content X; X is uploaded again while A is deleted at a different moment of that upload
    // (0..39 turns of the event loop after its temp copy appears), so the delete lands before, inside and after the
    // upload's store step.
    const dir = tempDir();
    const core = open(dir);
    const c = await newCase(core);
    const tick = () => new Promise<void>((r) => setImmediate(r));
    const lost: string[] = [];
    for (let round = 0; round < 200; round++) {
      const x = Buffer.concat([makePng(6, 6), Buffer.from(`round ${round}`)]).toString('base64');
      const a = await core.api.call('evidence.upload', { caseId: c.id, filename: `a-${round}.png`, dataBase64: x });
      const again = core.api.call('evidence.upload', { caseId: c.id, filename: `b-${round}.png`, dataBase64: x });
      const tmp = join(storeRoot(dir), 'tmp');
      for (let i = 0; i < 10_000 && !(existsSync(tmp) && readdirSync(tmp).length); i++) await tick();
      for (let i = 0; i < round % 40 && readdirSync(tmp).length; i++) await tick();
      await core.api.call('evidence.delete', { id: a.id, confirm: true });
      const b = await again;
      if (!existsSync(join(storeRoot(dir), b.sha256.slice(0, 2), b.sha256))) lost.push(`round ${round}`);
    }
    expect(lost).toEqual([]);
    const v = await core.api.call('evidence.verify', { caseId: c.id });
    expect(v.items).toHaveLength(200);
    expect(v.ok).toBe(true);
  });

  test('the browser host over HTTP, a second core process and CLI processes write at once: no failure, every row with its file, verify clean', async () => {
    const dir = tempDir();
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Redress</title>');
    const core = open(dir, undefined, 'browser');
    const host = await startHost({ core, staticDir });
    try {
      const api = async (name: string, input: unknown) => {
        const res = await fetch(`${host.url.split('?')[0].replace(/\/$/, '')}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
          body: JSON.stringify(input),
        });
        const body = (await res.json()) as { ok: boolean; value?: any; error?: { message: string } };
        if (!body.ok) throw new Error(body.error?.message);
        return body.value;
      };
      const c = await api('cases.create', { title: 'Shared', country: 'DE', name: 'Zofia', email: 'z@example.org' });
      const png = makePng(5, 5);
      const writer = child({ dataDir: dir, caseId: c.id, mode: 'writes', count: 300, payload: png.toString('base64') });
      const clis = Array.from({ length: 4 }, (_, i) =>
        run(process.execPath, [BIN, '--data-dir', dir, 'event', 'add', c.id, '--type', 'note', '--on', '2026-11-21', '--note', `cli ${i}`, '--json']).then(() => 'ok', (e) => `cli failed: ${e.stderr}`),
      );
      const failures: string[] = [];
      for (let i = 0; i < 300; i++) {
        try {
          if (i % 3 === 0) await api('evidence.upload', { caseId: c.id, filename: `h-${i}.png`, dataBase64: Buffer.concat([png, Buffer.from(`h${i}`)]).toString('base64') });
          else if (i % 3 === 1) await api('tracking.addEvent', { caseId: c.id, type: 'note', on: '2026-11-22', note: `host ${i}` });
          else await api('cases.create', { title: `Host ${i}`, country: 'FR', name: 'Zofia', email: 'z@example.org' });
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      const w = await writer;
      expect(await Promise.all(clis)).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect(failures).toEqual([]);
      expect(w.failures).toEqual([]);
      const items = (await api('evidence.list', { caseId: c.id })) as { sha256: string }[];
      expect(items).toHaveLength(100 + 75);
      for (const it of items) expect(existsSync(join(storeRoot(dir), it.sha256.slice(0, 2), it.sha256))).toBe(true);
      const t = await api('tracking.get', { caseId: c.id });
      expect(t.events.filter((e: { type: string }) => e.type === 'note')).toHaveLength(100 + 75 + 4);
      const v = await api('evidence.verify', { caseId: c.id });
      expect(v.ok).toBe(true);
      expect(v.custody.anchor.status).toMatch(/match|lagging/);
    } finally {
      await host.close();
    }
  });

  test('4. verify while another process uploads reports nothing that is not there, and logs nothing false', async () => {
    const dir = tempDir();
    const core = open(dir);
    const c = await newCase(core);
    const writer = child({ dataDir: dir, caseId: c.id, mode: 'writes', count: 240, payload: makePng(4, 4).toString('base64') });
    let finished = false;
    void writer.finally(() => (finished = true));
    const bad: unknown[] = [];
    let verifies = 0;
    while (!finished || verifies < 50) {
      const v = await core.api.call('evidence.verify', { caseId: c.id });
      verifies++;
      if (!v.ok) bad.push(v);
      if (verifies > 1000) break;
    }
    expect((await writer).failures).toEqual([]);
    expect(bad).toEqual([]);
    const log = await core.api.call('evidence.custody', { caseId: c.id });
    expect(log.ok).toBe(true);
    expect(log.entries.filter((e) => e.action === 'evidence.verify' && e.detail.ok !== true)).toEqual([]);
  });
});

describe('3. verify sees tampering done in the database', () => {
  async function setup() {
    const dir = tempDir();
    const core = open(dir, fakeCapturer());
    const c = await newCase(core);
    const file = await core.api.call('evidence.upload', { caseId: c.id, filename: 'shot.png', dataBase64: makePng(3, 3).toString('base64') });
    const cap = await core.api.call('evidence.capture', { caseId: c.id, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
    const first = await core.api.call('evidence.verify', { caseId: c.id });
    expect(first.ok).toBe(true);
    core.close();
    return { dir, caseId: c.id, fileId: file.id, capId: cap.id, db: () => new Database(join(dir, 'redress.sqlite')) };
  }
  const verify = async (dir: string, caseId: string) => open(dir).api.call('evidence.verify', { caseId });

  test('a replaced file whose hash was rewritten in its row', async () => {
    const s = await setup();
    const other = makePng(9, 9);
    const h = sha(other);
    mkdirSync(join(storeRoot(s.dir), h.slice(0, 2)), { recursive: true });
    writeFileSync(join(storeRoot(s.dir), h.slice(0, 2), h), other);
    const db = s.db();
    db.prepare('UPDATE evidence SET sha256 = ?, size = ? WHERE id = ?').run(h, other.length, s.fileId);
    db.prepare("UPDATE evidence_files SET sha256 = ?, size = ? WHERE evidence_id = ? AND role = 'primary'").run(h, other.length, s.fileId);
    db.close();
    const v = await verify(s.dir, s.caseId);
    expect(v.ok).toBe(false);
    const item = v.items.find((i) => i.id === s.fileId)!;
    expect(item.status).toBe('modified');
    expect(item.problems!.join(' ')).toMatch(/hash in the database .* differs from the one logged when it was added/);
  });

  test.each([
    ['the switch state (on -> off)', "UPDATE evidence SET toggle_state = 'off' WHERE id = ?", /switch state/],
    ['the source URL', "UPDATE evidence SET source_url = 'https://example.org/other' WHERE id = ?", /source address/],
    ['the title', "UPDATE evidence SET title = 'Something else' WHERE id = ?", /title/],
    ['the capture time', "UPDATE evidence SET captured_at = '2025-01-01T00:00:00.000Z' WHERE id = ?", /capture time/],
    ['the capture record', "UPDATE evidence SET record = json_set(record, '$.toggle.state', 'off') WHERE id = ?", /capture record/],
  ])('a capture with %s edited in its row', async (_what, sql, problem) => {
    const s = await setup();
    const db = s.db();
    db.prepare(sql).run(s.capId);
    db.close();
    const v = await verify(s.dir, s.caseId);
    expect(v.ok).toBe(false);
    const item = v.items.find((i) => i.id === s.capId)!;
    expect(item.status).toBe('modified');
    expect(item.problems!.join(' ')).toMatch(problem);
  });

  test('a switch state confirmed by hand through Redress stays clean', async () => {
    const s = await setup();
    const core = open(s.dir);
    await core.api.call('evidence.confirmToggle', { id: s.capId, state: 'off' });
    const v = await core.api.call('evidence.verify', { caseId: s.caseId });
    expect(v.ok).toBe(true);
  });

  test('the last custody rows cut off', async () => {
    const s = await setup();
    const db = s.db();
    const max = (db.prepare('SELECT max(seq) AS m FROM custody WHERE case_id = ?').get(s.caseId) as { m: number }).m;
    db.prepare('DELETE FROM custody WHERE case_id = ? AND seq >= ?').run(s.caseId, max - 1);
    db.close();
    const v = await verify(s.dir, s.caseId);
    expect(v.ok).toBe(false);
    expect(v.custody.anchor?.status).toBe('truncated');
    expect(v.custody.problem).toMatch(/cut from its end/);
  });

  test('a rewritten chain: switch logged as off, every hash recomputed', async () => {
    const s = await setup();
    const db = s.db();
    db.prepare("UPDATE evidence SET toggle_state = 'off' WHERE id = ?").run(s.capId);
    const rows = db.prepare('SELECT * FROM custody WHERE case_id = ? ORDER BY seq').all(s.caseId) as { seq: number; at: string; action: string; detail: string }[];
    let prev = GENESIS;
    for (const r of rows) {
      const detail = r.action === 'evidence.capture' ? r.detail.replace('"toggle":"on"', '"toggle":"off"') : r.detail;
      const hash = entryHash(prev, s.caseId, r.seq, r.at, r.action, detail);
      db.prepare('UPDATE custody SET detail = ?, prev_hash = ?, hash = ? WHERE case_id = ? AND seq = ?').run(detail, prev, hash, s.caseId, r.seq);
      prev = hash;
    }
    db.close();
    const v = await verify(s.dir, s.caseId);
    expect(v.ok).toBe(false);
    expect(v.custody.anchor?.status).toBe('rewritten');
    // The manifest still says on: the row is caught as well.
    expect(v.items.find((i) => i.id === s.capId)?.status).toBe('modified');
  });

  test('the head is in every verify report (CLI) and in every exported PDF', async () => {
    const s = await setup();
    const { stdout } = await run(process.execPath, [BIN, '--data-dir', s.dir, 'evidence', 'verify', s.caseId]);
    const m = /Custody log head: entry (\d+), SHA-256 ([0-9a-f]{64})/.exec(stdout);
    expect(m).not.toBeNull();
    const anchor = JSON.parse(readFileSync(join(s.dir, 'redress.sqlite.custody-heads.json'), 'utf8'));
    expect(anchor[s.caseId]).toMatchObject({ seq: Number(m![1]), hash: m![2] });
    const core = open(s.dir);
    const rec = await core.api.call('drafting.export', { caseId: s.caseId, templateId: 'linkedin-objection', format: 'pdf', values: { situation: 'x' } });
    const text = pdftotext(toFile(readFileSync(join(s.dir, 'exports', `${rec.id}.pdf`)))).replace(/\s+/g, ' ');
    expect(text).toContain(`entry ${m![1]}, SHA-256`);
    expect(text.replace(/ /g, '')).toContain(m![2]);
  });
});

describe('6. private at rest', () => {
  const mode = (p: string) => statSync(p).mode & 0o777;
  test.skipIf(process.platform === 'win32')('data folder, database, WAL, evidence and exports are 0700/0600, and an older open folder is tightened', async () => {
    const dir = join(tempDir(), 'data');
    const core = open(dir);
    const c = await newCase(core);
    await core.api.call('evidence.upload', { caseId: c.id, filename: 'shot.png', dataBase64: makePng().toString('base64') });
    await core.api.call('drafting.export', { caseId: c.id, templateId: 'linkedin-objection', format: 'pdf', values: { situation: 'x' } });
    const files: string[] = [];
    const folders: string[] = [];
    const walk = (d: string) => {
      folders.push(d);
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (lstatSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(files.some((f) => f.includes(`${join('exports', 'exp_')}`))).toBe(true);
    expect(folders.filter((f) => mode(f) !== 0o700)).toEqual([]);
    expect(files.filter((f) => mode(f) !== 0o600)).toEqual([]);
    core.close();
    // An older Redress left everything open: the next start closes it again.
    const left = files.filter((f) => existsSync(f));
    for (const f of left) chmodSync(f, 0o644);
    for (const f of folders) chmodSync(f, 0o755);
    open(dir).close();
    expect(folders.filter((f) => mode(f) !== 0o700)).toEqual([]);
    expect(left.filter((f) => mode(f) !== 0o600)).toEqual([]);
  });
});

describe('7. the start-up sweep stays inside the store', () => {
  test('links are not followed, foreign folders not emptied, a stray sub-folder does not stop the start', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    let core = open(data);
    const c = await newCase(core);
    const kept = await core.api.call('evidence.upload', { caseId: c.id, filename: 'k.png', dataBase64: makePng().toString('base64') });
    core.close();
    const root = storeRoot(data);
    const old = new Date(Date.now() - 48 * 3600_000);
    // Outside the store: a folder a link points at, holding files named like blobs.
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const victim = join(outside, 'cd' + 'e'.repeat(62));
    writeFileSync(victim, 'my own file');
    utimesSync(victim, old, old);
    symlinkSync(outside, join(root, 'cd'));
    // A link named like a blob inside a real hash folder, pointing at a file outside.
    mkdirSync(join(root, 'ab'), { recursive: true });
    const target = join(outside, 'target.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, join(root, 'ab', 'ab' + '1'.repeat(62)));
    // A plain folder the store did not make, with a file; a stray sub-folder inside a hash folder.
    mkdirSync(join(root, 'photos'));
    writeFileSync(join(root, 'photos', 'holiday.jpg'), 'x');
    mkdirSync(join(root, 'ab', 'stray-folder'));
    // A true orphan and an old temp file: removed.
    const orphan = join(root, 'ab', 'ab' + '2'.repeat(62));
    writeFileSync(orphan, 'orphan');
    utimesSync(orphan, old, old);
    core = open(data);
    const { cleanOrphans } = await import('../../electron/core/evidence/store');
    const report = cleanOrphans(core.ctx.db, data);
    expect(existsSync(victim)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(existsSync(join(root, 'ab', 'ab' + '1'.repeat(62)))).toBe(true);
    expect(existsSync(join(root, 'photos', 'holiday.jpg'))).toBe(true);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(join(root, kept.sha256.slice(0, 2), kept.sha256))).toBe(true);
    expect(report.stray.sort()).toEqual(['ab/ab' + '1'.repeat(62), 'ab/stray-folder', 'cd', 'photos'].sort());
    const v = await core.api.call('evidence.verify', { caseId: c.id });
    expect(v.ok).toBe(true);
    expect(v.store?.stray.sort()).toEqual(report.stray);
  });

  test('a crash between trashing a blob and committing the delete puts the blob back at the next start', async () => {
    const dir = tempDir();
    let core = open(dir);
    const c = await newCase(core);
    const kept = await core.api.call('evidence.upload', { caseId: c.id, filename: 'k.png', dataBase64: makePng(7, 7).toString('base64') });
    core.close();
    const root = storeRoot(dir);
    mkdirSync(join(root, 'trash'), { recursive: true });
    renameSync(join(root, kept.sha256.slice(0, 2), kept.sha256), join(root, 'trash', `${kept.sha256}.0123456789ab`));
    core = open(dir);
    expect(existsSync(join(root, kept.sha256.slice(0, 2), kept.sha256))).toBe(true);
    expect((await core.api.call('evidence.verify', { caseId: c.id })).ok).toBe(true);
  });
});

describe('a bundle imported twice: the copy with new ids still verifies against its manifests', () => {
  test('captures keep their original ids in their manifests; verify reads renamed ids back through the logged import', async () => {
    const src = tempDir();
    const core = open(src, fakeCapturer());
    const c = await newCase(core, 'FR');
    await core.api.call('evidence.upload', { caseId: c.id, filename: 'shot.png', dataBase64: makePng(3, 3).toString('base64') });
    await core.api.call('evidence.capture', { caseId: c.id, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
    const zip = join(tempDir(), 'case.zip');
    await core.api.call('cases.exportBundle', { id: c.id, out: zip });
    const dest = open(tempDir());
    const first = await dest.api.call('cases.importBundle', { path: zip });
    const second = await dest.api.call('cases.importBundle', { path: zip });
    expect(first.renamed).toBe(false);
    expect(second.renamed).toBe(true);
    for (const imported of [first, second]) {
      const v = await dest.api.call('evidence.verify', { caseId: imported.case.id });
      expect(v.items.filter((i) => i.status !== 'ok')).toEqual([]);
      expect(v.ok).toBe(true);
    }
    // A renamed copy is still checked: an edited switch state in it is caught.
    const items = await dest.api.call('evidence.list', { caseId: second.case.id });
    const cap = items.find((i) => i.kind === 'capture')!;
    dest.ctx.db.prepare("UPDATE evidence SET toggle_state = 'off' WHERE id = ?").run(cap.id);
    const v = await dest.api.call('evidence.verify', { caseId: second.case.id });
    expect(v.items.find((i) => i.id === cap.id)?.status).toBe('modified');
  });
});
