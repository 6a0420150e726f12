import { describe, expect, it } from 'vitest';
import type { Capturer, RawCapture } from '../../electron/core/capture/capturer';
import type { ToggleState } from '../../electron/core/contract/evidence';
import { createCore, type Core } from '../../electron/core/index';
import { makePng } from '../evidence/helpers';
import { tempDir } from '../support/tmp';
import { DAY, movableClock } from './support';

/** A capture of a settings page as an engine hands it over: the switch in the state the test says, at the time it says. */
function fakeCapturer(next: { state: ToggleState; at: string }): Capturer {
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
        domHtml: `<!DOCTYPE html><html><head><title>Settings</title></head><body><main><p>Data for Generative AI Improvement</p><input type="checkbox" ${next.state === 'on' ? 'checked' : ''} aria-label="Data for Generative AI Improvement"></main></body></html>`,
        toggle: { state: next.state, method: 'checked-property', selector: 'input', label: 'Data for Generative AI Improvement', raw: `checked=${next.state === 'on'}` },
        startedAt: next.at,
        finishedAt: next.at,
      };
    },
    async clearSession() {},
    async close() {},
  };
}

const cores: Core[] = [];
function open(clock: ReturnType<typeof movableClock>, next: { state: ToggleState; at: string }) {
  const core = createCore({ dataDir: tempDir(), host: 'cli', clock, capturer: fakeCapturer(next) });
  cores.push(core);
  return core;
}

describe('switches.status (check my switches)', () => {
  it('gives, per platform of the cases, the newest captured switch state and its date, due after 30 days or with none', async () => {
    const clock = movableClock('2026-11-24T09:00:00.000Z');
    const next = { state: 'on' as ToggleState, at: '2026-11-20T10:00:05.000Z' };
    const core = open(clock, next);
    const call = core.api.call.bind(core.api);
    try {
      expect(await call('switches.status', {})).toEqual([]);
      const a = await call('cases.create', { title: 'A', country: 'GB', name: 'Ada Example', email: 'ada@example.org' });
      const b = await call('cases.create', { title: 'B', country: 'DE', name: 'Ada Example', email: 'ada@example.org' });
      expect(await call('switches.status', {})).toEqual([{ platform: 'linkedin', platformName: 'LinkedIn', caseIds: [a.id, b.id], last: null, daysSince: null, due: true }]);

      // A page capture (no switch) does not count; a settings capture does.
      await call('evidence.capture', { caseId: a.id, url: 'https://www.linkedin.com/legal/privacy-policy', purpose: 'page' });
      expect((await call('switches.status', {}))[0].last).toBeNull();
      const first = await call('evidence.capture', { caseId: a.id, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
      let st = (await call('switches.status', {}))[0];
      expect(st).toMatchObject({ last: { evidenceId: first.id, caseId: a.id, state: 'on', confirmedBy: 'page', capturedAt: next.at }, daysSince: 3, due: false });

      // A newer capture in the other case wins; the user corrects it by hand to off.
      next.state = 'off';
      next.at = '2026-11-23T10:00:05.000Z';
      const second = await call('evidence.capture', { caseId: b.id, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
      st = (await call('switches.status', {}))[0];
      expect(st.last).toMatchObject({ evidenceId: second.id, caseId: b.id, state: 'off' });
      await call('evidence.confirmToggle', { id: second.id, state: 'on' });
      expect((await call('switches.status', {}))[0].last).toMatchObject({ state: 'on', confirmedBy: 'hand' });

      // A month on, it is due again: platforms turn switches back on.
      // (The last capture: 23 Nov 10:00; now 24 Nov 09:00 plus the days below.)
      clock.advance(29 * DAY);
      st = (await call('switches.status', {}))[0];
      expect(st).toMatchObject({ daysSince: 29, due: false });
      clock.advance(DAY);
      st = (await call('switches.status', {}))[0];
      expect(st).toMatchObject({ daysSince: 30, due: true });
    } finally {
      for (const c of cores.splice(0)) c.close();
    }
  });
});
