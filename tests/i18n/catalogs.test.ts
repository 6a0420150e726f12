import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES } from '../../electron/core/contract/i18n';

/**
 * Every catalog complete in every language: the renderer's (renderer/src/i18n/locales/<lang>/<ns>.json) and the core's
 * (namespace `core`). A key English has and German lacks would show English in a German app; a key whose parameters
 * differ would print "{{date}}" or drop a fact; a plural form a language needs (French "many") would show nothing.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LOCALES = join(ROOT, 'renderer', 'src', 'i18n', 'locales');
const LANGS = ['en', 'de', 'fr'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = Record<string, unknown>;
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Tree, key, out);
    else throw new Error(`${key}: a catalog value must be a text or an object`);
  }
  return out;
}

function catalogs(): Map<string, Record<(typeof LANGS)[number], Map<string, string>>> {
  const byNs = new Map<string, Record<string, Map<string, string>>>();
  for (const lang of LANGS) {
    for (const file of readdirSync(join(LOCALES, lang))) {
      if (!file.endsWith('.json')) continue;
      const ns = file.slice(0, -5);
      const entry = byNs.get(ns) ?? {};
      entry[lang] = flatten(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Tree);
      byNs.set(ns, entry);
    }
  }
  const core: Record<string, Map<string, string>> = {};
  for (const lang of LANGS) core[lang] = flatten(CORE_MESSAGES[lang] as Tree);
  byNs.set('core', core);
  return byNs as Map<string, Record<(typeof LANGS)[number], Map<string, string>>>;
}

const params = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?([\w-]+)\s*\/?>/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');

describe('message catalogs', () => {
  const all = catalogs();

  it('have the same namespaces in every language, and each is non-empty in English', () => {
    for (const [ns, langs] of all) {
      for (const lang of LANGS) expect(langs[lang], `${lang}/${ns}.json`).toBeDefined();
      expect(langs.en.size, `en/${ns}`).toBeGreaterThan(0);
    }
  });

  it('give every message in every language, with the same parameters and markup, none empty', () => {
    const problems: string[] = [];
    for (const [ns, langs] of all) {
      const enBases = new Map<string, string>();
      for (const [k, v] of langs.en) enBases.set(base(k), v);
      for (const lang of LANGS) {
        const mine = new Map<string, string>();
        for (const [k, v] of langs[lang] ?? new Map()) {
          if (!v.trim()) problems.push(`${lang}/${ns}: ${k} is empty`);
          mine.set(base(k), v);
          if (!enBases.has(base(k))) problems.push(`${lang}/${ns}: ${k} is not in English (a leftover?)`);
        }
        for (const [b, en] of enBases) {
          const v = mine.get(b);
          if (v === undefined) {
            problems.push(`${lang}/${ns}: ${b} is missing`);
            continue;
          }
          // Plural forms may leave out {{count}} ("one file"); every other parameter must be there.
          const want = params(en).filter((p) => p !== 'count');
          const got = params(v).filter((p) => p !== 'count');
          if (want.join() !== got.join()) problems.push(`${lang}/${ns}: ${b} has parameters [${got}] where English has [${want}]`);
          if (tags(en).join() !== tags(v).join()) problems.push(`${lang}/${ns}: ${b} has markup [${tags(v)}] where English has [${tags(en)}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every plural form each language needs (CLDR: French also "many")', () => {
    const problems: string[] = [];
    for (const [ns, langs] of all) {
      for (const lang of LANGS) {
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.filter((c) => c !== 'zero' || lang !== 'en');
        const keys = new Set(langs[lang]?.keys() ?? []);
        const plurals = new Set([...langs.en.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(base));
        for (const b of plurals) for (const c of needed) if (!keys.has(`${b}_${c}`)) problems.push(`${lang}/${ns}: ${b}_${c} is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold every key a screen asks for (t("…") and i18nKey="…" in the renderer)', () => {
    const problems: string[] = [];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (/\.tsx?$/.test(e.name)) files.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, 'renderer', 'src'));
    let asked = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const ns = /useTranslation\(\s*'([\w-]+)'/.exec(src)?.[1] ?? 'common';
      for (const m of src.matchAll(/\bt\(\s*'([\w.:-]+)'|i18nKey="([\w.:-]+)"|i18next\.t\(\s*'([\w.:-]+)'/g)) {
        const raw = m[1] ?? m[2] ?? m[3];
        const [n, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [ns, raw];
        const cat = all.get(n)?.en;
        asked++;
        if (!cat) {
          problems.push(`${relative(ROOT, file)}: namespace "${n}" has no catalog (key ${key})`);
          continue;
        }
        const exists = cat.has(key) || [...cat.keys()].some((k) => k.startsWith(`${key}.`) || base(k) === key);
        if (!exists) problems.push(`${relative(ROOT, file)}: ${n}:${key} is not in the English catalog`);
      }
    }
    expect(asked).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
