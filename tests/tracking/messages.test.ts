// Every sentence the tracking output composes for the screen comes with its message by reference (`<field>Msg`), and
// that message words in German and French with every parameter filled and every nested key found, while its English
// is exactly the English field. Checked over the full tracking output of realistic cases: Ireland with a weekend and a
// public holiday, the UK up to an ICO complaint, Berlin, California, Switzerland, a US member without a state.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CORE_MESSAGES, type Msg } from '../../electron/core/contract/i18n';
import { CASE_STATUS_LABEL_KEYS, CASE_STATUS_LABELS } from '../../electron/core/contract/cases';
import {
  CHANNEL_LABEL_KEYS,
  CHANNEL_LABELS,
  CLARIFICATION_LABEL_KEYS,
  CLARIFICATION_LABELS,
  DEADLINE_LABEL_KEYS,
  DEADLINE_LABELS,
  EVENT_TYPE_HELP,
  EVENT_TYPE_HELP_KEYS,
  EVENT_TYPE_LABEL_KEYS,
  EVENT_TYPE_LABELS,
  REQUEST_TYPE_LABEL_KEYS,
  REQUEST_TYPE_LABELS,
} from '../../electron/core/contract/tracking';
import { say, translator } from '../../electron/core/i18n';
import { authoritiesInUse, authorityCalendar } from '../../electron/core/authorities';
import { calendarParam } from '../../electron/core/tracking/calendar';
import { reminderText } from '../../electron/main/reminders';
import { makeCore } from './helpers';

type Ev = { type: string; on: string } & Record<string, unknown>;

async function tracking(core: Core, place: { country: string; region?: string }, events: Ev[]) {
  const c = await core.api.call('cases.create', { title: 'Objection', name: 'Maria Müller', email: 'maria@example.org', ...place });
  for (const e of events) await core.api.call('tracking.addEvent', { caseId: c.id, ...e } as never);
  return core.api.call('tracking.get', { caseId: c.id });
}

/** Every `<field>Msg` in a value, with the English field beside it. */
function pairs(v: unknown, path = '', out: { path: string; msg: Msg; english: string }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => pairs(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      if (k.endsWith('Msg') && x) {
        const field = o[k.slice(0, -3)];
        if (Array.isArray(x)) {
          expect(Array.isArray(field) && field.length === x.length, `${path}.${k}`).toBe(true);
          x.forEach((m, i) => out.push({ path: `${path}.${k}[${i}]`, msg: m as Msg, english: (field as string[])[i] }));
        } else out.push({ path: `${path}.${k}`, msg: x as Msg, english: field as string });
      } else pairs(x, `${path}.${k}`, out);
    }
  }
  return out;
}

const has = (lang: 'de' | 'fr', key: string) => {
  let node: unknown = CORE_MESSAGES[lang];
  const parts = key.split('.');
  for (const p of parts.slice(0, -1)) node = (node as Record<string, unknown>)?.[p];
  const last = parts.at(-1)!;
  const n = node as Record<string, unknown> | undefined;
  return Boolean(n && (typeof n[last] === 'string' || typeof n[`${last}_other`] === 'string'));
};

