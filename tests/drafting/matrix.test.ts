// Every template x every event history x every country it applies to, rendered, and checked for statements the
// history contradicts. The rules are data below: a new event type means a new row in support/histories.ts and, if it
// makes a new kind of statement possible, a new rule here.
import { afterAll, describe, expect, it } from 'vitest';
import { availability } from '../../electron/core/drafting/prefill';
import { loadTemplates, type LoadedTemplate } from '../../electron/core/drafting/templates';
import { draftFor, type Drafted } from './support/draft';
import { calendarOf, COUNTRIES, HISTORIES, mkCase, passed, type Country, type History } from './support/histories';

interface Ctx {
  t: LoadedTemplate;
  h: History;
  cc: Country;
  cal: 'IE' | 'GB';
  d: Drafted;
}
interface Rule {
  name: string;
  applies(x: Ctx): boolean;
  /** Problems found, each naming the offending text. */
  check(x: Ctx): string[];
}

const lines = (s: string) => s.split('\n');
const forbid = (re: RegExp) => (x: Ctx) => [...x.d.all.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].map((m) => `says "${m[0]}"`);
const isRequestLetter = (x: Ctx) => x.t.manifest.kind === 'request';
const states = (x: Ctx) => !isRequestLetter(x); // reminders and complaints state what happened
const unanswered = (x: Ctx) => x.h.requests.filter((r) => !r.replied);

// Phrases that say a request went unanswered, or that its time has run out.
const NO_ANSWER = /have had no answer|has not answered|have not answered|has not replied|is unanswered|also unanswered|not answered within|no reply/i;
const OVERDUE = /was due by|That date has passed|has not answered|have not answered|have had no answer|is unanswered|also unanswered|not answered within|failed to answer/i;

const RULES: Rule[] = [
  { name: 'nothing is left unrendered', applies: () => true, check: forbid(/\{\{|\}\}/) },
  { name: 'never "once my objection is upheld" (Art 21(1) leaves no such discretion)', applies: () => true, check: forbid(/once (my|the) objection (is|has been) upheld/i) },
  { name: 'never asks for an amicable resolution', applies: () => true, check: forbid(/amicable/i) },
  { name: 'never judges what a reply said (only the member knows)', applies: () => true, check: forbid(/did not demonstrate|did not show compelling/i) },
  {
    name: 'no "no answer" when every request was answered',
    applies: (x) => x.h.requests.length > 0 && x.h.requests.every((r) => r.replied),
    check: forbid(NO_ANSWER),
  },
  {
    name: 'a request that was answered is not called unanswered on its own line',
    applies: (x) => x.h.requests.some((r) => r.replied),
    check: (x) =>
      x.h.requests
        .filter((r) => r.replied)
        .flatMap((r) => lines(x.d.all).filter((l) => l.includes(r.sent) && NO_ANSWER.test(l)).map((l) => `answered request of ${r.sent}: "${l}"`)),
  },
  {
    name: 'no "no extension" when an extension was notified in time',
    applies: (x) => x.h.requests.some((r) => r.extension === 'in time'),
    check: forbid(/no (notice of an? )?extension|not told me of any extension|did not extend|deadline stayed/i),
  },
  {
    name: 'an extension in time replaces the one-month date',
    applies: (x) => x.h.requests.some((r) => r.replacedDue),
    check: (x) => x.h.requests.flatMap((r) => (r.replacedDue && x.d.all.includes(r.replacedDue[x.cal]) ? [`still gives ${r.replacedDue[x.cal]}`] : [])),
  },
  {
    name: 'a late extension moves nothing',
    applies: (x) => x.h.requests.some((r) => r.extension === 'late'),
    check: (x) => [
      ...x.h.requests.flatMap((r) => (r.notDue && x.d.all.includes(r.notDue[x.cal]) ? [`gives the three-month date ${r.notDue[x.cal]}`] : [])),
      ...forbid(/moved its deadline|extended the time to answer to|time to answer (ran|runs) until/i)(x),
    ],
  },
  {
    name: 'nothing is overdue before its date',
    applies: (x) => x.h.requests.length > 0 && x.h.requests.every((r) => !passed(r, x.cal)),
    check: forbid(OVERDUE),
  },
  {
    name: 'a request still within its time is not called overdue on its own line',
    applies: (x) => x.h.requests.some((r) => !passed(r, x.cal) && !r.replied),
    check: (x) =>
      x.h.requests
        .filter((r) => !passed(r, x.cal) && !r.replied)
        .flatMap((r) => lines(x.d.all).filter((l) => l.includes(r.sent) && OVERDUE.test(l)).map((l) => `pending request of ${r.sent}: "${l}"`)),
  },
  {
    name: 'an acknowledgement is not a reply',
    applies: (x) => x.h.requests.some((r) => r.acknowledged && !r.replied),
    check: forbid(/(LinkedIn|You) (answered|replied) on|(answer|reply) of \d/i),
  },
  {
    name: 'no objection is claimed where none was made',
    applies: (x) => states(x) && !x.h.requests.some((r) => r.kind === 'objection'),
    check: forbid(/I objected|my objection|an objection under Article 21\(1\)|Article 21\(1\)/i),
  },
  {
    name: 'each request date is paired with its own due date',
    applies: (x) => x.h.requests.length > 1,
    check: (x) =>
      x.h.requests.flatMap((r, i) =>
        lines(x.d.all)
          .filter((l) => l.includes(r.sent))
          .flatMap((l) =>
            x.h.requests
              .filter((o, j) => j !== i && o.due[x.cal] !== r.due[x.cal] && l.includes(o.due[x.cal]) && !l.includes(o.sent))
              .map((o) => `request of ${r.sent} paired with ${o.due[x.cal]} (the due date of the request of ${o.sent}): "${l}"`),
          ),
      ),
  },
  {
    name: 'an overdue request is stated with its own due date',
    applies: (x) => states(x) && x.cc !== 'US' && x.h.requests.some((r) => passed(r, x.cal) && !r.replied),
    check: (x) =>
      unanswered(x)
        .filter((r) => passed(r, x.cal))
        .flatMap((r) => (x.d.all.includes(r.due[x.cal]) ? [] : [`does not give ${r.due[x.cal]}, the due date of the request of ${r.sent}`])),
  },
  {
    name: 'a complaint already filed is not threatened again',
    applies: (x) => Boolean(x.h.complaintFiled),
    check: forbid(/If I do not hear from you, I will (complain|report)/i),
  },
  { name: 'no GDPR articles in a US member’s letter', applies: (x) => x.cc === 'US', check: forbid(/\bArticles? \d/) },
  {
    name: 'what a reply said is left to the member to write',
    // A complaint tells every request's story; a reminder only that of the one it chases (an answered one when all are).
    applies: (x) => (x.t.manifest.kind === 'complaint' && x.h.requests.some((r) => r.replied)) || (x.t.manifest.kind === 'reminder' && x.h.requests.length > 0 && x.h.requests.every((r) => r.replied)),
    check: (x) => (x.d.all.includes('[Write here:') ? [] : ['states nothing for the member to fill in about the reply']),
  },
  {
    name: 'the switch-off date is used where the record has it (Art 21(5))',
    applies: (x) => Boolean(x.h.switchOff) && x.t.manifest.id !== 'reminder' && x.t.manifest.id !== 'access-request',
    check: (x) => (x.d.all.includes(`By ${x.h.switchOff}`) && /Article 21\(5\)/.test(x.d.all) ? [] : [`does not say the switch was off by ${x.h.switchOff} (Article 21(5))`]),
  },
  {
    name: 'no switch-off is claimed without a record of it',
    applies: (x) => !x.h.switchOff,
    check: forbid(/I had switched|since I switched/i),
  },
];

