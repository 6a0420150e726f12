// The drafting screen's sentences from the core (readiness reasons, cautions, availability reasons, field problems and
// the sent evidence title) come with a message reference: each must be worded in German and French with every
// parameter filled, from a key both catalogs have, and its English must be the English the core shows beside it.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../electron/core/contract';
import { fieldsSchema } from '../../electron/core/contract/drafting';
import { CORE_MESSAGES, type Msg } from '../../electron/core/contract/i18n';
import { availability } from '../../electron/core/drafting/prefill';
import { sentName } from '../../electron/core/drafting/sent';
import { loadTemplates, localField } from '../../electron/core/drafting/templates';
import { say, translator } from '../../electron/core/i18n';
import { draftFor } from './support/draft';
import { HISTORIES, mkCase } from './support/histories';

const TEMPLATES = ['objection', 'reminder', 'authority-complaint', 'ico-complaint'];
const templates = loadTemplates().filter((t) => TEMPLATES.includes(t.manifest.id));

/** The catalog text of a key in one language, without falling back to English (undefined: the language lacks it). */
const own = (lang: 'de' | 'fr', key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), CORE_MESSAGES[lang]);

/** Every problem with a message and its English: worded in de and fr from their own catalog, every parameter filled. */
function problemsOf(msg: Msg | null, english: string, where: string): string[] {
  const out: string[] = [];
  if (!msg) return [`${where}: no message reference for “${english}”`];
  if (say(msg.key, msg.params) !== english) out.push(`${where}: the English of ${msg.key} is not the English shown`);
  for (const lang of ['de', 'fr'] as const) {
    if (typeof own(lang, msg.key) !== 'string') {
      out.push(`${where}: ${lang} has no ${msg.key}`);
      continue;
    }
    const text = translator(lang)(msg.key, msg.params ?? {}) as string;
    if (/\{\{|\}\}|\$t\(/.test(text)) out.push(`${where}: ${lang} ${msg.key} leaves a placeholder: ${text}`);
    if (!text.trim()) out.push(`${where}: ${lang} ${msg.key} is empty`);
    // Dates are worded per language, never left as ISO days.
    if (/\d{4}-\d{2}-\d{2}/.test(text) && !msg.key.startsWith('drafting.field.date')) out.push(`${where}: ${lang} ${msg.key} shows an ISO date: ${text}`);
  }
  return out;
}

/** The cases: Ireland, Berlin, Germany without a Land, the United Kingdom, France; names recorded or not; other platforms (Reddit: no street address known). */
const CASES: [string, Case][] = [
  ['IE', mkCase('IE')],
  ['DE-BE', mkCase('DE')],
  ['DE without a Land', mkCase('DE', { region: null })],
  ['GB', mkCase('GB')],
  ['FR', mkCase('FR', { givenName: null, familyName: null })],
  ['GB, Reddit', mkCase('GB', { platform: 'reddit' })],
  ['FR, Google', mkCase('FR', { platform: 'google' })],
  ['IE, Reddit', mkCase('IE', { platform: 'reddit', givenName: null, familyName: null })],
];

describe('drafting messages in German and French', () => {
  it('readiness reasons and cautions: too early, ready, answered, paused, complained (IE, DE-BE, GB, FR)', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    let reasons = 0;
    let cautions = 0;
    for (const t of templates) {
      for (const [name, c] of CASES) {
        if (!availability(t.manifest, c.country).available) continue;
        for (const h of HISTORIES) {
          for (const lang of t.manifest.languages) {
            const where = `${t.manifest.id} ${name} (${lang}) ${h.name}`;
            const d = draftFor(t, c, h, {}, lang);
            expect(d.reasonsMsg.length, where).toBe(d.reasons.length);
            expect(d.cautionsMsg.length, where).toBe(d.cautions.length);
            d.reasons.forEach((r, i) => problems.push(...problemsOf(d.reasonsMsg[i], r, `${where}, reason`)));
            d.cautions.forEach((x, i) => problems.push(...problemsOf(d.cautionsMsg[i], x, `${where}, caution`)));
            for (const m of [...d.reasonsMsg, ...d.cautionsMsg]) if (m) seen.add(m.key);
            reasons += d.reasons.length;
            cautions += d.cautions.length;
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(reasons).toBeGreaterThan(50);
    expect(cautions).toBeGreaterThan(50);
    // The cases reach the main variants: too early, answered, paused, no home authority, names not recorded.
    for (const key of [
      'drafting.requires.reminderNotDue.plain',
      'drafting.requires.reminderNotDue.extended',
      'drafting.requires.reminderAllReplied.one',
      'drafting.requires.reminderNoRequest',
      'drafting.requires.allPending.plain',
      'drafting.requires.allPending.extended',
      'drafting.requires.homeAuthority.region',
      'drafting.requires.icoNotRaised',
      'drafting.requires.controllerAddress',
      'drafting.cautions.namesNotRecorded.linkedin',
      'drafting.cautions.namesNotRecorded.other',
      'drafting.cautions.homeLanguageSwitch',
      'drafting.cautions.pending',
    ]) {
      expect(seen, key).toContain(key);
    }
  });

  it('words the reasons in the member’s language, dates and names included', () => {
    const t = templates.find((x) => x.manifest.id === 'reminder')!;
    const h = HISTORIES.find((x) => x.name === 'request only, before its due date')!;
    const d = draftFor(t, mkCase('DE'), h, {}, 'de');
    const msg = d.reasonsMsg[0]!;
    expect(d.reasons[0]).toMatch(/^LinkedIn has until \d+ \w+ 2026 to answer your request of \d+ \w+ 2026/);
    expect(translator('de')(msg.key, msg.params)).toMatch(/^LinkedIn hat bis zum \d+\. \w+ 2026 Zeit, Ihre Anfrage vom \d+\. \w+ 2026 zu beantworten/);
    expect(translator('fr')(msg.key, msg.params)).toMatch(/^LinkedIn a jusqu’au \d+ \S+ 2026 pour répondre à votre demande du \d+ \S+ 2026/);
  });

  it('availability reasons, with the template’s title (as the list shows it) and the places in each language', () => {
    const problems: string[] = [];
    for (const t of templates) {
      for (const cc of ['US', 'DE', 'GB', 'CH', 'IE', 'FR']) {
        const a = availability(t.manifest, cc);
        if (a.available) continue;
        problems.push(...problemsOf(a.reasonMsg ?? null, a.reason ?? '', `${t.manifest.id} ${cc}`));
      }
    }
    expect(problems).toEqual([]);
    const ico = templates.find((x) => x.manifest.id === 'ico-complaint')!;
    const a = availability(ico.manifest, 'DE');
    expect(a.reason).toBe('Complaint to the ICO (UK) is for members in the United Kingdom; this case is in Germany (DE).');
    expect(translator('de')(a.reasonMsg!.key, a.reasonMsg!.params)).toBe('Complaint to the ICO (UK) ist für Mitglieder gedacht, die im Vereinigten Königreich wohnen; dieser Fall betrifft ein Mitglied in Deutschland (DE).');
    const objection = templates.find((x) => x.manifest.id === 'objection')!;
    const b = availability(objection.manifest, 'US');
    expect(translator('fr')(b.reasonMsg!.key, b.reasonMsg!.params)).toMatch(/^Objection to AI training \(LinkedIn\) s’adresse aux membres résidant dans l’UE ou l’EEE, en Suisse ou au Royaume-Uni\s; ce dossier concerne un membre résidant aux États-Unis \(US\)\.$/);
  });

  it('field problems: missing, too long, a gap left, with the field’s label in the letter’s language', () => {
    const problems: string[] = [];
    const keys = new Set<string>();
    for (const t of templates) {
      for (const lang of t.manifest.languages) {
        const fields = t.manifest.fields.map((f) => localField(t, f, lang));
        const schema = fieldsSchema(fields, (key, params) => JSON.stringify({ key, params }));
        const cases = [
          Object.fromEntries(fields.map((f) => [f.name, ''])),
          Object.fromEntries(fields.map((f) => [f.name, f.type === 'check' ? 'no' : f.type === 'email' ? 'not an address' : f.type === 'date' ? '1 May' : 'x'.repeat((f.maxLength ?? 10) + 1)])),
          Object.fromEntries(fields.map((f) => [f.name, '[Write here: what the reply said]'])),
        ];
        for (const values of cases) {
          const r = schema.safeParse(values);
          if (r.success) continue;
          for (const i of r.error.issues) {
            const msg = JSON.parse(i.message) as Msg;
            keys.add(msg.key);
            problems.push(...problemsOf(msg, say(msg.key, msg.params), `${t.manifest.id} (${lang}) ${String(i.path[0])}`));
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...keys].sort()).toEqual(expect.arrayContaining(['drafting.field.required', 'drafting.field.tooLong', 'drafting.field.writeHere']));
    // The English the tests and the CLI have always shown; the label stays the letter's.
    expect(say('drafting.field.tooLong', { label: 'Summary of your complaint', max: 2000 })).toBe('Summary of your complaint must be at most 2,000 characters.');
    expect(translator('de')('drafting.field.required', { label: 'Vorname' })).toBe('„Vorname“ ist ein Pflichtfeld.');
    expect(translator('fr')('drafting.field.tooLong', { label: 'Résumé', max: 2000 })).toMatch(/^«\sRésumé\s» ne doit pas dépasser 2\s000 caractères\.$/);
  });

  it('the sent evidence title in each language', () => {
    for (const t of loadTemplates()) {
      for (const lang of ['en', 'de', 'fr'] as const) {
        const what = sentName(t.manifest, lang, 'BlnBDI');
        const title = translator(lang)('drafting.sent.title.export', { what, on: '2026-04-30' }) as string;
        expect(title, `${t.manifest.id} ${lang}`).not.toMatch(/\{\{|drafting\./);
        if (lang !== 'en') expect(typeof own(lang, 'drafting.sent.title.export')).toBe('string');
      }
    }
    const objection = templates.find((x) => x.manifest.id === 'objection')!.manifest;
    expect(translator('en')('drafting.sent.title.export', { what: sentName(objection), on: '2026-04-30' })).toBe('Objection as sent, 30 April 2026');
    expect(translator('de')('drafting.sent.title.export', { what: sentName(objection, 'de'), on: '2026-04-30' })).toBe('Widerspruch, gesendete Fassung vom 30. April 2026');
    expect(translator('fr')('drafting.sent.title.webForm', { what: sentName(objection, 'fr'), on: '2026-04-30' })).toBe('Opposition telle qu’envoyée par le formulaire en ligne, 30 avril 2026');
  });
});

describe('the export refused as not yet supported', () => {
  it('nests the reason in the refusal, worded whole in each language, its English as before', () => {
    const params = { platform_name: 'LinkedIn', due_date: '2026-07-10', request_date: '2026-06-10', request_extension_date: '', reasonKey: 'drafting.requires.reminderNotDue.plain' };
    expect(say('drafting.exportNotYet', params)).toBe(
      'Not yet: LinkedIn has until 10 July 2026 to answer your request of 10 June 2026: a reminder now would claim a delay that has not happened.\nTo draft it now anyway, worded from the record as it stands, export again with "anyway" (the CLI\'s --anyway, or the "Draft it anyway" box).',
    );
    expect(translator('de')('drafting.exportNotYet', params)).toMatch(/^Noch nicht: LinkedIn hat bis zum 10\. Juli 2026 Zeit, Ihre Anfrage vom 10\. Juni 2026 zu beantworten: .*\nUm es trotzdem/);
    expect(translator('fr')('drafting.exportNotYet', params)).toMatch(/^Pas encore\s: LinkedIn a jusqu’au 10 juillet 2026 pour répondre à votre demande du 10 juin 2026\s: .*\nPour le rédiger/);
  });
});
