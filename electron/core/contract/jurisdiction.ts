// What follows from where the member lives: which law, which LinkedIn controller, which regulators (home and lead).
// Pure functions over the authorities' data (data/authorities/, loaded and checked by electron/core/authorities, which
// hands the list to `provideAuthorities` when the core starts). Without it (the renderer, unit tests of pure code) a
// built-in copy of the four authorities the routes rest on (DPC, ICO, FDPIC, CPPA) is used; a test keeps that copy
// equal to the data files. The renderer asks the core through `jurisdiction.get` for the full answer.
import { AUTHORITY_LAW_KEYS as LAW_KEYS, type Authority, type AuthorityFile, type AuthorityLaw } from './authorities';
import { regimeOf, type Regime } from './countries';
import { needsRegion, regionName } from './regions';
import { controllerFor as platformControllerFor, type PlatformController, type PlatformFile } from './platforms';
import { PLATFORM_LABELS, type PlatformId } from './cases';
import { CORE_MESSAGES, LANGUAGES, type Msg, type MsgParams } from './i18n';

// ------------------------------------------------------------------------------------------------ the wording

/** A sentence in English (for the command line, the logs, the letters) and the same sentence by reference. */
interface Worded {
  text: string;
  msg: Msg;
}

const englishLanguage = (code: string) => {
  try {
    return new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * A core message in English, from the English catalog. The contract may import nothing but zod, so it cannot use the
 * core's i18next (`say`): this words the little the jurisdiction's messages use the same way (`{{p}}`,
 * `{{code, language}}`, `$t(core:key)` nested after the parameters are filled in). A test keeps it equal to `say`.
 */
export function englishMessage(key: string, params: MsgParams = {}): string {
  const text = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), CORE_MESSAGES.en);
  if (typeof text !== 'string') return key;
  const filled = text.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_, name: string, format?: string) => {
    const v = params[name];
    if (v === undefined) return '';
    return format === 'language' ? englishLanguage(String(v)) : String(v);
  });
  return filled.replace(/\$t\(core:([^)]+)\)/g, (_, nested: string) => englishMessage(nested, params));
}

const worded = (key: string, params?: MsgParams): Worded => ({ text: englishMessage(key, params), msg: params ? { key, params } : { key } });

export interface Controller {
  name: string;
  address: string[];
  /** The country whose public holidays count for its deadlines. */
  holidayCountry: string;
  /** Set where part of the address could not be confirmed from the source; the UI says so and lets the user edit. */
  unverified?: string;
  /** Where Redress wrote the name, the address or the note itself (a placeholder, LinkedIn's note): by reference. */
  nameMsg?: Msg;
  addressMsg?: Msg[];
  unverifiedMsg?: Msg;
}

export const LINKEDIN_IRELAND: Controller = {
  name: 'LinkedIn Ireland Unlimited Company',
  address: ['Attn: Data Protection Officer', 'Wilton Plaza, Wilton Place', 'Dublin 2', 'Ireland'],
  holidayCountry: 'IE',
};
export const LINKEDIN_CORPORATION: Controller = {
  name: 'LinkedIn Corporation',
  address: ['Attn: Data Protection Officer', '1000 W Maude Avenue', 'Sunnyvale, CA 94085', 'United States'],
  holidayCountry: 'US',
  unverified: englishMessage('jurisdiction.controller.linkedinZip'),
  unverifiedMsg: { key: 'jurisdiction.controller.linkedinZip' },
};

// ------------------------------------------------------------------------------------------------ the platforms

let platformProvider: (() => readonly PlatformFile[]) | null = null;

/** The core calls this once with its loader of data/platforms/, so `jurisdictionFor` names each platform's controller. */
export function providePlatforms(load: (() => readonly PlatformFile[]) | null): void {
  platformProvider = load;
}

/** The platform files in use, or none where the core has not provided them (the renderer, pure unit tests). */
export function currentPlatforms(): readonly PlatformFile[] {
  return platformProvider ? platformProvider() : [];
}

