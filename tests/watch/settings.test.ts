import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { tempCore, tempDir } from '../support/tmp';
import { DAY, fixtureServer, HOUR, movableClock, policyPage } from './support';

const BASE = ['We collect your profile.', 'We share it with our partners.'];
const AI = 'We use your posts to train generative AI models.';

describe('watch on/off, status and seen changes', () => {
  it('is off until turned on; a scheduled run does nothing while off, a run the user asks for always runs', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    const clock = movableClock('2026-11-24T09:00:00.000Z');
    const core = tempCore({ clock });
    const call = core.api.call.bind(core.api);

    expect(await call('watch.settings.get', {})).toEqual({ enabled: false, everyHours: 6, enabledAt: null });
    await call('watch.add', { url: `${fx.base}/p` });
    expect(await call('watch.status', {})).toEqual({ enabled: false, everyHours: 6, enabledAt: null, lastRunAt: null, nextRunAt: null, documents: 1, unseen: [] });

    expect(await call('watch.run', { scheduled: true })).toEqual([]);
    expect(fx.requests).toHaveLength(0);
    expect((await call('watch.status', {})).lastRunAt).toBeNull();

    const run = await call('watch.run', {});
    expect(run).toHaveLength(1);
    expect(fx.requests).toHaveLength(1);
    expect((await call('watch.status', {})).lastRunAt).toBe('2026-11-24T09:00:00.000Z');

    clock.advance(HOUR);
    const on = await call('watch.settings.set', { enabled: true, everyHours: 3 });
    expect(on).toEqual({ enabled: true, everyHours: 3, enabledAt: '2026-11-24T10:00:00.000Z' });
    expect(await call('watch.status', {})).toMatchObject({ enabled: true, everyHours: 3, lastRunAt: '2026-11-24T09:00:00.000Z', nextRunAt: '2026-11-24T12:00:00.000Z' });
    clock.advance(DAY);
    // Due again (the page's own interval of 1 day has passed), and the watch is on: the app's run fetches it.
    expect(await call('watch.run', { scheduled: true })).toHaveLength(1);
    expect(fx.requests).toHaveLength(2);

    // Turning it on again keeps the first time it was turned on; off leaves the interval as it was.
    await call('watch.settings.set', { enabled: true });
    expect((await call('watch.settings.get', {})).enabledAt).toBe('2026-11-24T10:00:00.000Z');
    expect(await call('watch.settings.set', { enabled: false })).toMatchObject({ enabled: false, everyHours: 3 });
    expect((await call('watch.status', {})).nextRunAt).toBeNull();

    const bad = await call('watch.settings.set', { enabled: true, everyHours: 0 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).message).toMatch(/at most once an hour/);
  });

  it('the setting is kept in the data folder: a new core on the same folder reads it', async () => {
    const dir = tempDir();
    const a = tempCore({ dataDir: dir });
    await a.api.call('watch.settings.set', { enabled: true, everyHours: 12 });
    a.close();
    const b = tempCore({ dataDir: dir });
    expect(await b.api.call('watch.settings.get', {})).toMatchObject({ enabled: true, everyHours: 12 });
  });

  it('lists AI-related changes not yet seen, with their ids and document names, until marked seen', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/q', { body: policyPage({ paragraphs: BASE }) });
    const clock = movableClock('2026-11-24T09:00:00.000Z');
    const core = tempCore({ clock });
    const call = core.api.call.bind(core.api);
    const p = (await call('watch.add', { url: `${fx.base}/p` })) as WatchedDocument;
    await call('watch.add', { url: `${fx.base}/q` });
    await call('watch.run', {});
    clock.advance(HOUR);
    fx.routes.set('/p', { body: policyPage({ paragraphs: [...BASE, AI] }) });
    fx.routes.set('/q', { body: policyPage({ paragraphs: [BASE[0], 'We no longer share it.'] }) });
    const changes = await call('watch.run', { force: true });
    expect(changes.map((c) => [c.changed, c.aiRelated])).toEqual([[true, true], [true, false]]);

    const st = await call('watch.status', {});
    expect(st.unseen).toHaveLength(1);
    expect(st.unseen[0]).toMatchObject({ checkId: changes[0].checkId, id: p.id, name: p.url.replace('http://', ''), added: [AI], aiRelated: true });

    const missing = await call('watch.markSeen', { checkIds: [changes[0].checkId, 'wc_unknown'] }).catch((e: unknown) => e);
    expect((missing as ApiError).code).toBe('not_found');
    expect((await call('watch.status', {})).unseen).toHaveLength(1);

    expect(await call('watch.markSeen', { checkIds: [changes[0].checkId] })).toEqual({ seen: 1 });
    expect(await call('watch.markSeen', { checkIds: [changes[0].checkId] })).toEqual({ seen: 0 });
    expect((await call('watch.status', {})).unseen).toEqual([]);
  });
});
