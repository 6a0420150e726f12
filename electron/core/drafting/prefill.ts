// What Redress knows about a case, as names a template can use: the member, the jurisdiction (controller, regulator),
// the events (timeline, request date, reply) and the evidence (an exhibit index).
import { format, parseISO } from 'date-fns';
import type { Case } from '../contract';
import type { EvidenceSummary } from '../contract/evidence';
import { jurisdictionFor, type Jurisdiction } from '../contract/jurisdiction';
import type { CaseEventSummary, DeadlineSummary } from '../contract/tracking';
import type { TemplateAvailability, TemplateManifest, RecipientInfo } from '../contract/drafting';
import { EU_EEA } from '../contract/countries';
import type { Vars } from './engine';

export const CONTEXT_NAMES = [
  'member_name',
  'member_first_name',
  'member_last_name',
  'member_email',
  'country_code',
  'country_name',
  'today',
  'law',
  'gdpr',
  'uk',
  'eu',
  'us',
  'controller_name',
  'controller_address',
  'controller_postal_address',
  'recipient_name',
  'recipient_address',
  'regulator_name',
  'request_date',
  'request_ref',
  'request_channel',
  'due_date',
  'due_rule',
  'reply_received',
  'reply_date',
  'last_contact_date',
  'timeline',
  'evidence_index',
  'evidence_count',
] as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (cc: string) => regionNames.of(cc) ?? cc;
// Names that read with "the" in a sentence ("members in the United Kingdom").
const WITH_THE = new Set('GB US NL AE PH BS GM CD CG CF DO KM MV MH SB SC CZ VA'.split(' '));
export const countryInSentence = (cc: string) => (WITH_THE.has(cc) ? `the ${countryName(cc)}` : countryName(cc));

/** 30 April 2026: unambiguous in every English-speaking country. */
export const longDate = (iso: string) => {
  try {
    return format(parseISO(iso.slice(0, 10)), 'd MMMM yyyy');
  } catch {
    return iso;
  }
};

const isRequest = (e: CaseEventSummary) => /request|objection/.test(e.type) && /sent|submitted|made/.test(e.type);
const isReply = (e: CaseEventSummary) => /response|reply|answer/.test(e.type) && !/sent/.test(e.type);
const isComplaint = (e: CaseEventSummary) => /complaint/.test(e.type);

function eventLabel(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function timelineText(events: CaseEventSummary[]): string {
  return [...events]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((e) => {
      const bits = [`${longDate(e.on)}: ${eventLabel(e.type)}`];
      if (e.channel) bits.push(` by ${e.channel}`);
      if (e.ref) bits.push(` (reference ${e.ref})`);
      if (e.note) bits.push(`. ${e.note.replace(/\s+/g, ' ').trim()}`);
      return '- ' + bits.join('');
    })
    .join('\n');
}

export function evidenceIndexText(evidence: EvidenceSummary[]): string {
  return evidence
    .map((e, i) => {
      const when = e.capturedAt ? `captured ${longDate(e.capturedAt)}` : `added ${longDate(e.addedAt)}`;
      return `- Exhibit ${i + 1}: ${e.title} (${e.kind}, ${when}; SHA-256 ${e.sha256})`;
    })
    .join('\n');
}

export function recipientFor(m: TemplateManifest, j: Jurisdiction): RecipientInfo {
  if (m.recipient === 'controller') return { name: j.controller.name, address: j.controller.address, unverified: j.controller.unverified };
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

export function availability(m: TemplateManifest, country: string): TemplateAvailability {
  if (appliesTo(m, country)) return { available: true };
  return {
    available: false,
    reason: `${m.title} is for members in ${describeCountries(m.countries)}; this case is in ${countryInSentence(country)} (${country}).`,
  };
}

export interface CaseFacts {
  case: Case;
  events: CaseEventSummary[];
  evidence: EvidenceSummary[];
  deadlines: DeadlineSummary[];
  today: Date;
}

export function contextVars(facts: CaseFacts, m: TemplateManifest): Vars {
  const c = facts.case;
  const j = jurisdictionFor(c.country);
  const recipient = recipientFor(m, j);
  const parts = c.name.trim().split(/\s+/);
  const events = [...facts.events].sort((a, b) => a.on.localeCompare(b.on));
  const request = events.find(isRequest);
  const reply = events.filter(isReply).pop();
  const contacts = events.filter((e) => !isComplaint(e));
  const due = facts.deadlines.find((d) => /response|reply/.test(d.kind)) ?? facts.deadlines[0];
  const yes = (b: boolean) => (b ? 'yes' : '');
  return {
    member_name: c.name,
    member_first_name: parts.length > 1 ? parts.slice(0, -1).join(' ') : c.name,
    member_last_name: parts.length > 1 ? parts[parts.length - 1] : '',
    member_email: c.email,
    country_code: c.country,
    country_name: countryInSentence(c.country),
    today: longDate(facts.today.toISOString()),
    law: j.law.startsWith('UK') ? 'UK GDPR' : j.hasGdprRights ? 'GDPR' : j.law,
    gdpr: yes(j.hasGdprRights),
    uk: yes(j.regime === 'uk'),
    eu: yes(j.regime === 'eu'),
    us: yes(c.country === 'US'),
    controller_name: j.controller.name,
    controller_address: j.controller.address.join('\n'),
    controller_postal_address: j.controller.address.filter((l) => !/^Attn/i.test(l)).join('\n'),
    recipient_name: recipient.name,
    recipient_address: recipient.address.join('\n'),
    regulator_name: j.regulators[0]?.name ?? '',
    request_date: request ? longDate(request.on) : '',
    request_ref: request?.ref ?? '',
    request_channel: request?.channel ?? '',
    due_date: due ? longDate(due.due) : '',
    due_rule: due ? `${due.rule} (${due.source})` : '',
    reply_received: yes(Boolean(reply)),
    reply_date: reply ? longDate(reply.on) : '',
    last_contact_date: contacts.length ? longDate(contacts[contacts.length - 1].on) : '',
    timeline: timelineText(events),
    evidence_index: evidenceIndexText(facts.evidence),
    evidence_count: String(facts.evidence.length),
  };
}
