import type { Core } from '../core';

/**
 * `case show`: the case plus what each feature adds (events, evidence, deadlines). Each feature contributes a field
 * through its own function so that this file stays the single join point.
 */
export async function showCase(core: Core, id: string): Promise<Record<string, unknown>> {
  const c = await core.api.call('cases.get', { id });
  const extra: Record<string, unknown> = {};
  for (const add of SHOW_EXTENSIONS) Object.assign(extra, await add(core, id));
  return { ...c, ...extra };
}

type ShowExtension = (core: Core, id: string) => Promise<Record<string, unknown>>;
export const SHOW_EXTENSIONS: ShowExtension[] = [];
