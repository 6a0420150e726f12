// The app in the member's language. A pseudo-locale (?lang=pseudo) wraps every catalog text in ⟦…⟧: any visible text
// on any screen that is not marked did not go through a catalog, and fails this test (data is exempt only where the
// screen marks it translate="no", as translation tools also need). Then the language follows the system, can be chosen
// and is kept.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './support/host';

/** Visible text and accessible attributes of the page that are not inside ⟦…⟧ (and not data marked translate="no"). */
async function unmarked(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'CODE', 'SAMP', 'KBD', 'PRE', 'svg', 'TEMPLATE']);
    const isData = (el: Element | null) => !!el?.closest('[translate="no"]');
    const visible = (el: Element) => {
      const r = el.getClientRects();
      if (r.length === 0) return el.tagName === 'OPTION' && !!el.closest('select')?.getClientRects().length;
      const cs = getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    // The text as the user meets it, element by element; data subtrees stand as "§".
    let text = '';
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        text += node.textContent ?? '';
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = node as Element;
      if (SKIP.has(el.tagName)) return;
      if (el.getAttribute('translate') === 'no') {
        text += ' § ';
        return;
      }
      if (!visible(el)) return;
      for (const child of el.childNodes) walk(child);
      if (/^(P|LI|H\d|DIV|SECTION|TD|TH|DT|DD|LABEL|BUTTON|OPTION|LEGEND|A|SUMMARY|FIGCAPTION)$/.test(el.tagName)) text += '\n';
    };
    walk(document.body);
    const strip = (s: string) => {
      let prev;
      do {
        prev = s;
        s = s.replace(/⟦[^⟦⟧]*⟧/g, '§');
      } while (s !== prev);
      return s;
    };
    const bad: string[] = [];
    for (const line of strip(text).split('\n')) if (/\p{L}/u.test(line.replace(/§/g, ''))) bad.push(line.trim().replace(/\s+/g, ' '));
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      if (isData(el) || !visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(attr);
        if (v && /\p{L}/u.test(strip(v).replace(/§/g, ''))) bad.push(`${el.tagName.toLowerCase()}[${attr}="${v}"]`);
      }
    }
    return [...new Set(bad)];
  });
}

/** Unmarked text per screen, gathered over every screen so one run names them all. */
const found: Record<string, string[]> = {};
async function checkMarked(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  const bad = await unmarked(page);
  if (bad.length) found[screen] = bad;
}

async function policyServer(): Promise<{ url: string; set(extra: string): void; close(): Promise<void> }> {
  let extra = '';
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Policy</title></head><body><main><h1>Privacy policy</h1>
<p>We collect the information you give us when you create an account.</p>${extra}</main></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/policy`,
    set: (e) => (extra = e),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

type Made = { id: string };

test('pseudo-locale: every screen shows only text that came through a catalog', async ({ page, app }) => {
  const c = await app.api<Made>('cases.create', { title: 'Case of Aoife', name: 'Aoife Byrne', email: 'aoife@example.ie', country: 'DE', region: 'DE-BE' });
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', requestType: 'objection', ref: 'LI-1' });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const item = await app.api<Made>('evidence.upload', { caseId: c.id, filename: 'switch.png', dataBase64: png.toString('base64') });
  // Other platforms: X's capture forms offer X's setting and pages; Facebook's file names no switch, so a note replaces the form.
  const x = await app.api<Made>('cases.create', { title: 'Case on X', name: 'Aoife Byrne', email: 'aoife@example.ie', country: 'DE', platform: 'x' });
  const fb = await app.api<Made>('cases.create', { title: 'Case on Facebook', name: 'Aoife Byrne', email: 'aoife@example.ie', country: 'DE', platform: 'facebook' });
  const policy = await policyServer();
  try {
    await app.api('watch.add', { url: policy.url });
    await app.api('watch.settings.set', { enabled: true });
    await app.api('watch.run', { force: true });
    policy.set('<p>We use your posts to train generative artificial intelligence models.</p>');
    await app.api('watch.run', { force: true });

    const base = app.host.url.replace(/#.*$/, '');
    const url = (hash: string) => `${base}${base.includes('?') ? '&' : '?'}lang=pseudo#${hash}`;
    const screens: [string, string][] = [
      ['dashboard', '/'],
      ['new case', '/new'],
      ['case page', `/cases/${c.id}`],
      ['case page on X', `/cases/${x.id}`],
      ['case page on Facebook (no switch)', `/cases/${fb.id}`],
      ['evidence item', `/cases/${c.id}/evidence/${item.id}`],
      ['objection draft', `/cases/${c.id}/draft/objection`],
      ['authority complaint draft', `/cases/${c.id}/draft/authority-complaint`],
      ['watch', '/watch'],
    ];
    for (const [name, hash] of screens) {
      await page.goto(url(hash));
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
      await checkMarked(page, name);
    }
    // Forms with their errors and open panels count too.
    await page.goto(url('/new'));
    await page.locator('form button[type="submit"]').first().click();
    await checkMarked(page, 'new case with errors');
    await page.goto(url(`/cases/${c.id}`));
    // "Record an event" opens the event form (its name is pseudo-accented here, so found by its place).
    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await timeline.getByRole('button', { name: /Ŕéçörd|R.ç.rd/ }).first().click();
    await expect(timeline.locator('form')).toBeVisible();
    await checkMarked(page, 'case page with the event form open');
    await screenshot(page, 'i18n-pseudo-case-page');
    // The page a link without the browser host's key lands on.
    await page.goto(`http://127.0.0.1:${app.host.port}/?lang=pseudo#/cases/${c.id}`);
    await expect(page.locator('h1')).toBeVisible();
    await checkMarked(page, 'no key');
    expect(found, 'text that did not come through a catalog, per screen').toEqual({});
  } finally {
    await policy.close();
  }
});
