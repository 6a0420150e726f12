// A reply deadline rolls over the public holidays of the controller's country (Regulation 1182/71 Art 2-3), which now
// comes from the case's platform: Ireland for LinkedIn, the Netherlands for Reddit (Reddit Netherlands B.V.).
import { describe, expect, it } from 'vitest';
import '../../electron/core/authorities';
import { calendarFor, computeDeadlines } from '../../electron/core/tracking/deadlines';

const request = [{ id: 'e1', type: 'request_sent' as const, on: '2026-03-27', requestType: 'objection' as const }];

describe('holidays of the platform’s controller', () => {
  it('LinkedIn keeps Ireland’s calendar; Reddit’s Dutch controller moves a reply due on King’s Day to the next working day', () => {
    expect(calendarFor('FR')).toMatchObject({ country: 'IE' });
    expect(calendarFor('FR', 'linkedin')).toEqual(calendarFor('FR'));
    expect(calendarFor('FR', 'reddit')).toMatchObject({ country: 'NL' });
    expect(calendarFor('FR', 'x')).toMatchObject({ country: 'IE' });
    const due = (platform: string) => computeDeadlines('FR', request, null, platform).find((d) => d.kind === 'response_due')!.due;
    expect(due('linkedin')).toBe('2026-04-27');
    expect(due('reddit')).toBe('2026-04-28');
  });
});
