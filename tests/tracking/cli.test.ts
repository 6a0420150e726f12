import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function cli(dir: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dir, ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'redress-cli-'));
  dirs.push(dir);
  return dir;
}

describe('tracking CLI', () => {
  it('event add, case show with events and deadlines, case list by status, deadlines and exports', async () => {
    const dir = freshDir();
    const c = JSON.parse((await cli(dir, 'case', 'create', '--title', 'Tom', '--country', 'GB', '--name', 'Tom', '--email', 't@example.org', '--json')).stdout);
    const add = await cli(dir, 'event', 'add', c.id, '--type', 'request_sent', '--on', '2026-03-02', '--channel', 'post', '--received-on', '2026-03-05', '--ref', 'LI-1', '--json');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ type: 'request_sent', on: '2026-03-02', receivedOn: '2026-03-05', channel: 'post', ref: 'LI-1' });

    const shown = JSON.parse((await cli(dir, 'case', 'show', c.id, '--json')).stdout);
    expect(shown.events).toHaveLength(1);
    // Received Thu 5 Mar 2026 -> Sun 5 Apr (Easter Sunday) -> Mon 6 Apr Easter Monday -> Tue 7 Apr 2026.
    expect(shown.deadlines.map((d: { kind: string; due: string }) => [d.kind, d.due])).toEqual([
      ['response_due', '2026-04-07'],
      ['ico_complaint_window_ends', '2026-06-02'],
    ]);
    for (const d of shown.deadlines) expect(Object.keys(d)).toEqual(expect.arrayContaining(['kind', 'due', 'rule', 'source']));
    expect(JSON.parse((await cli(dir, 'case', 'list', '--status', 'request_sent', '--json')).stdout).map((x: { id: string }) => x.id)).toEqual([c.id]);

    const due = await cli(dir, 'deadlines', '--within', '3', '--json');
    expect(JSON.parse(due.stdout).items[0]).toMatchObject({ caseId: c.id, kind: 'response_due', due: '2026-04-07' });

    const ics = join(dir, 'deadlines.ics');
    expect(JSON.parse((await cli(dir, 'deadlines', '--ics', ics, '--json')).stdout)).toEqual({ file: ics, deadlines: 2 });
    expect(readFileSync(ics, 'utf8')).toContain('DTSTART;VALUE=DATE:20260407');
    const again = await cli(dir, 'deadlines', '--ics', ics);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('--force')]);

    const csv = join(dir, 'cases.csv');
    expect(JSON.parse((await cli(dir, 'export', 'csv', '--out', csv, '--json')).stdout)).toEqual({ file: csv, rows: 1 });
  });

  it('bad input: clear message on stderr, non-zero exit, nothing written, nothing on stdout', async () => {
    const dir = freshDir();
    const c = JSON.parse((await cli(dir, 'case', 'create', '--title', 'M', '--country', 'IE', '--name', 'M', '--email', 'm@example.org', '--json')).stdout);
    await cli(dir, 'event', 'add', c.id, '--type', 'request_sent', '--on', '2026-04-30');
    for (const [argv, message] of [
      [['--type', 'note', '--on', '2026-02-30'], /2026-02-30 does not exist in the calendar/],
      [['--type', 'letter', '--on', '2026-05-01'], /Type must be one of: request_sent/],
      [['--type', 'response_received', '--on', '2026-04-01'], /before the first “Request sent” on 2026-04-30/],
    ] as const) {
      const r = await cli(dir, 'event', 'add', c.id, ...argv, '--json');
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
    const list = JSON.parse((await cli(dir, 'event', 'list', c.id, '--json')).stdout);
    expect(list).toHaveLength(1);
    const del = await cli(dir, 'event', 'delete', list[0].id);
    expect([del.code, del.stderr]).toEqual([2, expect.stringContaining('--yes')]);
  });

  it('event add --request, --for and --asks: each request its own clock, answers tied to the one named', async () => {
    const dir = freshDir();
    const c = JSON.parse((await cli(dir, 'case', 'create', '--title', 'Tom', '--country', 'GB', '--name', 'Tom', '--email', 't@example.org', '--json')).stdout);
    const objection = JSON.parse((await cli(dir, 'event', 'add', c.id, '--type', 'request_sent', '--on', '2026-03-02', '--json')).stdout);
    const access = JSON.parse((await cli(dir, 'event', 'add', c.id, '--type', 'request_sent', '--on', '2026-03-05', '--request', 'access', '--json')).stdout);
    expect([objection.requestType, access.requestType]).toEqual(['objection', 'access']);
    const reply = JSON.parse((await cli(dir, 'event', 'add', c.id, '--type', 'response_received', '--on', '2026-03-20', '--for', objection.id, '--json')).stdout);
    expect(reply.forEventId).toBe(objection.id);
    const q = JSON.parse((await cli(dir, 'event', 'add', c.id, '--type', 'clarification_requested', '--on', '2026-03-10', '--asks', 'details', '--json')).stdout);
    expect([q.forEventId, q.asks]).toEqual([access.id, 'details']);
    await cli(dir, 'event', 'add', c.id, '--type', 'clarification_answered', '--on', '2026-03-12');
    const list = (await cli(dir, 'event', 'list', c.id)).stdout;
    expect(list).toContain(`2026-03-05  Request sent (Access request)`);
    expect(list).toContain(`Clarification requested (Details of your request)  for ${access.id}`);
    const shown = JSON.parse((await cli(dir, 'case', 'show', c.id, '--json')).stdout);
    // Objection answered; access: 5 Mar -> 5 Apr (Easter Sunday), plus 3 paused days (10-12 Mar) -> Wed 8 Apr 2026.
    expect(shown.deadlines.filter((d: { kind: string }) => d.kind === 'response_due').map((d: { due: string; state: string }) => [d.due, d.state])).toEqual([
      ['2026-04-02', 'met'],
      ['2026-04-08', 'open'],
    ]);
    for (const [argv, message] of [
      [['--type', 'request_sent', '--on', '2026-03-06', '--request', 'portability'], /Request type must be one of: objection, access, erasure, other/],
      [['--type', 'reminder_sent', '--on', '2026-04-10', '--for', 'evt_nope'], /not in this case/],
      [['--type', 'note', '--on', '2026-04-10', '--asks', 'identity'], /only applies to a clarification request/],
    ] as const) {
      const r = await cli(dir, 'event', 'add', c.id, ...argv, '--json');
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toMatch(message);
    }
  });

  it('runs as a real process', () => {
    const dir = freshDir();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');
    const run = (...argv: string[]) => spawnSync(process.execPath, [bin, '--data-dir', dir, ...argv], { encoding: 'utf8' });
    const c = JSON.parse(execFileSync(process.execPath, [bin, '--data-dir', dir, 'case', 'create', '--title', 'Maria', '--country', 'DE', '--name', 'Maria', '--email', 'm@example.org', '--json'], { encoding: 'utf8' }));
    const ok = run('event', 'add', c.id, '--type', 'request_sent', '--on', '2026-04-30', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).type).toBe('request_sent');
    const shown = JSON.parse(run('case', 'show', c.id, '--json').stdout);
    expect(shown.deadlines[0]).toMatchObject({ kind: 'response_due', due: '2026-06-02' });
    const bad = run('event', 'add', c.id, '--type', 'note', '--on', '2026-02-30', '--json');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/does not exist in the calendar/);
  });
});
