// Every template x every event history x every country it applies to, rendered, and checked for statements the
// history contradicts. The rules are data below: a new event type means a new row in support/histories.ts and, if it
// makes a new kind of statement possible, a new rule here.
import { parse } from 'date-fns';
import { afterAll, describe, expect, it } from 'vitest';
import { WRITE_HERE } from '../../electron/core/contract/drafting';
import { longDate } from '../../electron/core/drafting/dates';
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
  /** The letter's language, and its phrases for the rules below. */
  lang: string;
  p: Phrases;
  /** A date of the truths ("2 June 2026") as the letter's language writes it ("2. Juni 2026", "2 juin 2026"). */
  dt(s: string): string;
}

/** What the rules look for, per letter language: the same statements, in each language's words. */
interface Phrases {
  noAnswer: RegExp;
  overdue: RegExp;
  upheld: RegExp;
  amicable: RegExp;
  judges: RegExp;
  noExtension: RegExp;
  extensionMoved: RegExp;
  ackAsReply: RegExp;
  objectionClaimed: RegExp;
  threat: RegExp;
  gdprArticle: RegExp;
  switchOffBy: (date: string) => string;
  art21_5: RegExp;
  switchOffClaimed: RegExp;
}
const PHRASES: Record<string, Phrases> = {
  en: {
    // Phrases that say a request went unanswered, or that its time has run out.
    noAnswer: /have had no answer|has not answered|have not answered|has not replied|is unanswered|also unanswered|not answered within|no reply/i,
    overdue: /was due by|That date has passed|has not answered|have not answered|have had no answer|is unanswered|also unanswered|not answered within|failed to answer/i,
    upheld: /once (my|the) objection (is|has been) upheld/i,
    amicable: /amicable/i,
    judges: /did not demonstrate|did not show compelling/i,
    noExtension: /no (notice of an? )?extension|not told me of any extension|did not extend|deadline stayed/i,
    extensionMoved: /moved its deadline|extended the time to answer to|time to answer (ran|runs) until/i,
    ackAsReply: /(LinkedIn|You) (answered|replied) on|(answer|reply) of \d/i,
    objectionClaimed: /I objected|my objection|an objection under Article 21\(1\)|Article 21\(1\)/i,
    threat: /If I do not hear from you, I will (complain|report)/i,
    gdprArticle: /\bArticles? \d/,
    switchOffBy: (d) => `By ${d}`,
    art21_5: /Article 21\(5\)/,
    switchOffClaimed: /I had switched|since I switched/i,
  },
  de: {
    noAnswer: /keine Antwort erhalten|hat nicht geantwortet|nicht geantwortet|unbeantwortet/i,
    overdue: /war bis zum [^.\n]* fällig|ist verstrichen|nicht geantwortet|keine Antwort erhalten|unbeantwortet/i,
    upheld: /sobald (mein|der) Widerspruch (stattgegeben|anerkannt)/i,
    amicable: /gütlich/i,
    judges: /nicht nachgewiesen|keine zwingenden/i,
    noExtension: /Frist blieb daher unverändert|Frist daher nicht verlängert|keine Fristverlängerung/i,
    extensionMoved: /verschob sich die Frist|Frist zur Antwort (lief|läuft) daher/i,
    ackAsReply: /(LinkedIn hat am|Sie haben am) [^.\n]* geantwortet|Antwort von LinkedIn vom \d/i,
    objectionClaimed: /mein Widerspruch|einen Widerspruch nach|Art\. 21 Abs\. 1/i,
    threat: /Höre ich nichts von Ihnen, werde ich/i,
    gdprArticle: /\bArt\. \d/,
    switchOffBy: (d) => `Bis zum ${d}`,
    art21_5: /Art\. 21 Abs\. 5/,
    switchOffClaimed: /hatte ich (sie|die Einstellung)[^.\n]*ausgeschaltet|nachdem ich [^.\n]* ausgeschaltet hatte/i,
  },
  fr: {
    noAnswer: /n’a pas répondu|aucune réponse|sans réponse/i,
    overdue: /était due au plus tard|est passé et|n’a pas répondu|aucune réponse|sans réponse/i,
    upheld: /une fois (mon|l’)opposition (accueillie|admise)/i,
    amicable: /amiable/i,
    judges: /n’avez pas démontré|n’a pas démontré/i,
    noExtension: /délai est donc resté inchangé|n’a donc pas prolongé|aucune prolongation/i,
    extensionMoved: /a reporté son délai|délai de réponse (courait|court) donc/i,
    ackAsReply: /(LinkedIn a|Vous avez) répondu le|réponse de LinkedIn du \d/i,
    objectionClaimed: /mon opposition|une opposition|article 21, paragraphe 1/i,
    threat: /Sans réponse de votre part, je/i,
    gdprArticle: /\b[Aa]rticles? \d/,
    switchOffBy: (d) => `Au ${d}`,
    art21_5: /article 21, paragraphe 5/,
    switchOffClaimed: /je l’avais désactivé|j’avais désactivé|après que j’ai désactivé/i,
  },
};
const REF_DAY = new Date(2026, 0, 1);
/** The truths write dates in English; a letter in another language writes them its way. */
const dateIn = (lang: string) => (s: string) => (lang === 'en' ? s : longDate(parse(s, 'd MMMM yyyy', REF_DAY).toLocaleDateString('sv-SE'), lang));
interface Rule {
  name: string;
  applies(x: Ctx): boolean;
  /** Problems found, each naming the offending text. */
  check(x: Ctx): string[];
}

