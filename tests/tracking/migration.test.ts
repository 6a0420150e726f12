import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { createCore } from '../../electron/core';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migration 003 (tracking)', () => {
  it('migrates a version-2 database forward: keeps cases, marks hand-set statuses as overrides, indexes every case', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-mig3-'));
    dirs.push(dir);
    const file = join(dir, 'redress.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    expect(migrate(old, MIGRATIONS, 2)).toBe(2);
    const insert = old.prepare(
      `INSERT INTO cases (id, title, platform, country, name, email, status, status_reason, created_at, updated_at)
       VALUES (?, ?, 'linkedin', ?, ?, 'a@example.org', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    insert.run('case_a', 'Objection', 'DE', 'Zofia Łukasiewicz', 'draft', null);
    insert.run('case_b', 'Complaint', 'GB', 'Νίκος', 'complaint_filed', 'Filed on paper');
    old.close();

    const core = createCore({ dataDir: dir, host: 'cli' });
    try {
      expect(core.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      const a = core.ctx.db.prepare('SELECT status, status_overridden FROM cases WHERE id = ?');
      expect(a.get('case_a')).toEqual({ status: 'draft', status_overridden: 0 });
      expect(a.get('case_b')).toEqual({ status: 'complaint_filed', status_overridden: 1 });
      const idx = core.ctx.db.prepare('SELECT case_id, search_text, next_due FROM case_index ORDER BY case_id').all();
      expect(idx).toEqual([
        { case_id: 'case_a', search_text: 'objection zofia lukasiewicz', next_due: null },
        { case_id: 'case_b', search_text: 'complaint νικοσ', next_due: null }, // final ς folds to σ so a typed "νικοσ" or "νικος" both match
      ]);
      const strict = core.ctx.db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('case_events', 'case_index', 'case_event_evidence', 'case_open_deadlines') ORDER BY name").all();
      expect(strict).toEqual([
        { name: 'case_event_evidence', strict: 1 },
        { name: 'case_events', strict: 1 },
        { name: 'case_index', strict: 1 },
        { name: 'case_open_deadlines', strict: 1 },
      ]);
      // Deleting a case takes its events and index row with it.
      core.ctx.db.prepare("INSERT INTO case_events (id, case_id, type, on_date, created_at, updated_at) VALUES ('e1', 'case_a', 'note', '2026-01-02', 'x', 'x')").run();
      core.ctx.db.prepare("DELETE FROM cases WHERE id = 'case_a'").run();
      expect(core.ctx.db.prepare("SELECT count(*) AS n FROM case_events").get()).toEqual({ n: 0 });
    } finally {
      core.close();
    }
  });

  it('rebuilds index rows made by older rules when the core starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-mig3-'));
    dirs.push(dir);
    let core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-06-10T12:00:00') } });
    const c = await core.api.call('cases.create', { title: 'T', country: 'IE', name: 'N', email: 'n@example.org' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    core.ctx.db.prepare("UPDATE case_index SET next_due = '1999-01-01', rules_version = 0").run();
    core.close();
    core = createCore({ dataDir: dir, host: 'cli' });
    try {
      expect(core.ctx.db.prepare('SELECT next_due FROM case_index').get()).toEqual({ next_due: '2026-06-02' });
    } finally {
      core.close();
    }
  });
});

describe('case_index mirror', () => {
  it('a case written by plain SQL still reaches the dashboard, and a status change moves it (triggers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-mig3-'));
    dirs.push(dir);
    const core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-06-10T12:00:00') } });
    try {
      core.ctx.db
        .prepare(
          `INSERT INTO cases (id, title, platform, country, name, email, status, created_at, updated_at)
           VALUES ('case_raw', 'Imported Case', 'linkedin', 'IE', 'Aoife', 'a@example.org', 'draft', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        )
        .run();
      await core.api.call('tracking.addEvent', { caseId: 'case_raw', type: 'request_sent', on: '2026-04-30' });
      let d = await core.api.call('tracking.dashboard', { q: 'imported' });
      expect(d.rows.map((r) => [r.id, r.nextDue, r.status])).toEqual([['case_raw', '2026-06-02', 'request_sent']]);
      await core.api.call('cases.setStatus', { id: 'case_raw', status: 'closed', reason: 'Gave up' });
      d = await core.api.call('tracking.dashboard', {});
      expect(d.rows.map((r) => [r.id, r.nextDue, r.status, r.urgency])).toEqual([['case_raw', null, 'closed', 'none']]);
      expect(d.overdue).toBe(0);
      expect((await core.api.call('tracking.reminders', {})).total).toBe(0);
    } finally {
      core.close();
    }
  });
});