/** A platform file's controller in the terms a case uses (unconfirmed facts kept as the `unverified` note). */
export function asController(c: PlatformController): Controller {
  return { name: c.name, address: [...c.address], holidayCountry: c.country, ...(c.unverified ? { unverified: c.unverified } : {}) };
}

/**
 * The controller of `platform` for a member of `country`, with its lead authority's id: LinkedIn's built-in answer, else
 * the platform file (EU/EEA/CH -> eu, GB -> uk, else other). Without the file (the renderer before the core answers) a
 * placeholder that says it is one, never an invented address.
 */
export function platformControllerOf(platform: string, country: string, platforms?: readonly PlatformFile[]): { controller: Controller; leadAuthority: string | null } {
  const regime = regimeOf(country);
  if (platform === 'linkedin') {
    return regime === 'eu' || regime === 'ch' ? { controller: LINKEDIN_IRELAND, leadAuthority: 'dpc' } : { controller: LINKEDIN_CORPORATION, leadAuthority: regime === 'uk' ? 'ico' : null };
  }
  const file = (platforms ?? currentPlatforms()).find((p) => p.id === platform);
  if (file) {
    const c = platformControllerFor(file, country);
    return { controller: asController(c), leadAuthority: c.leadAuthority };
  }
  const label = PLATFORM_LABELS[platform as PlatformId] ?? platform;
  const name = worded('jurisdiction.controller.unknownName', { platform: label });
  const address = worded('jurisdiction.controller.unknownAddress');
  const unverified = worded('jurisdiction.controller.unknownUnverified', { platform: label, country });
  return {
    controller: {
      name: name.text,
      address: [address.text],
      holidayCountry: country,
      unverified: unverified.text,
      nameMsg: name.msg,
      addressMsg: [address.msg],
      unverifiedMsg: unverified.msg,
    },
    leadAuthority: null,
  };
}

export type RegulatorRole = 'home' | 'lead';

/** A regulator as a case sees it: the authority's facts plus its role for this member. */
export interface Regulator {
  id: string;
  /** The name the authority uses itself (for the letter's address block). */
  name: string;
  /** Its name in English. */
  nameEn: string;
  shortName: string;
  country: string;
  /** ISO 3166-2 region it serves, where it serves one (a German Land, a US state); else null. */
  region: string | null;
  address: string[];
  complaintUrl: string;
  /** Same as complaintUrl; kept for older callers. */
  url: string;
  email?: string;
  languages: string[];
  /** The language it expects a complaint in. */
  complaintLanguage: string;
  /** True where it expects complaints in a language other than English. */
  expectsOwnLanguage: boolean;
  /**
   * A form it makes compulsory. `note` is the authority's data (English, shown as it is); `summary` says so in a
   * sentence of Redress's own, with `summaryMsg` its reference.
   */
  compulsoryForm?: { note: string; url?: string; summary: string; summaryMsg: Msg };
  law: AuthorityLaw;
  /** home: where the member lives (Art 77); lead: the authority of the controller's main establishment. */
  role: RegulatorRole;
  /** The authority's own notes (data, English). */
  notes: string[];
  checked: string;
  sources: string[];
  /** One sentence naming what is unconfirmed (empty when all is confirmed), for places that show a single warning. */
  unverified?: string;
  unverifiedMsg?: Msg;
  unverifiedFields: { field: string; note: string }[];
}

export interface Jurisdiction {
  country: string;
  region: string | null;
  regime: Regime;
  law: string;
  /** `law` by reference (the law's name in each language: GDPR, DSGVO, RGPD). */
  lawMsg: Msg;
  controller: Controller;
  /** Regulators the member can complain to: the home authority first, then the lead authority. Empty where none applies. */
  regulators: Regulator[];
  /** True where the home authority (or the law) depends on a region the case does not have yet (DE, US). */
  regionNeeded: boolean;
  /** Whether the member must (or is expected to) go to the controller before complaining, and the rule behind it. */
  controllerFirst: { required: boolean; rule: string; ruleMsg: Msg };
  /** Whether GDPR-style objection (Art 21) and access (Art 15) rights apply. */
  hasGdprRights: boolean;
  notes: string[];
  /** `notes` by reference, one per note; its key says what the note is about (jurisdiction.note.*). */
  notesMsg: Msg[];
}

