import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { tempCore } from '../support/tmp';
import { DAY, fixtureServer, movableClock, policyPage } from './support';

// These tests keep the screenshots a real run makes (support.ts turns them off for the others).
process.env.REDRESS_WATCH_SCREENSHOTS = 'on';

const BASE = ['We collect the information you give us when you create an account.', 'We share it with our service providers.'];
const AI = 'We may use your posts and profile to train generative AI models.';
const MEMBER = { title: 'LinkedIn AI training', name: 'Ada Example', email: 'ada@example.org', country: 'GB' };

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A watched page with a baseline (3 Nov 2026), then a change adding an AI-training sentence (24 Nov 2026). */
async function withChange() {
  const fx = await fixtureServer();
  const clock = movableClock('2026-11-03T08:00:00.000Z');
  const core = tempCore({ clock });
  const before = policyPage({ paragraphs: BASE });
  const after = policyPage({ paragraphs: [...BASE, AI] });
  fx.routes.set('/privacy', { body: before });
  fx.routes.set('/blocked', { status: 403 });
  const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
  const blocked = (await core.api.call('watch.add', { url: `${fx.base}/blocked` })) as WatchedDocument;
  const first = await core.api.call('watch.run', {});
  clock.advance(21 * DAY);
  fx.routes.set('/privacy', { body: after });
  const second = await core.api.call('watch.run', { force: true, id: doc.id });
  const changed = second[0];
  expect(changed).toMatchObject({ changed: true, aiRelated: true, added: [AI] });
  const baseline = first.find((c) => c.id === doc.id)!;
  const failed = first.find((c) => c.id === blocked.id)!;
  expect(failed.outcome).toBe('failed');
  return { fx, core, clock, doc, changed, baseline, failed, before, after };
}

