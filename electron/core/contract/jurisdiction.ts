// What follows from where the member lives: which law, which LinkedIn controller, which regulators (home and lead).
// Pure functions over the authorities' data (data/authorities/, loaded and checked by electron/core/authorities, which
// hands the list to `provideAuthorities` when the core starts). Without it (the renderer, unit tests of pure code) a
// built-in copy of the four authorities the routes rest on (DPC, ICO, FDPIC, CPPA) is used; a test keeps that copy
// equal to the data files. The renderer asks the core through `jurisdiction.get` for the full answer.
import { AUTHORITY_LAW_LABELS, type Authority, type AuthorityFile, type AuthorityLaw } from './authorities';
import { regimeOf, type Regime } from './countries';
import { needsRegion, regionName } from './regions';
import { controllerFor as platformControllerFor, type PlatformController, type PlatformFile } from './platforms';
import { PLATFORM_LABELS, type PlatformId } from './cases';
import { LANGUAGES } from './i18n';

export interface Controller {
  name: string;
  address: string[];
  /** The country whose public holidays count for its deadlines. */
  holidayCountry: string;
  /** Set where part of the address could not be confirmed from the source; the UI says so and lets the user edit. */
  unverified?: string;
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
  unverified: 'The ZIP code 94085 could not be confirmed from LinkedIn’s own notice.',
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
  return {
    controller: {
      name: `${label} (controller not known to Redress)`,
      address: ['address not known: see the platform’s privacy policy'],
      holidayCountry: country,
      unverified: `Redress has no data on who controls ${label}’s data for members in ${country}: check its privacy policy before sending.`,
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
  compulsoryForm?: { note: string; url?: string };
  law: AuthorityLaw;
  /** home: where the member lives (Art 77); lead: the authority of the controller's main establishment. */
  role: RegulatorRole;
  notes: string[];
  checked: string;
  sources: string[];
  /** One sentence naming what is unconfirmed (empty when all is confirmed), for places that show a single warning. */
  unverified?: string;
  unverifiedFields: { field: string; note: string }[];
}

export interface Jurisdiction {
  country: string;
  region: string | null;
  regime: Regime;
  law: string;
  controller: Controller;
  /** Regulators the member can complain to: the home authority first, then the lead authority. Empty where none applies. */
  regulators: Regulator[];
  /** True where the home authority (or the law) depends on a region the case does not have yet (DE, US). */
  regionNeeded: boolean;
  /** Whether the member must (or is expected to) go to the controller before complaining, and the rule behind it. */
  controllerFirst: { required: boolean; rule: string };
  /** Whether GDPR-style objection (Art 21) and access (Art 15) rights apply. */
  hasGdprRights: boolean;
  notes: string[];
}

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

const FIELD_WORDS: Record<string, string> = {
  name: 'name', nameLocal: 'name', nameEn: 'English name', shortName: 'short name', address: 'postal address', complaintUrl: 'complaint page',
  email: 'email address', languages: 'accepted languages', serves: 'who it serves', requirements: 'requirements', holidays: 'holiday calendar',
};

export function asRegulator(a: AuthorityFile, role: RegulatorRole): Regulator {
  const fields = [...new Set((a.unverified ?? []).map((u) => u.field))];
  const lang = a.requirements.complaintLanguage;
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
    ...(a.requirements.compulsoryForm ? { compulsoryForm: { note: a.requirements.compulsoryForm.note, ...(a.requirements.compulsoryForm.url ? { url: a.requirements.compulsoryForm.url } : {}) } } : {}),
    law: a.law,
    role,
    notes: a.requirements.notes ?? [],
    checked: a.checked,
    sources: a.sources,
    ...(fields.length ? { unverified: `Not confirmed from the source: ${fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}. Check before sending.` } : {}),
    unverifiedFields: a.unverified ?? [],
  };
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
  switch (regime) {
    case 'eu': {
      const regulators: Regulator[] = [];
      if (home) regulators.push(asRegulator(home, 'home'));
      if (lead && lead.id !== home?.id) regulators.push(asRegulator(lead, 'lead'));
      const notes = [
        lead
          ? `You can complain where you live, work, or where the infringement happened (Art 77); your home authority passes it to the lead authority, the ${lead.shortName}, which you can also go to directly. From 2 April 2027 (Regulation (EU) 2025/2518) your home authority stays your single point of contact.`
          : `You can complain where you live, work, or where the infringement happened (Art 77). Redress knows of no EU establishment of ${controller.name}, so no lead authority: your home authority handles the complaint.`,
      ];
      if (regionNeeded) notes.unshift('In Germany each Land has its own authority for private companies: choose the Land where you live to see yours.');
      const h = regulators.find((r) => r.role === 'home');
      if (h?.expectsOwnLanguage) {
        notes.push(
          (LANGUAGES as readonly string[]).includes(h.complaintLanguage)
            ? `${h.shortName} expects complaints in ${languageName(h.complaintLanguage)}: Redress drafts the complaint to it in ${languageName(h.complaintLanguage)}.`
            : `${h.shortName} expects complaints in ${languageName(h.complaintLanguage)}. Redress has no letters in ${languageName(h.complaintLanguage)} yet: translate the letter before sending it there${lead && lead.languages.includes('en') ? `, or complain to the ${lead.shortName} in English` : ''}.`,
        );
      }
      if (h?.compulsoryForm) notes.push(`${h.shortName}: ${h.compulsoryForm.note}`);
      return {
        country,
        region: reg,
        regime,
        law: 'GDPR',
        controller,
        regulators,
        regionNeeded,
        controllerFirst: {
          required: true,
          rule:
            'Authorities generally expect you to raise it with the controller first (DPC complaints handling). From 2 April 2027 Regulation (EU) 2025/2518 drops this except for complaints about a data-subject request.',
        },
        hasGdprRights: true,
        notes,
      };
    }
    case 'uk':
      return {
        country,
        region: reg,
        regime,
        law: 'UK GDPR',
        controller,
        regulators: home ? [asRegulator(home, 'home')] : [],
        regionNeeded: false,
        controllerFirst: {
          required: true,
          rule: 'The ICO expects you to complain to the organisation first, and to come to the ICO within three months of your last meaningful contact with it.',
        },
        hasGdprRights: true,
        notes: isLinkedIn
          ? ['Since 27 February 2025 LinkedIn Corporation is the controller for UK members.', 'For UK members the same switch also covers sharing with Microsoft for its own AI training.']
          : [`For UK members of ${label} the controller is ${controller.name}, as far as Redress knows.`],
      };
    case 'ch': {
      const regulators: Regulator[] = [];
      if (home) regulators.push(asRegulator(home, 'home'));
      if (lead) regulators.push(asRegulator(lead, 'lead'));
      return {
        country,
        region: reg,
        regime,
        law: isLinkedIn ? 'Swiss FADP (and GDPR through LinkedIn Ireland)' : lead ? `Swiss FADP (and GDPR through ${controller.name})` : 'Swiss FADP',
        controller,
        regulators,
        regionNeeded: false,
        controllerFirst: { required: true, rule: 'Raise it with the controller first; the FDPIC takes a report under FADP Art 49, not an Art 77 complaint.' },
        hasGdprRights: true,
        notes: [
          'The EU one-stop-shop does not cover Switzerland: a report to the FDPIC uses the Swiss FADP (Art 49).',
          ...(isLinkedIn
            ? ['LinkedIn Ireland is subject to the GDPR for Swiss members too (Art 3(1)), so a GDPR complaint to the DPC stays open.']
            : lead
              ? [`${controller.name} is in the EU, so the GDPR can apply to Swiss members too (Art 3(1)) and a complaint to the ${lead.shortName} stays open.`]
              : []),
        ],
      };
    }
    default: {
      const us = country === 'US';
      const regulators = home ? [asRegulator(home, 'home')] : [];
      const notes = ['GDPR deadlines do not apply, so Redress sets none. Turning the setting off is the main action; a capture proves when it was on.'];
      if (us && regionNeeded) notes.push('Privacy law in the United States is per state: choose the state where you live.');
      else if (us && !home) notes.push(`Redress knows of no authority that takes privacy complaints from members in ${place ?? 'this state'}, so it names none.`);
      if (home?.law === 'ccpa') notes.push('The CCPA gives no specific right to stop AI training; CalPrivacy takes complaints about the rights it does give.');
      return {
        country,
        region: reg,
        regime,
        law: home ? `${AUTHORITY_LAW_LABELS[home.law]} (${place ?? home.serves[0].region ?? country})` : us ? 'US state law (e.g. CCPA in California)' : 'Local law',
        controller,
        regulators,
        regionNeeded,
        controllerFirst: { required: false, rule: 'No statutory order of steps applies.' },
        hasGdprRights: false,
        notes,
      };
    }
  }
}

/** The member's home authority (Art 77), or null where none is known (yet). */
export function homeRegulatorOf(c: { country: string; region?: string | null; platform?: string }): Regulator | null {
  return jurisdictionFor(c.country, c.region, undefined, c.platform).regulators.find((r) => r.role === 'home') ?? null;
}
