import type { Locator } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './support/host';

/** The timeline panel alone, at full size, to read its text in the screenshot. */
const panelShot = (panel: Locator, name: string) => panel.screenshot({ path: `test-results/screens/${name}-panel.png` });

type Case = { id: string; title: string };

test('events added through the UI move the deadline, the next step and the dashboard order', async ({ page, app }) => {
  const maria = await app.api<Case>('cases.create', { title: 'Maria in Berlin', country: 'DE', name: 'Maria Müller', email: 'maria@example.org' });
  const tom = await app.api<Case>('cases.create', { title: 'Tom in Manchester', country: 'GB', name: 'Tom Baker', email: 'tom@example.org' });
  await page.reload();
  const dataRows = page.locator('table.cases tbody tr[aria-rowindex]');
  const open = (title: string) => page.getByRole('region', { name: 'Case list, scrollable' }).getByRole('link', { name: title }).click();
  // No deadlines yet: newest first.
  await expect(dataRows.nth(0)).toContainText('Tom in Manchester');
  await expect(dataRows.nth(1)).toContainText('Maria in Berlin');

  await open('Maria in Berlin');
  const panel = page.getByRole('region', { name: 'Timeline and deadlines' });
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('Send your objection to LinkedIn');
  // The event form opens on demand, from the button under the events.
  const record = () => panel.getByRole('button', { name: 'Record an event' }).click();
  await record();
  await panel.getByLabel('Event type').selectOption('request_sent');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-30');
  await panel.getByLabel('Reference').fill('LI-2026-0042');
  await panel.getByLabel('Reference').press('Enter'); // the form submits from the keyboard
  await expect(panel.getByText('Added: Request sent on Thu, 30 April 2026.')).toBeVisible();

  // Journey: one month is Saturday 30 May; Monday 1 June is an Irish bank holiday; due Tuesday 2 June 2026.
  const reply = panel.getByRole('listitem').filter({ hasText: 'Reply due' });
  await expect(reply).toContainText('Tue, 2 June 2026');
  await reply.getByText('How this date was worked out').click();
  await expect(reply).toContainText('1 June 2026 is a public holiday in Ireland (First Monday in June)');
  await expect(reply).toContainText('GDPR Art 12(3)');
  const next = page.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('No reply by 2 June 2026: send the reminder.');
  await expect(next.getByRole('link', { name: 'Send the reminder' })).toHaveAttribute('href', `#/cases/${maria.id}/draft/reminder`);
  await expect(panel).toContainText('Status from the events: Request sent');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('request_sent');
  await expect(page.getByRole('complementary', { name: /deadline has passed/ })).toContainText('Maria in Berlin');
  await expectAccessible(page, 'timeline');
  await screenshot(page, 'tracking-case');

  // Editing the date recomputes at once: 29 Apr 2026 -> Fri 29 May 2026, a working day in Ireland.
  await panel.getByRole('button', { name: 'Edit Request sent on Thu, 30 April 2026' }).click();
  const edit = panel.getByRole('form', { name: 'Edit event' });
  await edit.getByLabel('Date', { exact: true }).fill('2026-04-29');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Fri, 29 May 2026');
  await expect(next).toContainText('No reply by 29 May 2026');
  await panel.getByRole('button', { name: 'Edit Request sent on Wed, 29 April 2026' }).click();
  await edit.getByLabel('Date', { exact: true }).fill('2026-04-30');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Tue, 2 June 2026');

  // A reply before the request is refused with a reason, and nothing is added.
  await record();
  await panel.getByLabel('Event type').selectOption('response_received');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-01');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByRole('alert')).toContainText('would come before the first “Request sent” on 2026-04-30');
  await expect(panel.locator('ol.events > li')).toHaveCount(1);

  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Maria in Berlin');
  await expect(dataRows.nth(0)).toContainText('Overdue');
  await expect(page.getByRole('status')).toContainText('1 overdue');

  // Tom's request went by post: the month counts from receipt (5 Mar 2026 -> 5 Apr, Easter Sunday -> Tue 7 Apr).
  await open('Tom in Manchester');
  await record();
  await panel.getByLabel('Event type').selectOption('request_sent');
  await panel.getByLabel('Date', { exact: true }).fill('2026-03-02');
  await panel.getByLabel('Sent by').selectOption('post');
  await panel.getByLabel('Received by LinkedIn on').fill('2026-03-05');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Tue, 7 April 2026');
  // The ICO window counts from the day Tom sent it (2 Mar), the earlier and so the safer end: Tue 2 June 2026.
  await expect(panel.getByRole('listitem').filter({ hasText: 'ICO complaint window ends' })).toContainText('Tue, 2 June 2026');
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Tom in Manchester');
  await expect(dataRows.nth(1)).toContainText('Maria in Berlin');
  // The header counts overdue dates, not cases: Tom's reply date and his ICO window, and Maria's reply date.
  await expect(page.getByRole('status')).toContainText('3 overdue');
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'tracking-dashboard');

  // Tom gets a reply: his case leaves the overdue list, the next step turns to the ICO window, Maria is first again.
  await open('Tom in Manchester');
  await record();
  await panel.getByLabel('Event type').selectOption('response_received');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-02');
  await panel.getByLabel('Note').fill('Odmowa — Άρνηση. They refuse: “legitimate interests”.');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('The ICO’s three-month window ended on 2 July 2026');
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Maria in Berlin');

  // Deleting asks first, and the deadline comes back.
  await open('Tom in Manchester');
  await panel.getByRole('button', { name: /Delete Response received/ }).click();
  await expect(panel.getByRole('group', { name: /Confirm deleting/ })).toBeVisible();
  await expectAccessible(page, 'confirm delete');
  await panel.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('No reply by 7 April 2026');
  await expect(panel.locator('ol.events > li')).toHaveCount(1);
});

