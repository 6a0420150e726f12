// Journey 5 (Aoife, Dublin): routine privacy maintenance across platforms. She has cases about LinkedIn, Instagram
// and X; "Check my switches" lists the three; she watches Instagram's policies; Instagram's privacy policy gains
// sentences about AI training; from the change she starts an Instagram case with both versions and the diff as
// evidence, and its objection goes to Meta Platforms Ireland, pointing to Meta's own form.
//
// Platform files take https addresses only, so the browser host runs as its own process here, with a copy of the
// facts whose Instagram policies point at a local https server, and that server's certificate trusted through
// NODE_EXTRA_CA_CERTS: the watch never reaches the internet, and nothing in the app is told it is a test.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './support/host';

const root = join(import.meta.dirname, '..');

const policy = (extra: string[] = []) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Instagram Privacy Policy</title></head>
<body>
<nav><a href="/">Home</a> <a href="/help">Help Center</a></nav>
<div id="cookie-consent">Allow the use of cookies by Instagram?</div>
<main>
<h1>Privacy Policy</h1>
<p>This policy explains how we collect, use and share your information. It applies to Instagram.</p>
<p>We use information to provide, personalise and improve our products, and to keep them safe.</p>
${extra.map((s) => `<p>${s}</p>`).join('\n')}
</main>
<footer>© 2026 Meta</footer>
</body></html>`;

const AI = 'We use public posts and comments from adults to develop and improve generative AI models for AI at Meta.';

interface Setup {
  url: string;
  token: string;
  host: ChildProcess;
  server: Server;
  setPolicy(body: string): void;
  api<T = unknown>(name: string, input: unknown): Promise<T>;
}

async function start(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'redress-aoife-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  let body = policy();
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    if (req.url === '/privacy-policy' || req.url === '/terms') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.url === '/terms' ? '<main><h1>Terms of Use</h1><p>Be kind.</p></main>' : body);
    } else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The facts as shipped, with Instagram's watched documents at the local server.
  const facts = join(dir, 'facts');
  cpSync(join(root, 'data'), facts, { recursive: true });
  const file = join(facts, 'platforms', 'instagram.json');
  const ig = JSON.parse(readFileSync(file, 'utf8'));
  for (const d of ig.policies) d.url = `${base}/${d.id}`;
  writeFileSync(file, JSON.stringify(ig, null, 2));

  const token = 'aoife-journey-token-0123456789abcdef';
  const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'host', 'index.ts'), '--data-dir', join(dir, 'data'), '--port', '0', '--token', token], {
    cwd: root,
    env: { ...process.env, REDRESS_FACTS_DIR: facts, NODE_EXTRA_CA_CERTS: cert, REDRESS_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${out}${err}`)), 60_000);
    host.stdout!.on('data', (d) => {
      out += String(d);
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    host.stderr!.on('data', (d) => (err += String(d)));
    host.on('exit', (code) => reject(new Error(`the host exited (${code}): ${out}${err}`)));
  });
  const origin = new URL(url).origin;
  return {
    url,
    token,
    host,
    server,
    setPolicy: (b) => (body = b),
    async api<T>(name: string, input: unknown): Promise<T> {
      const res = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? null),
      });
      const out = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!out.ok) throw new Error(out.error?.message);
      return out.value as T;
    },
  };
}