/** Notes a screen shows beside the home authority itself, so the list of notes need not repeat them. */
export const AUTHORITY_NOTE_KEYS: readonly string[] = [
  'jurisdiction.note.expectsLanguage',
  'jurisdiction.note.expectsLanguageTranslate',
  'jurisdiction.note.expectsLanguageTranslateOrLead',
  'jurisdiction.note.compulsoryForm',
];

// ------------------------------------------------------------------------------------------------ the authorities

/**
 * Built-in copy of the four authorities every route rests on, used only until the core provides the data. Must equal
 * data/authorities/{dpc,ico,fdpic,cppa}.json (tests/authorities checks it).
 */
export const FALLBACK_AUTHORITIES: readonly AuthorityFile[] = [
  {
    id: 'dpc',
    name: { local: 'Data Protection Commission', en: 'Data Protection Commission' },
    shortName: 'DPC',
    address: ['21 Fitzwilliam Square South', 'Dublin 2', 'D02 RD28', 'Ireland'],
    complaintUrl: 'https://forms.dataprotection.ie/contact',
    website: 'https://www.dataprotection.ie/',
    email: 'info@dataprotection.ie',
    languages: ['en', 'ga'],
    serves: [{ country: 'IE' }],
    law: 'gdpr',
    leadFor: ['linkedin'],
    holidays: { country: 'IE', label: 'Ireland' },
    requirements: { complaintLanguage: 'en' },
    checked: '2026-11-24',
    sources: ['https://www.dataprotection.ie/'],
  },
  {
    id: 'ico',
    name: { local: "Information Commissioner's Office", en: "Information Commissioner's Office" },
    shortName: 'ICO',
    address: ['Wycliffe House', 'Water Lane', 'Wilmslow', 'Cheshire SK9 5AF', 'United Kingdom'],
    complaintUrl: 'https://ico.org.uk/make-a-complaint/personal-information-complaint',
    languages: ['en', 'cy'],
    serves: [{ country: 'GB' }],
    law: 'uk-gdpr',
    holidays: { country: 'GB', state: 'ENG', label: 'England and Wales' },
    requirements: { complaintLanguage: 'en' },
    checked: '2026-11-24',
    sources: ['https://ico.org.uk/'],
  },
  {
    id: 'fdpic',
    name: { local: 'Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter', en: 'Federal Data Protection and Information Commissioner' },
    shortName: 'FDPIC',
    address: ['Feldeggweg 1', '3003 Bern', 'Switzerland'],
    complaintUrl: 'https://www.edoeb.admin.ch/',
    languages: ['de', 'fr', 'it'],
    serves: [{ country: 'CH' }],
    law: 'fadp',
    holidays: { country: 'CH', state: 'BE', label: 'Bern' },
    requirements: { complaintLanguage: 'de' },
    checked: '2026-11-24',
    sources: ['https://www.edoeb.admin.ch/'],
    unverified: [
      { field: 'address', note: 'Built-in copy; see data/authorities/fdpic.json.' },
      { field: 'complaintUrl', note: 'Built-in copy; see data/authorities/fdpic.json.' },
    ],
  },
  {
    id: 'cppa',
    name: { local: 'California Privacy Protection Agency (CalPrivacy)', en: 'California Privacy Protection Agency (CalPrivacy)' },
    shortName: 'CalPrivacy',
    address: ['2101 Arena Blvd', 'Sacramento, CA 95834', 'United States'],
    complaintUrl: 'https://cppa.ca.gov/webapplications/complaint',
    email: 'info@cppa.ca.gov',
    languages: ['en'],
    serves: [{ country: 'US', region: 'US-CA' }],
    law: 'ccpa',
    holidays: { country: 'US', state: 'CA', label: 'California' },
    requirements: { complaintLanguage: 'en' },
    checked: '2026-11-24',
    sources: ['https://cppa.ca.gov/webapplications/complaint'],
    unverified: [{ field: 'address', note: 'Built-in copy; see data/authorities/cppa.json.' }],
  },
];