describe('migration 006 (a clock per request)', () => {
  it('migrates a version-5 database forward: requests become objections, answers are linked, the open deadlines are rebuilt per request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-mig6-'));
    dirs.push(dir);
    const file = join(dir, 'redress.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    expect(migrate(old, MIGRATIONS, 5)).toBe(5);
    old
      .prepare(
        `INSERT INTO cases (id, title, platform, country, name, email, status, created_at, updated_at)
         VALUES ('case_ie', 'Aoife', 'linkedin', 'IE', 'Aoife', 'a@example.org', 'draft', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run();
    const add = old.prepare(
      `INSERT INTO case_events (id, case_id, type, on_date, authority, created_at, updated_at) VALUES (?, 'case_ie', ?, ?, ?, ?, ?)`,
    );
    add.run('e_req1', 'request_sent', '2026-04-30', null, '2026-04-30T09:00:00Z', '2026-04-30T09:00:00Z');
    add.run('e_rem', 'reminder_sent', '2026-06-05', null, '2026-06-05T09:00:00Z', '2026-06-05T09:00:00Z');
    add.run('e_req2', 'request_sent', '2026-06-05', null, '2026-06-05T10:00:00Z', '2026-06-05T10:00:00Z');
    add.run('e_resp', 'response_received', '2026-06-20', null, '2026-06-20T09:00:00Z', '2026-06-20T09:00:00Z');
    add.run('e_cpl', 'complaint_filed', '2026-07-01', 'dpc', '2026-07-01T09:00:00Z', '2026-07-01T09:00:00Z');
    add.run('e_dec', 'authority_decision', '2026-08-01', 'dpc', '2026-08-01T09:00:00Z', '2026-08-01T09:00:00Z');
    // The old cache: one row per case and kind.
    old.prepare("INSERT INTO case_open_deadlines (case_id, kind, due) VALUES ('case_ie', 'response_due', '2026-07-06')").run();
    old.close();

    const core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-09-01T12:00:00') } });
    try {
      expect(core.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      const rows = core.ctx.db.prepare('SELECT id, request_type, for_event_id, asks FROM case_events ORDER BY on_date, created_at').all();
      expect(rows).toEqual([
        { id: 'e_req1', request_type: 'objection', for_event_id: null, asks: null },
        // Same day as the second request but recorded before it: it chased the first.
        { id: 'e_rem', request_type: null, for_event_id: 'e_req1', asks: null },
        { id: 'e_req2', request_type: 'objection', for_event_id: null, asks: null },
        { id: 'e_resp', request_type: null, for_event_id: 'e_req2', asks: null },
        { id: 'e_cpl', request_type: null, for_event_id: null, asks: null },
        { id: 'e_dec', request_type: null, for_event_id: 'e_cpl', asks: null },
      ]);
      const cols = core.ctx.db.prepare("SELECT name FROM pragma_table_info('case_open_deadlines') ORDER BY cid").all();
      expect(cols.map((c) => (c as { name: string }).name)).toEqual(['case_id', 'deadline_id', 'kind', 'due', 'label']);
      // Rebuilt at start from the events: nothing is open (the first reply date was overtaken by the complaint, the
      // second was met, the complaint was decided), so the old row is gone.
      expect(core.ctx.db.prepare('SELECT count(*) AS n FROM case_open_deadlines').get()).toEqual({ n: 0 });
      expect(core.ctx.db.prepare("SELECT rules_version FROM case_index WHERE case_id = 'case_ie'").get()).toEqual({ rules_version: 2 });
      expect(() => core.ctx.db.prepare("UPDATE case_events SET request_type = 'pigeon' WHERE id = 'e_req1'").run()).toThrow(/CHECK/);
    } finally {
      core.close();
    }
  });

  it('a case whose region changes is rebuilt before the list, the reminders or the case is read (a US state decides its dates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-mig6-'));
    dirs.push(dir);
    const core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => new Date('2026-10-20T12:00:00') } });
    try {
      const c = await core.api.call('cases.create', { title: 'T', country: 'US', name: 'N', email: 'n@example.org' });
      await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-10-01', requestType: 'access' });
      expect((await core.api.call('tracking.dashboard', {})).rows[0].nextDue).toBeNull();
      // Written by plain SQL, as another door might: the trigger marks the row, the list rebuilds it.
      core.ctx.db.prepare("UPDATE cases SET region = 'US-CA' WHERE id = ?").run(c.id);
      expect((await core.api.call('tracking.dashboard', {})).rows[0].nextDue).toBe('2026-11-15');
      expect((await core.api.call('tracking.reminders', { withinDays: 30 })).items.map((r) => r.label)).toEqual(['Reply to your request to know of 1 October 2026']);
      core.ctx.db.prepare("UPDATE cases SET region = 'US-WY' WHERE id = ?").run(c.id);
      expect((await core.api.call('tracking.get', { caseId: c.id })).deadlines).toEqual([]);
      core.ctx.db.prepare("UPDATE cases SET region = 'US-CA' WHERE id = ?").run(c.id);
      const t = await core.api.call('tracking.get', { caseId: c.id });
      expect(t.deadlines.map((d) => [d.kind, d.due])).toEqual([['response_due', '2026-11-15']]);
      expect((await core.api.call('tracking.dashboard', {})).rows[0].nextDue).toBe('2026-11-15');
    } finally {
      core.close();
    }
  });
});
