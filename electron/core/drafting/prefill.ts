// What Redress knows about a case, as names a template can use: the member, the jurisdiction (controller, regulator)
// and, from facts.ts, what the record says (requests, deadlines, replies, complaints, evidence).
import { currentPlatforms, jurisdictionFor, languageName, type Jurisdiction } from '../contract/jurisdiction';
import { PLATFORM_LABELS, type PlatformId } from '../contract/cases';
import type { PlatformFile } from '../contract/platforms';
import type { TemplateAvailability, TemplateManifest, RecipientInfo } from '../contract/drafting';
import { EU_EEA } from '../contract/countries';
import { countryInSentence, countryName, languageIn, longDate } from './dates';
import type { Vars } from './engine';
import { isMessageKey, say } from '../i18n';
import type { MsgParams } from '../contract/i18n';
import { evidenceIndexText, FACT_NAMES, factVars, REQUEST_ITEM_NAMES, timelineText, type CaseFacts } from './facts';

/** Names about the member, the jurisdiction and the recipient; the case's record adds FACT_NAMES (facts.ts). */
const BASE_NAMES = [
  'member_name',
  'member_first_name',
  'member_last_name',
  'names_recorded',
  'member_email',
  'country_code',
  'country_name',
  'today',
  'law',
  'gdpr',
  'uk',
  'eu',
  'ch',
  'us',
  'california',
  'controller_name',
  'controller_address',
  'controller_postal_address',
  'recipient_name',
  'recipient_address',
  'regulator_name',
  'home_authority',
  'home_authority_name',
  'home_authority_short',
  'home_is_lead',
  'home_expects_own_language',
  'home_language',
  'home_compulsory_form',
  'lead_authority_name',
  'region_needed',
  // The letter's language, and whether it is one the home authority takes (its cautions say so when it is not).
  'letter_language',
  'letter_in_home_language',
  'home_language_offered',
  'home_language_not_used',
  'home_language_switch',
  'home_language_missing',
  'home_language_code',
  // The platform the case is about (data/platforms/): its name, its AI-training setting and objection form where it has them.
  'platform_name',
  'linkedin',
  'has_switch',
  'setting_name',
  'setting_url',
  'has_form',
  'form_name',
  'form_url',
  'controller_unconfirmed',
  'controller_unconfirmed_note',
  'controller_address_known',
  'dpc_leads',
] as const;

export const CONTEXT_NAMES: readonly string[] = [...BASE_NAMES, ...FACT_NAMES];
/** The names inside `{{#each <list>}}`, per list. */
export const LIST_ITEM_NAMES: Readonly<Record<string, readonly string[]>> = { requests: REQUEST_ITEM_NAMES };

export { longDate, countryName, countryInSentence, timelineText, evidenceIndexText };

/** An address line that stands in for a street address Redress could not confirm. */
const PLACEHOLDER = /not confirmed|not known/i;

/**
 * What the letters say about the platform, from its file: its name, its AI-training setting (the first that has a
 * switch) and its objection form, and whether its controller's address is unconfirmed. LinkedIn's letters keep
 * their own wording (`linkedin`), and its known ZIP-code doubt stays on the address field, as before.
 */
