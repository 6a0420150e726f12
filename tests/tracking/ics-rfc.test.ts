// The .ics export read back by a real calendar parser (Debian's python3-icalendar), every event and alarm checked,
// and every DURATION and TRIGGER held to RFC 5545's grammar, which the parser alone does not enforce ("P1DT" slips by).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rfcDurations } from '../../electron/core/tracking/export';
import { makeCore, newCase } from './helpers';

/** RFC 5545 §3.3.6 dur-value: dur-date / dur-time / dur-week, signed. */
const DUR_VALUE = /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;

const PYTHONS = ['/usr/bin/python3', 'python3'];
const python = PYTHONS.find((p) => spawnSync(p, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0);
if (!python) console.warn('ics-rfc: skipped, python3 cannot import icalendar (apt-get install -y python3-icalendar)');

// Prints, per event: uid, DTSTART (date), DURATION (days), and each alarm's TRIGGER (days); plus parse errors.
const READER = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = {"errors": [], "events": []}
for c in cal.walk():
    out["errors"] += [str(e) for e in getattr(c, "errors", [])]
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    dur = ev.decoded("DURATION")
    out["events"].append({
        "uid": str(ev.get("UID")),
        "summary": str(ev.get("SUMMARY")),
        "start": start.isoformat(),
        "start_is_date": not hasattr(start, "hour"),
        "duration_seconds": dur.total_seconds(),
        "alarms": [{"action": str(a.get("ACTION")), "trigger_seconds": a.decoded("TRIGGER").total_seconds()} for a in ev.walk("VALARM")],
    })
print(json.dumps(out))
`;

describe('rfcDurations', () => {
  it('drops an empty time part and leaves every valid duration alone', () => {
    const fixed = rfcDurations('DURATION:P1DT\r\nTRIGGER:-P3DT\r\nTRIGGER;RELATED=END:-P2WT\r\nDURATION:PT15M\r\nDURATION:P1DT2H\r\nX:P1DT\r\n');
    expect(fixed).toBe('DURATION:P1D\r\nTRIGGER:-P3D\r\nTRIGGER;RELATED=END:-P2W\r\nDURATION:PT15M\r\nDURATION:P1DT2H\r\nX:P1DT\r\n');
  });
});

describe.skipIf(!python)('the .ics export in a real calendar parser (python3-icalendar)', () => {
  it('reads every deadline as an all-day event of one day with a display alarm three days before', async () => {
    const core = makeCore('2026-06-10');
    const ids: string[] = [];
    for (const [country, on, name] of [
      ['IE', '2026-05-13', 'Νίκος Παπαδόπουλος'],
      ['GB', '2026-06-03', 'Tom Baker'],
      ['DE', '2026-04-30', 'Zofia Łukasiewicz'],
    ] as const) {
      const c = await newCase(core, { country, name, title: `Objection for ${name} — “AI training”` });
      await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on });
      ids.push(c.id);
    }
    const expected: Record<string, string> = {};
    for (const id of ids) {
      for (const d of (await core.api.call('tracking.get', { caseId: id })).deadlines) if (d.state === 'open') expected[`${id}.${d.id.replace(':', '.')}@redress.local`] = d.due;
    }
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);

    const ics = (await core.api.call('tracking.exportIcs', {})).content;
    const durations = [...ics.matchAll(/^(?:DURATION|TRIGGER)(?:;[^:\r\n]*)?:(.*?)\r?$/gm)].map((m) => m[1]);
    expect(durations.length).toBe(2 * Object.keys(expected).length);
    for (const v of durations) expect(v, `"${v}" is not an RFC 5545 duration`).toMatch(DUR_VALUE);

    const read = spawnSync(python!, ['-c', READER], { input: ics, encoding: 'utf8' });
    expect(read.stderr).toBe('');
    const parsed = JSON.parse(read.stdout) as {
      errors: string[];
      events: { uid: string; summary: string; start: string; start_is_date: boolean; duration_seconds: number; alarms: { action: string; trigger_seconds: number }[] }[];
    };
    expect(parsed.errors).toEqual([]);
    expect(Object.fromEntries(parsed.events.map((e) => [e.uid, e.start]))).toEqual(expected);
    for (const e of parsed.events) {
      expect(e.start_is_date).toBe(true);
      expect(e.duration_seconds).toBe(86_400);
      expect(e.alarms).toEqual([{ action: 'DISPLAY', trigger_seconds: -3 * 86_400 }]);
      expect(e.summary).toMatch(/: Objection for .+ — “AI training”$/);
    }
  });
});

describe.skipIf(!python)('.ics uids: a calendar updates an event instead of adding a copy (python3-icalendar)', () => {
  const read = (ics: string) => {
    const out = spawnSync(python!, ['-c', READER], { input: ics, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const parsed = JSON.parse(out.stdout) as { errors: string[]; events: { uid: string; summary: string; start: string }[] };
    expect(parsed.errors).toEqual([]);
    return parsed.events;
  };

  it('gives each deadline its own uid, and the same uid in every later export', async () => {
    const core = makeCore('2026-06-10');
    const maria = await newCase(core, { title: 'Maria in Berlin' });
    await core.api.call('tracking.addEvent', { caseId: maria.id, type: 'request_sent', on: '2026-04-30' });
    // A second request on the same case: a reply date of its own.
    await core.api.call('tracking.addEvent', { caseId: maria.id, type: 'request_sent', on: '2026-05-20', requestType: 'access' });
    const tom = await newCase(core, { title: 'Tom and the ICO', country: 'GB' });
    await core.api.call('tracking.addEvent', { caseId: tom.id, type: 'request_sent', on: '2026-03-02' });
    await core.api.call('tracking.addEvent', { caseId: tom.id, type: 'complaint_filed', on: '2026-05-31', authority: 'ico' });

    const first = read((await core.api.call('tracking.exportIcs', {})).content);
    const uids = first.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length); // different deadlines, different uids
    // Maria: two replies; Tom: the ICO's first three months and each further period (30 Nov to 31 Aug), one event each.
    expect(first.filter((e) => e.uid.startsWith(`${maria.id}.`))).toHaveLength(2);
    expect(first.filter((e) => e.uid.startsWith(`${tom.id}.authority_progress_due.`)).map((e) => e.start)).toEqual([
      '2026-08-31',
      '2026-11-30',
      '2027-02-28',
      '2027-05-31',
      '2027-08-31',
    ]);

    // Weeks later, after another case and another event: every deadline still there keeps its uid and its date.
    core.setToday('2026-07-01');
    const other = await newCase(core, { title: 'A third case' });
    await core.api.call('tracking.addEvent', { caseId: other.id, type: 'request_sent', on: '2026-06-20' });
    await core.api.call('tracking.addEvent', { caseId: maria.id, type: 'note', on: '2026-06-30', note: 'Still nothing' });
    const again = read((await core.api.call('tracking.exportIcs', {})).content);
    const before = Object.fromEntries(first.map((e) => [e.uid, e.start]));
    const after = Object.fromEntries(again.map((e) => [e.uid, e.start]));
    for (const uid of uids) expect(after[uid], uid).toBe(before[uid]);
    expect(again.length).toBe(first.length + 1);
    expect(new Set(again.map((e) => e.uid)).size).toBe(again.length);
    // One case's export names its deadlines with the same uids as the full one.
    const one = read((await core.api.call('tracking.exportIcs', { caseId: tom.id })).content);
    expect(one.map((e) => e.uid).sort()).toEqual(uids.filter((u) => u.startsWith(`${tom.id}.`)).sort());
  });
});
