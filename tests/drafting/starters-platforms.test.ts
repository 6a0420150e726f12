// Starting points for "your particular situation" fit the case's platform: a job search, a CV and recruiters are
// LinkedIn's (its own starters stay, for it alone); every platform in data/platforms/ gets at least three, in every
// language of the template, through the same step the app uses (manifestFor), and through drafting.get.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { PLATFORM_LABELS, type PlatformId } from '../../electron/core/contract';
import type { DraftView } from '../../electron/core/contract/drafting';
import { manifestFor } from '../../electron/core/drafting/platform-text';
import { loadTemplate, loadTemplates, localField, templatesDir, TemplateLoadError } from '../../electron/core/drafting/templates';
import { factsDir } from '../../electron/core/util/facts-dir';

const PLATFORM_IDS = readdirSync(join(factsDir(), 'platforms'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, '') as PlatformId);

/** Words of a job search in the three languages. */
const JOB_SEARCH =
  /\bjobs?\b|\bCVs?\b|recruit|looking for work|employer|Lebenslauf|Stellensuche|suche Arbeit|\bStellen?\b|Personalverantwortlich|Arbeitgeber|Bewerb|\bemplois?\b|cherche du travail|recrut|employeur|candidat/i;

function startersSeen(platform: PlatformId, lang: string) {
  const t = loadTemplates().find((x) => x.manifest.id === 'objection')!;
  const fields = t.manifest.fields.map((f) => localField(t, f, lang));
  const m = manifestFor({ ...t.manifest, fields }, platform, PLATFORM_LABELS[platform]);
  return m.fields.find((f) => f.name === 'situation')!.starters ?? [];
}

describe('starters for every platform and language', () => {
  const objection = loadTemplates().find((x) => x.manifest.id === 'objection')!;

  it('covers every platform file', () => {
    expect(PLATFORM_IDS.length).toBeGreaterThanOrEqual(10);
    expect(PLATFORM_IDS).toContain('linkedin');
    for (const p of PLATFORM_IDS) expect(Object.keys(PLATFORM_LABELS), p).toContain(p);
  });

  for (const platform of PLATFORM_IDS) {
    for (const lang of objection.manifest.languages) {
      it(`${platform} / ${lang}: at least three starters, a job search only for LinkedIn`, () => {
        const seen = startersSeen(platform, lang);
        expect(seen.length, `${platform} ${lang}`).toBeGreaterThanOrEqual(3);
        for (const st of seen) {
          expect(Object.keys(st).sort(), st.label).toEqual(['label', 'text']);
          if (platform !== 'linkedin') {
            expect(`${st.label} ${st.text}`, `${platform} ${lang} "${st.label}"`).not.toMatch(JOB_SEARCH);
            expect(`${st.label} ${st.text}`, `${platform} ${lang} "${st.label}"`).not.toMatch(/LinkedIn/);
          }
        }
      });
    }
  }

  it('LinkedIn keeps its own starters, job search included, in every language', () => {
    for (const lang of objection.manifest.languages) {
      const own = (lang === objection.manifest.languages[0]
        ? objection.manifest.fields.find((f) => f.name === 'situation')!.starters!
        : localField(objection, objection.manifest.fields.find((f) => f.name === 'situation')!, lang).starters!
      ).filter((st) => st.platforms?.includes('linkedin'));
      expect(own.length, lang).toBeGreaterThanOrEqual(2);
      const seen = startersSeen('linkedin', lang);
      for (const st of own) expect(seen, `${lang} "${st.label}"`).toContainEqual({ label: st.label, text: st.text });
      expect(seen.some((st) => JOB_SEARCH.test(st.text)), lang).toBe(true);
      // ...and no other platform sees them.
      for (const p of PLATFORM_IDS.filter((x) => x !== 'linkedin')) {
        const labels = startersSeen(p, lang).map((st) => st.label);
        for (const st of own) expect(labels, `${p} ${lang}`).not.toContain(st.label);
      }
    }
  });

  it('a translation’s starters fit the same platforms as the manifest’s at their place', () => {
    const first = objection.manifest.fields.find((f) => f.name === 'situation')!;
    for (const lang of objection.manifest.languages.slice(1)) {
      const local = localField(objection, first, lang).starters!;
      expect(local.map((st) => st.platforms ?? null), lang).toEqual(first.starters!.map((st) => st.platforms ?? null));
    }
  });
});

describe('a case sees the starters of its platform (drafting.get)', () => {
  let core: Core;
  let dir: string;
  const call = <T = any>(name: string, input: unknown): Promise<T> => core.api.call(name as never, input as never) as Promise<T>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redress-starters-'));
    core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-07-01T09:00:00.000Z') } });
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [platform, country, language] of [['whatsapp', 'DE', 'de'], ['google', 'FR', 'fr'], ['instagram', 'IE', 'en'], ['linkedin', 'IE', 'en']] as const) {
    it(`${platform} (${language})`, async () => {
      const c = await call<{ id: string }>('cases.create', { title: 'Case', country, platform, name: 'Alex Example', email: 'alex@example.org' });
      const v = await call<DraftView>('drafting.get', { caseId: c.id, templateId: 'objection', language });
      const seen = v.template.fields.find((f) => f.name === 'situation')!.starters!;
      expect(seen).toEqual(startersSeen(platform, language));
      expect(seen.length).toBeGreaterThanOrEqual(3);
      if (platform === 'linkedin') expect(seen.some((st) => JOB_SEARCH.test(st.text))).toBe(true);
      else for (const st of seen) expect(st.text).not.toMatch(JOB_SEARCH);
    });
  }
});

describe('the platforms of a starter are checked at load', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'redress-starter-tpl-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const copy = (name: string, edit: (manifest: any, de: any) => void) => {
    const src = join(templatesDir(), 'objection');
    const dir = join(tmp, name);
    mkdirSync(dir);
    for (const f of readdirSync(src)) writeFileSync(join(dir, f), readFileSync(join(src, f)));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const de = JSON.parse(readFileSync(join(dir, 'labels.de.json'), 'utf8'));
    edit(manifest, de);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'labels.de.json'), JSON.stringify(de));
    return dir;
  };
  const situation = (m: any) => m.fields.find((f: any) => f.name === 'situation');

  it('refuses a platform that is not one of Redress’s', () => {
    const dir = copy('unknown', (m) => (situation(m).starters[0].platforms = ['myspace']));
    expect(() => loadTemplate(dir)).toThrow(TemplateLoadError);
    expect(() => loadTemplate(dir)).toThrow(/starters\.0\.platforms\.0/);
  });

  it('refuses a translation whose starter names other platforms, or that gives fewer starters', () => {
    const other = copy('other', (_m, de) => (de.fields.situation.starters[0].platforms = ['x']));
    expect(() => loadTemplate(other)).toThrow(/labels\.de\.json: "situation" starter 1 .* names other platforms/);
    const fewer = copy('fewer', (_m, de) => de.fields.situation.starters.pop());
    expect(() => loadTemplate(fewer)).toThrow(/labels\.de\.json: "situation" has \d+ starter\(s\) where the manifest has \d+/);
  });
});
