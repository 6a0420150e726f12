/**
 * One contract, two engines: the Electron capturer (main process, a separate capture window) and the Chromium
 * capturer (playwright-core; CLI and browser host). Owned by the evidence work, which may extend this interface.
 */
export interface Capturer {
  readonly engine: string;
}
