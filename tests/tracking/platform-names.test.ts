// The tracking texts name the platform the case is about: an X or a Google case never reads "LinkedIn asked for
// proof of identity …" or "Complaint to LinkedIn". Checked over the whole tracking output (every English sentence and
// every `…Msg` worded in English, German and French), the deadline reminders and exports, the core catalog's
// event-type descriptions and deadline labels, and the renderer's tracking and cases catalogs; a LinkedIn case still
// reads as it always did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CORE_MESSAGES, type Msg } from '../../electron/core/contract/i18n';
import { DEADLINE_LABEL_KEYS, EVENT_TYPE_HELP_KEYS } from '../../electron/core/contract/tracking';
import { say, translator } from '../../electron/core/i18n';
import { makeCore } from './helpers';

type Ev = { type: string; on: string } & Record<string, unknown>;
const LANGS = ['en', 'de', 'fr'] as const;

/** The journeys: each event type the brief names, and the states that word a step note or a paused clock. */
const JOURNEYS: { name: string; today: string; events: Ev[] }[] = [
  {
    name: 'request by post, acknowledged, details asked and answered, extension, reminder, complaint to the organisation',
    today: '2026-07-01',
    events: [
      { type: 'request_sent', on: '2026-04-30', channel: 'post', receivedOn: '2026-05-02' },
      { type: 'acknowledged', on: '2026-05-03' },
      { type: 'clarification_requested', on: '2026-05-04', asks: 'details' },
      { type: 'clarification_answered', on: '2026-05-08' },
      { type: 'extension_notified', on: '2026-05-20' },
      { type: 'reminder_sent', on: '2026-06-20' },
      { type: 'organisation_complaint', on: '2026-06-22' },
    ],
  },
  {
    name: 'a complaint to the organisation straight after the request',
    today: '2026-07-01',
    events: [
      { type: 'request_sent', on: '2026-05-01' },
      { type: 'organisation_complaint', on: '2026-06-25' },
    ],
  },
  {
    name: 'proof of identity asked and not yet sent',
    today: '2026-05-20',
    events: [
      { type: 'request_sent', on: '2026-05-01' },
      { type: 'clarification_requested', on: '2026-05-05', asks: 'identity' },
    ],
  },
  {
    name: 'proof of identity sent late, then a reply',
    today: '2026-07-20',
    events: [
      { type: 'request_sent', on: '2026-05-01', requestType: 'access' },
      { type: 'clarification_requested', on: '2026-05-05', asks: 'identity' },
      { type: 'clarification_answered', on: '2026-05-12' },
      { type: 'clarification_requested', on: '2026-05-14', asks: 'details' },
      { type: 'response_received', on: '2026-06-01' },
    ],
  },
  {
    name: 'a request before UK Art 12A, with a question',
    today: '2026-03-10',
    events: [
      { type: 'request_sent', on: '2026-01-20' },
      { type: 'clarification_requested', on: '2026-01-25', asks: 'details' },
    ],
  },
];

async function track(core: Core, platform: string, country: string, events: Ev[]) {
  const c = await core.api.call('cases.create', { title: 'Objection', name: 'Maria Müller', email: 'maria@example.org', country, platform } as never);
  for (const e of events) await core.api.call('tracking.addEvent', { caseId: c.id, ...e } as never);
  return { id: c.id as string, t: await core.api.call('tracking.get', { caseId: c.id }) };
}

