import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import type { ApiInput, ApiName, ApiOutput } from '../../electron/core/contract';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { runWatch } from '../../electron/core/watch/run';
import { watchBlobPath } from '../../electron/core/watch/repo';
import { tempCore } from '../support/tmp';
import { closedPort, DAY, fixtureServer, HOUR, movableClock, policyPage } from './support';

const BASE = [
  'We collect the information you give us when you create an account.',
  'We use it to provide and improve the service. We keep it while your account is open.',
  'You can object to processing based on legitimate interests at any time.',
];
const AI_SENTENCE = 'We may use your personal data to develop and train artificial intelligence (AI) models.';

function setup() {
  const clock = movableClock('2026-03-01T09:00:00.000Z');
  const core = tempCore({ clock });
  // A URL added with watch.add gives one document (the platform form gives a list, tested in platform.test.ts).
  const call = core.api.call.bind(core.api) as <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<K extends 'watch.add' ? WatchedDocument : ApiOutput<K>>;
  return { core, clock, call };
}

const rowCount = (core: ReturnType<typeof tempCore>, table: string) => (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('policy watch', () => {
  it('records a baseline, ignores navigation, cookie banner and footer changes, flags an added AI-training sentence, then reports no change', async () => {
    const fx = await fixtureServer();
    const { core, clock, call } = setup();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: BASE }) });
    const doc = await call('watch.add', { url: `${fx.base}/privacy` });
    expect(doc).toMatchObject({ url: `${fx.base}/privacy`, every: DAY / 1000, select: [], remove: [], lastCheckedAt: null });

    const [first] = await call('watch.run', {});
    expect(first).toMatchObject({ id: doc.id, url: doc.url, changed: false, baseline: true, aiRelated: false, added: [], removed: [], httpStatus: 200 });
    expect(first.snapshotId).toMatch(/^ws_/);
    expect(first.failed).toBeUndefined();
    expect(first.checkedAt).toBe('2026-03-01T09:00:00.000Z');

    // Navigation, the cookie banner, the footer and the copyright year change: not a policy change.
    clock.advance(DAY);
    fx.routes.set('/privacy', {
      body: policyPage({ paragraphs: BASE, nav: 'Start page', banner: 'This site uses cookies and similar technologies. Choose.', footer: '© 2026 Example Corporation. All rights reserved.' }),
    });
    const [second] = await call('watch.run', {});
    expect(second).toMatchObject({ changed: false, baseline: false, aiRelated: false, added: [], removed: [], snapshotId: first.snapshotId });
    expect(rowCount(core, 'watch_snapshots')).toBe(1);

    // An added AI-training sentence inside a paragraph.
    clock.advance(DAY);
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: [BASE[0], `${BASE[1]} ${AI_SENTENCE}`, BASE[2]] }) });
    const [third] = await call('watch.run', {});
    expect(third).toMatchObject({ changed: true, aiRelated: true, added: [AI_SENTENCE], removed: [], aiSentences: [AI_SENTENCE] });
    expect(third.snapshotId).not.toBe(first.snapshotId);
    expect(rowCount(core, 'watch_snapshots')).toBe(2);

    // Nothing changed since: no change, same snapshot.
    clock.advance(DAY);
    const [fourth] = await call('watch.run', {});
    expect(fourth).toMatchObject({ changed: false, aiRelated: false, added: [], removed: [], snapshotId: third.snapshotId });

    const log = await call('watch.log', { id: doc.id });
    expect(log.map((c) => c.outcome)).toEqual(['unchanged', 'changed', 'unchanged', 'baseline']);
    expect(log[1].added).toEqual([AI_SENTENCE]);
    const [listed] = await call('watch.list', {});
    expect(listed).toMatchObject({ lastCheckedAt: fourth.checkedAt, lastOutcome: 'unchanged', lastChangedAt: third.checkedAt, snapshots: 2 });

    // The raw page is kept as a content-addressed file whose name is its SHA-256.
    const snap = core.ctx.db.prepare('SELECT raw_sha256, text FROM watch_snapshots WHERE id = ?').get(third.snapshotId) as { raw_sha256: string; text: string };
    const raw = readFileSync(watchBlobPath(core.ctx.dataDir, snap.raw_sha256));
    expect(createHash('sha256').update(raw).digest('hex')).toBe(snap.raw_sha256);
    expect(raw.toString('utf8')).toContain(AI_SENTENCE);
    expect(snap.text).not.toMatch(/cookies|Help|Sign in|2024/);
  });

  it('a removed sentence that is not about AI is a change, not AI-related; a removed AI sentence is AI-related', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    fx.routes.set('/p', { body: policyPage({ paragraphs: [...BASE, AI_SENTENCE] }) });
    await call('watch.add', { url: `${fx.base}/p` });
    await call('watch.run', {});
    fx.routes.set('/p', { body: policyPage({ paragraphs: [BASE[0], BASE[2], AI_SENTENCE] }) });
    const [a] = await call('watch.run', { force: true });
    expect(a).toMatchObject({ changed: true, aiRelated: false, added: [], removed: ['We use it to provide and improve the service.', 'We keep it while your account is open.'], aiSentences: [] });
    fx.routes.set('/p', { body: policyPage({ paragraphs: [BASE[0], BASE[2]] }) });
    const [b] = await call('watch.run', { force: true });
    expect(b).toMatchObject({ changed: true, aiRelated: true, removed: [AI_SENTENCE] });
  });

  it('records an unreachable page and a 403 as failures with a reason, never as no change, and lists them in the log', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    fx.routes.set('/blocked', { status: 403, body: 'Forbidden' });
    fx.routes.set('/broken', { status: 503, body: 'Down' });
    const port = await closedPort();
    const offline = await call('watch.add', { url: `http://127.0.0.1:${port}/privacy` });
    const blocked = await call('watch.add', { url: `${fx.base}/blocked` });
    const broken = await call('watch.add', { url: `${fx.base}/broken` });
    const missing = await call('watch.add', { url: `${fx.base}/gone` });
    const results = await call('watch.run', {});
    const by = (id: string) => results.find((r) => r.id === id)!;
    expect(by(offline.id)).toMatchObject({ changed: false, aiRelated: false, outcome: 'failed', httpStatus: null, snapshotId: null });
    expect(by(offline.id).failed).toMatch(/could not connect/);
    expect(by(blocked.id)).toMatchObject({ changed: false, outcome: 'failed', httpStatus: 403 });
    expect(by(blocked.id).failed).toMatch(/refused the request \(HTTP 403/);
    expect(by(broken.id).failed).toMatch(/HTTP 503/);
    expect(by(missing.id).failed).toMatch(/not found \(HTTP 404\)/);

    const log = await call('watch.log', {});
    expect(log).toHaveLength(4);
    expect(log.every((c) => c.outcome === 'failed' && !c.changed && c.failed)).toBe(true);
    expect((await call('watch.log', { id: blocked.id }))[0].failed).toBe(by(blocked.id).failed);
  });

  it('a failure after a baseline keeps the last snapshot and the next good run compares against it', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    await call('watch.add', { url: `${fx.base}/p` });
    const [base] = await call('watch.run', {});
    fx.routes.set('/p', { status: 500, body: 'oops' });
    const [failed] = await call('watch.run', { force: true });
    expect(failed).toMatchObject({ changed: false, outcome: 'failed', snapshotId: base.snapshotId });
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    const [ok] = await call('watch.run', { force: true });
    expect(ok).toMatchObject({ outcome: 'unchanged', snapshotId: base.snapshotId });
  });

  it('honours select and remove selectors', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    const page = (inside: string, ad: string, aside: string) =>
      `<html><body><div id="app"><section id="terms"><p>${inside}</p><div class="ad">${ad}</div></section><section id="other"><p>${aside}</p></section></div></body></html>`;
    fx.routes.set('/t', { body: page('You grant us a licence to your content.', 'Try Premium today!', 'Other news of the week.') });
    const doc = await call('watch.add', { url: `${fx.base}/t`, select: ['#terms'], remove: ['.ad'] });
    expect(doc).toMatchObject({ select: ['#terms'], remove: ['.ad'] });
    await call('watch.run', {});
    // Outside the selected part, and inside a removed part: no change.
    fx.routes.set('/t', { body: page('You grant us a licence to your content.', 'Try Gold now, 50% off!', 'Generative AI news of the week.') });
    const [same] = await call('watch.run', { force: true });
    expect(same).toMatchObject({ changed: false, outcome: 'unchanged' });
    // Inside: a change.
    fx.routes.set('/t', { body: page('You grant us a licence to your content, including to train our models.', 'x', 'y') });
    const [changed] = await call('watch.run', { force: true });
    expect(changed).toMatchObject({ changed: true, aiRelated: true, added: ['You grant us a licence to your content, including to train our models.'], removed: ['You grant us a licence to your content.'] });
  });

  it('a page whose selectors leave no text is a recorded failure (the layout changed), not "no change"', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    fx.routes.set('/l', { body: '<html><body><main id="policy"><p>Our policy.</p></main></body></html>' });
    await call('watch.add', { url: `${fx.base}/l`, select: ['#policy'] });
    const [base] = await call('watch.run', {});
    expect(base.baseline).toBe(true);
    fx.routes.set('/l', { body: '<html><body><main id="new-layout"><p>Our policy, moved.</p></main></body></html>' });
    const [r] = await call('watch.run', { force: true });
    expect(r).toMatchObject({ changed: false, outcome: 'failed', httpStatus: 200, snapshotId: base.snapshotId });
    expect(r.failed).toMatch(/selectors "#policy" left no text \(nothing matched them\): the page's layout may have changed/);
  });

  it('never sends a Cookie (even after the site sets one) or credentials, and says who it is in the user agent', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    fx.routes.set('/c', { body: policyPage({ paragraphs: BASE }), headers: { 'set-cookie': 'session=abc123; Path=/' } });
    fx.routes.set('/go', { status: 302, headers: { location: '/c', 'set-cookie': 'tracker=1; Path=/' } });
    await call('watch.add', { url: `${fx.base}/c` });
    await call('watch.add', { url: `${fx.base}/go` });
    await call('watch.run', {});
    await call('watch.run', { force: true });
    expect(fx.requests.map((r) => r.path).sort()).toEqual(['/c', '/c', '/c', '/c', '/go', '/go']);
    for (const r of fx.requests) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['user-agent']).toMatch(/^Redress\/0\.1\.0 \(policy watch of a personal privacy app; one request per document per run\)$/);
    }
  });

  it('sends exactly one request per document per run: no image, stylesheet, script or frame of the page is loaded', async () => {
    const fx = await fixtureServer();
    const { call } = setup();
    const sub = '<img src="/pixel.gif"><link rel="stylesheet" href="/style.css"><script src="/app.js"></script><iframe src="/frame"></iframe>';
    // No <main>: the Readability path, which parses a whole document.
    const page = (extra: string) => `<html><head>${sub}</head><body><div class="content"><h1>Terms</h1><p>These terms apply to every member of the service and to every visitor of its pages, wherever they live.</p><p>We may change them with notice.${extra}</p></div>${sub}</body></html>`;
    fx.routes.set('/terms', { body: page('') });
    await call('watch.add', { url: `${fx.base}/terms` });
    const [a] = await call('watch.run', {});
    expect(a.baseline).toBe(true);
    fx.routes.set('/terms', { body: page(' Content you post may be used for machine learning.') });
    const [b] = await call('watch.run', { force: true });
    expect(b).toMatchObject({ changed: true, aiRelated: true, added: ['Content you post may be used for machine learning.'] });
    expect(fx.requests.map((r) => r.path)).toEqual(['/terms', '/terms']);
  });

  it('refuses anything but an http(s) URL, a URL with credentials, a bad selector or a bad duration, and writes nothing', async () => {
    const { core, call } = setup();
    const bad: [unknown, RegExp][] = [
      [{ url: 'file:///etc/passwd' }, /Only http and https pages can be watched, not "file:"/],
      [{ url: 'javascript:alert(1)' }, /Only http and https/],
      [{ url: 'ftp://example.org/policy' }, /Only http and https/],
      [{ url: 'example.org/privacy' }, /Not a URL/],
      [{ url: 'https://user:secret@example.org/privacy' }, /user name or password/],
      [{ url: 'https://example.org/p', select: ['div[[['] }, /not a CSS selector/],
      [{ url: 'https://example.org/p', every: '5s' }, /duration such as 6h/],
      [{ url: 'https://example.org/p', every: '1m' }, /between every 15 minutes/],
    ];
    for (const [input, message] of bad) {
      const err = await call('watch.add', input as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('invalid_input');
      expect((err as ApiError).message).toMatch(message);
    }
    expect(await call('watch.list', {})).toEqual([]);
    for (const t of ['watch_documents', 'watch_snapshots', 'watch_checks']) expect(rowCount(core, t)).toBe(0);
    expect(existsSync(join(core.ctx.dataDir, 'watch'))).toBe(false);
  });

  it('refuses to watch the same page with the same selectors twice (the fragment does not count)', async () => {
    const { call } = setup();
    await call('watch.add', { url: 'https://example.org/terms#top' });
    await expect(call('watch.add', { url: 'https://example.org/terms' })).rejects.toThrow(/already watched with these selectors, as wd_/);
    await call('watch.add', { url: 'https://example.org/terms', select: ['main'] });
    expect((await call('watch.list', {})).map((d) => d.url)).toEqual(['https://example.org/terms', 'https://example.org/terms']);
  });

  it('checks only what is due: last check + every, with --force checking all', async () => {
    const fx = await fixtureServer();
    const { call, clock } = setup();
    fx.routes.set('/a', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/b', { body: policyPage({ paragraphs: BASE.slice(1) }) });
    const a = await call('watch.add', { url: `${fx.base}/a`, every: '6h' });
    const b = await call('watch.add', { url: `${fx.base}/b`, every: '7d' });
    expect(a.every).toBe(6 * 3600);
    expect((await call('watch.run', {})).map((r) => r.id)).toEqual([a.id, b.id]);
    clock.advance(5 * HOUR);
    expect(await call('watch.run', {})).toEqual([]);
    clock.advance(HOUR);
    expect((await call('watch.run', {})).map((r) => r.id)).toEqual([a.id]);
    expect((await call('watch.run', { force: true })).map((r) => r.id)).toEqual([a.id, b.id]);
    const listed = await call('watch.list', {});
    expect(listed.find((d) => d.id === b.id)!.dueAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString());
  });

  it('removes a document with its checks, snapshots and raw pages', async () => {
    const fx = await fixtureServer();
    const { core, call } = setup();
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/q', { body: policyPage({ paragraphs: BASE }) });
    const p = await call('watch.add', { url: `${fx.base}/p` });
    const q = await call('watch.add', { url: `${fx.base}/q` });
    await call('watch.run', {});
    const sha = (core.ctx.db.prepare('SELECT raw_sha256 FROM watch_snapshots WHERE document_id = ?').get(p.id) as { raw_sha256: string }).raw_sha256;
    // Same bytes for both pages: the file stays while the other document still holds it.
    await call('watch.remove', { id: p.id });
    expect(existsSync(watchBlobPath(core.ctx.dataDir, sha))).toBe(true);
    await call('watch.remove', { id: q.id });
    expect(existsSync(watchBlobPath(core.ctx.dataDir, sha))).toBe(false);
    for (const t of ['watch_documents', 'watch_snapshots', 'watch_checks']) expect(rowCount(core, t)).toBe(0);
    await expect(call('watch.remove', { id: p.id })).rejects.toThrow(/No watched document/);
    await expect(call('watch.log', { id: p.id })).rejects.toThrow(/No watched document/);
  });

  it('follows a few redirects to http(s) only, gives up on slow and oversized pages', async () => {
    const fx = await fixtureServer();
    const { core, call } = setup();
    fx.routes.set('/final', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/r1', { status: 301, headers: { location: '/final' } });
    fx.routes.set('/loop', { status: 302, headers: { location: '/loop' } });
    fx.routes.set('/evil', { status: 302, headers: { location: 'file:///etc/passwd' } });
    fx.routes.set('/slow', { hang: true });
    fx.routes.set('/big', { body: `<p>${'x'.repeat(20_000)}</p>` });
    const ids = Object.fromEntries(await Promise.all(['r1', 'loop', 'evil', 'slow', 'big'].map(async (k) => [k, (await call('watch.add', { url: `${fx.base}/${k}` })).id])));
    const results = await runWatch(core.ctx, { fetch: { timeoutMs: 500, maxBytes: 10_000 } });
    const by = (k: string) => results.find((r) => r.id === ids[k])!;
    expect(by('r1')).toMatchObject({ baseline: true, httpStatus: 200 });
    expect(by('loop').failed).toMatch(/more than 5 redirects/);
    expect(by('evil').failed).toMatch(/redirected to a file: address/);
    expect(by('slow').failed).toMatch(/timed out/);
    expect(by('big').failed).toMatch(/larger than/);
    expect(fx.requests.filter((r) => r.path === '/loop')).toHaveLength(6);
  });
});
