import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { Clock } from '../../electron/core/util/clock';

const dirs: string[] = [];
const cores: Core[] = [];

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'redress-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A core on a fresh data folder (a real SQLite file), closed after the test. */
export function tempCore(opts: { clock?: Clock; dataDir?: string } = {}): Core {
  const core = createCore({ dataDir: opts.dataDir ?? tempDir(), host: 'cli', clock: opts.clock });
  cores.push(core);
  return core;
}

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

afterEach(() => {
  for (const c of cores.splice(0)) {
    try {
      c.close();
    } catch {
      /* already closed by the test */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
