// Every letter for every platform and region: the platform and its controller come from data/platforms/, nothing of
// LinkedIn's wording reaches another platform's letter, and an unconfirmed or unknown controller address is flagged
// (a caution; a placeholder address also keeps the letter from being ready). The old linkedin-* ids still resolve.
import { describe, expect, it } from 'vitest';
import '../../electron/core/authorities';
import { PLATFORM_LABELS, PLATFORMS, type Case } from '../../electron/core/contract';
import { canonicalTemplateId, TEMPLATE_ALIASES } from '../../electron/core/contract/drafting';
import { cautionsOf, localVarsOf, findTemplate, prefillValues, readinessOf } from '../../electron/core/drafting/compose';
import { render } from '../../electron/core/drafting/engine';
import { availability, contextVars } from '../../electron/core/drafting/prefill';
import { loadTemplates } from '../../electron/core/drafting/templates';
import { controllerFor } from '../../electron/core/platforms';
import { tempCore } from '../support/tmp';

const mkCase = (platform: Case['platform'], country: string, region: string | null): Case => ({
  id: 'case_1',
  title: 'T',
  platform,
  country,
  name: 'Ada Example',
  email: 'ada@example.org',
  region,
  givenName: null,
  familyName: null,
  status: 'draft',
  statusReason: null,
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
});

const events = [
  { id: 'e1', caseId: 'case_1', type: 'request_sent', on: '2026-04-30', channel: 'letter', ref: 'R-1', requestType: 'objection' },
  { id: 'e2', caseId: 'case_1', type: 'reminder_sent', on: '2026-06-05' },
];
const deadlines = [{ kind: 'response_due', due: '2026-06-02', rule: 'one calendar month (Art 12(3))', source: 'GDPR' }];
/** A member in each of a platform's regions: eu (France, and Switzerland), uk, other (California). */
const PLACES: [string, string | null][] = [['FR', null], ['CH', null], ['GB', null], ['US', 'US-CA']];

describe('letters for every platform', () => {
  const all = loadTemplates();
  for (const platform of PLATFORMS) {
    for (const [country, region] of PLACES) {
      it(`${platform} in ${country}: every letter names the platform's controller and nothing of LinkedIn's`, () => {
        const facts = { case: mkCase(platform, country, region), events, evidence: [], deadlines, today: new Date('2026-07-01T00:00:00Z') };
        const controller = controllerFor(platform, country);
        const templates = all.filter((t) => availability(t.manifest, country).available);
        expect(templates.length).toBeGreaterThan(0);
        for (const t of templates) for (const lang of t.manifest.languages) {
          const id = `${platform}/${country}/${t.manifest.id}/${lang}`;
          const vars = contextVars(facts, t.manifest, lang);
          const values = prefillValues(t, lang, vars);
          const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v || 'Filled by the member.']));
          const resolved = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, render(v, { ...vars, ...filled })]));
          const letter = `${render(t.bodies[lang].subject, { ...vars, ...resolved })}\n${render(t.bodies[lang].letter, { ...vars, ...resolved })}`;
          expect(letter, id).not.toMatch(/\{\{|\}\}/);
          expect(letter, id).toContain(controller.name);
          expect(vars.platform_name, id).toBe(PLATFORM_LABELS[platform]);
          if (platform !== 'linkedin') {
            expect(letter, id).not.toMatch(/LinkedIn|linkedin\.com|Data for Generative AI Improvement|3 November 2025|3\. November 2025|3 novembre 2025/);
            const local = localVarsOf(facts, t.manifest);
            const cautions = cautionsOf(t.manifest, vars, '2026-07-01', local);
            const readiness = readinessOf(t.manifest, vars, '2026-07-01', local);
            if (t.manifest.recipient === 'controller') {
              if (controller.unverified) expect(cautions.join(' '), id).toMatch(/Check the address before you send this/);
              else expect(cautions.join(' '), id).not.toMatch(/Check the address/);
              if (controller.address.some((l) => /not confirmed/i.test(l))) {
                expect(readiness.ready, id).toBe(false);
                expect(readiness.reasons.join(' '), id).toMatch(/does not know .* street address/);
              }
            }
            for (const c of cautions) expect(c, id).not.toMatch(/LinkedIn/);
            for (const r of readiness.reasons) expect(r, id).not.toMatch(/LinkedIn/);
          }
        }
      });
    }
  }

  it('a platform without a switch or a form says so in the objection, and offers the letter', () => {
    const t = findTemplate('objection');
    const letterFor = (platform: Case['platform']) => {
      const vars = contextVars({ case: mkCase(platform, 'FR', null), events: [], evidence: [], deadlines: [], today: new Date('2026-07-01T00:00:00Z') }, t.manifest);
      const values = prefillValues(t, 'en', vars);
      const filled = { ...values, situation: 'I write for a living.' };
      return render(t.bodies.en.letter, { ...vars, ...Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, render(v, { ...vars, ...filled })])) });
    };
    const reddit = letterFor('reddit');
    expect(reddit).toMatch(/I have found no form of Reddit’s for objecting to this use, so I object by this letter\./);
    expect(reddit).toMatch(/Nor have I found a setting that switches this processing off/);
    const facebook = letterFor('facebook');
    expect(facebook).toMatch(/Facebook has its own form for objections/);
    const x = letterFor('x');
    expect(x).toMatch(/no form of X’s for objecting/);
    expect(x).not.toMatch(/found a setting that switches/);
    expect(letterFor('linkedin')).toMatch(/I am a LinkedIn member/);
  });

  it('the old linkedin-* ids still name the same templates', () => {
    expect(TEMPLATE_ALIASES).toEqual({
      'linkedin-objection': 'objection',
      'linkedin-access-request': 'access-request',
      'linkedin-reminder': 'reminder',
      'linkedin-complaint': 'organisation-complaint',
    });
    for (const [old, id] of Object.entries(TEMPLATE_ALIASES)) {
      expect(canonicalTemplateId(old)).toBe(id);
      expect(findTemplate(old).manifest.id).toBe(id);
    }
    expect(canonicalTemplateId('dpc-complaint')).toBe('dpc-complaint');
  });
});

