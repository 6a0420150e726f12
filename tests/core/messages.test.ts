// The core's general catalog (contract/messages/<lang>/general.json): German and French have every English key with the
// same parameters, every key the core code names exists, messages word cleanly in every language, and an API error
// carries its key and parameters beside its English message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiError, notFound } from '../../electron/core/api/errors';
import { ApiRegistry, toErrorBody } from '../../electron/core/api/registry';
import { contract } from '../../electron/core/contract';
import { CaseCreateInput } from '../../electron/core/contract/cases';
import { EventAddInput } from '../../electron/core/contract/tracking';
import { isMessageKey, say, translator } from '../../electron/core/i18n';
import en from '../../electron/core/contract/messages/en/general.json';
import de from '../../electron/core/contract/messages/de/general.json';
import fr from '../../electron/core/contract/messages/fr/general.json';

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flat(v, `${prefix}${k}.`)))),
  );
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, '');
const params = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]))].sort();
const nested = (s: string) => [...new Set([...s.matchAll(/\$t\(([^)]+)\)/g)].map((m) => m[1]))].sort();

const EN = flat(en as Tree);
const BY_LANG = { de: flat(de as Tree), fr: flat(fr as Tree) };
const PLURALS = { en: ['one', 'other'], de: ['one', 'other'], fr: ['one', 'many', 'other'] };

