// What the drafting form shows a member: every template's field labels, hints, defaults, starting points, cautions
// and reasons, for a few cases and histories. None may show raw template syntax ({{…}}).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { DraftView } from '../../electron/core/contract/drafting';
import { startersFor } from '../../electron/core/drafting/platform-text';
import { loadTemplates } from '../../electron/core/drafting/templates';

let core: Core;
let dir: string;
const call = <T = any>(name: string, input: unknown): Promise<T> => core.api.call(name as never, input as never) as Promise<T>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-fieldtext-'));
  core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-07-01T09:00:00.000Z') } });
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every piece of text the form shows for one template and case. */
function shown(v: DraftView): [string, string][] {
  const out: [string, string][] = [];
  for (const f of v.template.fields) {
    out.push([`${f.name} label`, f.label], [`${f.name} hint`, f.help ?? ''], [`${f.name} unverified`, f.unverified ?? '']);
    out.push([`${f.name} value`, v.values[f.name] ?? ''], [`${f.name} suggested`, v.prefill[f.name] ?? '']);
    for (const s of f.starters ?? []) out.push([`${f.name} starter ${s.label}`, s.label + s.text]);
  }
  v.cautions.forEach((c, i) => out.push([`caution ${i}`, c]));
  v.readiness.reasons.forEach((r, i) => out.push([`reason ${i}`, r]));
  v.preconditions.forEach((p, i) => out.push([`precondition ${i}`, p.text + p.rule]));
  out.push(['title', v.template.title], ['description', v.template.description], ['recipient', [v.recipient.name, ...v.recipient.address, v.recipient.unverified ?? ''].join('\n')]);
  return out;
}

describe('text a member sees in the drafting form', () => {
  const cases: { country: string; region?: string; events: Record<string, unknown>[] }[] = [
    { country: 'DE', region: 'DE-BE', events: [] },
    { country: 'DE', events: [{ type: 'request_sent', on: '2026-04-30' }] },
    { country: 'IE', events: [{ type: 'request_sent', on: '2026-04-30', ref: 'LI-1' }] },
    { country: 'GB', events: [{ type: 'request_sent', on: '2026-03-02', channel: 'email' }, { type: 'response_received', on: '2026-03-20' }] },
    { country: 'FR', events: [{ type: 'request_sent', on: '2026-04-30' }, { type: 'reminder_sent', on: '2026-06-05' }, { type: 'complaint_filed', on: '2026-06-20', authority: 'CNIL', ref: 'C-9' }] },
    { country: 'US', events: [] },
  ];

  for (const spec of cases) {
    it(`shows no {{…}} for any template on a ${spec.country} case with ${spec.events.length} events`, async () => {
      const c = await call<{ id: string }>('cases.create', { title: 'Case', country: spec.country, ...(spec.region ? { region: spec.region } : {}), name: 'Alex Example', email: 'alex@example.org' });
      for (const e of spec.events) await call('tracking.addEvent', { caseId: c.id, ...e });
      for (const t of loadTemplates()) {
        for (const language of t.manifest.languages) {
          const v = await call<DraftView>('drafting.get', { caseId: c.id, templateId: t.manifest.id, language });
          expect(v.language).toBe(language);
          const bad = shown(v).filter(([, text]) => text.includes('{{') || text.includes('}}'));
          expect(bad.map(([where, text]) => `${t.manifest.id} (${language}) ${where}: ${text.slice(0, 120)}`)).toEqual([]);
        }
      }
    });
  }

  it('keeps a quoting field linked: the explanation follows the situation until the member edits it', async () => {
    const c = await call<{ id: string }>('cases.create', { title: 'Case', country: 'IE', name: 'Alex Example', email: 'alex@example.org' });
    const v = await call<DraftView>('drafting.get', { caseId: c.id, templateId: 'objection' });
    expect(Object.keys(v.linked)).toEqual(['explanation']);
    expect(v.linked.explanation).toContain('{{situation}}');
    await call('drafting.save', { caseId: c.id, templateId: 'objection', values: { ...v.values, situation: 'I am a writer.', explanation: v.linked.explanation } });
    const again = await call<DraftView>('drafting.get', { caseId: c.id, templateId: 'objection' });
    expect(again.values.explanation).toContain('My particular situation: I am a writer.');
    expect(again.values.explanation).not.toContain('{{');
  });

  it('loads the starting points for “your particular situation” from the template’s data', async () => {
    const t = loadTemplates().find((x) => x.manifest.id === 'objection')!;
    const starters = t.manifest.fields.find((f) => f.name === 'situation')!.starters!;
    // LinkedIn's own two first; then those true of any platform, and one for platforms with an AI assistant.
    expect(starters.map((s) => s.label)).toEqual([
      'My posts are my work',
      'I am looking for a job',
      'My health or family',
      'My work is confidential',
      'My photos and writing are my creative work',
      'My children appear in what I share',
      'I tell the AI assistant private things',
    ]);
    for (const s of starters) {
      const sentences = s.text.split(/(?<=\.)\s+/).length;
      expect(sentences, s.label).toBeGreaterThanOrEqual(2);
      expect(sentences, s.label).toBeLessThanOrEqual(3);
      expect(s.text, s.label).toMatch(/\bI\b|\bmy\b/i);
      expect(s.text.length).toBeLessThanOrEqual(2000);
    }
    const c = await call<{ id: string }>('cases.create', { title: 'Case', country: 'DE', name: 'Alex Example', email: 'alex@example.org' });
    const v = await call<DraftView>('drafting.get', { caseId: c.id, templateId: 'objection' });
    expect(v.template.fields.find((f) => f.name === 'situation')!.starters).toEqual(startersFor(starters, 'linkedin'));
  });
});
