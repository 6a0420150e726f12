// What the user is told to do next, for each state of a case (dates worked out by hand as in deadlines.test.ts).
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type EventLike } from '../../electron/core/tracking/deadlines';
import { deriveStatus, nextStep } from '../../electron/core/tracking/next-step';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
const step = (country: string, events: EventLike[], today: string, region: string | null = null) =>
  nextStep({ id: 'case_1', country, region }, events, computeDeadlines(country, events, region), today);

describe('next step', () => {
  it('nothing sent yet: object first, with a link to the draft', () => {
    const s = step('DE', [], '2026-04-01');
    expect(s.text).toMatch(/Send your objection/);
    expect(s.action).toEqual({ label: 'Draft the objection', labelMsg: { key: 'tracking.next.action.objection' }, href: '#/cases/case_1/draft/objection' });
  });

  it('waiting: says when the reply is due; three days before, it turns urgent', () => {
    const events = [ev('request_sent', '2026-04-30')];
    expect(step('DE', events, '2026-05-10')).toMatchObject({ tone: 'info', due: '2026-06-02', text: expect.stringContaining('Reply due by 2 June 2026') });
    expect(step('DE', events, '2026-05-30').tone).toBe('due');
  });

  it('no reply by the date: send the reminder (the drafting template), then complain', () => {
    const events = [ev('request_sent', '2026-04-30')];
    const late = step('IE', events, '2026-06-03');
    expect(late).toMatchObject({ tone: 'overdue', text: 'No reply by 2 June 2026: send the reminder.' });
    expect(late.action).toEqual({ label: 'Send the reminder', labelMsg: { key: 'tracking.next.action.reminder' }, href: '#/cases/case_1/draft/reminder' });
    const reminded = step('IE', [...events, ev('reminder_sent', '2026-06-05')], '2026-06-20');
    expect(reminded.text).toBe('Still no reply after your reminder: complain to DPC.');
  });

  it('GB: a refusal can go to the ICO until three months after the reply (2 Apr 2026 -> 2 July 2026)', () => {
    const events = [ev('request_sent', '2026-03-02'), ev('response_received', '2026-04-02')];
    expect(step('GB', events, '2026-04-03').text).toBe(
      'Reply received. If it refuses or falls short, you can complain to the ICO until 2 July 2026; otherwise close the case.',
    );
    expect(step('GB', events, '2026-07-03').text).toMatch(/window ended on 2 July 2026: if the reply falls short, complain now/);
  });

  it('complaint filed: the authority should report progress within three months, then Art 78(2) opens', () => {
    const events = [ev('request_sent', '2026-04-30'), ev('complaint_filed', '2026-06-03', { authority: 'dpc' })];
    expect(step('DE', events, '2026-06-04').text).toBe('Complaint filed: DPC should report progress by 3 September 2026 (Art 78(2)).');
    expect(step('DE', events, '2026-09-04')).toMatchObject({ tone: 'overdue', text: expect.stringContaining('you may go to court against it (Art 78(2))') });
    expect(step('DE', [...events, ev('authority_decision', '2026-08-01', { authority: 'dpc' })], '2026-09-04').tone).toBe('done');
  });

  it('no GDPR: no deadline is invented; a closed case needs nothing', () => {
    expect(step('US', [ev('request_sent', '2026-04-30')], '2026-07-01').text).toMatch(/No legal deadline applies until Redress knows your state/);
    expect(step('US', [ev('request_sent', '2026-04-30')], '2026-07-01', 'US-WY').text).toMatch(/Wyoming has no comprehensive privacy law/);
    expect(step('BR', [ev('request_sent', '2026-04-30')], '2026-07-01').text).toMatch(/No legal deadline applies here/);
    expect(step('DE', [ev('request_sent', '2026-04-30'), ev('closed', '2026-05-01')], '2026-07-01').tone).toBe('done');
  });

  it('status follows the latest event that says something; notes do not move it', () => {
    expect(deriveStatus([])).toBe('draft');
    expect(deriveStatus([ev('request_sent', '2026-04-30'), ev('note', '2026-05-02')])).toBe('request_sent');
    expect(deriveStatus([ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05')])).toBe('awaiting_response');
    expect(deriveStatus([ev('complaint_filed', '2026-06-03'), ev('request_sent', '2026-04-30')])).toBe('complaint_filed');
  });

  it('several requests: the step names the one it is about, overdue first', () => {
    const objection = ev('request_sent', '2026-04-30');
    const access = ev('request_sent', '2026-05-15', { requestType: 'access' });
    expect(step('DE', [objection, access], '2026-05-20').text).toBe(
      'Reply to your objection of 30 April 2026 due by 2 June 2026 (Art 12(3)). Record LinkedIn’s answer when it comes.',
    );
    expect(step('DE', [objection, access], '2026-06-03').text).toBe('No reply to your objection of 30 April 2026 by 2 June 2026: send the reminder.');
    const answered = [objection, access, ev('response_received', '2026-06-01', { forEventId: objection.id })];
    expect(step('DE', answered, '2026-06-03').text).toMatch(/^Reply to your access request of 15 May 2026 due by 15 June 2026/);
  });

  it('an acknowledgement is not a reply: the step still waits for one', () => {
    const s = step('DE', [ev('request_sent', '2026-04-30'), ev('acknowledged', '2026-05-01')], '2026-05-10');
    expect(s.text).toBe('Reply due by 2 June 2026 (Art 12(3)). LinkedIn’s acknowledgement is not a reply. Record LinkedIn’s answer when it comes.');
  });

  it('UK: cites Art 12A; after a reminder goes unanswered, complain to LinkedIn itself first (s.164A), then the ICO', () => {
    const r = ev('request_sent', '2026-06-01'); // 1 Jul 2026, a Wednesday
    expect(step('GB', [r], '2026-06-10').text).toMatch(/Reply due by 1 July 2026 \(UK GDPR Art 12A\)/);
    const reminded = [r, ev('reminder_sent', '2026-07-03')];
    expect(step('GB', reminded, '2026-07-10').text).toMatch(/complain to LinkedIn itself first \(DPA 2018 s\.164A; the ICO expects it\)/);
    // The complaint to LinkedIn, received Fri 10 Jul 2026: day 30 is Sun 9 Aug -> Mon 10 Aug 2026 (s.164A, ICO counting).
    const complained = [...reminded, ev('organisation_complaint', '2026-07-10')];
    expect(step('GB', complained, '2026-07-11')).toMatchObject({ due: '2026-08-10', text: expect.stringContaining('LinkedIn should acknowledge your complaint by 10 August 2026 (DPA 2018 s.164A)') });
    expect(step('GB', complained, '2026-08-11').text).toMatch(/did not acknowledge your complaint by 10 August 2026 \(DPA 2018 s\.164A\): complain to the ICO\. You can complain to the ICO until 10 October 2026/);
  });

  it('ICO complaint: s.166 and the First-tier Tribunal, never Art 78(2) or a court', () => {
    const events = [ev('request_sent', '2026-03-02'), ev('complaint_filed', '2026-05-31', { authority: 'ico' })];
    const waiting = step('GB', events, '2026-06-01');
    expect(waiting.text).toBe('Complaint filed: ICO should report progress by 31 August 2026 (DPA 2018 s.166); if it does not, you may apply to the First-tier Tribunal.');
    const late = step('GB', events, '2026-09-15');
    expect(late).toMatchObject({ tone: 'overdue', due: '2026-11-30' });
    expect(late.text).toMatch(/apply to the First-tier Tribunal for an order \(DPA 2018 s\.166\)\. The current three-month period ends on 30 November 2026\./);
    expect(`${waiting.text} ${late.text}`).not.toMatch(/78\(2\)|court/);
  });

  it('Switzerland: both routes, each with its law', () => {
    const events = [ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05')];
    expect(step('CH', events, '2026-06-20').text).toBe(
      'Still no reply after your reminder: complain to the FDPIC (a report under Swiss law, FADP Art 49) or the DPC (a complaint under the GDPR, Art 77, as LinkedIn Ireland is your controller).',
    );
  });

  it('a paused UK clock asks the member to answer', () => {
    const s = step('GB', [ev('request_sent', '2026-03-02'), ev('clarification_requested', '2026-03-10')], '2026-03-12');
    expect(s.text).toBe('LinkedIn asked you for details on 10 March 2026: the clock is stopped until you answer (UK GDPR Art 12A). Answer, then record “Clarification answered”.');
  });

  it('US: no GDPR article in any step; CCPA date for an access request; the FDPIC report has no clock', () => {
    const access = [ev('request_sent', '2026-10-01', { requestType: 'access' })];
    const draft = step('US', [], '2026-10-01', 'US-CA');
    const waiting = step('US', access, '2026-10-02', 'US-CA');
    expect(waiting.text).toBe('Reply due by 15 November 2026 (CCPA). Record LinkedIn’s answer when it comes.');
    const objection = step('US', [ev('request_sent', '2026-10-01')], '2026-10-02', 'US-CA');
    expect(objection.text).toMatch(/not one of the rights it lists/);
    for (const s of [draft, waiting, objection]) expect(s.text).not.toMatch(/GDPR|\bArt\b/);
    expect(step('CH', [ev('request_sent', '2026-04-30'), ev('complaint_filed', '2026-06-03', { authority: 'fdpic' })], '2026-06-04').text).toMatch(
      /Complaint filed with FDPIC\. A report to the FDPIC \(FADP Art 49\)/,
    );
  });
});
