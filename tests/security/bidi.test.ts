// Text-direction characters (the "Trojan Source" family) make a name or file name read differently from what is stored:
// `invoice\u202Efdp.exe` shows as `invoiceexe.pdf`. Every schema that refuses control characters refuses them too, with
// a message that says what was found and what to do, and the refused call changes nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseCreateInput } from '../../electron/core/contract/cases';
import { SafeFilename } from '../../electron/core/contract/evidence';
import { BIDI_CONTROLS, plainTextProblem } from '../../electron/core/contract/text';
import { EventAddInput } from '../../electron/core/contract/tracking';
import { tempCore } from '../support/tmp';
import { wordIssue } from '../../electron/core/api/errors';

/** An issue as a person reads it: a schema's catalog key worded in English with its parameters. */
const w = (i: unknown) => (i ? wordIssue(i as { message: string; params?: Record<string, unknown> }) : '');

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const person = { title: 'Objection', country: 'IE', name: 'Aoife Byrne', email: 'aoife@example.org' };

describe('the shared plain-text rule', () => {
  it.each(BIDI)('refuses %j, naming it and where it is', (c) => {
    expect(BIDI_CONTROLS.test(`a${c}b`)).toBe(true);
    const problem = plainTextProblem(`Ab${c}cd`, { subject: 'Name' });
    expect(problem).toContain(`Name must not contain invisible text-direction characters (found ${hex(c)} `);
    expect(problem).toContain('at character 3');
    expect(problem).toMatch(/retype it without them\.$/);
  });

  it('keeps right-to-left scripts, accents and the allowed line breaks', () => {
    for (const s of ['مريم الحسن', 'שרה כהן', 'Ελένη Παπαδοπούλου', 'Zażółć gęślą jaźń', 'Олена', 'Line one\nline two']) {
      expect(plainTextProblem(s, { subject: 'Name', allow: '\t\n' })).toBeNull();
    }
    expect(plainTextProblem('a\u0007b', { subject: 'Name', allow: '\t\n' })).toBe('Name must not contain control characters.');
    expect(plainTextProblem('a\u0085b', { subject: 'Name' })).toBe('Name must not contain control characters.'); // C1 (NEL)
    expect(plainTextProblem('a\rb', { subject: 'Note', allow: '\t\n\r' })).toBeNull();
  });

  it('is used by every schema that refuses control characters', () => {
    const rlo = 'Eve\u202Egnp.exe';
    expect(w(CaseCreateInput.safeParse({ ...person, name: rlo }).error?.issues[0])).toMatch(/Name must not contain invisible text-direction/);
    expect(w(CaseCreateInput.safeParse({ ...person, title: rlo }).error?.issues[0])).toMatch(/Title must not contain invisible text-direction/);
    expect(w(SafeFilename.safeParse('invoice\u202Efdp.exe').error?.issues[0])).toMatch(/The file name must not contain invisible .*; rename the file\.$/);
    for (const field of ['note', 'ref', 'authority'] as const) {
      const type = field === 'authority' ? 'complaint_filed' : 'note';
      const r = EventAddInput.safeParse({ caseId: 'case_1', type, on: '2026-05-01', authority: 'ICO', [field]: `x\u2067y` });
      expect(r.success, field).toBe(false);
      expect(r.error!.issues.map((i) => w(i)).join(' ')).toMatch(/invisible text-direction characters \(found U\+2067 RIGHT-TO-LEFT ISOLATE/);
    }
  });
});

describe('through the core api: refused, and nothing changes', () => {
  it.each(BIDI)('a case name or title with %j', async (c) => {
    const core = tempCore();
    for (const input of [{ ...person, name: `Aoife${c}Byrne` }, { ...person, title: `${c}Objection` }]) {
      const r = await core.api.invoke('cases.create', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(hex(c)) } });
    }
    expect(await core.api.call('cases.list', {})).toEqual([]);
  });

  it('an event note, reference or authority', async () => {
    const core = tempCore();
    const made = await core.api.call('cases.create', person);
    const before = await core.api.call('tracking.get', { caseId: made.id });
    for (const extra of [{ type: 'note', note: 'Reply \u202Ereceived' }, { type: 'note', ref: 'LI-\u2066123' }, { type: 'complaint_filed', authority: 'IC\u200fO' }]) {
      const r = await core.api.invoke('tracking.addEvent', { caseId: made.id, on: '2026-05-01', ...extra });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/text-direction/) } });
    }
    expect(await core.api.call('tracking.get', { caseId: made.id })).toEqual(before);
    expect(await core.api.call('cases.get', { id: made.id })).toEqual(made);
  });

  it('an uploaded file name, and nothing is stored', async () => {
    const core = tempCore();
    const made = await core.api.call('cases.create', person);
    const r = await core.api.invoke('evidence.upload', {
      caseId: made.id,
      filename: 'invoice\u202Efdp.exe',
      kind: 'document',
      dataBase64: Buffer.from('not really a pdf').toString('base64'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/U\+202E RIGHT-TO-LEFT OVERRIDE.*rename the file/) } });
    expect(await core.api.call('evidence.list', { caseId: made.id })).toEqual([]);
    const evidenceDir = join(core.ctx.dataDir, 'evidence');
    const stored = (() => {
      try {
        return readdirSync(evidenceDir, { recursive: true });
      } catch {
        return [];
      }
    })();
    expect(stored.filter((f) => !String(f).startsWith('.'))).toEqual([]);
  });
});
