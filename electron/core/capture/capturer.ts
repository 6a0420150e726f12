import type { ToggleReading } from '../contract/evidence';
import { detectToggleJs, PAGE_INFO_JS, SCROLL_STEP_JS, SCROLL_TOP_JS, SERIALIZE_DOM_JS } from './page-scripts';
import { say } from '../i18n';
import { loadSwitchLabels, type SwitchLabels } from './switch-labels';

export interface CaptureRequest {
  url: string;
  /** `setting`: wait a little for the AI-training switch to appear; `page`: read it once. */
  purpose: 'setting' | 'page';
  /** Give up on a page that has not loaded by then. */
  timeoutMs: number;
  /**
   * The switch labels to look for (the case's platform's, from data/platforms/); data/switch-labels.json (LinkedIn's)
   * where not given. Given but empty (a platform whose file names no switch label): the switch is not looked for.
   */
  labels?: SwitchLabels;
}

/** What an engine hands back; the core hashes, stores and records it (evidence/capture.ts). */
export interface RawCapture {
  requestedUrl: string;
  finalUrl: string;
  redirectChain: string[];
  httpStatus?: number;
  responseHeaders?: Record<string, string>;
  title: string;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  userAgent: string;
  engine: { name: string; version: string };
  /** Everything done to the page, in order (scrolling for lazy content, waiting for the switch). */
  actions: string[];
  screenshotPng: Buffer;
  mhtml: string | null;
  /** The rendered DOM with form state kept (see SERIALIZE_DOM_JS). */
  domHtml: string;
  /** The main document as the server sent it, where the engine exposes it. */
  sourceHtml?: string;
  toggle: ToggleReading;
  startedAt: string;
  finishedAt: string;
}

/**
 * One contract, two engines: the Electron capturer (main process, a separate capture window the user can sign in
 * to) and the Chromium capturer (playwright-core, headless; CLI and browser host).
 */
export interface Capturer {
  readonly engine: string;
  /** True when a person can see the capture window and sign in before capturing. */
  readonly interactive: boolean;
  /** Loads the URL (or, interactive, uses the page the user has open at it) and captures it. */
  capture(request: CaptureRequest): Promise<RawCapture>;
  /** Interactive engines: shows the capture window at the URL so the user can sign in first. */
  open?(url: string): Promise<void>;
  /** Signs the capture session out: cookies, storage and cache of the capture partition. */
  clearSession(): Promise<void>;
  /** Releases the engine (closes the browser or the window). Safe to call when nothing is running. */
  close(): Promise<void>;
}

/** The few page operations the shared capture steps need; each engine implements them. */
export interface PageDriver {
  /**
   * Runs a page script (page-scripts.ts) in an isolated world of the page's main frame and returns its JSON value,
   * awaiting a promise. Never in the page's own world: the page could redefine what the script reads.
   */
  evaluate<T>(js: string): Promise<T>;
  /** Where `evaluate` runs, for the record of actions, e.g. `an isolated world (DevTools protocol)`. */
  readonly scriptWorld: string;
  /** The whole page, beyond the viewport, as PNG. */
  screenshotFullPage(): Promise<Buffer>;
  mhtml(): Promise<string | null>;
  pause(ms: number): Promise<void>;
}

export const TOGGLE_WAIT_MS = 5_000;
const MAX_SCROLL_STEPS = 60;

interface PageInfo {
  title: string;
  url: string;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  userAgent: string;
}

/** What a capture records of the switch when the platform's file names no label to look for it by. */
export function notLookedFor(): ToggleReading {
  const reasonMsg = { key: 'evidence.toggle.notLookedFor' };
  return { state: 'unknown', method: 'not-looked-for', reason: say(reasonMsg.key), reasonMsg };
}

/**
 * The engine-independent part of a capture, after the page has loaded. The switch labels are read from
 * data/switch-labels.json (through factsDir()) at every capture unless given; given but empty, no switch is looked
 * for (another platform's labels could name a control that is not this platform's switch), and the page is kept.
 */
export async function capturePage(
  driver: PageDriver,
  purpose: CaptureRequest['purpose'],
  actions: string[],
  options: { labels?: SwitchLabels } = {},
) {
  const noLabels = options.labels !== undefined && !Object.values(options.labels).some((l) => l.length);
  const detectToggle = noLabels ? '' : detectToggleJs(options.labels ?? loadSwitchLabels());
  actions.push(`ran the capture scripts in ${driver.scriptWorld}, apart from the page's own scripts`);
  // Lazy content only loads when scrolled into view, and a full-page screenshot does not scroll (playwright#19861).
  let last = -1;
  let steps = 0;
  let height = 0;
  for (; steps < MAX_SCROLL_STEPS; steps++) {
    const s = await driver.evaluate<{ height: number; y: number; viewport: number }>(SCROLL_STEP_JS);
    height = s.height;
    if (s.y + s.viewport >= s.height && s.height === last) break;
    last = s.height;
    await driver.pause(60);
  }
  await driver.evaluate(SCROLL_TOP_JS);
  actions.push(`scrolled to the bottom in ${steps} step${steps === 1 ? '' : 's'} to load lazy content (page height ${height}px), then back to the top`);

  let toggle = noLabels ? notLookedFor() : await driver.evaluate<ToggleReading>(detectToggle);
  if (noLabels) actions.push('did not look for the AI-training switch: the platform’s file names no switch label');
  if (!noLabels && purpose === 'setting' && toggle.method === 'none') {
    // The settings page builds its switch with script after load; poll for it for a bounded time.
    const until = Date.now() + TOGGLE_WAIT_MS;
    let waited = 0;
    while (toggle.method === 'none' && Date.now() < until) {
      await driver.pause(200);
      waited += 200;
      toggle = await driver.evaluate<ToggleReading>(detectToggle);
    }
    actions.push(
      toggle.method === 'none'
        ? `waited up to ${TOGGLE_WAIT_MS / 1000}s for the AI-training switch; it did not appear`
        : `waited about ${waited}ms for the AI-training switch to appear`,
    );
  }
  const info = await driver.evaluate<PageInfo>(PAGE_INFO_JS);
  const domHtml = await driver.evaluate<string>(SERIALIZE_DOM_JS);
  const screenshotPng = await driver.screenshotFullPage();
  actions.push('took a full-page screenshot');
  const mhtml = await driver.mhtml();
  if (mhtml) actions.push('saved an MHTML snapshot');
  return { info, toggle, domHtml, screenshotPng, mhtml };
}
