// Puts a draft together: the template, what the case says (prefill), and what the member typed (saved values).
import { ApiError, apiError } from '../api/errors';
import { say } from '../i18n';
import { requireCase } from '../cases/api';
import type { CoreContext } from '../context';
import { canonicalTemplateId, fieldsSchema, type DraftPreview, type FieldProblem, type DraftView, type ExpectedLanguageReason, type Readiness, type TemplateManifest } from '../contract/drafting';
import type { Msg, MsgParams } from '../contract/i18n';
import { currentPlatforms, jurisdictionFor, type Jurisdiction } from '../contract/jurisdiction';
import { languageIn } from './dates';
import { listEvidenceForCase } from '../evidence/query';
import { deadlinesForCase, listEventsForCase } from '../tracking/query';
import { isTrue, render, TemplateSyntaxError, type Vars } from './engine';
import type { CaseFacts } from './facts';
import { manifestFor } from './platform-text';
import { availability, contextVars, recipientFor } from './prefill';
import { getDraft } from './repo';
import { loadTemplates, localField, localTexts, type LoadedTemplate } from './templates';

export function findTemplate(id: string): LoadedTemplate {
  const all = loadTemplates();
  const t = all.find((x) => x.manifest.id === canonicalTemplateId(id));
  if (!t) throw new ApiError('not_found', `No template "${id}". Templates: ${all.map((x) => x.manifest.id).join(', ')}.`);
  return t;
}

export function caseFacts(ctx: CoreContext, caseId: string): CaseFacts {
  return {
    case: requireCase(ctx, caseId),
    events: listEventsForCase(ctx, caseId),
    evidence: listEvidenceForCase(ctx, caseId),
    deadlines: deadlinesForCase(ctx, caseId),
    today: ctx.clock.now(),
  };
}

/** Suggested values: context names are filled in now; references to other fields (e.g. {{situation}}) stay, so the
 * member's later edits to that field flow into this one. */
export function prefillValues(t: LoadedTemplate, lang: string, vars: Vars): Record<string, string> {
  const body = t.bodies[lang];
  return Object.fromEntries(t.manifest.fields.map((f) => [f.name, body.fields[f.name] ? render(body.fields[f.name], vars) : '']));
}

const activeOn = (today: string, x: { from?: string; until?: string }) => (!x.from || x.from <= today) && (!x.until || today < x.until);
const holds = (vars: Vars, test: string) => (test.startsWith('!') ? !isTrue(vars, test.slice(1)) : isTrue(vars, test));

/** The names of a case worded for a keyed message: `iso`, dates as ISO days (the catalog words them per language). */
export type LocalVars = (lang: 'iso') => Vars;