const lines = (s: string) => s.split('\n');
const forbidRe = (re: RegExp, x: Ctx) => [...x.d.all.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))].map((m) => `says "${m[0]}"`);
const forbid = (pick: (p: Phrases) => RegExp) => (x: Ctx) => forbidRe(pick(x.p), x);
const isRequestLetter = (x: Ctx) => x.t.manifest.kind === 'request';
const states = (x: Ctx) => !isRequestLetter(x); // reminders and complaints state what happened
const unanswered = (x: Ctx) => x.h.requests.filter((r) => !r.replied);

const RULES: Rule[] = [
  { name: 'nothing is left unrendered', applies: () => true, check: (x) => forbidRe(/\{\{|\}\}/, x) },
  { name: 'never "once my objection is upheld" (Art 21(1) leaves no such discretion)', applies: () => true, check: forbid((p) => p.upheld) },
  { name: 'never asks for an amicable resolution', applies: () => true, check: forbid((p) => p.amicable) },
  { name: 'never judges what a reply said (only the member knows)', applies: () => true, check: forbid((p) => p.judges) },
  {
    name: 'no "no answer" when every request was answered',
    applies: (x) => x.h.requests.length > 0 && x.h.requests.every((r) => r.replied),
    check: forbid((p) => p.noAnswer),
  },
  {
    name: 'a request that was answered is not called unanswered on its own line',
    applies: (x) => x.h.requests.some((r) => r.replied),
    check: (x) =>
      x.h.requests
        .filter((r) => r.replied)
        .flatMap((r) => lines(x.d.all).filter((l) => l.includes(x.dt(r.sent)) && x.p.noAnswer.test(l)).map((l) => `answered request of ${r.sent}: "${l}"`)),
  },
  {
    name: 'no "no extension" when an extension was notified in time',
    applies: (x) => x.h.requests.some((r) => r.extension === 'in time'),
    check: forbid((p) => p.noExtension),
  },
  {
    name: 'an extension in time replaces the one-month date',
    applies: (x) => x.h.requests.some((r) => r.replacedDue),
    check: (x) => x.h.requests.flatMap((r) => (r.replacedDue && x.d.all.includes(x.dt(r.replacedDue[x.cal])) ? [`still gives ${r.replacedDue[x.cal]}`] : [])),
  },
  {
    name: 'a late extension moves nothing',
    applies: (x) => x.h.requests.some((r) => r.extension === 'late'),
    check: (x) => [
      ...x.h.requests.flatMap((r) => (r.notDue && x.d.all.includes(x.dt(r.notDue[x.cal])) ? [`gives the three-month date ${r.notDue[x.cal]}`] : [])),
      ...forbidRe(x.p.extensionMoved, x),
    ],
  },
  {
    name: 'nothing is overdue before its date',
    applies: (x) => x.h.requests.length > 0 && x.h.requests.every((r) => !passed(r, x.cal)),
    check: forbid((p) => p.overdue),
  },
  {
    name: 'a request still within its time is not called overdue on its own line',
    applies: (x) => x.h.requests.some((r) => !passed(r, x.cal) && !r.replied),
    check: (x) =>
      x.h.requests
        .filter((r) => !passed(r, x.cal) && !r.replied)
        .flatMap((r) => lines(x.d.all).filter((l) => l.includes(x.dt(r.sent)) && x.p.overdue.test(l)).map((l) => `pending request of ${r.sent}: "${l}"`)),
  },
  {
    name: 'an acknowledgement is not a reply',
    applies: (x) => x.h.requests.some((r) => r.acknowledged && !r.replied),
    check: forbid((p) => p.ackAsReply),
  },
  {
    name: 'no objection is claimed where none was made',
    applies: (x) => states(x) && !x.h.requests.some((r) => r.kind === 'objection'),
    check: forbid((p) => p.objectionClaimed),
  },
  {
    name: 'each request date is paired with its own due date',
    applies: (x) => x.h.requests.length > 1,
    check: (x) =>
      x.h.requests.flatMap((r, i) =>
        lines(x.d.all)
          .filter((l) => l.includes(x.dt(r.sent)))
          .flatMap((l) =>
            x.h.requests
              .filter((o, j) => j !== i && o.due[x.cal] !== r.due[x.cal] && l.includes(x.dt(o.due[x.cal])) && !l.includes(x.dt(o.sent)))
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
        .flatMap((r) => (x.d.all.includes(x.dt(r.due[x.cal])) ? [] : [`does not give ${r.due[x.cal]}, the due date of the request of ${r.sent}`])),
  },
  {
    name: 'a complaint already filed is not threatened again',
    applies: (x) => Boolean(x.h.complaintFiled),
    check: forbid((p) => p.threat),
  },
  { name: 'no GDPR articles in a US member’s letter', applies: (x) => x.cc === 'US', check: forbid((p) => p.gdprArticle) },
  {
    name: 'what a reply said is left to the member to write',
    // A complaint tells every request's story; a reminder only that of the one it chases (an answered one when all are).
    applies: (x) => (x.t.manifest.kind === 'complaint' && x.h.requests.some((r) => r.replied)) || (x.t.manifest.kind === 'reminder' && x.h.requests.length > 0 && x.h.requests.every((r) => r.replied)),
    check: (x) => (WRITE_HERE.test(x.d.all) ? [] : ['states nothing for the member to fill in about the reply']),
  },
  {
    name: 'the switch-off date is used where the record has it (Art 21(5))',
    applies: (x) => Boolean(x.h.switchOff) && x.t.manifest.id !== 'reminder' && x.t.manifest.id !== 'access-request',
    check: (x) => (x.d.all.includes(x.p.switchOffBy(x.dt(x.h.switchOff!))) && x.p.art21_5.test(x.d.all) ? [] : [`does not say the switch was off by ${x.h.switchOff} (Article 21(5))`]),
  },
  {
    name: 'no switch-off is claimed without a record of it',
    applies: (x) => !x.h.switchOff,
    check: forbid((p) => p.switchOffClaimed),
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

  it('has the rules in every language a template has', () => {
    for (const t of templates) for (const lang of t.manifest.languages) expect(PHRASES[lang], `${t.manifest.id}: ${lang}`).toBeDefined();
  });

  for (const t of templates) {
    for (const lang of t.manifest.languages) describe(`${t.manifest.id} (${lang})`, () => {
      for (const cc of COUNTRIES.filter((c) => availability(t.manifest, c).available)) {
        it.each(HISTORIES.map((h) => [h.name, h] as const))(`${cc}: %s`, (_name, h) => {
          combinations++;
          const events = h.events.map((e) => (e.type === 'complaint_filed' && cc === 'GB' ? { ...e, authority: 'ico' } : e));
          const d = draftFor(t, mkCase(cc), { ...h, events }, {}, lang);
          const x: Ctx = { t, h, cc, cal: calendarOf(cc), d, lang, p: PHRASES[lang] ?? PHRASES.en, dt: dateIn(lang) };
          for (const rule of RULES.filter((r) => r.applies(x))) {
            checks++;
            expect(rule.check(x), `${rule.name}\n--- ${t.manifest.id} (${lang}), ${cc}, ${h.name} ---\n${d.all}`).toEqual([]);
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
    console.log(`matrix: ${templates.length} templates (${templates.reduce((n, t) => n + t.manifest.languages.length, 0)} template languages), ${HISTORIES.length} histories, ${combinations} renders, ${checks} checks`);
  });
});
