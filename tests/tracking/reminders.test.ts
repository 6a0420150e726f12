import { afterEach, describe, expect, it, vi } from 'vitest';
import { reminderText, startReminders } from '../../electron/main/reminders';
import { makeCore, newCase } from './helpers';

afterEach(() => vi.useRealTimers());

describe('startReminders', () => {
  it('checks on start and once a day, and stops when asked', async () => {
    const core = makeCore('2026-05-30');
    const c = await newCase(core, { title: 'Maria' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    vi.useFakeTimers();
    const notes: string[][] = [];
    const stop = startReminders(core, (title, body) => notes.push([title, body]));
    await vi.advanceTimersByTimeAsync(0);
    // Today 30 May; due Tue 2 Jun: in 3 days.
    expect(notes).toEqual([['Redress: 1 deadline within 3 days', 'Reply due in 3 day(s): Maria']]);

    core.setToday('2026-06-03');
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000 - 1);
    expect(notes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(notes[1]).toEqual(['Redress: 1 deadline has passed', 'Reply due 1 day(s) late: Maria']);

    stop();
    await vi.advanceTimersByTimeAsync(3 * 24 * 60 * 60 * 1000);
    expect(notes).toHaveLength(2);
  });

  it('stays quiet when nothing is due, and summarises many', () => {
    expect(reminderText({ total: 0, late: 0, items: [] })).toBeNull();
    const items = Array.from({ length: 3 }, (_, i) => ({ caseId: `c${i}`, title: `Case ${i}`, kind: 'response_due' as const, label: 'Reply to your objection of 30 April 2026', labelMsg: { key: 'tracking.label.reply', params: { type: 'objection', on: '2026-04-30' } }, due: '2026-06-02', daysLeft: i - 2 }));
    const t = reminderText({ total: 5, late: 2, items })!;
    expect(t.title).toBe('Redress: 2 deadlines have passed, 3 due soon');
    expect(t.body.split('\n')).toEqual(['Reply due 2 day(s) late: Case 0', 'Reply due 1 day(s) late: Case 1', 'Reply due today: Case 2', 'and 2 more']);
  });
});