/** `contextVars` for the other wordings a keyed message needs, each computed once and only when asked for. */
export function localVarsOf(facts: CaseFacts, m: TemplateManifest): LocalVars {
  const cache = new Map<string, Vars>();
  return (lang) => {
    let v = cache.get(lang);
    if (!v) cache.set(lang, (v = contextVars(facts, m, lang)));
    return v;
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: Vars[string]) => (typeof v === 'string' ? v : '');

/**
 * A requirement's or caution's message: its key, the variant chosen by the facts, and the named facts' values. A date
 * goes as its ISO day (the catalog words it in each language); a name worded per language (an authority, a country)
 * goes as its code, which the catalog words by nesting (`$t(core:drafting.authority.{{complaint_authority_id}})`).
 */
export function keyedMsg(entry: { key?: string; params?: string[] }, vars: Vars, local: LocalVars): Msg | null {
  if (!entry.key) return null;
  const key = render(entry.key, vars);
  const params: MsgParams = {};
  for (const name of entry.params ?? []) {
    const iso = text(local('iso')[name]);
    params[name] = ISO_DAY.test(iso) && text(vars[name]) !== iso ? iso : text(vars[name]);
  }
  return { key, params };
}

/** The English of a requirement or caution: the catalog's message where it has a key (one source), else its own text. */
const english = (msg: Msg | null, own: string | undefined, vars: Vars) => (msg ? say(msg.key, msg.params) : render(own ?? '', vars));

/** Whether the record supports the document now: the first requirement (in the manifest's order) that fails says why. */
export function readinessOf(m: TemplateManifest, vars: Vars, today: string, local: LocalVars): Readiness {
  for (const r of m.requires) {
    if (activeOn(today, r) && !holds(vars, r.fact)) {
      const msg = keyedMsg(r, vars, local);
      return { ready: false, reasons: [english(msg, r.reason, vars)], reasonsMsg: [msg] };
    }
  }
  return { ready: true, reasons: [], reasonsMsg: [] };
}

/** The cautions whose fact holds today: English, and beside each its message key and parameters (null: no key). */
export function cautionsWithMsgs(m: TemplateManifest, vars: Vars, today: string, local: LocalVars): { cautions: string[]; cautionsMsg: (Msg | null)[] } {
  const active = m.cautions.filter((c) => activeOn(today, c) && holds(vars, c.when));
  const msgs = active.map((c) => keyedMsg(c, vars, local));
  return { cautions: active.map((c, i) => english(msgs[i], c.text, vars)), cautionsMsg: msgs };
}

/** The cautions whose fact holds today, in English. */
export function cautionsOf(m: TemplateManifest, vars: Vars, today: string, local: LocalVars): string[] {
  return cautionsWithMsgs(m, vars, today, local).cautions;
}

export function draftView(ctx: CoreContext, caseId: string, templateId: string, language?: string): DraftView {
  return loadDraft(ctx, caseId, templateId, language).view;
}

/** A language the template has, or a clear error naming the ones it has. */
export function checkLanguage(t: LoadedTemplate, language: string): string {
  const code = language.trim().toLowerCase();
  if (!t.bodies[code]) {
    throw apiError('invalid_input', 'drafting.languageMissing', { template: t.manifest.id, language: code, languages: t.manifest.languages.join(', ') });
  }
  return code;
}

export interface ExpectedLanguage {
  code: string;
  reason: ExpectedLanguageReason;
  recipientLanguages: string[];
  note: string;
  noteMsg: Msg;
}

/**
 * The language the recipient expects, among the template's: an authority's own (its data file's `languages`, the one
 * it expects first), English to a controller (the member may choose another), else the template's first.
 */
export function expectedLanguage(t: LoadedTemplate, j: Jurisdiction, recipientName: string): ExpectedLanguage {
  const m = t.manifest;
  const reg = m.recipient === 'home' ? j.regulators.find((r) => r.role === 'home') : m.recipient === 'controller' ? undefined : j.regulators.find((r) => r.id === m.recipient);
  // One source: the English note is the catalog's message, worded with language names; the screen words the same key.
  const out = (code: string, reason: ExpectedLanguageReason, recipientLanguages: string[], key: string, params: Record<string, string>): ExpectedLanguage => ({
    code,
    reason,
    recipientLanguages,
    note: say(key, params),
    noteMsg: { key, params },
  });
  if (m.recipient === 'controller') {
    const code = m.languages.includes('en') ? 'en' : m.languages[0];
    return out(code, 'controller', [], 'drafting.expectedLanguage.controller', { recipient: recipientName, languageCode: code });
  }
  if (reg) {
    const own = [reg.complaintLanguage, ...reg.languages.filter((l) => l !== reg.complaintLanguage)];
    const hit = own.find((l) => m.languages.includes(l));
    const codes = own.join(', ');
    if (hit) {
      return out(hit, 'authority', own, 'drafting.expectedLanguage.authority', { recipient: recipientName, languageCodes: codes, languageCode: hit });
    }
    return out(m.languages[0], 'authority-unavailable', own, 'drafting.expectedLanguage.authorityUnavailable', { recipient: recipientName, languageCodes: codes, languageCode: m.languages[0] });
  }
  return out(m.languages[0], 'template', [], 'drafting.expectedLanguage.template', { recipient: recipientName, languageCode: m.languages[0] });
}

/** The names about the letter's language, carried into the English wording of readiness and cautions. */
export const letterLanguageVars = (vars: Vars): Vars =>
  Object.fromEntries(
    ['letter_language', 'letter_in_home_language', 'home_language_offered', 'home_language_not_used', 'home_language_switch', 'home_language_missing'].map((k) => [k, vars[k]]),
  );

/** The template, the case's facts and names, and the view of the draft, loaded once. */
function loadDraft(ctx: CoreContext, caseId: string, templateId: string, language?: string) {
  const t = findTemplate(templateId);
  const asked = language ? checkLanguage(t, language) : undefined;
  const facts = caseFacts(ctx, caseId);
  const m = t.manifest;
  const saved = getDraft(ctx.db, caseId, m.id);
  const j = jurisdictionFor(facts.case.country, facts.case.region, undefined, facts.case.platform);
  const expected = expectedLanguage(t, j, recipientFor(m, j).name);
  const lang = asked ?? (saved && t.bodies[saved.language] ? saved.language : expected.code);
  // Readiness reasons and cautions are worded in English (the screen words them from their keys); the letter in `lang`.
  const vars = contextVars(facts, m, lang);
  const enVars: Vars = lang === 'en' ? vars : { ...contextVars(facts, m), ...letterLanguageVars(vars) };
  const local = localVarsOf(facts, m);
  const prefill = prefillValues(t, lang, vars);
  const today = facts.today.toISOString().slice(0, 10);
  const recipient = recipientFor(m, j);
  // A field prefilled from an address inherits that address's doubt, so the UI flags exactly the text to check.
  const doubt = (name: string) => {
    const src = t.bodies[lang].fields[name] ?? '';
    if (src.includes('recipient_address')) return recipient.unverified;
    if (src.includes('controller_postal_address')) return j.controller.unverified;
    return undefined;
  };
  // A draft saved in another language keeps what the member typed into fields without a suggested text (their name,
  // address, situation); the suggested texts come in the new language.
  const kept = saved && saved.language !== lang
    ? Object.fromEntries(Object.entries(saved.values).filter(([k]) => !(t.bodies[saved.language]?.fields[k] ?? '').trim()))
    : (saved?.values ?? {});
  const raw = { ...prefill, ...kept };
  const view: DraftView = {
    caseId,
    template: manifestFor({
      ...m,
      ...localTexts(t, lang),
      // A home authority's own complaint form, where the template's recipient is the member's home authority.
      ...(recipient.formUrl ? { formUrl: recipient.formUrl } : {}),
      // A letter to the controller of another platform than LinkedIn: that platform's own objection form, where it has one.
      ...(m.recipient === 'controller' && facts.case.platform !== 'linkedin' ? { formUrl: typeof vars.form_url === 'string' && vars.form_url ? vars.form_url : undefined } : {}),
      fields: m.fields.map((f) => {
        const local = localField(t, f, lang);
        const unverified = local.unverified ?? doubt(f.name);
        return unverified ? { ...local, unverified } : local;
      }),
    }, facts.case.platform, String(vars.platform_name), currentPlatforms().find((p) => p.id === facts.case.platform)?.objection.source, vars.has_switch ? String(vars.setting_name) : ''),
    language: lang,
    languages: m.languages.map((code) => ({ code, reviewed: m.reviewed[code] === true })),
    expectedLanguage: expected.code,
    expectedLanguageReason: expected.reason,
    recipientLanguages: expected.recipientLanguages,
    expectedLanguageNote: expected.note,
    expectedLanguageNoteMsg: expected.noteMsg,
    availability: availability(m, facts.case.country),
    recipient,
    // What the member sees is always finished text: a field that quotes another ({{situation}}) is shown resolved,
    // and its source is given in `linked` so the form can keep it in step until the member edits it.
    values: resolveAll(raw, vars),
    prefill: resolveAll(prefill, vars),
    linked: Object.fromEntries(Object.entries(raw).filter(([, v]) => quotesFields(v))),
    savedAt: saved?.updatedAt ?? null,
    controllerFirst: j.controllerFirst,
    preconditions: m.preconditions.filter((p) => activeOn(today, p)),
    evidenceCount: facts.evidence.length,
    readiness: readinessOf(m, enVars, today, local),
    ...cautionsWithMsgs(m, enVars, today, local),
  };
  return { t, facts, vars, view, raw };
}

/** Whether a value still holds template syntax that renders (a suggested text quoting other fields). */
export function quotesFields(v: string): boolean {
  if (!v.includes('{{')) return false;
  try {
    render(v, {});
    return true;
  } catch {
    return false;
  }
}

/** Each field rendered against the others (as `compose` does), so no `{{…}}` reaches the member. */
export function resolveAll(raw: Record<string, string>, vars: Vars): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, renderUserText(v, { ...vars, ...Object.fromEntries(Object.entries(raw).filter(([o]) => o !== k)) })]),
  );
}

