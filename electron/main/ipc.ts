import type { Core } from '../core/index';
import type { ApiResult } from '../core/contract';
import { isAppUrl } from './security';

export const IPC_CHANNEL = 'redress:invoke';

interface InvokeEvent {
  senderFrame: { url: string } | null;
}

/**
 * The one IPC handler: the sender must be the app's own page (not a frame it embeds, not a navigated-away page), then
 * the API name and the zod schema are checked by the registry, as in every other host.
 */
export function createInvokeHandler(core: Pick<Core, 'api'>) {
  return async (event: InvokeEvent, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url;
    if (!isAppUrl(url)) {
      return { ok: false, error: { code: 'failed', message: 'Refused: the call did not come from the Redress window.' } };
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'unknown_api', message: 'API name must be a string.' } };
    return core.api.invoke(name, input);
  };
}
