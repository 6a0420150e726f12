// The case page around its path: the steps, the next step with one button that opens the document it names, the
// details folded away, the event form on demand, and focus that stays where the member is.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './support/host';

type Case = { id: string; title: string };
const VIEWPORT = { width: 1280, height: 800 };

async function makeCase(app: { api<T>(name: string, input: unknown): Promise<T> }, country: string, title: string, name: string) {
  return app.api<Case>('cases.create', { title, country, name, email: `${name.split(' ')[0].toLowerCase()}@example.org` });
}
const event = (app: { api(name: string, input: unknown): Promise<unknown> }, caseId: string, type: string, on: string, extra: object = {}) =>
  app.api('tracking.addEvent', { caseId, type, on, ...extra });
const openCase = async (page: Page, url: string, id: string) => {
  await page.goto(`${url}#/cases/${id}`);
  await expect(page.getByRole('region', { name: 'Next step' })).toBeVisible();
};

test('a fresh Irish case: the steps start at the evidence, and "Draft the objection" opens the objection, prefilled', async ({ page, app }) => {
  await page.setViewportSize(VIEWPORT);
  const c = await makeCase(app, 'IE', 'Aoife in Dublin', 'Aoife Murphy');
  await openCase(page, app.host.url, c.id);

  const steps = page.getByRole('list', { name: 'Where your case stands' });
  await expect(steps.getByRole('listitem')).toHaveText([/^.Evidence\s*Now/, /Request\s*To come/, /Reply due\s*To come/, /Reminder/, /Complaint/, /Decision/]);
  await expect(steps.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(steps.locator('[aria-current="step"]')).toContainText('Evidence');
  const next = page.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('Send your objection to LinkedIn');
  await expect(next).toBeInViewport();
  await expect(next.getByRole('link')).toHaveCount(1);
  await expect(next.getByRole('link', { name: 'Draft the objection' })).toBeInViewport();
  // No request yet: the details and what applies are open to read.
  await expect(page.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('complementary', { name: 'What applies to you' })).toContainText('Data Protection Commission');
  await expectAccessible(page, 'fresh case');
  await screenshot(page, 'case-path-fresh-1280');

  await next.getByRole('link', { name: 'Draft the objection' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}/draft/objection$`));
  await expect(page.getByRole('heading', { name: 'Objection to AI training (LinkedIn)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Objection to AI training (LinkedIn)' })).toBeInViewport();
  await expect(page.getByLabel(/^First name/)).toHaveValue(/Aoife/);
  await screenshot(page, 'case-path-objection-draft');
  // The draft has the page to itself, with the way back to the case.
  await expect(page.getByRole('region', { name: 'Next step' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Timeline and deadlines' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Aoife in Dublin' })).toBeVisible();
  await expectAccessible(page, 'objection draft');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Aoife in Dublin' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toBeVisible();
});

test('an overdue request with a reminder: the button opens the DPC complaint (Ireland) and the ICO complaint (UK)', async ({ page, app }) => {
  await page.setViewportSize(VIEWPORT);
  const ie = await makeCase(app, 'IE', 'Niamh in Cork', 'Niamh Kelly');
  await event(app, ie.id, 'request_sent', '2026-09-01', { ref: 'LI-77' });
  await event(app, ie.id, 'reminder_sent', '2026-10-05');
  await openCase(page, app.host.url, ie.id);
  const next = page.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('Still no reply after your reminder: complain to DPC.');
  await expect(next).toBeInViewport();
  const steps = page.getByRole('list', { name: 'Where your case stands' });
  await expect(steps.locator('[aria-current="step"]')).toContainText('Complaint');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Missed · None by 1 Oct 2026');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Request' }).first()).toContainText('Done · Sent 1 Sept 2026');
  // A request is recorded: the details are folded, with a one-line summary.
  await expect(page.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'What applies to you' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Niamh Kelly · LinkedIn · Ireland');
  await expectAccessible(page, 'overdue after reminder');
  await screenshot(page, 'case-path-overdue-1280');
  await next.getByRole('link', { name: 'Draft the DPC complaint' }).click();
  await expect(page.getByRole('heading', { name: 'Complaint to the Data Protection Commission (Ireland)' })).toBeVisible();
  await expect(page.getByLabel(/^Your name/)).toHaveValue('Niamh Kelly');

  const gb = await makeCase(app, 'GB', 'Tom in Manchester', 'Tom Baker');
  await event(app, gb.id, 'request_sent', '2026-09-01');
  await event(app, gb.id, 'response_received', '2026-10-01');
  await openCase(page, app.host.url, gb.id);
  await expect(next).toContainText('you can complain to the ICO until');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Reminder' })).toContainText('Not needed');
  await next.getByRole('link', { name: 'Draft the ICO complaint' }).click();
  await expect(page.getByRole('heading', { name: 'Complaint to the ICO (UK)' })).toBeVisible();
  await expect(page.getByLabel(/^Your name/)).toHaveValue('Tom Baker');
  await expectAccessible(page, 'ico draft');
});

test('a case closed by hand says it is closed; the details remember being folded', async ({ page, app }) => {
  const c = await makeCase(app, 'IE', 'Closed case', 'Sean Byrne');
  await app.api('cases.setStatus', { id: c.id, status: 'closed', reason: 'LinkedIn turned it off for me' });
  await openCase(page, app.host.url, c.id);
  const next = page.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('You closed this case.');
  await expect(next).not.toContainText('objection');
  await expect(next.getByRole('link')).toHaveCount(0);
  const steps = page.getByRole('list', { name: 'Where your case stands' });
  await expect(steps.locator('[aria-current="step"]')).toHaveCount(0);
  await expect(steps.getByRole('listitem').last()).toContainText('Done · Case closed');
  await expectAccessible(page, 'closed case');

  const details = page.getByRole('button', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Status', { exact: true })).toBeHidden();
});

test('events: the form opens on demand with focus in it; a stale error goes; deleting asks without a second Enter deleting', async ({ page, app }) => {
  const c = await makeCase(app, 'DE', 'Maria in Berlin', 'Maria Müller');
  await event(app, c.id, 'request_sent', '2026-09-01', { ref: 'LI-1' });
  await event(app, c.id, 'acknowledged', '2026-09-02');
  await openCase(page, app.host.url, c.id);
  const panel = page.getByRole('region', { name: 'Timeline and deadlines' });
  await expect(panel.getByRole('form', { name: 'Add an event' })).toHaveCount(0);

  const record = panel.getByRole('button', { name: 'Record an event' });
  await record.click();
  await expect(record).toHaveAttribute('aria-expanded', 'true');
  const form = panel.getByRole('form', { name: 'Add an event' });
  await expect(form.getByLabel('Event type')).toBeFocused();
  await expectAccessible(page, 'event form open');

  // A reply before the request: the server refuses; changing the form clears the old message.
  await form.getByLabel('Event type').selectOption('response_received');
  await form.getByLabel('Date', { exact: true }).fill('2026-08-01');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form.getByRole('alert')).toContainText('would come before');
  await form.getByLabel('Date', { exact: true }).fill('2026-08-02');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form.getByRole('alert')).toContainText('would come before');
  // Submitting again clears it first, even when the fields stop the attempt before it is sent.
  await form.getByLabel('Note').fill('x'.repeat(10));
  await expect(form.getByRole('alert')).toHaveCount(0);

  await form.getByLabel('Date', { exact: true }).fill('2026-10-20');
  await form.getByLabel('Note').fill('They refuse.');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByText('Added: Response received on Tue, 20 October 2026.')).toBeVisible();
  await expect(panel.getByRole('form', { name: 'Add an event' })).toHaveCount(0);
  await expect(record).toBeFocused();
  await expect(panel.locator('ol.events > li')).toHaveCount(3);

  // Delete from the keyboard: the Enter that opens the question does not answer it, nor does a second one.
  const del = panel.getByRole('button', { name: 'Delete Receipt acknowledged on Wed, 2 September 2026' });
  await del.focus();
  await page.keyboard.press('Enter');
  const confirm = panel.getByRole('group', { name: /Confirm deleting Receipt acknowledged/ });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.locator('ol.events > li')).toHaveCount(3);
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'delete confirmation');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(del).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Yes, delete it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.locator('ol.events > li')).toHaveCount(2);
  await expect(panel.getByText('Deleted: Receipt acknowledged on Wed, 2 September 2026.')).toBeVisible();
  // Focus goes to the event that followed it.
  await expect(panel.getByRole('button', { name: 'Edit Response received on Tue, 20 October 2026' })).toBeFocused();
  // Deleting the last event sends focus to the list's heading.
  await panel.getByRole('button', { name: 'Delete Response received on Tue, 20 October 2026' }).click();
  await panel.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(panel.locator('ol.events > li')).toHaveCount(1);
  await expect(panel.getByRole('heading', { name: 'Events' })).toBeFocused();
  await expectAccessible(page, 'after delete');
});

test('keyboard: "On this page" reaches every section; buttons on different items have different names; 760 px', async ({ page, app }) => {
  const c = await makeCase(app, 'GB', 'Ann in Leeds', 'Ann Jones');
  await event(app, c.id, 'request_sent', '2026-09-01');
  await event(app, c.id, 'reminder_sent', '2026-10-05');
  await openCase(page, app.host.url, c.id);
  const nav = page.getByRole('navigation', { name: 'On this page' });
  await expect(nav.getByRole('button')).toHaveText(['Next step', 'Timeline', 'Evidence', 'Letters', 'This case']);
  await nav.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toBeFocused();
  await nav.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline and deadlines' })).toBeFocused();
  await nav.getByRole('button', { name: 'Evidence' }).click();
  await expect(page.locator('#evidence-title')).toBeFocused();
  await nav.getByRole('button', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { name: 'Letters and complaints' })).toBeFocused();
  await nav.getByRole('button', { name: 'This case' }).click();
  await expect(page.getByRole('heading', { name: 'This case' })).toBeFocused();

  // Every button and summary on the page has a name of its own, except where the same action repeats by design.
  const names = await page.locator('main').evaluate((main) => {
    const out: string[] = [];
    for (const el of main.querySelectorAll<HTMLElement>('button, summary')) {
      if (el.closest('[hidden]') || !el.offsetParent) continue;
      out.push((el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    return out;
  });
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  expect(twice).toEqual([]);

  await page.setViewportSize({ width: 760, height: 900 });
  await expect(page.getByRole('region', { name: 'Next step' })).toBeVisible();
  await expectAccessible(page, 'case page at 760');
  await screenshot(page, 'case-path-760');
  await page.setViewportSize(VIEWPORT);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('region', { name: 'Next step' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/case-path-viewport-1280x800.png' });
});

test('an evidence view has the page to itself, with the way back to the case', async ({ page, app }) => {
  const c = await makeCase(app, 'IE', 'Evidence view', 'Cara Walsh');
  await page.goto(`${app.host.url}#/cases/${c.id}/evidence`);
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence view' })).toBeVisible();
  await expect(page.locator('#evidence-title')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Next step' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Timeline and deadlines' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Letters and complaints' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Evidence view' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toBeVisible();
});
