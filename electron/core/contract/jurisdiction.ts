// What follows from where the member lives: which law, which LinkedIn controller, which regulator, and in what order.
// Pure data + functions (the renderer shows it as the case is created; drafting and deadlines use the same answers).
// Facts are from LinkedIn's privacy notices and the regulators' own pages, checked 2026-11 (see DOMAIN notes in README).
import { regimeOf, type Regime } from './countries';

export interface Controller {
  name: string;
  address: string[];
  /** The country whose public holidays count for its deadlines. */
  holidayCountry: string;
  /** True where part of the address could not be confirmed from the source; the UI says so and lets the user edit. */
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

export interface Regulator {
  id: string;
  name: string;
  shortName: string;
  country: string;
  address: string[];
  url?: string;
  unverified?: string;
}

export const ICO: Regulator = {
  id: 'ico',
  name: "Information Commissioner's Office",
  shortName: 'ICO',
  country: 'GB',
  address: ['Wycliffe House', 'Water Lane', 'Wilmslow', 'Cheshire SK9 5AF', 'United Kingdom'],
  url: 'https://ico.org.uk/make-a-complaint/personal-information-complaint',
};
export const DPC: Regulator = {
  id: 'dpc',
  name: 'Data Protection Commission',
  shortName: 'DPC',
  country: 'IE',
  address: ['21 Fitzwilliam Square South', 'Dublin 2', 'D02 RD28', 'Ireland'],
  url: 'https://forms.dataprotection.ie/contact',
};
const LOCAL_AUTHORITIES: Record<string, Regulator> = {
  FR: { id: 'cnil', name: "Commission nationale de l'informatique et des libertés", shortName: 'CNIL', country: 'FR', address: ['3 Place de Fontenoy', 'TSA 80715', '75334 Paris Cedex 07', 'France'] },
  DE: { id: 'hmbbfdi', name: 'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit', shortName: 'HmbBfDI', country: 'DE', address: ['Ludwig-Erhard-Str. 22, 7. OG', '20459 Hamburg', 'Germany'], unverified: 'Private firms go to the authority of the German state where you live; Hamburg is shown as an example.' },
  ES: { id: 'aepd', name: 'Agencia Española de Protección de Datos', shortName: 'AEPD', country: 'ES', address: ['C/ Jorge Juan 6', '28001 Madrid', 'Spain'] },
  IT: { id: 'garante', name: 'Garante per la protezione dei dati personali', shortName: 'Garante', country: 'IT', address: ['Piazza Venezia 11', '00187 Roma', 'Italy'] },
  NL: { id: 'ap', name: 'Autoriteit Persoonsgegevens', shortName: 'AP', country: 'NL', address: ['Postbus 93374', '2509 AJ Den Haag', 'Netherlands'] },
  IE: DPC,
};
export const FDPIC: Regulator = {
  id: 'fdpic',
  name: 'Federal Data Protection and Information Commissioner',
  shortName: 'FDPIC',
  country: 'CH',
  address: ['Feldeggweg 1', '3003 Bern', 'Switzerland'],
  unverified: 'Address not confirmed from the source.',
};
export const CPPA: Regulator = {
  id: 'cppa',
  name: 'California Privacy Protection Agency (CalPrivacy)',
  shortName: 'CalPrivacy',
  country: 'US',
  address: [],
  url: 'https://cppa.ca.gov/webapplications/complaint',
};

export interface Jurisdiction {
  country: string;
  regime: Regime;
  law: string;
  controller: Controller;
  /** Regulators the member can complain to, the most natural first. Empty where none applies. */
  regulators: Regulator[];
  /** Whether the member must (or is expected to) go to the controller before complaining, and the rule behind it. */
  controllerFirst: { required: boolean; rule: string };
  /** Whether GDPR-style objection (Art 21) and access (Art 15) rights apply. */
  hasGdprRights: boolean;
  notes: string[];
}

export function jurisdictionFor(country: string): Jurisdiction {
  const regime = regimeOf(country);
  switch (regime) {
    case 'eu': {
      const local = LOCAL_AUTHORITIES[country];
      return {
        country,
        regime,
        law: 'GDPR',
        controller: LINKEDIN_IRELAND,
        regulators: local && local.id !== 'dpc' ? [local, DPC] : [DPC],
        controllerFirst: {
          required: true,
          rule:
            'Authorities generally expect you to raise it with the controller first (DPC complaints handling). From 2 April 2027 Regulation (EU) 2025/2518 drops this except for complaints about a data-subject request.',
        },
        hasGdprRights: true,
        notes: [
          'You can complain where you live, work, or where the infringement happened (Art 77); a local authority forwards it to the lead authority, the DPC.',
        ],
      };
    }
    case 'uk':
      return {
        country,
        regime,
        law: 'UK GDPR',
        controller: LINKEDIN_CORPORATION,
        regulators: [ICO],
        controllerFirst: {
          required: true,
          rule: 'The ICO expects you to complain to the organisation first, and to come to the ICO within three months of your last meaningful contact with it.',
        },
        hasGdprRights: true,
        notes: ['Since 27 February 2025 LinkedIn Corporation is the controller for UK members.', 'For UK members the same switch also covers sharing with Microsoft for its own AI training.'],
      };
    case 'ch':
      return {
        country,
        regime,
        law: 'Swiss FADP (and GDPR through LinkedIn Ireland)',
        controller: LINKEDIN_IRELAND,
        regulators: [FDPIC],
        controllerFirst: { required: true, rule: 'Raise it with the controller first; the FDPIC takes a report under FADP Art 49, not an Art 77 complaint.' },
        hasGdprRights: true,
        notes: ['The EU one-stop-shop does not cover Switzerland.'],
      };
    default:
      return {
        country,
        regime,
        law: country === 'US' ? 'US state law (e.g. CCPA in California)' : 'Local law',
        controller: LINKEDIN_CORPORATION,
        regulators: country === 'US' ? [CPPA] : [],
        controllerFirst: { required: false, rule: 'No statutory order of steps applies.' },
        hasGdprRights: false,
        notes: [
          'GDPR deadlines do not apply, so Redress sets none. Turning the setting off is the main action; a capture proves when it was on.',
          ...(country === 'US' ? ['The CCPA gives no specific right to stop AI training; CalPrivacy takes complaints about the rights it does give.'] : []),
        ],
      };
  }
}