describe('the drafting screen for another platform', () => {
  it('an X case sees X in titles, labels and help, X’s lack of a form, and no LinkedIn facts; LinkedIn’s stays as written', async () => {
    const core = tempCore();
    const x = await core.api.call('cases.create', { title: 'T', platform: 'x', country: 'FR', name: 'Ada Example', email: 'ada@example.org' });
    const li = await core.api.call('cases.create', { title: 'T', country: 'FR', name: 'Ada Example', email: 'ada@example.org' });
    const view = await core.api.call('drafting.get', { caseId: x.id, templateId: 'linkedin-objection' });
    expect(view.template.id).toBe('objection');
    expect(view.template.title).toBe('Objection to AI training (X)');
    expect(view.template.formUrl).toBeUndefined();
    const shown = { title: view.template.title, description: view.template.description, fields: view.template.fields, sourceUrl: view.template.sourceUrl };
    expect(JSON.stringify(shown)).not.toMatch(/LinkedIn|linkedin\.com|3 November 2025/);
    expect(view.recipient.name).toBe('X Internet Unlimited Company');
    expect(view.cautions.join(' ')).toMatch(/Check the address before you send this/);
    const fb = await core.api.call('cases.create', { title: 'T', platform: 'facebook', country: 'FR', name: 'Ada Example', email: 'ada@example.org' });
    expect((await core.api.call('drafting.get', { caseId: fb.id, templateId: 'objection' })).template.formUrl).toMatch(/^https:\/\/www\.facebook\.com\//);
    const liView = await core.api.call('drafting.get', { caseId: li.id, templateId: 'objection' });
    expect(liView.template.title).toBe('Objection to AI training (LinkedIn)');
    expect(liView.template.formUrl).toBe('https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
    // The same in German and French: the platform's name, none of LinkedIn's facts.
    for (const language of ['de', 'fr']) {
      for (const templateId of ['objection', 'access-request', 'reminder', 'authority-complaint']) {
        const v = await core.api.call('drafting.get', { caseId: x.id, templateId, language });
        const seen = { title: v.template.title, description: v.template.description, fields: v.template.fields };
        expect(JSON.stringify(seen), `${templateId} ${language}`).not.toMatch(/LinkedIn|linkedin\.com|3\. November 2025|3 novembre 2025/);
      }
    }
    expect((await core.api.call('drafting.get', { caseId: x.id, templateId: 'objection', language: 'de' })).template.title).toBe('Widerspruch gegen KI-Training (X)');
    const list = await core.api.call('drafting.templates', { country: 'FR', platform: 'x' });
    expect(JSON.stringify(list)).not.toMatch(/LinkedIn/);
    expect(list.find((t) => t.id === 'reminder')!.title).toBe('Reminder: no reply within one month (X)');
  });
});