test('Aoife: her three platforms in Check my switches, Instagram’s policy watched, an AI-training change, a Meta case from it, the objection to Meta Platforms Ireland', async ({ page: tab }) => {
  test.setTimeout(180_000);
  const s = await start();
  try {
    await tab.setViewportSize({ width: 1280, height: 800 });
    for (const [platform, title] of [
      ['linkedin', 'LinkedIn AI training'],
      ['instagram', 'Instagram AI training'],
      ['x', 'X and Grok'],
    ] as const) {
      await s.api('cases.create', { title, country: 'IE', name: 'Aoife Byrne', email: 'aoife@example.org', platform });
    }
    await tab.goto(s.url);
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watch' }).click();

    // 1. Check my switches: the three platforms she uses, each never captured, each with a way to capture it.
    const switches = tab.getByRole('region', { name: 'Check my switches' });
    for (const name of ['LinkedIn', 'Instagram', 'X']) {
      const row = switches.getByRole('row', { name: new RegExp(`^${name}\\b`) });
      await expect(row).toContainText('Never captured');
    }

    // 2. Instagram's policies: the screen names what will be fetched before anything is.
    const form = tab.getByRole('form', { name: /^Watch a platform.s policies$/ });
    await form.getByLabel('Platform').selectOption('instagram');
    await expect(form).toContainText('Redress will watch:');
    await form.getByRole('button', { name: "Watch Instagram's policies" }).click();
    await expect(form.getByRole('status')).toContainText('Now watching');
    const off = tab.getByRole('region', { name: 'The watch is off' });
    await expect(off).toContainText('Instagram Privacy Policy');
    await tab.getByRole('button', { name: 'Turn the watch on' }).click();
    const on = tab.getByRole('region', { name: 'The watch is on' });
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toHaveText('2 documents checked: 2 first versions recorded.', { timeout: 60_000 });

    // 3. The policy gains a sentence about training AI: marked AI-related, beside what was there before.
    s.setPolicy(policy([AI]));
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toHaveText('2 documents checked: 1 changed (AI-related), 1 unchanged.', { timeout: 60_000 });
    const doc = tab.getByRole('article', { name: 'Instagram Privacy Policy' });
    const change = doc.locator('.watch-change').first();
    await expect(change.getByRole('list', { name: 'Added (1)' })).toContainText(AI);
    await expect(change.getByRole('list', { name: 'Added (1)' }).locator('.ai-label')).toBeVisible();
    await expectAccessible(tab, 'aoife: instagram change');
    await screenshot(tab, 'journey-aoife-change');

    // One button starts the case: the platform comes from the document, Aoife fills in who she is.
    await change.getByRole('button', { name: /^Start a case from the Instagram Privacy Policy change of / }).click();
    const caseForm = tab.getByRole('form', { name: /^Start a case from the Instagram Privacy Policy change of/ });
    await expect(caseForm).toBeFocused();
    await expect(caseForm.getByLabel('Platform')).toHaveValue('instagram');
    await caseForm.getByLabel('Your full name').fill('Aoife Byrne');
    await caseForm.getByLabel('Email of your account').fill('aoife@example.org');
    await caseForm.getByLabel('Country where you live').selectOption('IE');
    await caseForm.getByRole('button', { name: 'Start the case' }).click();
    await expect(tab).toHaveURL(/#\/cases\/case_[A-Za-z0-9]+$/);
    const caseId = decodeURIComponent(new URL(tab.url()).hash.split('/')[2]);

    // The case: Meta Platforms Ireland as controller; both versions, the diff (and each version's page) as evidence.
    await expect(tab.getByRole('main')).toContainText('Meta Platforms Ireland Limited');
    const evidence = await s.api<{ title: string; mime: string }[]>('evidence.list', { caseId });
    expect(evidence.map((e) => e.title)).toContainEqual(expect.stringMatching(/^Changes between/));
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    expect((await s.api<{ ok: boolean }>('evidence.verify', { caseId })).ok).toBe(true);
    await expectAccessible(tab, 'aoife: instagram case');
    await screenshot(tab, 'journey-aoife-case');

    // The objection: to Meta Platforms Ireland, naming Meta's own form for Instagram, nothing of LinkedIn's.
    await tab.goto(`${s.url.split('#')[0]}#/cases/${caseId}/draft/objection`);
    const preview = tab.locator('.letter-preview .letter');
    await expect(preview).toContainText('Meta Platforms Ireland Limited', { timeout: 30_000 });
    await expect(preview).toContainText('Instagram has its own form for objections');
    await expect(preview).not.toContainText('LinkedIn');
    // Instagram has no AI-training switch: the form does not ask when she switched LinkedIn's off.
    await expect(tab.getByRole('main')).not.toContainText('Data for Generative AI Improvement');
    await expect(tab.getByRole('main')).not.toContainText('LinkedIn');
    await expectAccessible(tab, 'aoife: objection draft');
    await screenshot(tab, 'journey-aoife-objection');
  } finally {
    s.host.kill('SIGTERM');
    s.server.closeAllConnections();
    s.server.close();
  }
});
