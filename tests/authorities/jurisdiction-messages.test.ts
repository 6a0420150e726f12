// What applies where the member lives, and what an evidence check found, in the member's language: every sentence
// Redress composes there carries its message reference beside its English, the English is the catalog's (one source),
// and German and French word each message whole (no parameter left open, no key shown instead of a text).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jurisdictionFor, loadAuthorities } from '../../electron/core/authorities';
import { englishMessage, platformControllerOf, type Jurisdiction } from '../../electron/core/contract/jurisdiction';
import type { Msg } from '../../electron/core/contract/i18n';
import { say, translator } from '../../electron/core/i18n';
import { makePng, tempCore, type TempCore } from '../evidence/helpers';

const all = loadAuthorities(resolve(import.meta.dirname, '..', '..', 'data'));

/** Every sentence of a jurisdiction with its reference: [where, English, message]. */
function worded(j: Jurisdiction): [string, string, Msg | undefined][] {
  const out: [string, string, Msg | undefined][] = [
    ['law', j.law, j.lawMsg],
    ['controllerFirst.rule', j.controllerFirst.rule, j.controllerFirst.ruleMsg],
    ...j.notes.map((n, i): [string, string, Msg | undefined] => [`notes[${i}]`, n, j.notesMsg[i]]),
  ];
  if (j.controller.nameMsg) out.push(['controller.name', j.controller.name, j.controller.nameMsg]);
  if (j.controller.addressMsg) j.controller.address.forEach((a, i) => out.push([`controller.address[${i}]`, a, j.controller.addressMsg![i]]));
  if (j.controller.unverifiedMsg) out.push(['controller.unverified', j.controller.unverified ?? '', j.controller.unverifiedMsg]);
  for (const r of j.regulators) {
    if (r.unverified !== undefined) out.push([`${r.id}.unverified`, r.unverified, r.unverifiedMsg]);
    if (r.compulsoryForm) out.push([`${r.id}.compulsoryForm`, r.compulsoryForm.summary, r.compulsoryForm.summaryMsg]);
  }
  return out;
}

const CASES: [string, string | null, string][] = [
  ['DE', 'DE-BE', 'linkedin'],
  ['DE', null, 'linkedin'],
  ['FR', null, 'linkedin'],
  ['GB', null, 'linkedin'],
  ['IE', null, 'linkedin'],
  ['CH', null, 'linkedin'],
  ['US', 'US-CA', 'linkedin'],
  ['US', 'US-TX', 'linkedin'],
  ['US', null, 'linkedin'],
  ['JP', null, 'linkedin'],
  ['PL', null, 'linkedin'],
  ['ES', null, 'linkedin'],
  ['HU', null, 'linkedin'],
  ['DE', 'DE-BE', 'google'],
  ['FR', null, 'reddit'],
  ['GB', null, 'google'],
  ['CH', null, 'google'],
  ['CH', null, 'quora'],
  ['US', 'US-CA', 'x'],
];

/** A message worded in a language: whole, with every parameter filled and every nested text found. */
function expectWhole(lang: 'de' | 'fr', msg: Msg, where: string) {
  const text = translator(lang)(msg.key, msg.params ?? {}) as string;
  expect(text, `${where} (${msg.key})`).not.toBe(msg.key);
  expect(text, `${where} (${msg.key})`).not.toMatch(/\{\{|\}\}|\$t\(|core:|jurisdiction\.\w|evidence\.(custody|problem|role|field)\./);
  expect(text.trim().length, where).toBeGreaterThan(0);
  return text;
}

describe('what applies, in German and French', () => {
  it.each(CASES)('%s %s on %s: every sentence has its message; the English is the catalog’s; de and fr word it whole', (country, region, platform) => {
    const j = jurisdictionFor(country, region, all, platform);
    const sentences = worded(j);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const [where, english, msg] of sentences) {
      expect(msg, `${where} has a message`).toBeDefined();
      expect(say(msg!.key, msg!.params), where).toBe(english);
      for (const lang of ['de', 'fr'] as const) expectWhole(lang, msg!, `${country} ${region} ${platform} ${where} in ${lang}`);
    }
  });

  it('the law is named as each language names it; English names stay in English', () => {
    const law = (country: string, region: string | null, lang: 'de' | 'fr') => {
      const j = jurisdictionFor(country, region, all);
      return translator(lang)(j.lawMsg.key, j.lawMsg.params ?? {}) as string;
    };
    expect(jurisdictionFor('DE', 'DE-BE', all).law).toBe('GDPR');
    expect(law('DE', 'DE-BE', 'de')).toBe('DSGVO');
    expect(law('FR', null, 'fr')).toBe('RGPD');
    expect(law('GB', null, 'de')).toBe('UK GDPR');
    expect(law('CH', null, 'de')).toMatch(/DSG.*DSGVO/);
    expect(law('CH', null, 'fr')).toMatch(/LPD.*RGPD/);
    expect(jurisdictionFor('US', 'US-CA', all).law).toBe('CCPA (California)');
    expect(law('US', 'US-CA', 'fr')).toBe('CCPA (California)');
  });

  it('the notes and the rule read in the language, not in English', () => {
    const j = jurisdictionFor('DE', 'DE-BE', all);
    const de = j.notesMsg.map((m) => translator('de')(m.key, m.params ?? {}) as string);
    expect(de.join(' ')).toContain('BlnBDI erwartet Beschwerden auf Deutsch');
    expect(de.join(' ')).toContain('federführende Aufsichtsbehörde');
    expect(translator('fr')(j.controllerFirst.ruleMsg.key) as string).toContain('responsable du traitement');
    const tx = jurisdictionFor('US', 'US-TX', all);
    expect(tx.notesMsg.map((m) => translator('de')(m.key, m.params ?? {})).join(' ')).toContain('Texas');
  });

  it('a note is known by its key, not by its English: the language and compulsory-form notes', () => {
    expect(jurisdictionFor('DE', 'DE-BY', all).notesMsg.map((m) => m.key)).toContain('jurisdiction.note.expectsLanguage');
    expect(jurisdictionFor('PL', null, all).notesMsg.map((m) => m.key)).toContain('jurisdiction.note.expectsLanguageTranslateOrLead');
    expect(jurisdictionFor('ES', null, all).notesMsg.map((m) => m.key)).toContain('jurisdiction.note.compulsoryForm');
  });

  it('the placeholder controller of a platform without a file is worded, its English as before', () => {
    const { controller } = platformControllerOf('quora', 'DE', []);
    expect(controller.name).toBe('Quora (controller not known to Redress)');
    expect(controller.unverified).toBe('Redress has no data on who controls Quora’s data for members in DE: check its privacy policy before sending.');
    for (const m of [controller.nameMsg!, ...controller.addressMsg!, controller.unverifiedMsg!]) {
      expect(say(m.key, m.params)).toBe(englishMessage(m.key, m.params));
      for (const lang of ['de', 'fr'] as const) expectWhole(lang, m, m.key);
    }
    expect(translator('de')(controller.nameMsg!.key, controller.nameMsg!.params)).toBe('Quora (Verantwortlicher Redress nicht bekannt)');
  });
});

