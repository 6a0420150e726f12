import { homedir } from 'node:os';
import { join } from 'node:path';

/** The OS app-data folder, unless `--data-dir` or REDRESS_DATA_DIR says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.REDRESS_DATA_DIR) return env.REDRESS_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Redress');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Redress');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'Redress');
}