let provider: (() => readonly AuthorityFile[]) | null = null;

/** The core calls this once with its loader, so every caller of `jurisdictionFor` in that process uses the data. */
export function provideAuthorities(load: (() => readonly AuthorityFile[]) | null): void {
  provider = load;
}

/** The authorities in use: the data when the core has provided it, else the built-in copy. */
export function currentAuthorities(): readonly AuthorityFile[] {
  return provider ? provider() : FALLBACK_AUTHORITIES;
}

export function toAuthority(a: AuthorityFile): Authority {
  return { ...a, unverifiedFields: [...new Set((a.unverified ?? []).map((u) => u.field))] };
}

const LANGUAGE_NAMES: Record<string, string> = {
  bg: 'Bulgarian', cs: 'Czech', cy: 'Welsh', da: 'Danish', de: 'German', el: 'Greek', en: 'English', es: 'Spanish', et: 'Estonian',
  fi: 'Finnish', fr: 'French', ga: 'Irish', hr: 'Croatian', hu: 'Hungarian', is: 'Icelandic', it: 'Italian', lb: 'Luxembourgish',
  lt: 'Lithuanian', lv: 'Latvian', mt: 'Maltese', nl: 'Dutch', no: 'Norwegian', pl: 'Polish', pt: 'Portuguese', ro: 'Romanian',
  sk: 'Slovak', sl: 'Slovenian', sv: 'Swedish',
};
export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;

/** The catalog's word for a field (jurisdiction.field.*); the local name is the name. */
const fieldWord = (f: string) => (f === 'nameLocal' ? 'name' : f);
const UNVERIFIED_MAX = 6;

/** "Not confirmed from the source: postal address, complaint page. Check before sending." for up to six fields. */
function unverifiedWorded(fields: string[]): Worded {
  const words = [...new Set(fields.map(fieldWord))].slice(0, UNVERIFIED_MAX);
  return worded(`jurisdiction.unverified.n${words.length}`, Object.fromEntries(words.map((w, i) => [`f${i + 1}`, w])));
}

export function asRegulator(a: AuthorityFile, role: RegulatorRole): Regulator {
  const fields = [...new Set((a.unverified ?? []).map((u) => u.field))];
  const lang = a.requirements.complaintLanguage;
  const unverified = fields.length ? unverifiedWorded(fields) : null;
  return {
    id: a.id,
    name: a.name.local,
    nameEn: a.name.en,
    shortName: a.shortName,
    country: a.serves[0].country,
    region: a.serves[0].region ?? null,
    address: a.address,
    complaintUrl: a.complaintUrl,
    url: a.complaintUrl,
    ...(a.email ? { email: a.email } : {}),
    languages: a.languages,
    complaintLanguage: lang,
    expectsOwnLanguage: lang !== 'en' && !a.languages.includes('en'),
    ...(a.requirements.compulsoryForm ? { compulsoryForm: compulsoryFormOf(a, a.requirements.compulsoryForm) } : {}),
    law: a.law,
    role,
    notes: a.requirements.notes ?? [],
    checked: a.checked,
    sources: a.sources,
    ...(unverified ? { unverified: unverified.text, unverifiedMsg: unverified.msg } : {}),
    unverifiedFields: a.unverified ?? [],
  };
}

