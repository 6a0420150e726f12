// Renders a template for a case and an event history with the same pure steps the API takes (prefill, fields that
// quote fields, the letter, readiness and cautions), without a database.
import { format } from 'date-fns';
import type { Case } from '../../../electron/core/contract';
import { cautionsWithMsgs, letterLanguageVars, localVarsOf, prefillValues, readinessOf } from '../../../electron/core/drafting/compose';
import type { Msg } from '../../../electron/core/contract/i18n';
import { render } from '../../../electron/core/drafting/engine';
import type { CaseFacts } from '../../../electron/core/drafting/facts';
import { contextVars } from '../../../electron/core/drafting/prefill';
import type { LoadedTemplate } from '../../../electron/core/drafting/templates';
import { computeDeadlines, type EventLike } from '../../../electron/core/tracking/deadlines';
import type { History } from './histories';

export interface Drafted {
  subject: string;
  letter: string;
  fields: Record<string, string>;
  /** Subject, every field and the letter, for checks that look at all the text a member may copy. */
  all: string;
  ready: boolean;
  reasons: string[];
  cautions: string[];
  /** Beside each reason and caution, its message reference (null: a text of the template's own). */
  reasonsMsg: (Msg | null)[];
  cautionsMsg: (Msg | null)[];
}

/** The draft in `lang` (one of the template's languages); readiness and cautions stay in English, as the API words them. */
export function draftFor(t: LoadedTemplate, c: Case, h: Pick<History, 'events' | 'evidence' | 'today'>, typed: Record<string, string> = {}, lang = 'en'): Drafted {
  const events = h.events.map((e) => ({ caseId: c.id, ...e }));
  const facts: CaseFacts = {
    case: c,
    events,
    evidence: (h.evidence ?? []).map((e) => ({ caseId: c.id, ...e })),
    deadlines: computeDeadlines(c.country, events as EventLike[]),
    today: new Date(`${h.today}T12:00:00`),
  };
  if (format(facts.today, 'yyyy-MM-dd') !== h.today) throw new Error(`The local day of ${h.today} is not ${h.today}.`);
  const vars = contextVars(facts, t.manifest, lang);
  const enVars = lang === 'en' ? vars : { ...contextVars(facts, t.manifest), ...letterLanguageVars(vars) };
  const values = { ...prefillValues(t, lang, vars), ...typed };
  const fields = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, render(v, { ...vars, ...Object.fromEntries(Object.entries(values).filter(([o]) => o !== k)) })]),
  );
  const all = { ...vars, ...fields };
  const subject = render(t.bodies[lang].subject, all);
  const letter = render(t.bodies[lang].letter, all);
  const local = localVarsOf(facts, t.manifest);
  const readiness = readinessOf(t.manifest, enVars, h.today, local);
  const cautions = cautionsWithMsgs(t.manifest, enVars, h.today, local);
  return {
    subject,
    letter,
    fields,
    all: [subject, ...Object.values(fields), letter].join('\n'),
    ready: readiness.ready,
    reasons: readiness.reasons,
    reasonsMsg: readiness.reasonsMsg,
    cautions: cautions.cautions,
    cautionsMsg: cautions.cautionsMsg,
  };
}
