// The drafting API end to end on a real data folder. The evidence and tracking seams are stubs on this branch, so
// they are replaced here with rows and files this test creates (the signatures are the shared contract).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { EvidenceSummary } from '../../electron/core/contract/evidence';
import type { CaseEventSummary } from '../../electron/core/contract/tracking';
import { resolveFile } from '../../electron/core/files';
import { say } from '../../electron/core/i18n';
import { makeJpeg, makePng } from '../pdf/support/images';
import { pdfdetach, pdfimages, pdftotext, qpdfCheck } from '../pdf/support/pdf-tools';

const seams = vi.hoisted(() => ({
  evidence: [] as EvidenceSummary[],
  files: {} as Record<string, { primary: string | null; screenshot: { path: string; mime: 'image/png' | 'image/jpeg' } | null; text: { content: string } | null }>,
  events: [] as CaseEventSummary[],
  custody: [] as { caseId: string; action: string; detail: Record<string, unknown> }[],
}));
vi.mock('../../electron/core/evidence/query', () => ({
  listEvidenceForCase: (_: unknown, caseId: string) => seams.evidence.filter((e) => e.caseId === caseId),
  evidenceFiles: (_: unknown, id: string) => seams.files[id],
}));
vi.mock('../../electron/core/tracking/query', () => ({
  listEventsForCase: (_: unknown, caseId: string) => seams.events.filter((e) => e.caseId === caseId),
  deadlinesForCase: () => [{ kind: 'response_due', due: '2026-06-02', rule: 'one calendar month, moved past an Irish bank holiday', source: 'GDPR Art 12(3)' }],
}));
vi.mock('../../electron/core/evidence/custody', () => ({
  appendCustody: (_: unknown, caseId: string, action: string, detail: Record<string, unknown>) => seams.custody.push({ caseId, action, detail }),
  chainHead: () => ({ seq: 7, hash: 'c'.repeat(64) }),
}));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const NAME = 'Zofia Łukasiewicz-Παπαδοπούλου Прохорова';
let core: Core;
let dir: string;

async function newCase(country: string) {
  return core.api.call('cases.create', { title: 'AI training – Zofia', country, name: NAME, email: 'zofia@example.org' });
}

