import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { needsRegion, REGIONS, regionName } from '../../electron/core/contract';
import { tempCore, tempDir } from '../support/tmp';

const base = { title: 'AI training', name: 'Jonas Schmidt', email: 'jonas@example.org' };

describe('a case knows the member region where the country needs one', () => {
  it('asks for a state in Germany (16 Länder) and the United States (50 states and DC), nowhere else', () => {
    expect(REGIONS.DE).toHaveLength(16);
    expect(REGIONS.US).toHaveLength(51);
    expect(needsRegion('DE') && needsRegion('US')).toBe(true);
    expect(needsRegion('FR') || needsRegion('GB')).toBe(false);
    expect(regionName('DE-BY')).toBe('Bayern (Bavaria)');
  });

  it('stores region and name parts, normalised; refuses a region of another country or an unknown one, changing nothing', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', { ...base, country: 'de', region: 'de-be', givenName: 'Jonas', familyName: 'Schmidt' });
    expect(c).toMatchObject({ country: 'DE', region: 'DE-BE', givenName: 'Jonas', familyName: 'Schmidt' });
    for (const region of ['US-CA', 'DE-XX', 'Berlin']) {
      const r = await core.api.invoke('cases.create', { ...base, country: 'DE', region });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await core.api.call('cases.list', {})).toHaveLength(1);
    const moved = await core.api.call('cases.update', { id: c.id, region: 'DE-BY' });
    expect(moved.region).toBe('DE-BY');
    expect(await core.api.invoke('cases.update', { id: c.id, region: 'FR-75' })).toMatchObject({ ok: false });
    expect((await core.api.call('cases.get', { id: c.id })).region).toBe('DE-BY');
    expect((await core.api.call('cases.update', { id: c.id, region: null })).region).toBeNull();
    const plain = await core.api.call('cases.create', { ...base, country: 'FR' });
    expect(plain).toMatchObject({ region: null, givenName: null, familyName: null });
  });

  it('works through the CLI as a real process: case create --region, case edit', async () => {
    const run = promisify(execFile);
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');
    const dir = tempDir();
    const { stdout } = await run(process.execPath, [bin, '--data-dir', dir, 'case', 'create', '--title', 'T', '--country', 'US', '--region', 'US-CA', '--name', 'Ana Ruiz', '--email', 'ana@example.org', '--json']);
    const c = JSON.parse(stdout);
    expect(c.region).toBe('US-CA');
    const edited = await run(process.execPath, [bin, '--data-dir', dir, 'case', 'edit', c.id, '--region', 'US-VA', '--json']);
    expect(JSON.parse(edited.stdout).region).toBe('US-VA');
    const bad = await run(process.execPath, [bin, '--data-dir', dir, 'case', 'edit', c.id, '--region', 'DE-BE']).catch((e) => e);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not in the case's country \(US\)/);
  });
});

describe('migration 005', () => {
  it('adds region and name parts to an existing schema-4 database; old cases read back with them empty', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { migrate } = await import('../../electron/core/db/open');
    const { MIGRATIONS } = await import('../../electron/core/db/migrations');
    const { createCore } = await import('../../electron/core/index');
    const dir = tempDir();
    const db = new Database(join(dir, 'redress.sqlite'));
    expect(migrate(db, MIGRATIONS, 4)).toBe(4);
    db.prepare(`INSERT INTO cases (id, title, platform, country, name, email, status, created_at, updated_at) VALUES ('case_old', 'Old', 'linkedin', 'DE', 'Old Case', 'o@example.org', 'draft', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    db.close();
    const core = createCore({ dataDir: dir, host: 'cli' });
    try {
      expect(await core.api.call('cases.get', { id: 'case_old' })).toMatchObject({ region: null, givenName: null, familyName: null });
      expect(await core.api.invoke('cases.update', { id: 'case_old', region: 'DE-HH' })).toMatchObject({ ok: true, value: { region: 'DE-HH' } });
    } finally {
      core.close();
    }
  });
});
