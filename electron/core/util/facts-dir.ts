import { resolve } from 'node:path';

/**
 * Where the reviewed facts live (`data/`: switch labels, authorities, platforms), each with its source and check date.
 * REDRESS_FACTS_DIR overrides it (Electron points it inside the packaged app); else `data/` at the top of the checkout.
 * Not the user's data folder: that is `ctx.dataDir`.
 */
export function factsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDRESS_FACTS_DIR ? resolve(env.REDRESS_FACTS_DIR) : resolve(import.meta.dirname, '..', '..', '..', 'data');
}