function platformVars(platform: string, j: Jurisdiction): Record<string, string> {
  const file: PlatformFile | undefined = currentPlatforms().find((p) => p.id === platform);
  const setting = file?.settings.find((s) => s.switch !== null);
  const form = file?.objection.kind === 'form' ? file.objection : undefined;
  const linkedin = platform === 'linkedin';
  const yes = (b: boolean) => (b ? 'yes' : '');
  return {
    platform_name: file?.name ?? PLATFORM_LABELS[platform as PlatformId] ?? platform,
    linkedin: yes(linkedin),
    has_switch: yes(linkedin || Boolean(setting)),
    setting_name: setting?.name ?? (linkedin ? 'Data for Generative AI Improvement' : ''),
    setting_url: setting?.url ?? '',
    has_form: yes(linkedin || Boolean(form)),
    form_name: form?.name ?? (linkedin ? 'Data Processing Objection Form' : ''),
    form_url: form?.url ?? '',
    controller_unconfirmed: yes(!linkedin && Boolean(j.controller.unverified)),
    controller_unconfirmed_note: linkedin ? '' : (j.controller.unverified ?? ''),
    controller_address_known: yes(!j.controller.address.some((l) => PLACEHOLDER.test(l))),
    // Whether the Irish DPC leads for the platform's EU controller (the DPC complaint says it does).
    dpc_leads: yes(linkedin || file?.controllers.eu.leadAuthority === 'dpc'),
  };
}

export function recipientFor(m: TemplateManifest, j: Jurisdiction): RecipientInfo {
  if (m.recipient === 'controller') return { name: j.controller.name, address: j.controller.address, unverified: j.controller.unverified };
  if (m.recipient === 'home') {
    const home = j.regulators.find((r) => r.role === 'home');
    if (!home) return { name: 'Your home data protection authority', address: [], unverified: 'Redress does not know your home authority yet: give your region on the case.' };
    return {
      name: home.name,
      address: home.address,
      ...(home.unverified ? { unverified: home.unverified } : {}),
      ...(home.email ? { email: home.email } : {}),
      formUrl: home.compulsoryForm?.url ?? home.complaintUrl,
    };
  }
  const reg = j.regulators.find((r) => r.id === m.recipient);
  if (reg) return { name: reg.name, address: reg.address, unverified: reg.unverified };
  // A template bound to one regulator outside its countries: still name it so a preview makes sense.
  return m.recipient === 'ico'
    ? { name: "Information Commissioner's Office", address: ['Wycliffe House', 'Water Lane', 'Wilmslow', 'Cheshire SK9 5AF', 'United Kingdom'] }
    : { name: 'Data Protection Commission', address: ['21 Fitzwilliam Square South', 'Dublin 2', 'D02 RD28', 'Ireland'] };
}

export function appliesTo(m: TemplateManifest, country: string): boolean {
  return m.countries.some((c) => c === '*' || c === country || (c === 'EU/EEA' && EU_EEA.has(country)));
}

export function describeCountries(countries: string[]): string {
  const names = countries.map((c) => (c === '*' ? 'any country' : c === 'EU/EEA' ? 'the EU/EEA' : countryInSentence(c)));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
}

/**
 * Whether a template is for a case's country; if not, why, by message key: the places a template is for are a catalog
 * entry per set (`drafting.availability.where.EU-EEA_CH_GB`), the case's country the calendar's name for it where the
 * catalog has one (every country Redress knows the law of), else its English name.
 */
export function availability(m: TemplateManifest, country: string): TemplateAvailability {
  if (appliesTo(m, country)) return { available: true };
  const countries = m.countries.map((c) => c.replace('/', '-')).join('_');
  const params: MsgParams = { title: m.title, countries, country, country_name: countryInSentence(country) };
  const key = isMessageKey(`tracking.calendarIn.${country}`) ? 'drafting.availability.notHere.listed' : 'drafting.availability.notHere.other';
  if (!isMessageKey(`drafting.availability.where.${countries}`)) {
    // A template for a set of places the catalog does not name yet: its English reason alone.
    return { available: false, reason: `${m.title} is for members in ${describeCountries(m.countries)}; this case is in ${countryInSentence(country)} (${country}).` };
  }
  return { available: false, reason: say(key, params), reasonMsg: { key, params } };
}

export type { CaseFacts };

/** How a letter in each language names the law: GDPR, DSGVO, RGPD. */
const GDPR_NAME: Record<string, string> = { en: 'GDPR', de: 'DSGVO', fr: 'RGPD' };

