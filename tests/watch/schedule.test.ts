// The app's schedule of the policy watch (electron/main/watch-schedule.ts), with Electron's Notification faked: the
// runtime cannot run here, the timing and the notifications can be checked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchCheck, WatchedDocument } from '../../electron/core/contract/watch';
import { changeNotice, startWatchSchedule, type WatchCore } from '../../electron/main/watch-schedule';
import { tempCore } from '../support/tmp';
import { fixtureServer, policyPage } from './support';

const HOUR = 3600_000;

class FakeNotification {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  private click?: () => void;
  constructor(public options: { title: string; body: string }) {}
  on(_event: 'click', listener: () => void) {
    this.click = listener;
    return this;
  }
  show() {
    FakeNotification.shown.push(this);
  }
  clickIt() {
    this.click?.();
  }
}

const check = (over: Partial<WatchCheck>): WatchCheck => ({
  id: 'wd_1',
  checkId: 'wc_1',
  url: 'https://example.org/privacy',
  checkedAt: '2026-11-24T09:00:00.000Z',
  outcome: 'changed',
  changed: true,
  baseline: false,
  aiRelated: true,
  added: ['We train AI on your posts.'],
  aiSentences: ['We train AI on your posts.'],
  removed: [],
  snapshotId: 'ws_1',
  httpStatus: 200,
  ...over,
});

/** A core that answers from the test: the setting, what each run returns, and the names of unseen changes. */
function fakeCore(state: { enabled: boolean; everyHours: number; runs: WatchCheck[][]; fail?: boolean }) {
  const calls: { name: string; input: unknown }[] = [];
  const core: WatchCore = {
    api: {
      async call(name: string, input: unknown) {
        calls.push({ name, input });
        if (name === 'watch.settings.get') return { enabled: state.enabled, everyHours: state.everyHours, enabledAt: null };
        if (name === 'watch.run') {
          if (state.fail) throw new Error('the disk is full');
          return state.runs.shift() ?? [];
        }
        if (name === 'watch.status') return { unseen: [{ ...check({}), checkId: 'wc_1', name: 'LinkedIn Privacy Policy' }] };
        throw new Error(`unexpected ${name}`);
      },
    } as WatchCore['api'],
  };
  return { core, calls, runs: () => calls.filter((c) => c.name === 'watch.run') };
}

afterEach(() => {
  vi.useRealTimers();
  FakeNotification.shown = [];
  FakeNotification.supported = true;
});

describe('the watch schedule in the app', () => {
  it('runs after a short delay at start, then every everyHours, as a scheduled run; notifies each AI-related change by name, and a click opens the Watch screen', async () => {
    vi.useFakeTimers();
    const f = fakeCore({ enabled: true, everyHours: 6, runs: [[check({}), check({ checkId: 'wc_2', aiRelated: false })], [], [check({ checkId: 'wc_3', url: 'https://example.org/terms', added: [], removed: ['We never train AI.'] })]] });
    const showWatch = vi.fn();
    const stop = startWatchSchedule(f.core, { Notification: FakeNotification, showWatch, startDelayMs: 20_000 });

    await vi.advanceTimersByTimeAsync(19_999);
    expect(f.runs()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.runs()).toEqual([{ name: 'watch.run', input: { scheduled: true } }]);
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([{ title: 'Redress: LinkedIn Privacy Policy changed (AI-related)', body: 'Added: We train AI on your posts.' }]);
    FakeNotification.shown[0].clickIt();
    expect(showWatch).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(6 * HOUR - 1);
    expect(f.runs()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.runs()).toHaveLength(2);
    expect(FakeNotification.shown).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(6 * HOUR);
    expect(f.runs()).toHaveLength(3);
    // A change without a name in the status is named by its address; a removed sentence is quoted when none was added.
    expect(FakeNotification.shown[1].options).toEqual({ title: 'Redress: https://example.org/terms changed (AI-related)', body: 'Removed: We never train AI.' });

    stop();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(f.runs()).toHaveLength(3);
  });

  it('while the watch is off it only looks at the setting (nothing is fetched), and starts running once it is turned on', async () => {
    vi.useFakeTimers();
    const state = { enabled: false, everyHours: 2, runs: [] as WatchCheck[][] };
    const f = fakeCore(state);
    const stop = startWatchSchedule(f.core, { Notification: FakeNotification, showWatch: () => {}, startDelayMs: 1000, offRecheckMs: 15 * 60_000 });
    await vi.advanceTimersByTimeAsync(1000 + 4 * 15 * 60_000);
    expect(f.runs()).toHaveLength(0);
    expect(f.calls.filter((c) => c.name === 'watch.settings.get')).toHaveLength(5);
    state.enabled = true;
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(f.runs()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(f.runs()).toHaveLength(2);
    stop();
  });

  it('more than three AI-related changes in one run make one notification naming the first three', async () => {
    vi.useFakeTimers();
    const five = [1, 2, 3, 4, 5].map((i) => check({ checkId: `wc_${i}`, url: `https://example.org/p${i}` }));
    const f = fakeCore({ enabled: true, everyHours: 6, runs: [five] });
    const showWatch = vi.fn();
    const stop = startWatchSchedule(f.core, { Notification: FakeNotification, showWatch, startDelayMs: 10 });
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      { title: 'Redress: 5 policy documents changed (AI-related)', body: 'LinkedIn Privacy Policy\nhttps://example.org/p2\nhttps://example.org/p3\nand 2 more' },
    ]);
    FakeNotification.shown[0].clickIt();
    expect(showWatch).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a failed run is logged and the schedule goes on; no notification where the system has none', async () => {
    vi.useFakeTimers();
    const state = { enabled: true, everyHours: 1, runs: [[check({})]] as WatchCheck[][], fail: true };
    const f = fakeCore(state);
    const log = vi.fn();
    FakeNotification.supported = false;
    const stop = startWatchSchedule(f.core, { Notification: FakeNotification, showWatch: () => {}, startDelayMs: 10, log });
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toHaveBeenCalledWith('the policy watch could not run: the disk is full');
    state.fail = false;
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(f.runs()).toHaveLength(2);
    expect(FakeNotification.shown).toEqual([]);
    stop();
  });

  it('against a real core and the local server: off, nothing is fetched; on, a new AI-related change is notified by its address', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: ['We collect your profile.'] }) });
    const core = tempCore();
    const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
    await core.api.call('watch.run', {});
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: ['We collect your profile.', 'We train generative AI models on your posts.'] }) });
    // Make the page due again: its last check moved far into the past.
    core.ctx.db.prepare("UPDATE watch_checks SET checked_at = '2000-01-01T00:00:00.000Z'").run();

    let stop = startWatchSchedule(core, { Notification: FakeNotification, showWatch: () => {}, startDelayMs: 5, offRecheckMs: 60_000 });
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(fx.requests).toHaveLength(1);

    await core.api.call('watch.settings.set', { enabled: true });
    stop = startWatchSchedule(core, { Notification: FakeNotification, showWatch: () => {}, startDelayMs: 5 });
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1), { timeout: 10_000 });
    stop();
    expect(fx.requests).toHaveLength(2);
    expect(FakeNotification.shown[0].options).toEqual(changeNotice({ ...check({ url: doc.url, added: ['We train generative AI models on your posts.'] }), name: doc.url.replace('http://', '') }));
  });
});