/** A member's text may contain braces of its own (even a stray "{{#if"): then it is kept exactly as typed. */
function renderUserText(text: string, vars: Vars): string {
  try {
    return render(text, vars);
  } catch (err) {
    if (err instanceof TemplateSyntaxError) return text.trim();
    throw err;
  }
}

export interface ComposedDocument extends DraftPreview {
  view: DraftView;
  facts: CaseFacts;
}

/** The finished text: each field resolved (it may quote other fields), then the letter and subject around them. */
export function compose(ctx: CoreContext, caseId: string, templateId: string, values?: Record<string, string>, language?: string): ComposedDocument {
  const { t, facts, vars, view, raw: stored } = loadDraft(ctx, caseId, templateId, language);
  const raw = { ...stored, ...(values ?? {}) };
  const fields = view.template.fields.map((f) => {
    const others = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== f.name));
    return { f, value: renderUserText(raw[f.name] ?? '', { ...vars, ...others }) };
  });
  const all: Vars = { ...vars, ...Object.fromEntries(fields.map(({ f, value }) => [f.name, value])) };
  const body = t.bodies[view.language];
  // Each problem by message key (the field's label in the letter's language as a parameter), worded in English here.
  const check = fieldsSchema(view.template.fields, (key, params) => JSON.stringify({ key, params })).safeParse(
    Object.fromEntries(fields.map(({ f, value }) => [f.name, value])),
  );
  const problems: FieldProblem[] = check.success
    ? []
    : check.error.issues.map((i) => {
        const { key, params } = JSON.parse(i.message) as { key: string; params: Record<string, string | number> };
        return { field: String(i.path[0] ?? ''), message: say(key, params), key, params };
      });
  return {
    view,
    facts,
    language: view.language,
    subject: render(body.subject, all),
    text: render(body.letter, all),
    fields: fields.map(({ f, value }) => ({ name: f.name, label: f.label, value, ...(f.maxLength ? { maxLength: f.maxLength } : {}) })),
    problems,
  };
}