/** The names a template uses, worded for a letter in `lang` (dates, countries, the law, the authorities' names). */
export function contextVars(facts: CaseFacts, m: TemplateManifest, lang = 'en'): Vars {
  const c = facts.case;
  const j = jurisdictionFor(c.country, c.region, undefined, c.platform);
  const recipient = recipientFor(m, j);
  const yes = (b: boolean) => (b ? 'yes' : '');
  // First and last name as the member gave them; never guessed from a split of the full name.
  const split = Boolean(c.givenName && c.familyName);
  const home = j.regulators.find((r) => r.role === 'home');
  // The lead authority for LinkedIn Ireland; the jurisdiction names it only where it differs from the home one.
  const lead = j.regulators.find((r) => r.role === 'lead') ?? (home?.id === 'dpc' ? home : undefined);
  const inHomeLanguage = Boolean(home && (home.complaintLanguage === lang || home.languages.includes(lang)));
  const offered = Boolean(home && m.languages.some((l) => l === home.complaintLanguage || home.languages.includes(l)));
  const notUsed = Boolean(home?.expectsOwnLanguage && !inHomeLanguage);
  return {
    member_name: c.name,
    member_first_name: c.givenName ?? c.name,
    member_last_name: c.familyName ?? '',
    names_recorded: yes(split),
    member_email: c.email,
    country_code: c.country,
    country_name: countryInSentence(c.country, lang),
    today: longDate(facts.today.toISOString(), lang),
    law: j.law.startsWith('UK') ? 'UK GDPR' : j.hasGdprRights ? (GDPR_NAME[lang] ?? 'GDPR') : j.law,
    gdpr: yes(j.hasGdprRights),
    uk: yes(j.regime === 'uk'),
    eu: yes(j.regime === 'eu'),
    ch: yes(j.regime === 'ch'),
    us: yes(c.country === 'US'),
    california: yes(c.country === 'US' && c.region === 'US-CA'),
    controller_name: j.controller.name,
    controller_address: j.controller.address.join('\n'),
    controller_postal_address: j.controller.address.filter((l) => !/^Attn/i.test(l)).join('\n'),
    recipient_name: recipient.name,
    recipient_address: recipient.address.join('\n'),
    // An English letter gives the authority's English name; a letter in another language the name it uses itself.
    regulator_name: j.regulators[0] ? (lang === 'en' ? (j.regulators[0].nameEn ?? j.regulators[0].name) : j.regulators[0].name) : '',
    home_authority: yes(Boolean(home)),
    home_authority_name: home ? (lang === 'en' ? home.nameEn : home.name) : '',
    home_authority_short: home?.shortName ?? '',
    home_is_lead: yes(Boolean(home && lead && home.id === lead.id)),
    home_expects_own_language: yes(Boolean(home?.expectsOwnLanguage)),
    home_language: home ? (lang === 'en' ? languageName(home.complaintLanguage) : languageIn(lang, home.complaintLanguage)) : '',
    home_compulsory_form: home?.compulsoryForm?.note ?? '',
    lead_authority_name: lead ? (lang === 'en' ? lead.nameEn : lead.name) : '',
    region_needed: yes(Boolean(j.regionNeeded)),
    letter_language: lang,
    letter_in_home_language: yes(inHomeLanguage),
    // The template has a text in a language the home authority takes, and the letter is not in one it takes.
    home_language_offered: yes(offered),
    home_language_not_used: yes(notUsed),
    // Not in the home authority's language: the letter has a text in it (switch), or has none (translate or go to the DPC).
    home_language_switch: yes(notUsed && offered),
    home_language_missing: yes(notUsed && !offered),
    home_language_code: home?.complaintLanguage ?? '',
    ...platformVars(c.platform, j),
    // "Already complained to this recipient": for a home-authority letter, the authority it is addressed to.
    ...factVars(facts, m.recipient === 'home' ? (home?.id ?? 'home') : m.recipient, lang),
  };
}