test('the dashboard filters, searches and scrolls through many cases while rendering only what is visible', async ({ page, app }) => {
  const api = app.core.api;
  for (let i = 0; i < 600; i++) {
    const c = await api.call('cases.create', {
      title: `Case ${String(i).padStart(4, '0')}`,
      country: i % 3 ? 'DE' : 'GB',
      name: i === 42 ? 'Zofia Łukasiewicz' : `Member ${i}`,
      email: `m${i}@example.org`,
    });
    if (i % 5 === 0) await api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: `LI-${i}` });
  }
  await page.reload();
  // Overdue dates: 120 reply dates, and the ICO window of the 40 GB cases among them.
  await expect(page.getByRole('status')).toContainText('160 overdue');
  await screenshot(page, 'tracking-dashboard-many');
  const rendered = await page.locator('table.cases tbody tr[aria-rowindex]').count();
  expect(rendered).toBeLessThan(80);
  await expect(page.locator('table.cases')).toHaveAttribute('aria-rowcount', '601');

  const scroller = page.getByRole('region', { name: 'Case list, scrollable' });
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('row', { name: /Case 0001/ })).toBeVisible();

  await page.getByLabel('Search').fill('łukasiewicz');
  await expect(page.getByRole('row', { name: /Case 0042/ })).toBeVisible();
  await expect(page.locator('table.cases tbody tr[aria-rowindex]')).toHaveCount(1);
  await page.getByLabel('Search').fill('li-55');
  await expect(page.getByRole('row', { name: /Case 0550/ })).toContainText('Overdue');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Country').selectOption('GB');
  await expect(page.getByRole('status')).toContainText('200 matching');
  await page.getByLabel('Status').selectOption('closed');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await expectAccessible(page, 'dashboard filters');
  await screenshot(page, 'tracking-dashboard-filtered');

  await page.getByLabel('Status').selectOption('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export list as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^redress-cases-\d{8}\.csv$/);
});