function checkAll(found: ReturnType<typeof pairs>) {
  expect(found.length).toBeGreaterThan(0);
  for (const { path, msg, english } of found) {
    expect(say(msg.key, msg.params), path).toBe(english);
    for (const lang of ['de', 'fr'] as const) {
      expect(has(lang, msg.key), `${lang} ${msg.key}`).toBe(true);
      const text = translator(lang)(msg.key, msg.params ?? {}) as string;
      expect(text, `${lang} ${path} ${msg.key}`).not.toMatch(/\{\{|\}\}|\$t\(|tracking\.|undefined/);
      if (msg.key !== 'tracking.asData' && english.length > 12) expect(text, `${lang} ${path}`).not.toBe(english);
    }
  }
}

describe('tracking output in German and French', () => {
  it('Ireland: an objection of Thursday 30 April 2026, due after a Saturday and the June public holiday', async () => {
    const core = makeCore('2026-06-10');
    const t = await tracking(core, { country: 'IE' }, [
      { type: 'request_sent', on: '2026-04-30' },
      { type: 'acknowledged', on: '2026-05-01' },
      { type: 'clarification_requested', on: '2026-05-05', asks: 'identity' },
    ]);
    const d = t.deadlines[0];
    expect(d.steps).toContain('1 June 2026 is a public holiday in Ireland (First Monday in June): it moves to the next working day.');
    expect(d.steps).toContain('30 May 2026 is a Saturday: it moves to the next working day.');
    expect(d.steps.at(-1)).toBe('Due Tuesday 2 June 2026.');
    const last = d.stepsMsg.at(-1)!;
    expect(translator('de')(last.key, last.params)).toBe('Fällig am Dienstag, 2. Juni 2026.');
    expect(translator('fr')(last.key, last.params)).toBe('À échéance le mardi 2 juin 2026.');
    const sat = d.stepsMsg[d.steps.indexOf('30 May 2026 is a Saturday: it moves to the next working day.')];
    expect(translator('de')(sat.key, sat.params)).toBe('Der 30. Mai 2026 ist ein Samstag: Die Frist verschiebt sich auf den nächsten Werktag.');
    expect(translator('fr')(d.labelMsg.key, d.labelMsg.params)).toBe('Réponse à votre opposition du 30 avril 2026');
    expect(translator('de')(d.ruleMsg.key, d.ruleMsg.params)).toMatch(/^Ein Kalendermonat ab Eingang/);
    expect(translator('fr')(d.ruleMsg.key, d.ruleMsg.params)).toMatch(/^Un mois calendaire à compter de la réception/);
    expect(t.nextStep.textMsg).toBeDefined();
    checkAll(pairs(t));
    // A second request: the next step names the one it is about; the reminder once it is overdue.
    const two = await tracking(core, { country: 'IE' }, [
      { type: 'request_sent', on: '2026-04-30' },
      { type: 'request_sent', on: '2026-05-15', requestType: 'access' },
    ]);
    expect(two.nextStep.text).toBe('No reply to your objection of 30 April 2026 by 2 June 2026: send the reminder.');
    expect(translator('de')(two.nextStep.textMsg.key, two.nextStep.textMsg.params)).toBe(
      'Keine Antwort auf Ihren Widerspruch vom 30. April 2026 bis zum 2. Juni 2026: Senden Sie die Erinnerung.',
    );
    checkAll(pairs(two));
  });

  it('UK: details asked and answered, a reminder, a complaint to LinkedIn, then an ICO complaint', async () => {
    const core = makeCore('2026-08-20');
    const t = await tracking(core, { country: 'GB' }, [
      { type: 'request_sent', on: '2026-04-30' },
      { type: 'clarification_requested', on: '2026-05-04', asks: 'details' },
      { type: 'clarification_answered', on: '2026-05-08' },
      { type: 'extension_notified', on: '2026-05-20' },
      { type: 'reminder_sent', on: '2026-06-25' },
      { type: 'organisation_complaint', on: '2026-06-26' },
      { type: 'complaint_filed', on: '2026-08-01', authority: 'ico' },
    ]);
    expect(t.deadlines.map((d) => d.kind).sort()).toEqual(['authority_progress_due', 'ico_complaint_window_ends', 'organisation_ack_due', 'response_due']);
    checkAll(pairs(t));
    // Earlier in the same journey: the complaint to LinkedIn is due, and the ICO window is open.
    core.setToday('2026-07-01');
    const before = await tracking(core, { country: 'GB' }, [
      { type: 'request_sent', on: '2026-04-30' },
      { type: 'reminder_sent', on: '2026-06-05' },
    ]);
    expect(before.nextStep.action?.labelMsg.key).toBe('tracking.next.action.orgComplaint');
    checkAll(pairs(before));
  });

  it('Berlin: a complaint to the Berlin authority counts in Berlin’s calendar; California; Switzerland; no state yet', async () => {
    const core = makeCore('2026-09-01');
    const berlin = await tracking(core, { country: 'DE', region: 'DE-BE' }, [
      { type: 'request_sent', on: '2026-04-30' },
      { type: 'reminder_sent', on: '2026-06-05' },
      { type: 'complaint_filed', on: '2026-06-10', authority: 'blnbdi' },
    ]);
    checkAll(pairs(berlin));
    const ca = await tracking(core, { country: 'US', region: 'US-CA' }, [
      { type: 'request_sent', on: '2026-04-30', requestType: 'access' },
      { type: 'clarification_requested', on: '2026-05-02' },
      { type: 'extension_notified', on: '2026-05-20' },
    ]);
    expect(ca.deadlines[0].rule).toMatch(/days from receipt/);
    checkAll(pairs(ca));
    const caObjection = await tracking(core, { country: 'US', region: 'US-CA' }, [{ type: 'request_sent', on: '2026-04-30' }]);
    expect(caObjection.facts.requests[0].noDeadlineReasonMsg?.key).toBe('tracking.reason.usNotListed');
    checkAll(pairs(caObjection));
    const ch = await tracking(core, { country: 'CH' }, [
      { type: 'request_sent', on: '2026-04-30', requestType: 'access' },
      { type: 'response_received', on: '2026-05-20' },
    ]);
    expect(ch.deadlines.map((d) => d.kind)).toEqual(['response_due', 'fadp_access_due']);
    checkAll(pairs(ch));
    const noState = await tracking(core, { country: 'US' }, []);
    expect(noState.noDeadlinesReasonMsg?.key).toBe('tracking.reason.usNoState');
    checkAll(pairs(noState));
    const draft = await tracking(core, { country: 'FR' }, []);
    checkAll(pairs(draft));
  });

  it('the reminders carry their label by reference', async () => {
    const core = makeCore('2026-05-30');
    await tracking(core, { country: 'IE' }, [{ type: 'request_sent', on: '2026-04-30' }]);
    const r = await core.api.call('tracking.reminders', { withinDays: 3, limit: 10 });
    expect(r.items[0].label).toBe('Reply to your objection of 30 April 2026');
    checkAll(pairs(r));
    expect(reminderText(r, 'de')).toEqual({ title: 'Redress: 1 Frist in den nächsten 3 Tagen', body: 'Antwort fällig in 3 Tagen: Objection' });
    expect(reminderText(r, 'fr')!.body).toBe('Réponse à échéance dans 3 jours : Objection');
  });

  it('every variant a next step or rule may pick exists; every authority’s calendar is named in each language', () => {
    const keys = [
      ...['noReply', 'orgComplaintFirst', 'complain'].flatMap((k) => ['', 'Several'].flatMap((a) => ['', 'Open', 'Passed'].map((w) => `tracking.next.${k}${a}${w}`))),
      ...['orgAckMissed', 'orgAcked'].flatMap((k) => ['', 'Open', 'Passed'].map((w) => `tracking.next.${k}${w}`)),
      ...['', 'Several'].flatMap((a) => ['', 'Acked'].map((k) => `tracking.next.replyDue${a}${k}`)),
      'tracking.next.paused',
      'tracking.next.pausedSeveral',
      ...['us', 'usMay', 'usExtended', 'usExtendedMay', 'oneMonth', 'oneMonth12A', 'threeMonths', 'threeMonths12A'].map((k) => `tracking.rule.${k}`),
    ];
    for (const k of keys) for (const lang of ['de', 'fr'] as const) expect(has(lang, k), `${lang} ${k}`).toBe(true);
    for (const a of authoritiesInUse()) {
      const cal = authorityCalendar(a.id)!;
      const id = calendarParam(cal);
      expect(id, a.id).toBe(cal.state ? `${cal.country}-${cal.state}` : cal.country);
      expect(say(`tracking.calendar.${id}`), a.id).toBe(cal.label);
      for (const lang of ['de', 'fr'] as const) expect(has(lang, `tracking.calendarIn.${id}`), `${lang} ${id}`).toBe(true);
    }
  });

  it('the label dictionaries are the English of their catalog keys', () => {
    const same = (labels: Record<string, string>, keys: Record<string, string>) => {
      expect(Object.keys(keys).sort()).toEqual(Object.keys(labels).sort());
      for (const [id, key] of Object.entries(keys)) {
        // The dictionaries are the English of a LinkedIn case: the keys that name the platform take its name.
        expect(say(key, { platform: 'LinkedIn' }), key).toBe(labels[id]);
        for (const lang of ['de', 'fr'] as const) expect(has(lang, key), `${lang} ${key}`).toBe(true);
      }
    };
    same(DEADLINE_LABELS, DEADLINE_LABEL_KEYS);
    same(CASE_STATUS_LABELS, CASE_STATUS_LABEL_KEYS);
    same(EVENT_TYPE_LABELS, EVENT_TYPE_LABEL_KEYS);
    same(EVENT_TYPE_HELP, EVENT_TYPE_HELP_KEYS);
    same(REQUEST_TYPE_LABELS, REQUEST_TYPE_LABEL_KEYS);
    same(CHANNEL_LABELS, CHANNEL_LABEL_KEYS);
    same(CLARIFICATION_LABELS, CLARIFICATION_LABEL_KEYS);
  });
});
