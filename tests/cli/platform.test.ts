// A case about another platform, end to end as a real process (node bin/redress.mjs): create it with --platform,
// draft the objection by its new id and by its old linkedin-* alias; the letter names X's controller, not LinkedIn's.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('redress case create --platform (real process)', () => {
  it('creates an X case and drafts its objection, by the new id and by the old alias', () => {
    const dir = tempDir();
    const run = (...a: string[]) => spawnSync('node', [join(ROOT, 'bin', 'redress.mjs'), '--data-dir', dir, ...a], { encoding: 'utf8' });
    const bad = run('case', 'create', '--title', 'T', '--country', 'DE', '--name', 'A', '--email', 'a@example.org', '--platform', 'myspace');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Platform must be one of: linkedin, facebook, instagram, whatsapp, x, reddit/);

    const created = run('case', 'create', '--title', 'X AI training objection', '--country', 'DE', '--region', 'DE-BE', '--name', 'Jana Beispiel', '--email', 'jana@example.org', '--platform', 'X', '--json');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const c = JSON.parse(created.stdout);
    expect(c).toMatchObject({ platform: 'x', country: 'DE' });

    const values = join(dir, 'values.json');
    writeFileSync(values, JSON.stringify({ situation: 'I am a journalist and my posts are my work.' }));
    for (const template of ['objection', 'linkedin-objection']) {
      const out = join(dir, `${template}.txt`);
      const r = run('draft', c.id, '--template', template, '--format', 'text', '--out', out, '--values', values, '--json');
      // The letter goes to stdout or the file; what to check before sending goes to stderr, as the app shows it.
      expect(r.stderr, template).toMatch(/^Before you send: .*\nBefore you send: Check the address before you send this: .*X Internet Unlimited Company/s);
      expect(r.status, template).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ templateId: 'objection', format: 'text' });
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('X Internet Unlimited Company');
      expect(text).toContain('I use X and write about the account registered to jana@example.org.');
      expect(text).toContain('I have found no form of X’s for objecting to this use, so I object by this letter.');
      expect(text).not.toMatch(/LinkedIn/);
    }

    const shown = run('case', 'show', c.id);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('X Internet Unlimited Company');
  });
});
