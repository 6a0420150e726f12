// `npm run host` / the fallback of `npm start`: serves the app to a browser on 127.0.0.1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { createChromiumCapturer } from '../core/capture/chromium';
import { defaultDataDir } from '../core/paths';
import { startHost } from './server';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } },
});
const staticDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('redress: the UI is not built yet. Run `npm run build:renderer` first (npm start does this for you).');
  process.exit(1);
}
const dataDir = values['data-dir'] ?? defaultDataDir();
// Chromium starts only when a capture is asked for, and closes after it.
const capturer = createChromiumCapturer();
const core = createCore({ dataDir, host: 'browser', capturer });
const host = await startHost({
  core,
  staticDir,
  port: values.port ? Number(values.port) : undefined,
  token: values.token ?? process.env.REDRESS_TOKEN,
});
console.log(`Redress is running at ${host.url}`);
console.log(`Data folder: ${dataDir}`);
const stop = () => {
  void host.close().then(async () => {
    await capturer.close();
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
