import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core';

const open: { core: Core; dir: string }[] = [];

/** A core on a fresh data folder with "now" fixed at noon on `today` (local time, so the calendar date is stable). */
export function makeCore(today = '2026-06-10'): Core & { dir: string; setToday(d: string): void } {
  const dir = mkdtempSync(join(tmpdir(), 'redress-tracking-'));
  let now = new Date(`${today}T12:00:00`);
  const core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => now } });
  open.push({ core, dir });
  return Object.assign(core, { dir, setToday: (d: string) => (now = new Date(`${d}T12:00:00`)) });
}

export async function newCase(core: Core, over: Partial<{ title: string; country: string; name: string }> = {}) {
  return core.api.call('cases.create', { title: 'LinkedIn objection', country: 'DE', name: 'Maria Müller', email: 'maria@example.org', ...over });
}

export const count = (core: Core, table: string) => (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