function compulsoryFormOf(a: AuthorityFile, f: { note: string; url?: string }): NonNullable<Regulator['compulsoryForm']> {
  const summary = worded('jurisdiction.compulsoryForm', { authority: a.shortName });
  return { note: f.note, ...(f.url ? { url: f.url } : {}), summary: summary.text, summaryMsg: summary.msg };
}

/** Authorities that are the home authority of a member living in `country` (and `region`, where it matters). */
export function homeAuthoritiesIn(list: readonly AuthorityFile[], country: string, region?: string | null): AuthorityFile[] {
  return list.filter((a) =>
    a.serves.some((s) => s.country === country && (s.region ? s.region === region : !needsRegionForHome(country))),
  );
}

/** Germany's authorities for private companies are per Land; US authorities per state. */
const needsRegionForHome = (country: string) => needsRegion(country);

/** The lead authority for the platform's EU establishment (the DPC for LinkedIn Ireland). */
export function leadAuthorityIn(list: readonly AuthorityFile[], platform = 'linkedin'): AuthorityFile | undefined {
  return list.find((a) => a.leadFor?.includes(platform));
}

// ------------------------------------------------------------------------------------------------ the jurisdiction

/**
 * What applies to a member of `country` (and `region`, ISO 3166-2, where the country needs one): law, controller and
 * regulators with their roles. `authorities` defaults to the data the core provided.
 */