test('each request keeps its own clock; answers say which request they belong to; the new events explain themselves (UK)', async ({ page, app }) => {
  const ann = await app.api<Case>('cases.create', { title: 'Ann in Leeds', country: 'GB', name: 'Ann Jones', email: 'ann@example.org' });
  await page.goto(`${app.host.url}#/cases/${ann.id}`);
  const panel = page.getByRole('region', { name: 'Timeline and deadlines' });
  const form = panel.getByRole('form', { name: 'Add an event' });
  // The form opens on demand and closes after each event it adds.
  const openForm = async () => {
    if (!(await form.isVisible())) await panel.getByRole('button', { name: 'Record an event' }).click();
  };
  const add = async (fill: () => Promise<void>) => {
    await openForm();
    await fill();
    await panel.getByRole('button', { name: 'Add event' }).click();
  };
  const deadline = (text: string) => panel.locator('ul.deadlines > li').filter({ hasText: text });

  // An objection on Tue 1 Sep 2026 -> Thu 1 Oct; an access request on Mon 5 Oct -> Thu 5 Nov 2026.
  await add(async () => {
    await form.getByLabel('Event type').selectOption('request_sent');
    await form.getByLabel('Date', { exact: true }).fill('2026-09-01');
  });
  await expect(panel.getByText('Added: Request sent on Tue, 1 September 2026.')).toBeVisible();
  await add(async () => {
    await form.getByLabel('Date', { exact: true }).fill('2026-10-05');
    await form.getByLabel('What the request asks for').selectOption('access');
  });
  await expect(deadline('Reply to your objection of 1 September 2026')).toContainText('Thu, 1 October 2026');
  await expect(deadline('Reply to your access request of 5 October 2026')).toContainText('Thu, 5 November 2026');

  // LinkedIn asks for details about the access request on Wed 7 Oct; the help text says what that does.
  await openForm();
  await form.getByLabel('Event type').selectOption('clarification_requested');
  await expect(form).toContainText('In the UK (Art 12A) the clock stops until you answer');
  await form.getByLabel('Belongs to').selectOption({ label: 'Access request of 5 Oct 2026' });
  await form.getByLabel('What LinkedIn asked for').selectOption({ label: 'Details of your request (default)' });
  await form.getByLabel('Date', { exact: true }).fill('2026-10-07');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(deadline('access request')).toContainText('Clock stopped');
  // The overdue objection comes first, and the step names it.
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('No reply to your objection of 1 September 2026 by 1 October 2026: send the reminder.');
  await expectAccessible(page, 'clock stopped');
  await screenshot(page, 'tracking-clock-stopped');
  await panelShot(panel, 'tracking-clock-stopped');

  // Answered Fri 9 Oct: 7-9 Oct (3 days) do not count: 5 Nov + 3 = Sun 8 Nov -> Mon 9 Nov 2026.
  await add(async () => {
    await form.getByLabel('Event type').selectOption('clarification_answered');
    await form.getByLabel('Date', { exact: true }).fill('2026-10-09');
  });
  await expect(deadline('access request')).toContainText('Mon, 9 November 2026');
  await deadline('access request').getByText('How this date was worked out').click();
  await expect(deadline('access request')).toContainText('3 days do not count (UK GDPR Art 12A)');

  // LinkedIn's acknowledgement of the objection is not a reply; its reply on 20 Oct meets the objection's date only.
  await add(async () => {
    await form.getByLabel('Event type').selectOption('acknowledged');
    await form.getByLabel('Belongs to').selectOption({ label: 'Objection of 1 Sept 2026' });
    await form.getByLabel('Date', { exact: true }).fill('2026-09-02');
  });
  await expect(deadline('objection')).not.toContainText('Met');
  await add(async () => {
    await form.getByLabel('Event type').selectOption('response_received');
    await form.getByLabel('Belongs to').selectOption({ label: 'Objection of 1 Sept 2026' });
    await form.getByLabel('Date', { exact: true }).fill('2026-10-20');
  });
  await expect(deadline('objection')).toContainText('Met');
  await expect(deadline('access request')).not.toContainText('Met');
  await expect(panel.locator('ol.events > li').filter({ hasText: 'Response received' })).toContainText('For: Objection of 1 Sept 2026');

  // A complaint to LinkedIn itself on Tue 10 Nov 2026 (s.164A): acknowledgement due Thu 10 Dec 2026.
  await add(async () => {
    await form.getByLabel('Event type').selectOption('organisation_complaint');
    await form.getByLabel('Date', { exact: true }).fill('2026-11-10');
  });
  await expect(deadline('LinkedIn should acknowledge your complaint')).toContainText('Thu, 10 December 2026');
  await expect(deadline('LinkedIn should acknowledge your complaint')).toContainText('DPA 2018 s.164A(3)');
  await expectAccessible(page, 'several requests');
  await screenshot(page, 'tracking-requests');
  await panelShot(panel, 'tracking-requests');

  // An ICO complaint filed Mon 23 Nov 2026 (DPA 2018 s.166): three months to Tue 23 Feb 2027, not moved; no court.
  await add(async () => {
    await form.getByLabel('Event type').selectOption('complaint_filed');
    await form.getByLabel('Date', { exact: true }).fill('2026-11-23');
    await form.getByLabel('Authority').fill('ICO');
  });
  await expect(deadline('ICO should report progress')).toContainText('Tue, 23 February 2027');
  await expect(deadline('ICO should report progress')).toContainText('First-tier Tribunal');
  await expect(deadline('ICO should report progress')).not.toContainText('78(2)');
  await expectAccessible(page, 'ico complaint');
  await screenshot(page, 'tracking-ico-s166');
  await panelShot(panel.locator('ul.deadlines'), 'tracking-ico-s166');
});

