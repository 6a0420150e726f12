import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a CommonJS package on first use. jsdom, playwright-core and fontkit each cost a few hundred milliseconds to
 * load; the CLI runs one command per process, so only the command that needs them should pay for them.
 */
export function lazy<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}
