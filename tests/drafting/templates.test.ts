import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../electron/core/contract';
import { prefillValues } from '../../electron/core/drafting/compose';
import { render } from '../../electron/core/drafting/engine';
import { availability, contextVars } from '../../electron/core/drafting/prefill';
import { loadTemplate, loadTemplates, templatesDir } from '../../electron/core/drafting/templates';
import { isAllowedExternal } from '../../electron/main/security';

const mkCase = (country: string): Case => ({
  id: 'case_1',
  title: 'T',
  platform: 'linkedin',
  country,
  name: 'Zofia Łukasiewicz-Παπαδοπούλου',
  email: 'zofia@example.org',
  region: null,
  givenName: null,
  familyName: null,
  status: 'draft',
  statusReason: null,
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
});

const events = [
  { id: 'e1', caseId: 'case_1', type: 'request_sent', on: '2026-04-30', channel: 'web form', ref: 'LI-240412', note: 'Objection form' },
  { id: 'e2', caseId: 'case_1', type: 'reminder_sent', on: '2026-06-05' },
];
const deadlines = [{ kind: 'response_due', due: '2026-06-02', rule: 'one calendar month (Art 12(3))', source: 'GDPR' }];

describe('shipped templates', () => {
  const all = loadTemplates();

  it('ships the documents the issues ask for, each valid against the manifest schema', () => {
    expect(all.map((t) => t.manifest.id)).toEqual(['access-request', 'authority-complaint', 'dpc-complaint', 'ico-complaint', 'objection', 'organisation-complaint', 'reminder']);
    for (const t of all) {
      expect(t.manifest.languages[0]).toBe('en');
      expect(t.manifest.lastChecked).toMatch(/^2026-/);
      expect(t.manifest.fields.some((f) => f.required)).toBe(true);
    }
  });

  it.each(['GB', 'DE', 'CH', 'US', 'PL'])('renders every template valid for %s with no leftover placeholders', (cc) => {
    const facts = { case: mkCase(cc), events, evidence: [], deadlines, today: new Date('2026-07-01T00:00:00Z') };
    for (const t of all.filter((x) => availability(x.manifest, cc).available)) {
      const vars = contextVars(facts, t.manifest);
      const values = prefillValues(t, 'en', vars);
      const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v || 'Filled by the member.']));
      const resolved = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, render(v, { ...vars, ...filled })]));
      const letter = render(t.bodies.en.letter, { ...vars, ...resolved });
      expect(letter, t.manifest.id).not.toMatch(/\{\{|\}\}/);
      expect(letter).toContain('Zofia Łukasiewicz-Παπαδοπούλου');
      if (t.manifest.recipient === 'controller') expect(letter).toContain(cc === 'GB' || cc === 'US' ? 'LinkedIn Corporation' : 'LinkedIn Ireland Unlimited Company');
    }
  });

  it('links only pages the app may open in the browser (the external-link allowlist)', () => {
    for (const t of all) {
      for (const url of [t.manifest.sourceUrl, t.manifest.formUrl].filter((u): u is string => Boolean(u))) expect(isAllowedExternal(url), `${t.manifest.id}: ${url}`).toBe(true);
    }
  });

  it('decides availability by country and says why not', () => {
    const ico = all.find((t) => t.manifest.id === 'ico-complaint')!.manifest;
    const dpc = all.find((t) => t.manifest.id === 'dpc-complaint')!.manifest;
    expect(availability(ico, 'GB').available).toBe(true);
    expect(availability(ico, 'DE')).toEqual({
      available: false,
      reason: expect.stringMatching(/for members in the United Kingdom; this case is in Germany \(DE\)/),
      reasonMsg: { key: 'drafting.availability.notHere.listed', params: { title: 'Complaint to the ICO (UK)', countries: 'GB', country: 'DE', country_name: 'Germany' } },
    });
    expect(availability(dpc, 'NO').available).toBe(true); // EEA
    expect(availability(dpc, 'GB').reason).toMatch(/EU\/EEA and Switzerland; this case is in the United Kingdom/);
    expect(availability(dpc, 'CH').available).toBe(true); // Swiss members of LinkedIn Ireland: GDPR Art 3(1)
    expect(availability(all.find((t) => t.manifest.id === 'objection')!.manifest, 'US').available).toBe(false);
  });

  it('prefills the ICO summary within its 2,000 characters even with a long reference and every branch', () => {
    const t = all.find((x) => x.manifest.id === 'ico-complaint')!;
    const long = [{ ...events[0], ref: 'R'.repeat(100) }, { id: 'e3', caseId: 'case_1', type: 'response_received', on: '2026-06-20' }];
    for (const ev of [events, long]) {
      const vars = contextVars({ case: mkCase('GB'), events: ev, evidence: [], deadlines, today: new Date() }, t.manifest);
      const summary = prefillValues(t, 'en', vars).summary;
      expect(summary.length).toBeLessThanOrEqual(2000);
      expect(summary).toContain('30 April 2026');
    }
  });

  it('fills the timeline from events and the request facts into the reminder', () => {
    const t = all.find((x) => x.manifest.id === 'reminder')!;
    const vars = contextVars({ case: mkCase('DE'), events, evidence: [], deadlines, today: new Date() }, t.manifest);
    const v = prefillValues(t, 'en', vars);
    expect(v.original_date).toBe('30 April 2026');
    expect(v.original_ref).toBe('LI-240412');
    expect(v.due_date).toBe('2 June 2026');
    expect(vars.timeline).toBe('- 30 April 2026: Request sent (objection) by web form (reference LI-240412). Objection form\n- 5 June 2026: Reminder sent');
  });
});

