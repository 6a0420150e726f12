/**
 * Capture scripts run in an isolated world: the page's DOM, but a JavaScript world of their own, with their own
 * prototypes and globals. A page that redefines `HTMLInputElement.prototype.checked`, `Element.prototype.getAttribute`,
 * `document.querySelectorAll`, `Array.from` or `JSON.stringify` changes its own world only; the capture still reads
 * the real state of the controls, the same state the screenshot shows.
 */

/** The name of the isolated world on Chromium (DevTools protocol); visible in DevTools' context list. */
export const ISOLATED_WORLD_NAME = 'redress-capture';

/** The part of a DevTools protocol session this needs (playwright's CDPSession, Electron's webContents.debugger). */
export interface CdpSender {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

interface EvaluateResult {
  result?: { value?: unknown };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}

/**
 * An `evaluate(js)` over the DevTools protocol that runs `js` in the isolated world of the page's main frame:
 * `Page.getFrameTree` for the frame id, `Page.createIsolatedWorld` (Chromium keeps one world per frame and name, so
 * asking again returns the same context until the page navigates) and `Runtime.evaluate` in that context, awaiting a
 * returned promise and handing back the value as JSON. Asked for again on every call: a page that navigates during
 * the capture gets a new world instead of a stale context id.
 */
export function isolatedEvaluator(cdp: CdpSender, worldName = ISOLATED_WORLD_NAME): <T>(js: string) => Promise<T> {
  return async <T>(js: string): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const world = (await cdp.send('Page.createIsolatedWorld', {
        frameId: tree.frameTree.frame.id,
        worldName,
        grantUniveralAccess: false, // sic: the protocol's spelling
      })) as { executionContextId: number };
      let r: EvaluateResult;
      try {
        r = (await cdp.send('Runtime.evaluate', {
          expression: js,
          contextId: world.executionContextId,
          returnByValue: true,
          awaitPromise: true,
        })) as EvaluateResult;
      } catch (err) {
        // The page navigated between creating the world and evaluating in it: try again in the new document.
        if (attempt < 3 && /context|navigat|destroyed/i.test(err instanceof Error ? err.message : String(err))) continue;
        throw err;
      }
      if (r.exceptionDetails) {
        const why = r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'unknown error';
        throw new Error(`A capture script failed in the page: ${why.split('\n')[0]}`);
      }
      return r.result?.value as T;
    }
  };
}