function addEvidence(caseId: string, n: number, bytes: Buffer, mime: 'image/png' | 'image/jpeg') {
  const path = join(dir, `ev-${n}.${mime === 'image/png' ? 'png' : 'jpg'}`);
  writeFileSync(path, bytes);
  const id = `ev_${n}`;
  seams.evidence.push({ id, caseId, kind: 'screenshot', title: `Setting capture ${n}`, addedAt: '2026-04-30T10:00:00.000Z', capturedAt: '2026-04-30T09:58:00.000Z', sourceUrl: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', sha256: sha(bytes), mime, size: bytes.length, filename: `../../evil ${n}.${mime === 'image/png' ? 'png' : 'jpg'}` });
  seams.files[id] = { primary: path, screenshot: { path, mime }, text: null };
  return { id, path, sha256: sha(bytes) };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-draft-'));
  core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-07-01T09:00:00.000Z') } });
  seams.evidence = [];
  seams.files = {};
  seams.events = [];
  seams.custody = [];
});
afterEach(() => core.close());

describe('drafting API', () => {
  it('lists templates with availability for a country', async () => {
    const list = await core.api.call('drafting.templates', { country: 'de' });
    const by = Object.fromEntries(list.map((t) => [t.id, t.availability]));
    expect(by['dpc-complaint']).toEqual({ available: true });
    expect(by['ico-complaint']?.available).toBe(false);
    expect(by['ico-complaint']?.reason).toMatch(/United Kingdom.*Germany \(DE\)/);
  });

  it('prefills from the case and its events, autosaves, and keeps saved values over the prefill', async () => {
    const c = await newCase('DE');
    seams.events.push({ id: 'e1', caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-99', channel: 'web form' });
    const view = await core.api.call('drafting.get', { caseId: c.id, templateId: 'dpc-complaint' });
    expect(view.recipient.name).toBe('Data Protection Commission');
    expect(view.values.your_name).toBe(NAME);
    expect(view.values.org_name).toBe('LinkedIn Ireland Unlimited Company');
    expect(view.values.contact_dates).toContain('30 April 2026: Request sent (objection) by web form (reference LI-99)');
    expect(view.values.narrative).toContain('On 30 April 2026 I sent LinkedIn an objection under Article 21(1) to the use of my data to train AI models (LinkedIn reference LI-99). LinkedIn has not answered; its answer was due by 2 June 2026 (Article 12(3)).');
    expect(view.readiness).toEqual({ ready: true, reasons: [], reasonsMsg: [] });
    expect(view.controllerFirst.required).toBe(true);
    expect(view.preconditions.map((p) => p.rule)).toEqual(['DPC complaints handling (checked 2026-11)']);
    expect(view.savedAt).toBeNull();

    const saved = await core.api.call('drafting.save', { caseId: c.id, templateId: 'dpc-complaint', values: { narrative: 'Meine eigenen Worte.', injected: 'x' } });
    expect(saved.savedAt).toBe('2026-07-01T09:00:00.000Z');
    const again = await core.api.call('drafting.get', { caseId: c.id, templateId: 'dpc-complaint' });
    expect(again.values.narrative).toBe('Meine eigenen Worte.');
    expect(again.values).not.toHaveProperty('injected');
    expect(again.prefill.narrative).toContain('LinkedIn states that since 3 November 2025');
  });

  it('previews with field references resolved and reports what would block an export', async () => {
    const c = await newCase('GB');
    const p = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'objection', values: { situation: 'I am a freelance translator.', first_name: '' } });
    expect(p.fields.find((f) => f.name === 'explanation')?.value).toContain('My particular situation: I am a freelance translator.');
    expect(p.text).toContain('LinkedIn Corporation');
    expect(p.problems).toEqual([{ field: 'first_name', message: 'First name is required.', key: 'drafting.field.required', params: { label: 'First name' } }]);
    const braces = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'objection', values: { situation: 'I type {{#if odd things like this' } });
    expect(braces.text).toContain('My particular situation is this: I type {{#if odd things like this');
    const long = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'ico-complaint', values: { summary: 'x'.repeat(2001) } });
    expect(long.problems).toContainEqual({
      field: 'summary',
      message: 'Summary of your complaint must be at most 2,000 characters.',
      key: 'drafting.field.tooLong',
      params: { label: 'Summary of your complaint', max: 2000 },
    });
  });

  it('refuses an unknown template, a template for another country and missing required fields, writing nothing', async () => {
    const c = await newCase('GB');
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'nope', format: 'pdf' })).rejects.toThrow(/No template "nope". Templates: access-request, authority-complaint, dpc-complaint/);
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'dpc-complaint', format: 'pdf' })).rejects.toThrow(/EU\/EEA and Switzerland; this case is in the United Kingdom/);
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'text', values: { summary: 'changed' } })).rejects.toThrow(
      /^Not yet: Nothing sent to LinkedIn is recorded on this case\./,
    );
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'text', values: { summary: 'changed' }, anyway: true })).rejects.toThrow(
      /Fix these fields before exporting:\n- Harm or impact on you is required./,
    );
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'lossy' })).rejects.toThrow(/Profile must be archive or upload/);
    expect(await core.api.call('drafting.exports', { caseId: c.id })).toEqual([]);
    expect(existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []).toEqual([]);
    // The values of a refused export were not saved either.
    expect((await core.api.call('drafting.get', { caseId: c.id, templateId: 'ico-complaint' })).savedAt).toBeNull();
    expect(seams.custody).toEqual([]);
  });

  it('exports the complaint PDF with the evidence appendix, records it with its hash, logs custody, serves it for download', async () => {
    const c = await newCase('GB');
    seams.events.push({ id: 'e1', caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-99' });
    seams.events.push({ id: 'e2', caseId: c.id, type: 'organisation_complaint', on: '2026-06-20' });
    const a = addEvidence(c.id, 1, makePng(1920, 1080, { seed: 1 }), 'image/png');
    const b = addEvidence(c.id, 2, readFileSync(join(import.meta.dirname, '..', 'pdf', 'fixtures', 'setting-on.jpg')), 'image/jpeg');
    const capPath = join(dir, 'capture-shot.png');
    writeFileSync(capPath, makePng(1280, 2400, { seed: 5 }));
    seams.evidence.push({ id: 'ev_4', caseId: c.id, kind: 'capture', title: 'Capture of the setting page', addedAt: '2026-05-02T00:00:00.000Z', capturedAt: '2026-05-02T00:00:00.000Z', sha256: 'c'.repeat(64), mime: 'application/json', size: 10 });
    seams.files.ev_4 = { primary: null, screenshot: { path: capPath, mime: 'image/png' }, text: null };
    seams.evidence.push({ id: 'ev_3', caseId: c.id, kind: 'diff', title: 'Privacy policy: before and after', addedAt: '2026-05-01T00:00:00.000Z', sha256: 'e'.repeat(64), mime: 'text/plain', size: 10 });
    seams.files.ev_3 = { primary: null, screenshot: null, text: { content: '+ We may use your data to train AI models.' } };

    const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', values: { impact: 'Ich bin besorgt – Я обеспокоена.' } });
    expect(rec).toMatchObject({ format: 'pdf', profile: 'archive', exhibits: 4, attachments: 3 });
    const file = resolveFile(core.ctx, 'export', rec.id)!;
    expect(file.mime).toBe('application/pdf');
    expect(file.filename).toBe('AI-training-Zofia-ico-complaint-archive-2026-07-01.pdf');
    const bytes = readFileSync(file.path);
    expect(sha(bytes)).toBe(rec.sha256);
    expect(bytes.length).toBe(rec.size);
    qpdfCheck(file.path);
    const text = pdftotext(file.path);
    expect(text).toContain(NAME);
    expect(text).toContain('LinkedIn Corporation');
    expect(text).toContain('Я обеспокоена');
    for (const h of [a.sha256, b.sha256, 'c'.repeat(64), 'e'.repeat(64)]) expect(text).toContain(h);
    expect(text).toContain('We may use your data to train AI models.');
    expect(new Set(pdfimages(file.path).filter((i) => i.type === 'image').map((i) => `${i.width}x${i.height}`))).toEqual(new Set(['1920x1080', '640x400', '1280x2400']));
    // Attachment names come from the evidence's filename with everything path-like removed.
    expect(pdfdetach(file.path)).toEqual(['exhibit-01-evil-1.png', 'exhibit-02-evil-2.jpg', 'exhibit-03-Capture-of-the-setting-page-screenshot.png']);

    expect(await core.api.call('drafting.exports', { caseId: c.id })).toEqual([rec]);
    expect(seams.custody).toEqual([{ caseId: c.id, action: 'export', detail: expect.objectContaining({ exportId: rec.id, sha256: rec.sha256, format: 'pdf' }) }]);
    expect((await core.api.call('drafting.get', { caseId: c.id, templateId: 'ico-complaint' })).values.impact).toBe('Ich bin besorgt – Я обеспокоена.');
  });

  it('refuses to export evidence whose file no longer matches its recorded hash', async () => {
    const c = await newCase('GB');
    const a = addEvidence(c.id, 1, makePng(300, 200), 'image/png');
    writeFileSync(a.path, makePng(300, 200, { seed: 9 }));
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', values: { impact: 'x' }, anyway: true })).rejects.toThrow(
      /Exhibit 1 \(Setting capture 1\) no longer matches the hash/,
    );
  });

  it('names the exhibit whose stored file is missing', async () => {
    const c = await newCase('GB');
    const a = addEvidence(c.id, 1, makePng(300, 200), 'image/png');
    rmSync(a.path);
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', values: { impact: 'x' }, anyway: true })).rejects.toThrow(
      'Exhibit 1 (Setting capture 1): its stored file is missing. Run "evidence verify" for this case, then export again.',
    );
  });

  it('exports plain text, an .eml draft and the form fields as JSON', async () => {
    const c = await newCase('US');
    const values = {};
    const txt = await core.api.call('drafting.export', { caseId: c.id, templateId: 'access-request', format: 'text', values });
    const text = readFileSync(resolveFile(core.ctx, 'export', txt.id)!.path, 'utf8');
    expect(text).toContain('California Consumer Privacy Act');
    expect(text).not.toContain('Article 15');
    expect(text).toContain('LinkedIn Corporation');

    const eml = await core.api.call('drafting.export', { caseId: c.id, templateId: 'access-request', format: 'eml' });
    const raw = readFileSync(resolveFile(core.ctx, 'export', eml.id)!.path, 'utf8');
    expect(raw).toMatch(/^From: =\?UTF-8\?B\?/);
    expect(raw).toContain('X-Unsent: 1');
    const body = raw.split('\r\n\r\n')[1].replace(/\r\n/g, '');
    expect(Buffer.from(body, 'base64').toString('utf8')).toContain(NAME);
    const fromWords = /^From: ([\s\S]*?) </m.exec(raw)![1].split(/\r\n /);
    expect(fromWords.map((w) => Buffer.from(/\?B\?(.*)\?=/.exec(w)![1], 'base64').toString('utf8')).join('')).toBe(NAME);

    const json = await core.api.call('drafting.export', { caseId: c.id, templateId: 'access-request', format: 'json' });
    const doc = JSON.parse(readFileSync(resolveFile(core.ctx, 'export', json.id)!.path, 'utf8'));
    expect(doc.template).toBe('access-request');
    expect(doc.fields[0]).toEqual({ name: 'full_name', label: 'Full name', value: NAME, maxLength: 200 });

    const d = await newCase('IE');
    const dpc = await core.api.call('drafting.export', { caseId: d.id, templateId: 'dpc-complaint', format: 'eml', values: { contact_dates: '- 30 April 2026: objection sent', outstanding: 'A decision.' }, anyway: true });
    expect(readFileSync(resolveFile(core.ctx, 'export', dpc.id)!.path, 'utf8')).toMatch(/^To: info@dataprotection\.ie\r$/m);
    expect(raw).toMatch(/^To: \r$/m); // LinkedIn publishes no DPO address: the member fills it in
  });

  it('refuses a letter the record does not support yet, says why, writes nothing; drafts it worded from the record when the member insists', async () => {
    const c = await newCase('DE');
    seams.events.push({ id: 'e1', caseId: c.id, type: 'request_sent', on: '2026-06-10', ref: 'LI-7' });
    const view = await core.api.call('drafting.get', { caseId: c.id, templateId: 'reminder' });
    // 10 June + one month = Friday 10 July 2026.
    expect(view.readiness).toEqual({
      ready: false,
      reasons: ['LinkedIn has until 10 July 2026 to answer your request of 10 June 2026: a reminder now would claim a delay that has not happened.'],
      // The same reason by key, dates as calendar days, for the screen to word in the member's language.
      reasonsMsg: [
        {
          key: 'drafting.requires.reminderNotDue.plain',
          params: { platform_name: 'LinkedIn', due_date: '2026-07-10', request_date: '2026-06-10', request_extension_date: '' },
        },
      ],
    });
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'reminder', format: 'text' })).rejects.toThrow(
      /^Not yet: LinkedIn has until 10 July 2026 to answer your request of 10 June 2026: a reminder now would claim a delay that has not happened\.\nTo draft it now anyway/,
    );
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'dpc-complaint', format: 'text' })).rejects.toThrow(/^Not yet: LinkedIn has until 10 July 2026/);
    expect(await core.api.call('drafting.exports', { caseId: c.id })).toEqual([]);
    expect(seams.custody).toEqual([]);

    const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'reminder', format: 'text', anyway: true });
    const text = readFileSync(resolveFile(core.ctx, 'export', rec.id)!.path, 'utf8');
    expect(text).toContain('Subject: Reminder: my request of 10 June 2026 (case LI-7): answer due by 10 July 2026');
    expect(text).toContain('I have not had an answer yet. Please make sure you answer by 10 July 2026.');
    expect(text).not.toMatch(/no answer|has passed|unanswered|14 days|complain/);
  });

  it('shows the cautions the record calls for, and blocks an export while a [Write here: …] gap is left', async () => {
    const c = await newCase('DE');
    seams.events.push({ id: 'e1', caseId: c.id, type: 'request_sent', on: '2026-04-30' }, { id: 'e2', caseId: c.id, type: 'response_received', on: '2026-05-20' });
    seams.events.push({ id: 'e3', caseId: c.id, type: 'complaint_filed', on: '2026-06-10', authority: 'DPC', ref: 'C-9' });
    const view = await core.api.call('drafting.get', { caseId: c.id, templateId: 'dpc-complaint' });
    expect(view.readiness.ready).toBe(true);
    expect(view.cautions).toEqual([
      'You recorded a complaint to the Data Protection Commission on 10 June 2026 (reference C-9). For more on the same matter, write to the DPC quoting that reference rather than filing a new complaint.',
      expect.stringMatching(/^The DPC asks for each request as you sent it\./),
    ]);
    expect(view.values.narrative).toContain('LinkedIn answered on 20 May 2026.\n[Write here: what LinkedIn');
    const p = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'dpc-complaint' });
    expect(p.problems.map((x) => x.message)).toEqual([
      'Your complaint: replace the text in [Write here: …] with your own words.',
      'What is still outstanding: replace the text in [Write here: …] with your own words.',
    ]);
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'dpc-complaint', format: 'text', anyway: true })).rejects.toThrow(/Fix these fields before exporting/);
  });

  it('addresses the generic complaint to the member’s home authority, names the DPC as lead, and says what it expects', async () => {
    const c = await core.api.call('cases.create', { title: 'T', country: 'DE', region: 'DE-BE', name: NAME, email: 'zofia@example.org' });
    seams.events.push({ id: 'e1', caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    const view = await core.api.call('drafting.get', { caseId: c.id, templateId: 'authority-complaint' });
    expect(view.recipient).toMatchObject({ name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', address: ['Alt-Moabit 59-61', '10555 Berlin', 'Germany'], email: 'mailbox@datenschutz-berlin.de' });
    expect(view.template.formUrl).toBe('https://www.datenschutz-berlin.de/eingabe');
    expect(view.readiness.ready).toBe(true);
    // The Berlin authority takes complaints in German, and the letter has a German text: that is the default.
    expect(view).toMatchObject({
      language: 'de',
      expectedLanguage: 'de',
      expectedLanguageReason: 'authority',
      recipientLanguages: ['de'],
      languages: [{ code: 'en', reviewed: true }, { code: 'de', reviewed: false }, { code: 'fr', reviewed: false }],
      expectedLanguageNoteMsg: {
        key: 'drafting.expectedLanguage.authority',
        params: { recipient: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', languageCodes: 'de', languageCode: 'de' },
      },
      expectedLanguageNote: "Berliner Beauftragte für Datenschutz und Informationsfreiheit takes complaints in German; this letter has a text in German.",
    });
    expect(view.template.title).toBe('Beschwerde bei Ihrer Datenschutzaufsichtsbehörde');
    expect(view.template.fields.find((f) => f.name === 'narrative')?.label).toBe('Ihre Beschwerde');
    expect(view.cautions.join(' ')).not.toMatch(/expects complaints in/);
    const de = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'authority-complaint' });
    expect(de.language).toBe('de');
    expect(de.text).toContain('Sehr geehrte Damen und Herren,');
    expect(de.text).toContain('federführende Aufsichtsbehörde ist daher die Data Protection Commission (Art. 56 Abs. 1 DSGVO)');
    // In English on asking: the caution then says the authority expects German, and that the letter has it.
    const en = await core.api.call('drafting.get', { caseId: c.id, templateId: 'authority-complaint', language: 'en' });
    expect(en.cautions[0]).toBe("BlnBDI expects complaints in German. Choose German as the letter's language, or send the complaint in English to the Data Protection Commission instead.");
    // The same caution by key, for the screen to word in the member's language; the catalog's English is the caution.
    expect(en.cautionsMsg[0]).toEqual({ key: 'drafting.cautions.homeLanguageSwitch', params: { home_authority_short: 'BlnBDI', home_language_code: 'de' } });
    expect(say(en.cautionsMsg[0]!.key, en.cautionsMsg[0]!.params)).toBe(en.cautions[0]);
    expect(en.cautionsMsg.length).toBe(en.cautions.length);
    const p = await core.api.call('drafting.preview', { caseId: c.id, templateId: 'authority-complaint', language: 'en' });
    expect(p.text).toContain('Dear Sir or Madam,');
    expect(p.text).toContain('so the Data Protection Commission is its lead supervisory authority (Article 56(1))');
    await expect(core.api.call('drafting.preview', { caseId: c.id, templateId: 'authority-complaint', language: 'it' })).rejects.toMatchObject({
      key: 'drafting.languageMissing',
      message: 'The template "authority-complaint" has no text in "it". Its languages: en, de, fr.',
    });
    // Saved in English, the draft stays English until the member picks another language.
    await core.api.call('drafting.save', { caseId: c.id, templateId: 'authority-complaint', values: { your_address: 'Hauptstr. 1' }, language: 'en' });
    expect((await core.api.call('drafting.get', { caseId: c.id, templateId: 'authority-complaint' })).language).toBe('en');
    const eml = await core.api.call('drafting.export', { caseId: c.id, templateId: 'authority-complaint', format: 'eml' });
    expect(readFileSync(resolveFile(core.ctx, 'export', eml.id)!.path, 'utf8')).toMatch(/^To: mailbox@datenschutz-berlin\.de\r$/m);

    // Without the Land, Redress cannot know the authority: it says so rather than guess.
    const d = await newCase('DE');
    seams.events.push({ id: 'e2', caseId: d.id, type: 'request_sent', on: '2026-04-30' });
    const unknown = await core.api.call('drafting.get', { caseId: d.id, templateId: 'authority-complaint' });
    expect(unknown.readiness.reasons).toEqual([expect.stringContaining('say which Land you live in (edit the case)')]);
    expect(unknown.recipient.name).toBe('Your home data protection authority');
  });

  it('meets an upload budget or says why not', async () => {
    const c = await newCase('GB');
    for (let i = 1; i <= 3; i++) addEvidence(c.id, i, makePng(1920, 1080, { look: 'photo', seed: i }), 'image/png');
    const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'upload', budgetBytes: 1_000_000, values: { impact: 'x' }, anyway: true });
    expect(rec.size).toBeLessThanOrEqual(1_000_000);
    expect(rec.attachments).toBe(0);
    expect(pdfdetach(resolveFile(core.ctx, 'export', rec.id)!.path)).toEqual([]);
    addEvidence(c.id, 4, makePng(1920, 1080, { look: 'noise' }), 'image/png');
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'upload', budgetBytes: 150_000, anyway: true })).rejects.toThrow(
      /cannot meet its 0\.14 MB budget: even at a quarter of its size, exhibit 4 \(Setting capture 4\)/,
    );
    expect(await core.api.call('drafting.exports', { caseId: c.id })).toHaveLength(1);
  }, 60_000);

  it('shrinks a phone photo bigger than the 3 MB default into the upload PDF, and writes nothing when it cannot', async () => {
    const c = await newCase('GB');
    const photo = makeJpeg(3000, 2000, { seed: 5, quality: 95 });
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    const ev = addEvidence(c.id, 1, photo, 'image/jpeg');
    const rec = await core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'upload', values: { impact: 'x' }, anyway: true });
    expect(rec.size).toBeLessThanOrEqual(3 * 1024 * 1024);
    const file = resolveFile(core.ctx, 'export', rec.id)!.path;
    qpdfCheck(file);
    expect(pdfimages(file).filter((i) => i.type === 'image').map((i) => [i.enc, i.width / i.height])).toEqual([['jpeg', 1.5]]);
    expect(pdftotext(file)).toContain(ev.sha256);
    // A second, grainier photo: at 100 kB (the smallest budget the API takes) even the last step cannot fit both.
    addEvidence(c.id, 2, makeJpeg(1500, 1000, { seed: 6, quality: 95, noise: 255 }), 'image/jpeg');
    const before = readdirSync(join(dir, 'exports'));
    await expect(core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'upload', budgetBytes: 100_000, anyway: true })).rejects.toThrow(
      /cannot meet its 0\.10 MB budget: even at a quarter of its size, exhibit \d \(Setting capture \d\)/
    );
    expect(readdirSync(join(dir, 'exports'))).toEqual(before);
    expect(await core.api.call('drafting.exports', { caseId: c.id })).toHaveLength(1);
  }, 120_000);
});