describe('template loader', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-tpl-'));
    cpSync(join(templatesDir(), 'reminder'), join(dir, 'reminder'), { recursive: true });
    return join(dir, 'reminder');
  };

  it('refuses a body that uses a name no field or fact provides', () => {
    const dir = copy();
    const body = join(dir, 'body.en.md');
    writeFileSync(body, readFileSync(body, 'utf8').replace('{{message}}', '{{mesage}}'));
    expect(() => loadTemplate(dir)).toThrow(/unknown name\(s\) \{\{mesage\}\}/);
  });

  it('refuses a manifest that breaks the schema, naming the path', () => {
    const dir = copy();
    const file = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.lastChecked = 'last week';
    m.countries = ['Germany'];
    writeFileSync(file, JSON.stringify(m));
    expect(() => loadTemplate(dir)).toThrow(/countries\.0: Use ISO codes.*lastChecked: Use a date/);
  });

  it('adds a language as data: a German body and labels, no code', () => {
    const dir = copy();
    const file = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.languages = ['en', 'de'];
    m.reviewed = { en: true, de: false };
    writeFileSync(file, JSON.stringify(m));
    writeFileSync(join(dir, 'body.de.md'), readFileSync(join(dir, 'body.en.md'), 'utf8').replace('Dear Data Protection Officer', 'Sehr geehrte Damen und Herren'));
    writeFileSync(join(dir, 'labels.de.json'), JSON.stringify({ fields: { full_name: { label: 'Vollständiger Name' } } }));
    const t = loadTemplate(dir);
    expect(t.bodies.de.letter).toContain('Sehr geehrte Damen und Herren');
    expect(t.labels.de.full_name.label).toBe('Vollständiger Name');
  });

  it('refuses a review state for a language the template does not have, and a labels file naming an unknown field', () => {
    const dir = copy();
    const file = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.reviewed = { en: true, it: false };
    writeFileSync(file, JSON.stringify(m));
    expect(() => loadTemplate(dir)).toThrow(/reviewed\.it: "it" is not one of the template's languages \(en, de, fr\)/);
    m.reviewed = { en: true };
    writeFileSync(file, JSON.stringify(m));
    writeFileSync(join(dir, 'labels.fr.json'), JSON.stringify({ fields: { nope: { label: 'Non' } } }));
    expect(() => loadTemplate(dir)).toThrow(/labels\.fr\.json: "nope" is not a field of the manifest/);
  });

  it('ships, for every language after the first, a label for every field and a title and description', () => {
    for (const t of loadTemplates()) {
      for (const lang of t.manifest.languages.slice(1)) {
        expect(t.texts[lang].title, `${t.manifest.id} ${lang} title`).toBeTruthy();
        expect(t.texts[lang].description, `${t.manifest.id} ${lang} description`).toBeTruthy();
        for (const f of t.manifest.fields) {
          expect(t.labels[lang][f.name]?.label, `${t.manifest.id} ${lang} ${f.name}`).toBeTruthy();
          if (f.help) expect(t.labels[lang][f.name]?.help, `${t.manifest.id} ${lang} ${f.name} help`).toBeTruthy();
          if (f.starters) expect(t.labels[lang][f.name]?.starters?.length, `${t.manifest.id} ${lang} ${f.name} starters`).toBe(f.starters.length);
        }
      }
      expect(Object.keys(t.manifest.reviewed).every((l) => t.manifest.languages.includes(l))).toBe(true);
    }
  });
});