const counts = (core: ReturnType<typeof tempCore>) =>
  Object.fromEntries(['cases', 'evidence', 'evidence_files', 'custody'].map((t) => [t, (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

describe('watch.toCase', () => {
  it('adds the earlier text, the new text, the sentence diff, and both raw pages and screenshots to a case in one go; Verify reports the case clean', async () => {
    const { core, doc, changed, before, after } = await withChange();
    const kase = await core.api.call('cases.create', MEMBER);
    const r = await core.api.call('watch.toCase', { checkId: changed.checkId, caseId: kase.id });
    expect(r.caseId).toBe(kase.id);
    expect(r.createdCase).toBe(false);
    expect(r.evidence.map((e) => e.title)).toEqual([
      `${doc.url.replace('http://', '')}, text of 3 Nov 2026`,
      `${doc.url.replace('http://', '')}, text of 24 Nov 2026`,
      `Changes between 3 Nov 2026 and 24 Nov 2026: ${doc.url.replace('http://', '')}`,
      `${doc.url.replace('http://', '')}, page as fetched on 3 Nov 2026`,
      `${doc.url.replace('http://', '')}, screenshot of the page fetched on 3 Nov 2026`,
      `${doc.url.replace('http://', '')}, page as fetched on 24 Nov 2026`,
      `${doc.url.replace('http://', '')}, screenshot of the page fetched on 24 Nov 2026`,
    ]);
    expect(r.evidence.map((e) => [e.kind, e.mime])).toEqual([
      ['document', 'text/plain'],
      ['document', 'text/plain'],
      ['document', 'text/plain'],
      ['document', 'text/html'],
      ['screenshot', 'image/png'],
      ['document', 'text/html'],
      ['screenshot', 'image/png'],
    ]);
    expect(r.evidence.every((e) => e.sourceUrl === doc.url)).toBe(true);

    // The kept texts, byte for byte what the watch recorded; their records name the page, the time, its hash and status.
    const snaps = core.ctx.db.prepare('SELECT * FROM watch_snapshots WHERE document_id = ? ORDER BY checked_at').all(doc.id) as {
      id: string;
      text: string;
      text_sha256: string;
      raw_sha256: string;
      shot_sha256: string;
      shot_size: number;
      checked_at: string;
    }[];
    expect(snaps).toHaveLength(2);
    const [a, b, d, pa, sa, pb, sb] = await Promise.all(r.evidence.map((e) => core.api.call('evidence.get', { id: e.id })));
    for (const [item, snap, page] of [[a, snaps[0], before], [b, snaps[1], after]] as const) {
      expect(item.sha256).toBe(snap.text_sha256);
      expect(readFileSync(item.artifacts[0].storedPath, 'utf8')).toBe(snap.text);
      expect(item.capturedAt).toBe(snap.checked_at);
      expect(item.record).toMatchObject({ source: 'watch', url: doc.url, fetchedAt: snap.checked_at, httpStatus: 200, rawSha256: sha(page), textSha256: snap.text_sha256, checkId: changed.checkId });
    }
    expect(readFileSync(b.artifacts[0].storedPath, 'utf8')).toContain(AI);
    expect(readFileSync(a.artifacts[0].storedPath, 'utf8')).not.toContain(AI);
    const diff = readFileSync(d.artifacts[0].storedPath, 'utf8');
    expect(diff).toMatch(/^Changes between 3 Nov 2026 and 24 Nov 2026: /);
    expect(diff).toContain(`+ ${AI} [AI-related]`);
    expect(diff).toContain(`page sha256 ${sha(before)}`);
    expect(diff).toContain(`page sha256 ${sha(after)}`);
    expect(diff).toContain('Removed sentences (0):');
    expect(d.record).toMatchObject({ source: 'watch', part: 'changes', added: [AI], removed: [], aiRelated: true });

    // The raw pages, byte for byte what was fetched, and the screenshots the watch kept, each with the page's facts.
    for (const [page, shot, snap, html, side] of [[pa, sa, snaps[0], before, 'earlier'], [pb, sb, snaps[1], after, 'later']] as const) {
      expect(readFileSync(page.artifacts[0].storedPath, 'utf8')).toBe(html);
      expect(page.sha256).toBe(sha(html));
      expect(page.record).toMatchObject({ source: 'watch', part: `${side}-page`, url: doc.url, fetchedAt: snap.checked_at, httpStatus: 200, rawSha256: sha(html), textSha256: snap.text_sha256, snapshotId: snap.id });
      const png = readFileSync(shot.artifacts[0].storedPath);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(shot.sha256).toBe(snap.shot_sha256);
      expect(sha(png)).toBe(snap.shot_sha256);
      expect(png.length).toBe(snap.shot_size);
      expect(shot.record).toMatchObject({
        source: 'watch',
        part: `${side}-screenshot`,
        url: doc.url,
        fetchedAt: snap.checked_at,
        httpStatus: 200,
        rawSha256: sha(html),
        screenshotSha256: snap.shot_sha256,
        renderedOffline: true,
        screenshot: { rendering: 'offline', javascript: false, externalResources: false },
      });
    }
    expect(diff).toContain(`screenshot sha256 ${snaps[1].shot_sha256}`);

    const custody = await core.api.call('evidence.custody', { caseId: kase.id });
    expect(custody.ok).toBe(true);
    const actions = custody.entries.map((e) => e.action);
    expect(actions.filter((x) => x === 'evidence.add')).toHaveLength(7);
    expect(actions).toContain('watch.import');
    const imp = custody.entries.find((e) => e.action === 'watch.import')!;
    expect(imp.detail).toMatchObject({ checkId: changed.checkId, url: doc.url, evidenceIds: r.evidence.map((e) => e.id) });

    const verified = await core.api.call('evidence.verify', { caseId: kase.id });
    expect(verified.ok).toBe(true);
    expect(verified.items.map((i) => i.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(verified.custody.ok).toBe(true);

    // The same change is not added twice to one case; once its items are deleted, it can be added again.
    const twice = await core.api.call('watch.toCase', { checkId: changed.checkId, caseId: kase.id }).catch((e: unknown) => e);
    expect((twice as ApiError).code).toBe('conflict');
    expect((twice as ApiError).message).toMatch(/already in case .*not added again/);
    expect(await core.api.call('evidence.list', { caseId: kase.id })).toHaveLength(7);
    for (const e of r.evidence) await core.api.call('evidence.delete', { id: e.id, confirm: true });
    expect((await core.api.call('watch.toCase', { checkId: changed.checkId, caseId: kase.id })).evidence).toHaveLength(7);
    expect((await core.api.call('evidence.verify', { caseId: kase.id })).ok).toBe(true);
  });

  it('a case with a change in it travels in a case bundle and verifies clean where it is imported', async () => {
    const { core, changed } = await withChange();
    const r = await core.api.call('watch.toCase', { checkId: changed.checkId, newCase: MEMBER });
    const bundle = await core.api.call('cases.exportBundle', { id: r.caseId });
    const other = tempCore();
    const id = (await other.api.call('cases.importBundle', { dataBase64: bundle.dataBase64! })).case.id;
    const list = await other.api.call('evidence.list', { caseId: id });
    expect(list.map((e) => e.title)).toEqual(r.evidence.map((e) => e.title));
    expect(list.map((e) => e.sha256)).toEqual(r.evidence.map((e) => e.sha256));
    expect(list.filter((e) => e.kind === 'screenshot')).toHaveLength(2);
    const verified = await other.api.call('evidence.verify', { caseId: id });
    expect(verified.ok).toBe(true);
    expect(verified.items.every((i) => i.status === 'ok')).toBe(true);
    expect(verified.custody.ok).toBe(true);
  });

  it('starts a new case with the change when asked, and Verify reports it clean', async () => {
    const { core, changed } = await withChange();
    const r = await core.api.call('watch.toCase', { checkId: changed.checkId, newCase: { ...MEMBER, country: 'de', region: undefined } });
    expect(r.createdCase).toBe(true);
    const kase = await core.api.call('cases.get', { id: r.caseId });
    expect(kase).toMatchObject({ title: MEMBER.title, name: MEMBER.name, email: MEMBER.email, country: 'DE', status: 'draft' });
    expect(await core.api.call('evidence.list', { caseId: r.caseId })).toHaveLength(7);
    expect((await core.api.call('evidence.verify', { caseId: r.caseId })).ok).toBe(true);
  });

  it('refuses an unknown change, a failed check, a baseline, an unknown case and a bad new case, writing nothing', async () => {
    const { core, changed, baseline, failed } = await withChange();
    const kase = await core.api.call('cases.create', MEMBER);
    const start = counts(core);
    const refuse = async (input: Parameters<typeof core.api.call<'watch.toCase'>>[1], code: string, message: RegExp) => {
      const err = await core.api.call('watch.toCase', input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe(code);
      expect((err as ApiError).message).toMatch(message);
    };
    await refuse({ checkId: 'wc_nothere', caseId: kase.id }, 'not_found', /No watch change with id "wc_nothere"/);
    await refuse({ checkId: failed.checkId, caseId: kase.id }, 'invalid_input', /failed check .*HTTP 403.*no new text/);
    await refuse({ checkId: baseline.checkId, caseId: kase.id }, 'invalid_input', /first recorded version .* no earlier version/);
    await refuse({ checkId: changed.checkId, caseId: 'case_nothere' }, 'not_found', /No case with id "case_nothere"/);
    await refuse({ checkId: changed.checkId, newCase: { ...MEMBER, email: 'not an address' } }, 'invalid_input', /Email must be an address/);
    await refuse({ checkId: changed.checkId }, 'invalid_input', /Name the case .* or give the details of a new case/);
    await refuse({ checkId: changed.checkId, caseId: kase.id, newCase: MEMBER }, 'invalid_input', /not both/);
    expect(counts(core)).toEqual(start);
    const tmp = join(core.ctx.dataDir, 'evidence', 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });
});
