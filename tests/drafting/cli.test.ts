import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dir, ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

async function newCase(country: string) {
  const r = await cli('case', 'create', '--title', 'Objection', '--country', country, '--name', 'Ζωή Łukasiewicz Прохорова', '--email', 'z@example.org', '--json');
  return JSON.parse(r.stdout).id as string;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-cli-draft-'));
});

describe('redress templates / draft', () => {
  it('lists templates as one JSON value', async () => {
    const r = await cli('templates', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toContainEqual({ id: 'ico-complaint', title: 'Complaint to the ICO (UK)', recipient: 'ico', countries: ['GB'] });
    expect(Object.keys(list[0]).sort()).toEqual(['countries', 'id', 'recipient', 'title']);
  });

  it('gives the form fields as JSON, with maxLength where the form has one', async () => {
    const id = await newCase('GB');
    const out = join(dir, 'fields.json');
    const r = await cli('draft', id, '--template', 'ico-complaint', '--format', 'json', '--out', out, '--set', 'impact=Worried.', '--anyway');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*fields\.json/);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.template).toBe('ico-complaint');
    expect(doc.fields.find((f: { name: string }) => f.name === 'summary')).toMatchObject({ label: 'Summary of your complaint', maxLength: 2000 });
    expect(doc.fields.find((f: { name: string }) => f.name === 'impact').value).toBe('Worried.');
  });

  it.each([
    ['an unknown template', ['--template', 'nope', '--format', 'pdf'], /No template "nope"/],
    ['a template for another country', ['--template', 'dpc-complaint', '--format', 'pdf'], /is for members in the EU\/EEA and Switzerland; this case is in the United Kingdom/],
    ['a complaint the record does not support yet', ['--template', 'ico-complaint', '--format', 'pdf'], /^redress: Not yet: Nothing sent to LinkedIn is recorded on this case\.[\s\S]*--anyway/],
    ['a missing required field', ['--template', 'ico-complaint', '--format', 'pdf', '--anyway'], /Harm or impact on you is required/],
    ['an unknown format', ['--template', 'ico-complaint', '--format', 'docx'], /--format must be one of: text, eml, pdf, json/],
    ['a summary over 2,000 characters', ['--template', 'ico-complaint', '--format', 'pdf', '--set', 'summary=' + 'x'.repeat(2001), '--set', 'impact=x', '--anyway'], /Summary of your complaint must be at most 2,000 characters/],
  ])('refuses %s with a clear message, a non-zero exit and no file', async (_what, args, message) => {
    const id = await newCase('GB');
    const out = join(dir, 'out.pdf');
    const r = await cli('draft', id, ...args, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []).toEqual([]);
  });

  it('refuses a reminder before the reply is due, and drafts it with --anyway worded without the claim', async () => {
    const id = await newCase('DE');
    const today = new Date().toISOString().slice(0, 10);
    expect((await cli('event', 'add', id, '--type', 'request_sent', '--on', today, '--request', 'access', '--ref', 'LI-1')).code).toBe(0);
    const refused = await cli('draft', id, '--template', 'reminder', '--format', 'text');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^redress: Not yet: LinkedIn has until \d+ \w+ \d{4} to answer your request of \d+ \w+ \d{4}: a reminder now would claim a delay that has not happened\./);
    expect(refused.stdout).toBe('');
    const r = await cli('draft', id, '--template', 'reminder', '--format', 'text', '--anyway');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('I sent you a request under Article 15 GDPR for access to my personal data (your reference LI-1).');
    expect(r.stdout).toContain('I have not had an answer yet.');
    expect(r.stdout).not.toMatch(/unanswered|has passed|no answer/);
  });

  it('refuses an --out folder that does not exist before doing any work', async () => {
    const id = await newCase('GB');
    const r = await cli('draft', id, '--template', 'ico-complaint', '--format', 'pdf', '--out', join(dir, 'no', 'such', 'x.pdf'), '--set', 'impact=x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist; create it or choose another --out/);
  });

  it('writes a PDF as a real process (node bin/redress.mjs), readable by pdftotext', () => {
    const run = (...a: string[]) => spawnSync('node', [join(ROOT, 'bin', 'redress.mjs'), '--data-dir', dir, ...a], { encoding: 'utf8' });
    const created = run('case', 'create', '--title', 'T', '--country', 'PL', '--name', 'Zofia Łukasiewicz Παπαδοπούλου Прохорова', '--email', 'z@example.org', '--json');
    expect(created.status).toBe(0);
    const id = JSON.parse(created.stdout).id;
    const values = join(dir, 'values.json');
    writeFileSync(values, JSON.stringify({ situation: 'Jestem tłumaczką; moje teksty są moim źródłem utrzymania.' }));
    const out = join(dir, 'objection.pdf');
    const r = run('draft', id, '--template', 'objection', '--format', 'pdf', '--out', out, '--values', values, '--json');
    // Only the notes the app shows beside the draft (here: no name parts recorded) reach stderr; no error.
    expect(r.stderr).toMatch(/^(Before you send: [^\n]*\n)*$/);
    expect(r.stderr).toContain('Before you send: This case has no given and family name recorded');
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec).toMatchObject({ templateId: 'objection', format: 'pdf', profile: 'archive' });
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zofia Łukasiewicz Παπαδοπούλου Прохорова');
    expect(text).toContain('LinkedIn Ireland Unlimited Company');
    expect(text).toContain('moje teksty są moim źródłem utrzymania');
  });
});
