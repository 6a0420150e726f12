// Loads templates from `templates/<id>/`: manifest.json (checked with zod), body.<lang>.md (letter, subject and the
// suggested text of fields, in sections) and, for languages after the first, labels.<lang>.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PLATFORMS, type PlatformId } from '../contract/cases';
import { TemplateManifest, type TemplateField } from '../contract/drafting';
import { isMessageKey } from '../i18n';
import { namesIn, render } from './engine';
import { CONTEXT_NAMES, LIST_ITEM_NAMES } from './prefill';

export interface TemplateBody {
  subject: string;
  letter: string;
  /** Suggested text per field (may refer to context names and to other fields). */
  fields: Record<string, string>;
}

export interface LoadedTemplate {
  manifest: TemplateManifest;
  bodies: Record<string, TemplateBody>;
  /** Labels and help per language (the first language's come from the manifest). */
  labels: Record<string, Record<string, LocalFieldText>>;
  /** Title and description per language, where a labels file gives them. */
  texts: Record<string, { title?: string; description?: string }>;
}

type LocalStarter = { label: string; text: string; platforms?: PlatformId[] };
type LocalFieldText = { label?: string; help?: string; unverified?: string; starters?: LocalStarter[] };

const Labels = z
  .object({
    title: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    fields: z
      .record(
        z.string(),
        z
          .object({
            label: z.string().min(1).optional(),
            help: z.string().optional(),
            unverified: z.string().optional(),
            // A translation's starters follow the manifest's, in order; each fits the platforms of the manifest's starter
            // at its place, and may say so again (`platforms`), which must then be the same.
            starters: z
              .array(z.object({ label: z.string().min(1).max(80), text: z.string().min(1).max(2000), platforms: z.array(z.enum(PLATFORMS)).min(1).optional() }).strict())
              .max(12)
              .optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

export class TemplateLoadError extends Error {}

/** Where templates live: REDRESS_TEMPLATES_DIR, else `templates/` at the top of the checkout. */
export function templatesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDRESS_TEMPLATES_DIR ? resolve(env.REDRESS_TEMPLATES_DIR) : resolve(import.meta.dirname, '..', '..', '..', 'templates');
}

/** Splits a body file on `<!-- name -->` markers. */
export function parseBody(src: string, file: string): TemplateBody {
  const body: TemplateBody = { subject: '', letter: '', fields: {} };
  const parts = src.split(/^<!--\s*([a-z:_0-9]+)\s*-->\s*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    const text = parts[i + 1].replace(/^\n+|\s+$/g, '');
    if (key === 'subject') body.subject = text.replace(/\s*\n\s*/g, ' ');
    else if (key === 'letter') body.letter = text;
    else if (key.startsWith('field:')) body.fields[key.slice(6)] = text;
    else throw new TemplateLoadError(`${file}: unknown section <!-- ${key} -->.`);
  }
  if (!body.letter) throw new TemplateLoadError(`${file}: has no <!-- letter --> section.`);
  if (!body.subject) throw new TemplateLoadError(`${file}: has no <!-- subject --> section.`);
  return body;
}

/** Names a text uses that neither a field nor a fact provides; inside `{{#each list}}`, the list's item names count too. */
function unknownNames(text: string, known: ReadonlySet<string>): string[] {
  return namesIn(text).filter((n) => {
    const dot = n.lastIndexOf('.');
    if (dot < 0) return !known.has(n);
    const list = n.slice(0, dot).split('.')[0];
    const name = n.slice(dot + 1);
    return !(LIST_ITEM_NAMES[list]?.includes(name) || known.has(name));
  });
}

function checkFactTest(file: string, where: string, test: string, text: string, facts: ReadonlySet<string>) {
  const name = test.replace(/^!/, '');
  if (!facts.has(name)) throw new TemplateLoadError(`${file}: ${where} tests "${name}", which is not a fact Redress knows.`);
  const unknown = unknownNames(text, facts);
  if (unknown.length) throw new TemplateLoadError(`${file}: ${where} uses unknown name(s) ${unknown.map((n) => `{{${n}}}`).join(', ')}.`);
}

/**
 * A keyed requirement or caution is worded from the core catalog: every variant its key can choose (by the facts its
 * blocks test) must be a message the catalog has, and its parameters must be facts.
 */
function checkKeyed(file: string, where: string, x: { key?: string; params?: string[] }, facts: ReadonlySet<string>) {
  for (const p of x.params ?? []) if (!facts.has(p)) throw new TemplateLoadError(`${file}: ${where} passes "${p}", which is not a fact Redress knows.`);
  if (!x.key) return;
  const names = [...new Set(namesIn(x.key))];
  const unknown = names.filter((n) => !facts.has(n));
  if (unknown.length) throw new TemplateLoadError(`${file}: ${where}'s key tests unknown name(s) ${unknown.join(', ')}.`);
  if (names.length > 6) throw new TemplateLoadError(`${file}: ${where}'s key tests more than six facts.`);
  for (let bits = 0; bits < 1 << names.length; bits++) {
    let key: string;
    try {
      key = render(x.key, Object.fromEntries(names.map((n, i) => [n, bits & (1 << i) ? 'yes' : ''])));
    } catch (err) {
      throw new TemplateLoadError(`${file}: ${where}'s key: ${(err as Error).message}`);
    }
    if (!isMessageKey(key)) throw new TemplateLoadError(`${file}: ${where} names the message key "${key}", which the core catalog does not have.`);
  }
}

const samePlatforms = (a?: readonly string[], b?: readonly string[]) => [...(a ?? [])].sort().join() === [...(b ?? [])].sort().join();

/** A translation's starters: as many as the manifest's, and where one names its platforms, the manifest's at its place. */
function checkStarters(file: string, field: string, first: LocalStarter[] | undefined, local: LocalStarter[] | undefined) {
  if (!local) return;
  if (local.length !== (first?.length ?? 0)) {
    throw new TemplateLoadError(`${file}: "${field}" has ${local.length} starter(s) where the manifest has ${first?.length ?? 0}; a translation gives one for each, in the same order.`);
  }
  local.forEach((st, i) => {
    if (st.platforms && !samePlatforms(st.platforms, first![i].platforms)) {
      throw new TemplateLoadError(`${file}: "${field}" starter ${i + 1} ("${st.label}") names other platforms than the manifest's starter ${i + 1} ("${first![i].label}").`);
    }
  });
}

function withPlatforms(st: LocalStarter, platforms: LocalStarter['platforms']): LocalStarter {
  const out: LocalStarter = { label: st.label, text: st.text };
  if (platforms) out.platforms = platforms;
  return out;
}

export function loadTemplate(dir: string): LoadedTemplate {
  const file = join(dir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TemplateLoadError(`${file}: ${(err as Error).message}`);
  }
  const parsed = TemplateManifest.safeParse(raw);
  if (!parsed.success) {
    throw new TemplateLoadError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const manifest = parsed.data;
  const names = new Set(manifest.fields.map((f) => f.name));
  if (names.size !== manifest.fields.length) throw new TemplateLoadError(`${file}: two fields share a name.`);
  const known = new Set([...names, ...CONTEXT_NAMES]);
  // Requirements and cautions test what the record says (facts), never what the member typed.
  const facts = new Set(CONTEXT_NAMES);
  for (const [i, r] of manifest.requires.entries()) {
    checkFactTest(file, `requires.${i}`, r.fact, r.reason ?? '', facts);
    checkKeyed(file, `requires.${i}`, r, facts);
  }
  for (const [i, c] of manifest.cautions.entries()) {
    checkFactTest(file, `cautions.${i}`, c.when, c.text ?? '', facts);
    checkKeyed(file, `cautions.${i}`, c, facts);
  }
  const bodies: LoadedTemplate['bodies'] = {};
  const labels: LoadedTemplate['labels'] = {};
  const texts: LoadedTemplate['texts'] = {};
  manifest.languages.forEach((lang, i) => {
    const bodyFile = join(dir, `body.${lang}.md`);
    if (!existsSync(bodyFile)) throw new TemplateLoadError(`${bodyFile} is missing (the manifest lists "${lang}").`);
    const body = parseBody(readFileSync(bodyFile, 'utf8'), bodyFile);
    for (const text of [body.subject, body.letter, ...Object.values(body.fields)]) {
      const unknown = unknownNames(text, known);
      if (unknown.length) throw new TemplateLoadError(`${bodyFile}: unknown name(s) ${unknown.map((n) => `{{${n}}}`).join(', ')}.`);
    }
    for (const f of Object.keys(body.fields)) {
      if (!names.has(f)) throw new TemplateLoadError(`${bodyFile}: <!-- field:${f} --> is not a field of the manifest.`);
    }
    bodies[lang] = body;
    if (i > 0) {
      const labelFile = join(dir, `labels.${lang}.json`);
      if (!existsSync(labelFile)) throw new TemplateLoadError(`${labelFile} is missing (the manifest lists "${lang}").`);
      let parsedLabels: z.output<typeof Labels>;
      try {
        const r = Labels.safeParse(JSON.parse(readFileSync(labelFile, 'utf8')));
        if (!r.success) throw new Error(r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
        parsedLabels = r.data;
      } catch (err) {
        throw new TemplateLoadError(`${labelFile}: ${(err as Error).message}`);
      }
      for (const [f, l] of Object.entries(parsedLabels.fields)) {
        if (!names.has(f)) throw new TemplateLoadError(`${labelFile}: "${f}" is not a field of the manifest.`);
        checkStarters(labelFile, f, manifest.fields.find((x) => x.name === f)!.starters, l.starters);
      }
      labels[lang] = parsedLabels.fields;
      texts[lang] = { title: parsedLabels.title, description: parsedLabels.description };
    }
  });
  return { manifest, bodies, labels, texts };
}

let cache: { dir: string; list: LoadedTemplate[] } | undefined;

/** All templates, sorted by id. Cached per folder: templates are shipped data, not user data. */
export function loadTemplates(dir = templatesDir()): LoadedTemplate[] {
  if (cache?.dir === dir) return cache.list;
  if (!existsSync(dir)) throw new TemplateLoadError(`The templates folder ${dir} does not exist.`);
  const list = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'manifest.json')))
    .map((d) => {
      const t = loadTemplate(join(dir, d.name));
      // The folder name is the id the UI routes to and the CLI takes; a mismatch would make one unreachable.
      if (t.manifest.id !== d.name) throw new TemplateLoadError(`${join(dir, d.name)}: manifest id "${t.manifest.id}" differs from its folder name.`);
      return t;
    })
    .sort((a, b) => a.manifest.id.localeCompare(b.manifest.id));
  cache = { dir, list };
  return list;
}

/** A field with its label and help in the given language. */
export function localField(t: LoadedTemplate, f: TemplateField, lang: string): TemplateField {
  const l = t.labels[lang]?.[f.name];
  if (!l) return f;
  const out: TemplateField = { ...f, label: l.label ?? f.label };
  if (l.help !== undefined) out.help = l.help;
  if (l.unverified !== undefined) out.unverified = l.unverified;
  // Starting points in the first language would put its words into a letter in another: only this language's, each
  // fitting the platforms of the manifest's starter at its place.
  if (l.starters) out.starters = l.starters.map((st, i) => withPlatforms(st, f.starters?.[i]?.platforms));
  else delete out.starters;
  return out;
}

/** The manifest's title and description in `lang` (the first language's where a labels file gives none). */
export function localTexts(t: LoadedTemplate, lang: string): { title: string; description: string } {
  const x = t.texts[lang] ?? {};
  return { title: x.title ?? t.manifest.title, description: x.description ?? t.manifest.description };
}
