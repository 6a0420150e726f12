// The objection's "when you switched it off" field names the case's platform's own switch, and a platform without
// an AI-training switch (data/platforms/: `switch: null` on every setting) does not ask when it was switched off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { DraftView } from '../../electron/core/contract/drafting';
import { platformsInUse } from '../../electron/core/platforms';

describe('the switched-off field follows the platform', () => {
  let core: Core;
  let dir: string;
  const call = <T = unknown>(name: string, input: unknown): Promise<T> => core.api.call(name as never, input as never) as Promise<T>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redress-switch-field-'));
    core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-07-01T09:00:00.000Z') } });
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const platforms = platformsInUse();
  const switchOf = (id: string) => platforms.find((p) => p.id === id)!.settings.find((s) => s.switch !== null);
  it('the data has platforms of both kinds to test', () => {
    expect(platforms.filter((p) => p.id !== 'linkedin' && switchOf(p.id)).length).toBeGreaterThan(1);
    expect(platforms.filter((p) => !switchOf(p.id)).length).toBeGreaterThan(1);
  });

  for (const p of platforms) {
    for (const language of ['en', 'de', 'fr'] as const) {
      it(`${p.id} (${language})`, async () => {
        const c = await call<{ id: string }>('cases.create', { title: 'Case', country: 'IE', platform: p.id, name: 'Alex Example', email: 'alex@example.org' });
        const v = await call<DraftView>('drafting.get', { caseId: c.id, templateId: 'objection', language });
        const field = v.template.fields.find((f) => f.name === 'switched_off');
        const setting = switchOf(p.id);
        if (p.id === 'linkedin') {
          expect(field?.label).toContain('Data for Generative AI Improvement');
        } else if (setting) {
          expect(field?.label).toContain(setting.name);
          expect(field?.label).not.toContain('Data for Generative AI Improvement');
        } else {
          expect(field).toBeUndefined();
          // Every other field is still there, and nothing names LinkedIn's switch.
          expect(v.template.fields.length).toBeGreaterThan(3);
          expect(JSON.stringify(v.template.fields)).not.toContain('Data for Generative AI Improvement');
        }
      });
    }
  }
});
