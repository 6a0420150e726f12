// Every next step with a button opens exactly the document it names (a template that exists and applies to the
// case's country), and a case the member closed by hand says so whatever its events say.
import { describe, expect, it } from 'vitest';
import { appliesTo } from '../../electron/core/drafting/prefill';
import { loadTemplates } from '../../electron/core/drafting/templates';
import { computeDeadlines, type EventLike } from '../../electron/core/tracking/deadlines';
import { complaintTemplate, nextStep } from '../../electron/core/tracking/next-step';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
type Extra = { region?: string | null; status?: 'closed' | 'draft' | 'request_sent'; statusOverridden?: boolean };
const step = (country: string, events: EventLike[], today: string, extra: Extra = {}) =>
  nextStep({ id: 'case_1', country, region: extra.region ?? null, status: extra.status, statusOverridden: extra.statusOverridden }, events, computeDeadlines(country, events, extra.region ?? null), today);
const templateOf = (href: string | undefined) => href?.match(/^#\/cases\/case_1\/draft\/([a-z-]+)$/)?.[1];

/** Checks the action opens a template that exists and applies to the country, and returns its id. */
function opens(s: ReturnType<typeof nextStep>, country: string): string | undefined {
  expect(s.action, s.text).toBeDefined();
  const id = templateOf(s.action!.href);
  expect(id, s.action!.href).toBeDefined();
  const t = loadTemplates().find((x) => x.manifest.id === id);
  expect(t, `template ${id}`).toBeDefined();
  expect(appliesTo(t!.manifest, country), `${id} in ${country}`).toBe(true);
  return id;
}

const request = (on = '2026-04-30') => ev('request_sent', on);

describe('next step actions name their template', () => {
  it('nothing sent: the objection (EU, UK, Switzerland); the access request in a US state with a privacy law', () => {
    for (const country of ['IE', 'DE', 'GB', 'CH', 'NO']) {
      const s = step(country, [], '2026-04-01');
      expect(s.action?.label).toBe('Draft the objection');
      expect(opens(s, country)).toBe('objection');
    }
    const us = step('US', [], '2026-04-01', { region: 'US-CA' });
    expect(us.action?.label).toBe('Draft the access request');
    expect(opens(us, 'US')).toBe('access-request');
  });

  it('overdue: the reminder; US: no reminder button (the template is for GDPR-style laws)', () => {
    expect(opens(step('IE', [request()], '2026-06-03'), 'IE')).toBe('reminder');
    expect(opens(step('GB', [request()], '2026-06-03'), 'GB')).toBe('reminder');
    const us = step('US', [ev('request_sent', '2026-10-01', { requestType: 'access' })], '2026-11-20', { region: 'US-CA' });
    expect(us.tone).toBe('overdue');
    expect(us.action).toBeUndefined();
  });

  it('after an unanswered reminder: the DPC complaint (Ireland), the home authority (Berlin), the DPC (Germany with no Land yet, Switzerland)', () => {
    const events = [request(), ev('reminder_sent', '2026-06-05')];
    const ie = step('IE', events, '2026-06-20');
    expect(ie.action?.label).toBe('Draft the DPC complaint');
    expect(opens(ie, 'IE')).toBe('dpc-complaint');
    const berlin = step('DE', events, '2026-06-20', { region: 'DE-BE' });
    expect(berlin.action?.label).toBe('Draft the BlnBDI complaint');
    expect(opens(berlin, 'DE')).toBe('authority-complaint');
    expect(opens(step('FR', events, '2026-06-20'), 'FR')).toBe('authority-complaint');
    expect(opens(step('DE', events, '2026-06-20'), 'DE')).toBe('dpc-complaint');
    expect(opens(step('CH', events, '2026-06-20'), 'CH')).toBe('dpc-complaint');
  });

  it('UK: the complaint to LinkedIn (s.164A) first, then the ICO complaint', () => {
    const r = request('2026-06-01');
    const reminded = [r, ev('reminder_sent', '2026-07-03')];
    const org = step('GB', reminded, '2026-07-10');
    expect(org.action?.label).toBe('Draft the complaint to LinkedIn');
    expect(opens(org, 'GB')).toBe('organisation-complaint');
    const complained = [...reminded, ev('organisation_complaint', '2026-07-10')];
    const ico = step('GB', complained, '2026-08-11');
    expect(ico.action?.label).toBe('Draft the ICO complaint');
    expect(opens(ico, 'GB')).toBe('ico-complaint');
    const acked = step('GB', [...complained, ev('acknowledged', '2026-07-20')], '2026-07-25');
    expect(opens(acked, 'GB')).toBe('ico-complaint');
  });

  it('a reply received: the complaint for the country, or none where Redress has no template (US)', () => {
    const replied = [ev('request_sent', '2026-03-02'), ev('response_received', '2026-04-02')];
    expect(opens(step('GB', replied, '2026-04-03'), 'GB')).toBe('ico-complaint');
    expect(opens(step('IE', replied, '2026-04-03'), 'IE')).toBe('dpc-complaint');
    const us = step('US', [ev('request_sent', '2026-10-01', { requestType: 'access' }), ev('response_received', '2026-10-20')], '2026-10-21', { region: 'US-CA' });
    expect(us.text).toMatch(/complain to CalPrivacy/);
    expect(us.action).toBeUndefined();
  });

  it('the complaint template per country', () => {
    expect(complaintTemplate('GB')).toBe('ico-complaint');
    expect(complaintTemplate('IE')).toBe('dpc-complaint');
    expect(complaintTemplate('CH')).toBe('dpc-complaint');
    expect(complaintTemplate('DE', 'DE-BY')).toBe('authority-complaint');
    expect(complaintTemplate('US', 'US-CA')).toBeNull();
  });
});

describe('a case closed by hand', () => {
  it('says it is closed, not "Send your objection", with no button', () => {
    const s = step('IE', [], '2026-04-01', { status: 'closed', statusOverridden: true });
    expect(s).toEqual({ tone: 'done', text: expect.stringMatching(/^You closed this case\./), textMsg: { key: 'tracking.next.closedByHand' } });
    expect(s.text).not.toMatch(/objection/);
    const late = step('GB', [request()], '2026-06-03', { status: 'closed', statusOverridden: true });
    expect(late.tone).toBe('done');
    expect(late.action).toBeUndefined();
    // Closed by hand in a country without a legal deadline: still closed.
    expect(step('US', [], '2026-04-01', { status: 'closed', statusOverridden: true }).text).toMatch(/^You closed this case/);
  });

  it('another status set by hand leaves the next step to the events', () => {
    expect(step('IE', [], '2026-04-01', { status: 'request_sent', statusOverridden: true }).text).toMatch(/Send your objection/);
  });
});