describe('evidence checks, in German and French', () => {
  let t: TempCore | null = null;
  afterEach(() => {
    t?.close();
    t = null;
  });

  it('a tampered item and a broken chain word their problems in de and fr; the English stays the catalog’s', async () => {
    t = await tempCore();
    const dir = join(t.dir, 'src');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.png'), makePng());
    writeFileSync(join(dir, 'b.txt'), 'A letter to LinkedIn.');
    const [a, b] = await t.core.api.call('evidence.add', { caseId: t.caseId, paths: [join(dir, 'a.png'), join(dir, 'b.txt')] });
    appendFileSync(a.storedPath, 'x');
    t.core.ctx.db.prepare("UPDATE evidence SET title = 'Something else' WHERE id = ?").run(b.id);
    await t.core.api.call('evidence.verify', { caseId: t.caseId }); // entry 3, edited next
    t.core.ctx.db.prepare("UPDATE custody SET detail = '{\"ok\":true}' WHERE case_id = ? AND seq = 3").run(t.caseId);
    const r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
    expect(r.ok).toBe(false);

    const item = r.items.find((i) => i.id === a.id)!;
    expect(item.problems).toEqual(['primary file was modified']);
    expect(item.problemsMsg).toHaveLength(1);
    expect(expectWhole('de', item.problemsMsg![0], 'modified')).toBe('Datei „Hauptdatei“ wurde verändert');
    expect(expectWhole('fr', item.problemsMsg![0], 'modified')).toBe('Le fichier « principal » a été modifié');

    const titled = r.items.find((i) => i.id === b.id)!;
    expect(titled.problems!.join(' ')).toMatch(/its title in the database \("Something else"\) differs from the one logged when it was added/);
    titled.problems!.forEach((p, i) => expect(say(titled.problemsMsg![i].key, titled.problemsMsg![i].params)).toBe(p));
    expect(expectWhole('de', titled.problemsMsg![0], 'title')).toMatch(/^Titel in der Datenbank \("Something else"\) weicht/);
    expect(expectWhole('fr', titled.problemsMsg![0], 'title')).toMatch(/^titre dans la base de données/);

    expect(r.custody).toMatchObject({ ok: false, problem: 'Entry 3 (evidence.verify) was changed after it was written.' });
    expect(say(r.custody.problemMsg!.key, r.custody.problemMsg!.params)).toBe(r.custody.problem);
    expect(expectWhole('de', r.custody.problemMsg!, 'chain')).toBe('Eintrag 3 (evidence.verify) wurde nach dem Schreiben verändert.');
    expect(expectWhole('fr', r.custody.problemMsg!, 'chain')).toBe('L’entrée 3 (evidence.verify) a été modifiée après son écriture.');

    const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
    expect(log.problemMsg).toEqual(r.custody.problemMsg);
  });

  it('a file role the catalog does not know is named as it is, in every language', async () => {
    t = await tempCore();
    const dir = join(t.dir, 'src');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b.txt'), 'A letter to LinkedIn.');
    const [b] = await t.core.api.call('evidence.add', { caseId: t.caseId, paths: [join(dir, 'b.txt')] });
    appendFileSync(b.storedPath, 'x');
    t.core.ctx.db.prepare("UPDATE evidence_files SET role = 'odd' WHERE evidence_id = ?").run(b.id);
    const r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
    const item = r.items.find((i) => i.id === b.id)!;
    expect(item.problems).toContain('odd file was modified');
    const m = item.problemsMsg![item.problems!.indexOf('odd file was modified')];
    expect(expectWhole('de', m, 'odd')).toBe('Datei „odd“ wurde verändert');
  });
});