/** Whether the record supports each template, from the truths alone (the rules of the law, not of the code). */
const READY: Record<string, (h: History, cal: 'IE' | 'GB') => boolean> = {
  'objection': () => true,
  'access-request': () => true,
  'organisation-complaint': () => true,
  // The request a reminder chases is the oldest unanswered one; its time must have run out.
  'reminder': (h, cal) => {
    const open = h.requests.filter((r) => !r.replied);
    const chased = open.find((r) => passed(r, cal)) ?? open[0];
    return Boolean(chased && passed(chased, cal));
  },
  'dpc-complaint': (h, cal) => h.requests.length > 0 && !h.requests.every((r) => !r.replied && !passed(r, cal)),
  // The case's region is known (DE-BE in mkCase), so the home authority is.
  'authority-complaint': (h, cal) => h.requests.length > 0 && !h.requests.every((r) => !r.replied && !passed(r, cal)),
  'ico-complaint': (h, cal) =>
    h.requests.length > 0 && !h.requests.every((r) => !r.replied && !passed(r, cal)) && (h.today < '2026-06-19' || Boolean(h.organisationComplaint)),
};

const templates = loadTemplates();
let checks = 0;
let combinations = 0;

describe('template x history matrix', () => {
  it('knows, for every template, when the record supports it', () => {
    expect(Object.keys(READY).sort()).toEqual(templates.map((t) => t.manifest.id).sort());
  });

  for (const t of templates) {
    describe(t.manifest.id, () => {
      for (const cc of COUNTRIES.filter((c) => availability(t.manifest, c).available)) {
        it.each(HISTORIES.map((h) => [h.name, h] as const))(`${cc}: %s`, (_name, h) => {
          combinations++;
          const events = h.events.map((e) => (e.type === 'complaint_filed' && cc === 'GB' ? { ...e, authority: 'ico' } : e));
          const d = draftFor(t, mkCase(cc), { ...h, events });
          const x: Ctx = { t, h, cc, cal: calendarOf(cc), d };
          for (const rule of RULES.filter((r) => r.applies(x))) {
            checks++;
            expect(rule.check(x), `${rule.name}\n--- ${t.manifest.id}, ${cc}, ${h.name} ---\n${d.all}`).toEqual([]);
          }
          checks++;
          const ready = READY[t.manifest.id](h, x.cal);
          expect({ ready: d.ready, reasons: d.reasons.length > 0 }, `readiness: ${d.reasons.join(' ')}`).toEqual({ ready, reasons: !ready });
          for (const reason of d.reasons) {
            checks++;
            expect(reason).not.toMatch(/\{\{|\}\}|\s{2}|\(\)/);
          }
        });
      }
    });
  }

  afterAll(() => {
    console.log(`matrix: ${templates.length} templates, ${HISTORIES.length} histories, ${combinations} renders, ${checks} checks`);
  });
});
