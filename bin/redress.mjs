#!/usr/bin/env node
// The `redress` command. Runs the prebuilt bundle (dist-cli/redress.mjs, from `npm run build:cli`, also built by
// `npm install`) when it is newer than every source it was built from; otherwise (no build yet, or a source edited
// since) it runs the TypeScript through tsx, so a checkout needs no build step. REDRESS_CLI=source forces tsx.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
// The core finds templates and facts beside its own module, which in the bundle is dist-cli/: point it at the
// package's folders instead (electron/main/index.ts does the same for the app).
process.env.REDRESS_TEMPLATES_DIR ||= join(root, 'templates');
process.env.REDRESS_FACTS_DIR ||= join(root, 'data');

const bundle = join(root, 'dist-cli', 'redress.mjs');

/** The bundle is usable when it exists and no source listed in dist-cli/inputs.json is newer (about 100 stats). */
function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    if (!existsSync(join(root, 'electron'))) return true; // installed without sources: the bundle is all there is
    const inputs = JSON.parse(readFileSync(join(root, 'dist-cli', 'inputs.json'), 'utf8'));
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > built) return false;
    return true;
  } catch {
    return false; // no bundle, no inputs list, or a source gone since the build
  }
}

if (process.env.REDRESS_CLI !== 'source' && bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