test('United States: the state decides; California gives 45 days for an access request, no GDPR article anywhere', async ({ page, app }) => {
  const cal = await app.api<Case>('cases.create', { title: 'Sam in Oakland', country: 'US', region: 'US-CA', name: 'Sam Lee', email: 'sam@example.org' });
  await page.goto(`${app.host.url}#/cases/${cal.id}`);
  const panel = page.getByRole('region', { name: 'Timeline and deadlines' });
  const form = panel.getByRole('form', { name: 'Add an event' });
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('Under the CCPA you can also ask LinkedIn');
  const record = () => panel.getByRole('button', { name: 'Record an event' }).click();
  await record();
  await form.getByLabel('Event type').selectOption('request_sent');
  await form.getByLabel('Date', { exact: true }).fill('2026-10-01');
  await form.getByLabel('What the request asks for').selectOption('access');
  await panel.getByRole('button', { name: 'Add event' }).click();
  // Thu 1 Oct 2026 + 45 days = Sun 15 Nov 2026, not moved (calendar days).
  const reply = panel.locator('ul.deadlines > li').filter({ hasText: 'Reply due' });
  await expect(reply).toContainText('Sun, 15 November 2026');
  await expect(reply).toContainText('Cal. Civ. Code § 1798.130(a)(2)(A)');
  await record();
  await form.getByLabel('Date', { exact: true }).fill('2026-10-02');
  await form.getByLabel('What the request asks for').selectOption('');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByRole('list', { name: 'Without a legal deadline' })).toContainText('Objection of 2 Oct 2026: The CCPA sets 45 days');
  await expect(panel.locator('ul.deadlines')).not.toContainText(/GDPR|\bArt\b/);
  await expect(page.getByRole('region', { name: 'Next step' })).not.toContainText(/GDPR|\bArt\b/);
  await expectAccessible(page, 'us case');
  await screenshot(page, 'tracking-us-california');
  await panelShot(panel, 'tracking-us-california');

  const wy = await app.api<Case>('cases.create', { title: 'Jo in Cheyenne', country: 'US', region: 'US-WY', name: 'Jo Ray', email: 'jo@example.org' });
  await page.goto(`${app.host.url}#/cases/${wy.id}`);
  await expect(panel).toContainText('Wyoming has no comprehensive consumer privacy law in force that Redress knows of');
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('No legal deadline applies');
});