describe('core general catalog', () => {
  for (const [lang, cat] of Object.entries(BY_LANG)) {
    it(`${lang} has every English message with the same parameters, and nothing English lacks`, () => {
      const enBases = new Set(Object.keys(EN).map(base));
      const langBases = new Set(Object.keys(cat).map(base));
      expect([...enBases].filter((k) => !langBases.has(k))).toEqual([]);
      expect([...langBases].filter((k) => !enBases.has(k))).toEqual([]);
      for (const k of enBases) {
        const enText = Object.entries(EN).filter(([key]) => base(key) === k).map(([, v]) => v).join(' ');
        const text = Object.entries(cat).filter(([key]) => base(key) === k).map(([, v]) => v).join(' ');
        expect(params(text), `${lang} ${k}`).toEqual(params(enText));
        expect(nested(text), `${lang} ${k}`).toEqual(nested(enText));
      }
    });
    it(`${lang} gives every plural form its language needs`, () => {
      const forms = PLURALS[lang as keyof typeof PLURALS];
      for (const k of Object.keys(cat).filter((key) => PLURAL.test(key))) for (const f of forms) expect(cat[`${base(k)}_${f}`], k).toBeTypeOf('string');
    });
  }
  it('English gives the plural forms English needs', () => {
    for (const k of Object.keys(EN).filter((key) => PLURAL.test(key))) for (const f of PLURALS.en) expect(EN[`${base(k)}_${f}`], k).toBeTypeOf('string');
  });

  it('every key the core code names exists in English', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk('electron/core');
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/apiError\(\s*'\w+',\s*'([\w.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/['`]((?:errors|validation|tracking\.stepNote)\.[A-Za-z_.]+[A-Za-z_])['`]/g)) used.add(m[1]);
      // The sentences tracking composes: worded('tracking.step.…'), a plural such as tracking.count.daysOn by its forms.
      for (const m of src.matchAll(/worded\(\s*['`](tracking\.[A-Za-z_.]+[A-Za-z_])['`]/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !isMessageKey(k) && !isMessageKey(`${k}_other`))).toEqual([]);
  });

  it('messages word in German and French with every parameter filled and nested text resolved', () => {
    const sample: [string, Record<string, string | number>][] = [
      ['errors.notFound.case', { id: 'c1' }],
      ['errors.tracking.beforeRoot', { type: 'response_received', on: '2026-05-02', rootType: 'request_sent', rootOn: '2026-05-09' }],
      ['errors.tracking.linkWrongType', { type: 'reminder_sent', allowed: 'request_sent_organisation_complaint', rootType: 'complaint_filed', rootOn: '2026-05-01' }],
      ['errors.capture.timed_out_seconds', { host: 'example.org', seconds: 30 }],
      ['validation.plainText.bidi.title', { char: 'U+202E RIGHT-TO-LEFT OVERRIDE', position: 3 }],
      ['validation.event.postReceived', { type: 'complaint_filed' }],
      ['errors.evidence.tooLarge', { what: 'a.pdf', limit: '500 MB' }],
    ];
    for (const lang of ['en', 'de', 'fr'] as const) {
      const t = translator(lang);
      for (const [key, p] of sample) {
        const text = t(key, p) as string;
        expect(text, `${lang} ${key}`).not.toMatch(/\{\{|\$t\(|^errors\.|^validation\./);
      }
    }
    expect(translator('de')('errors.tracking.dateInFuture', { on: '2026-06-02', today: '2026-05-01' })).toContain('2. Juni 2026');
    expect(translator('fr')('errors.tracking.dateInFuture', { on: '2026-06-02', today: '2026-05-01' })).toContain('2 juin 2026');
  });

  it('English words as the core always did', () => {
    expect(notFound('case', 'x').message).toBe('No case with id "x".');
    expect(say('errors.tracking.beforeFirst', { type: 'response_received', on: '2026-05-01', firstType: 'request_sent', firstOn: '2026-05-02' })).toBe(
      '“Response received” on 2026-05-01 would come before the first “Request sent” on 2026-05-02; check both dates.',
    );
  });
});

describe('API errors carry their key and parameters', () => {
  it('an error made with apiError keeps key and params through toErrorBody', () => {
    const body = toErrorBody(apiError('not_found', 'errors.notFound.event', { id: 'e1' }));
    expect(body).toMatchObject({ code: 'not_found', message: 'No event with id "e1".', key: 'errors.notFound.event', params: { id: 'e1' } });
    expect(toErrorBody(notFound('evidence item', 'v1'))).toMatchObject({ key: 'errors.notFound.evidence', params: { id: 'v1' } });
  });

  it('a schema refusal over the registry: English message, each issue with its key (and params where it has them)', async () => {
    const reg = new ApiRegistry(contract);
    reg.register('cases.create', () => {
      throw new Error('not reached');
    });
    const call = async (input: Record<string, unknown>) => {
      const res = (await reg.invoke('cases.create', input as never).catch((e: unknown) => ({ ok: false, error: toErrorBody(e) }))) as unknown;
      const r = res as { ok: boolean; error?: ReturnType<typeof toErrorBody> };
      expect(r.ok).toBe(false);
      return r.error!;
    };
    const base = { title: 'T', country: 'DE', name: 'A', email: 'a@example.org' };
    let body = await call({ ...base, title: '' });
    expect(body.code).toBe('invalid_input');
    expect(body.issues).toEqual([{ path: 'title', message: 'Title is required.', key: 'validation.titleRequired' }]);
    body = await call({ ...base, region: 'FR-75' });
    expect(body.issues).toEqual([
      { path: 'region', message: "Region FR-75 is not in the case's country (DE).", key: 'validation.regionOtherCountry', params: { region: 'FR-75', country: 'DE' } },
    ]);
    expect(body.message).toBe("region: Region FR-75 is not in the case's country (DE).");
    expect(body.message).not.toMatch(/validation\./);
  });

  it('issues made from custom checks keep their parameters', () => {
    const r = EventAddInput.safeParse({ caseId: 'c', type: 'request_sent', on: '2026-02-30' });
    expect(r.success).toBe(false);
    const i = r.error!.issues[0] as { message: string; params?: Record<string, unknown> };
    expect(i.message).toBe('validation.date.notReal');
    expect(i.params).toEqual({ date: '2026-02-30' });
    expect(CaseCreateInput.safeParse({ title: 'a\u202eb', country: 'GB', name: 'N', email: 'n@example.org' }).error?.issues[0]).toMatchObject({
      message: 'validation.plainText.bidi.title',
      params: { char: 'U+202E RIGHT-TO-LEFT OVERRIDE', position: 2 },
    });
  });
});