export function jurisdictionFor(
  country: string,
  region?: string | null,
  authorities: readonly AuthorityFile[] = currentAuthorities(),
  platform: string = 'linkedin',
): Jurisdiction {
  const regime = regimeOf(country);
  const reg = region && region.startsWith(`${country}-`) ? region : null;
  const regionNeeded = needsRegion(country) && !reg;
  const home = homeAuthoritiesIn(authorities, country, reg)[0];
  const isLinkedIn = platform === 'linkedin';
  const { controller, leadAuthority: leadId } = platformControllerOf(platform, country);
  const label = PLATFORM_LABELS[platform as PlatformId] ?? platform;
  // The lead authority of the controller's EU establishment: LinkedIn's from the authorities' `leadFor`, any other
  // platform's from its file (none where the platform names no EU establishment).
  const lead = isLinkedIn ? leadAuthorityIn(authorities) : regime === 'eu' || regime === 'ch' ? authorities.find((a) => a.id === leadId) : undefined;
  const place = reg ? (regionName(reg) ?? reg) : null;
  /** The worded fields of the answer: law, the rule on going to the controller first, and the notes. */
  const answer = (law: Worded, rule: Worded, notes: Worded[]) => ({
    law: law.text,
    lawMsg: law.msg,
    rule: { rule: rule.text, ruleMsg: rule.msg },
    notes: notes.map((n) => n.text),
    notesMsg: notes.map((n) => n.msg),
  });
  switch (regime) {
    case 'eu': {
      const regulators: Regulator[] = [];
      if (home) regulators.push(asRegulator(home, 'home'));
      if (lead && lead.id !== home?.id) regulators.push(asRegulator(lead, 'lead'));
      const notes = [
        lead ? worded('jurisdiction.note.euLead', { lead: lead.shortName }) : worded('jurisdiction.note.euNoLead', { controller: controller.name }),
      ];
      if (regionNeeded) notes.unshift(worded('jurisdiction.note.chooseLand'));
      const h = regulators.find((r) => r.role === 'home');
      if (h?.expectsOwnLanguage) {
        const p = { authority: h.shortName, code: h.complaintLanguage };
        notes.push(
          (LANGUAGES as readonly string[]).includes(h.complaintLanguage)
            ? worded('jurisdiction.note.expectsLanguage', p)
            : lead && lead.languages.includes('en')
              ? worded('jurisdiction.note.expectsLanguageTranslateOrLead', { ...p, lead: lead.shortName })
              : worded('jurisdiction.note.expectsLanguageTranslate', p),
        );
      }
      if (h?.compulsoryForm) notes.push(worded('jurisdiction.note.compulsoryForm', { authority: h.shortName, note: h.compulsoryForm.note }));
      const a = answer(worded('jurisdiction.law.gdpr'), worded('jurisdiction.controllerFirst.eu'), notes);
      return {
        country,
        region: reg,
        regime,
        law: a.law,
        lawMsg: a.lawMsg,
        controller,
        regulators,
        regionNeeded,
        controllerFirst: { required: true, ...a.rule },
        hasGdprRights: true,
        notes: a.notes,
        notesMsg: a.notesMsg,
      };
    }
    case 'uk': {
      const a = answer(
        worded('jurisdiction.law.ukGdpr'),
        worded('jurisdiction.controllerFirst.uk'),
        isLinkedIn
          ? [worded('jurisdiction.note.ukLinkedInController'), worded('jurisdiction.note.ukLinkedInMicrosoft')]
          : [worded('jurisdiction.note.ukOther', { platform: label, controller: controller.name })],
      );
      return {
        country,
        region: reg,
        regime,
        law: a.law,
        lawMsg: a.lawMsg,
        controller,
        regulators: home ? [asRegulator(home, 'home')] : [],
        regionNeeded: false,
        controllerFirst: { required: true, ...a.rule },
        hasGdprRights: true,
        notes: a.notes,
        notesMsg: a.notesMsg,
      };
    }
    case 'ch': {
      const regulators: Regulator[] = [];
      if (home) regulators.push(asRegulator(home, 'home'));
      if (lead) regulators.push(asRegulator(lead, 'lead'));
      const a = answer(
        isLinkedIn ? worded('jurisdiction.law.chLinkedIn') : lead ? worded('jurisdiction.law.chThrough', { controller: controller.name }) : worded('jurisdiction.law.ch'),
        worded('jurisdiction.controllerFirst.ch'),
        [
          worded('jurisdiction.note.chNoOneStop'),
          ...(isLinkedIn
            ? [worded('jurisdiction.note.chLinkedIn')]
            : lead
              ? [worded('jurisdiction.note.chOther', { controller: controller.name, lead: lead.shortName })]
              : []),
        ],
      );
      return {
        country,
        region: reg,
        regime,
        law: a.law,
        lawMsg: a.lawMsg,
        controller,
        regulators,
        regionNeeded: false,
        controllerFirst: { required: true, ...a.rule },
        hasGdprRights: true,
        notes: a.notes,
        notesMsg: a.notesMsg,
      };
    }
    default: {
      const us = country === 'US';
      const regulators = home ? [asRegulator(home, 'home')] : [];
      const notes = [worded('jurisdiction.note.noGdprDeadlines')];
      if (us && regionNeeded) notes.push(worded('jurisdiction.note.usChooseState'));
      else if (us && !home) notes.push(place ? worded('jurisdiction.note.usNoAuthority', { place }) : worded('jurisdiction.note.usNoAuthorityState'));
      if (home?.law === 'ccpa') notes.push(worded('jurisdiction.note.ccpa'));
      const a = answer(
        home
          ? worded('jurisdiction.law.inPlace', { law: LAW_KEYS[home.law], place: place ?? home.serves[0].region ?? country })
          : us
            ? worded('jurisdiction.law.usState')
            : worded('jurisdiction.law.local'),
        worded('jurisdiction.controllerFirst.none'),
        notes,
      );
      return {
        country,
        region: reg,
        regime,
        law: a.law,
        lawMsg: a.lawMsg,
        controller,
        regulators,
        regionNeeded,
        controllerFirst: { required: false, ...a.rule },
        hasGdprRights: false,
        notes: a.notes,
        notesMsg: a.notesMsg,
      };
    }
  }
}

/** The member's home authority (Art 77), or null where none is known (yet). */
export function homeRegulatorOf(c: { country: string; region?: string | null; platform?: string }): Regulator | null {
  return jurisdictionFor(c.country, c.region, undefined, c.platform).regulators.find((r) => r.role === 'home') ?? null;
}