/** Every string in a value, with where it is. */
function strings(v: unknown, path = '', out: { path: string; text: string }[] = []) {
  if (typeof v === 'string') out.push({ path, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${path}.${k}`, out);
  return out;
}

/** Every message by reference in a value. */
function msgs(v: unknown, path = '', out: { path: string; msg: Msg }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => msgs(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k.endsWith('Msg') && x) for (const [i, m] of (Array.isArray(x) ? x : [x]).entries()) out.push({ path: `${path}.${k}[${i}]`, msg: m as Msg });
      else msgs(x, `${path}.${k}`, out);
    }
  }
  return out;
}

/** The catalog text of a key in a language (the `_other` form of a plural), to see whether it names the platform. */
function template(lang: (typeof LANGS)[number], key: string): string {
  let node: unknown = CORE_MESSAGES[lang];
  for (const p of key.split('.')) node = (node as Record<string, unknown>)?.[p] ?? (node as Record<string, unknown>)?.[`${p}_other`];
  return typeof node === 'string' ? node : '';
}

/** A message worded in the three languages: never LinkedIn; the platform's name wherever the key names the platform. */
function checkMsg(path: string, msg: Msg, name: string) {
  const namesPlatform = LANGS.some((l) => template(l, msg.key).includes('{{platform}}')) || /\$t\(core:tracking\.rule\.art12A\)/.test(template('en', msg.key));
  if (namesPlatform) expect(msg.params?.platform, `${path} ${msg.key}: its platform`).toBe(name);
  for (const lang of LANGS) {
    const text = translator(lang)(msg.key, msg.params ?? {}) as string;
    expect(text, `${lang} ${path} ${msg.key}`).not.toMatch(/LinkedIn|\{\{|\}\}/);
    if (namesPlatform) expect(text, `${lang} ${path} ${msg.key}`).toContain(name);
  }
}

const CASES = [
  { platform: 'x', name: 'X', countries: ['GB', 'DE', 'FR'] },
  { platform: 'google', name: 'Google', countries: ['GB', 'DE', 'FR'] },
];

describe('the tracking texts name the platform of the case', () => {
  for (const { platform, name, countries } of CASES) {
    for (const country of countries) {
      it(`${name}, ${country}: no sentence or message names LinkedIn; those that name a platform name ${name}`, async () => {
        let named = 0;
        for (const j of JOURNEYS) {
          const core = makeCore(j.today);
          const { id, t } = await track(core, platform, country, j.events);
          for (const { path, text } of strings(t)) expect(text, `${j.name}: ${path}`).not.toContain('LinkedIn');
          for (const { path, msg } of msgs(t)) {
            checkMsg(`${j.name}: ${path}`, msg, name);
            if (msg.params?.platform) named++;
          }
          const reminders = await core.api.call('tracking.reminders', { withinDays: 60, limit: 100 });
          for (const { path, text } of strings(reminders)) expect(text, `reminders ${path}`).not.toContain('LinkedIn');
          for (const { path, msg } of msgs(reminders)) checkMsg(`reminders ${path}`, msg, name);
          const ics = await core.api.call('tracking.exportIcs', { caseId: id });
          const csv = await core.api.call('tracking.exportCsv', {});
          expect(ics.content, 'ics').not.toContain('LinkedIn');
          expect(csv.content, 'csv').not.toContain('LinkedIn');
        }
        expect(named, 'sentences that name the platform').toBeGreaterThan(3);
      });
    }

    it(`${name}, GB: the steps, the deadlines and the notes say ${name} where a LinkedIn case says LinkedIn`, async () => {
      const core = makeCore('2026-07-01');
      const { t } = await track(core, platform, 'GB', JOURNEYS[0].events);
      const reply = t.deadlines.find((d) => d.kind === 'response_due')!;
      expect(reply.steps).toContain(`${name} acknowledged receipt on 2026-05-03. An acknowledgement is not information on action taken, so the date stands.`);
      expect(reply.steps).toContain(`${name} asked for details on 2026-05-04 and you answered on 2026-05-08: 5 days do not count (UK GDPR Art 12A).`);
      expect(reply.steps.some((s) => s.startsWith(`${name} notified an extension on 2026-05-20`))).toBe(true);
      expect(reply.steps.some((s) => s.includes(`the clock stopped from ${name}'s question to your answer`))).toBe(true);
      expect(reply.rule).toContain(`the clock stops while ${name} waits for details it asked for`);
      const ack = t.deadlines.find((d) => d.kind === 'organisation_ack_due')!;
      expect(ack.label).toBe(`${name} should acknowledge your complaint of 22 June 2026`);
      expect(ack.rule).toMatch(new RegExp(`^${name} must acknowledge a data protection complaint`));
      for (const m of [reply.labelMsg, ...reply.stepsMsg, reply.ruleMsg, ack.labelMsg, ack.ruleMsg]) checkMsg('GB', m, name);
      const de = translator('de');
      expect(de(ack.labelMsg.key, ack.labelMsg.params)).toBe(`${name} sollte den Eingang Ihrer Beschwerde vom 22. Juni 2026 bestätigen`);
      const asked = reply.stepsMsg.find((m) => m.key === 'tracking.step.ukDetailsAnswered')!;
      expect(de(asked.key, asked.params)).toMatch(new RegExp(`^${name} hat am 4\\. Mai 2026 nähere Angaben angefordert`));
      expect(translator('fr')(asked.key, asked.params)).toMatch(new RegExp(`^${name} a demandé des précisions le 4 mai 2026`));

      const straight = await track(core, platform, 'GB', JOURNEYS[1].events);
      const reminder = straight.t.steps.find((s) => s.key === 'reminder')!;
      expect(reminder.note).toBe(`Complaint to ${name}`);
      expect(translator('fr')(reminder.noteMsg!.key, reminder.noteMsg!.params)).toBe(`Réclamation adressée à ${name}`);
    });

    it(`${name}, CH: an access request and a report to the FDPIC name ${name}'s controller, not LinkedIn Ireland`, async () => {
      const core = makeCore('2026-06-10');
      const { t } = await track(core, platform, 'CH', [
        { type: 'request_sent', on: '2026-05-04', requestType: 'access' },
        { type: 'complaint_filed', on: '2026-06-08', authority: 'fdpic' },
      ]);
      for (const { path, text } of strings(t)) expect(text, path).not.toContain('LinkedIn');
      for (const { path, msg } of msgs(t)) checkMsg(path, msg, name);
      expect(t.deadlines.find((d) => d.kind === 'fadp_access_due')?.rule).toContain(`whichever ${name} misses, you can rely on`);
    });

    it(`${name}: the event-type descriptions and the deadline labels take the platform's name in every language`, () => {
      for (const key of [...Object.values(EVENT_TYPE_HELP_KEYS), DEADLINE_LABEL_KEYS.organisation_ack_due]) {
        for (const lang of LANGS) {
          const text = translator(lang)(key, { platform: name }) as string;
          expect(text, `${lang} ${key}`).not.toMatch(/LinkedIn|\{\{/);
          if (template('en', key).includes('{{platform}}')) expect(text, `${lang} ${key}`).toContain(name);
        }
      }
    });
  }

  it('a request by post without its received date: the check names no platform it cannot know', async () => {
    const core = makeCore('2026-06-10');
    const c = await core.api.call('cases.create', { title: 'Objection', name: 'Maria Müller', email: 'maria@example.org', country: 'GB', platform: 'x' } as never);
    await expect(core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-05-01', channel: 'post' } as never)).rejects.toThrow(
      /the platform received it/,
    );
    for (const lang of LANGS) expect(translator(lang)('validation.event.postRequestReceived')).not.toContain('LinkedIn');
  });

  it('the renderer’s tracking and cases catalogs name LinkedIn only in LinkedIn’s own objection form', () => {
    const allowed = new Set(['jurisdiction.firstLinkedInHome', 'jurisdiction.firstLinkedInRegulator']);
    for (const lang of LANGS) {
      for (const ns of ['tracking', 'cases', 'common']) {
        const file = join(__dirname, '../../renderer/src/i18n/locales', lang, `${ns}.json`);
        for (const { path, text } of strings(JSON.parse(readFileSync(file, 'utf8')))) {
          if (!allowed.has(path.slice(1))) expect(text, `${lang}/${ns}${path}`).not.toContain('LinkedIn');
        }
      }
    }
  });

  it('a LinkedIn case still says LinkedIn, word for word', async () => {
    const core = makeCore('2026-07-01');
    const { t } = await track(core, 'linkedin', 'GB', JOURNEYS[0].events);
    const reply = t.deadlines.find((d) => d.kind === 'response_due')!;
    expect(reply.steps).toContain('LinkedIn acknowledged receipt on 2026-05-03. An acknowledgement is not information on action taken, so the date stands.');
    expect(reply.steps).toContain('LinkedIn asked for details on 2026-05-04 and you answered on 2026-05-08: 5 days do not count (UK GDPR Art 12A).');
    expect(reply.rule).toContain('Under Art 12A the clock stops while LinkedIn waits for details it asked for');
    const ack = t.deadlines.find((d) => d.kind === 'organisation_ack_due')!;
    expect(ack.label).toBe('LinkedIn should acknowledge your complaint of 22 June 2026');
    expect(say(DEADLINE_LABEL_KEYS.organisation_ack_due, { platform: 'LinkedIn' })).toBe('LinkedIn should acknowledge your complaint');
    const straight = await track(core, 'linkedin', 'GB', JOURNEYS[1].events);
    expect(straight.t.steps.find((s) => s.key === 'reminder')?.note).toBe('Complaint to LinkedIn');
    const ics = await core.api.call('tracking.exportIcs', {});
    expect(ics.content).toContain('LinkedIn should acknowledge your complaint');
  });
});
