// What the user is told to do next, for each state of a case (dates worked out by hand as in deadlines.test.ts).
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type EventLike } from '../../electron/core/tracking/deadlines';
import { deriveStatus, nextStep } from '../../electron/core/tracking/next-step';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
const step = (country: string, events: EventLike[], today: string) =>
  nextStep({ id: 'case_1', country }, events, computeDeadlines(country, events), today);

describe('next step', () => {
  it('nothing sent yet: object first, with a link to the draft', () => {
    const s = step('DE', [], '2026-04-01');
    expect(s.text).toMatch(/Send your objection/);
    expect(s.action?.href).toBe('#/cases/case_1/draft');
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
    expect(late.action).toEqual({ label: 'Send the reminder', href: '#/cases/case_1/draft/linkedin-reminder' });
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
    expect(step('US', [ev('request_sent', '2026-04-30')], '2026-07-01').text).toMatch(/No legal deadline applies/);
    expect(step('DE', [ev('request_sent', '2026-04-30'), ev('closed', '2026-05-01')], '2026-07-01').tone).toBe('done');
  });

  it('status follows the latest event that says something; notes do not move it', () => {
    expect(deriveStatus([])).toBe('draft');
    expect(deriveStatus([ev('request_sent', '2026-04-30'), ev('note', '2026-05-02')])).toBe('request_sent');
    expect(deriveStatus([ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05')])).toBe('awaiting_response');
    expect(deriveStatus([ev('complaint_filed', '2026-06-03'), ev('request_sent', '2026-04-30')])).toBe('complaint_filed');
  });
});
