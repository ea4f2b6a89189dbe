import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, recordNavigation } from './journey.js';

/** A calendar date as the GOV.UK date inputs take it. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** Today in London (or some days either side), the way the GOV.UK date inputs take it. */
export function londonToday(offsetDays = 0): DateParts {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date(Date.now() + offsetDays * 86_400_000))
    .split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

/** An appointment arranged for 00:00 today has already happened, unless it is the first minutes of the day. */
export async function waitUntilPastMidnight(page: Page): Promise<void> {
  const londonNow = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).format(new Date());
  if (londonNow < '00:05') await page.waitForTimeout(5 * 60_000);
}

/** A surname no other run has used: letters only, as the person form requires. */
export function uniqueSurname(stem: string): string {
  const letters = [...Date.now().toString(26).slice(-5)].map(
    (c) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(c, 26)],
  );
  return `${stem}-${letters.join('')}`;
}

export async function fillDate(page: Page, legend: string, date: DateParts): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

/** Presses a form's button and waits for the page the server answers with. */
export async function submit(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

/** Follows a link and waits for the page it leads to. */
export async function follow(page: Page, link: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

/** The page saved without an error summary, and axe-core finds nothing on it. */
export async function saved(page: Page): Promise<void> {
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await expectNoAxeViolations(page);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await follow(page, recordNavigation(page).getByRole('link', { name, exact: true }));
  await expectNoAxeViolations(page);
}

/** The full text of the first option of a select matching a pattern. */
export async function optionLabel(page: Page, label: string, pattern: RegExp): Promise<string> {
  const options = await page.getByLabel(label).locator('option').allInnerTexts();
  const match = options.find((o) => pattern.test(o.trim()));
  if (!match) throw new Error(`No option matching ${pattern} in ${options.join(' | ')}`);
  return match.trim();
}

/** Adds a person through the create journey and answers their CRN. */
export async function addPerson(page: Page, surname: string): Promise<string> {
  await page.goto('/people/new');
  await expectNoAxeViolations(page);
  await page.getByLabel('First name').fill('Jordan');
  await page.getByLabel('Last name').fill(surname);
  await fillDate(page, 'Date of birth', { day: '14', month: '6', year: '1994' });
  await page.getByLabel('Male', { exact: true }).check();
  await submit(page, 'Continue');
  // Identifiers and contact details are optional; the address and interpreter question are not.
  await saved(page);
  await submit(page, 'Continue');
  await saved(page);
  await page.getByLabel('Building name or number (optional)').fill('12');
  await page.getByLabel('Street').fill('Mill Lane');
  await page.getByLabel('Town or city').fill('Chelmsford');
  await page.getByLabel('Postcode').fill('CM1 1AA');
  await page.getByLabel('Yes, the main address').check();
  await fillDate(page, 'Date they started living here', { day: '1', month: '1', year: '2025' });
  await submit(page, 'Continue');
  await saved(page);
  await submit(page, 'Continue');
  await saved(page);
  await page.getByRole('radio', { name: 'No' }).check();
  await submit(page, 'Continue');
  await expect(page.getByRole('heading', { level: 1, name: /Check your answers/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await submit(page, 'Create record');
  await expect(page).toHaveURL(/\/people\/[A-Z]\d{6}\?created=yes$/);
  await expectNoAxeViolations(page);
  return /\/people\/([A-Z]\d{6})/.exec(page.url())![1]!;
}

/** Adds a conviction (a month ago unless said otherwise) and the order the court imposed for it. */
export async function addEventWithOrder(
  page: Page,
  order: 'Community order' | 'Licence',
  fill: (page: Page) => Promise<void>,
  convictedDaysAgo = 30,
): Promise<void> {
  await openTab(page, 'Sentence');
  await follow(page, page.getByRole('link', { name: 'Add an event' }));
  await expectNoAxeViolations(page);
  await fillDate(page, 'Conviction date', londonToday(-convictedDaysAgo));
  await page.getByLabel('Convicting court').selectOption({ label: "Chelmsford Magistrates' Court" });
  await page.getByLabel('Main offence').selectOption({ label: 'Assault occasioning actual bodily harm' });
  await submit(page, 'Save and add the order');
  await saved(page);
  await page.getByLabel(order, { exact: true }).check();
  await submit(page, 'Continue');
  await expectNoAxeViolations(page);
  await fill(page);
  await submit(page, 'Save order');
  await saved(page);
}

/** A 12 month community order from a month ago. */
export async function twelveMonthCommunityOrder(page: Page): Promise<void> {
  await fillDate(page, 'Sentence date', londonToday(-30));
  await fillDate(page, 'Start date', londonToday(-30));
  await page.getByLabel('Length of the order').fill('12');
}

export async function addRequirement(page: Page, type: string, units: string): Promise<void> {
  await follow(page, page.getByRole('link', { name: /Add a requirement/ }).first());
  await expectNoAxeViolations(page);
  await page.getByLabel(type, { exact: true }).check();
  await submit(page, 'Continue');
  await expectNoAxeViolations(page);
  await page.locator('#units').fill(units);
  await fillDate(page, 'Start date', londonToday(-30));
  await submit(page, 'Save requirement');
  await saved(page);
}

export interface Appointment {
  type: RegExp;
  requirement?: RegExp;
  rar?: boolean;
  durationMinutes?: number;
}

/** Arranges an appointment at 00:00 today, so that it has already happened and can take any outcome. */
export async function arrangeAtMidnight(page: Page, crn: string, appointment: Appointment): Promise<void> {
  await page.goto(`/people/${crn}/appointments/new`);
  await expectNoAxeViolations(page);
  await page.getByLabel('Type of appointment').selectOption({
    label: await optionLabel(page, 'Type of appointment', appointment.type),
  });
  await fillDate(page, 'Date', londonToday());
  const time = page.getByRole('group', { name: 'Time' });
  await time.getByLabel('Hour').fill('0');
  await time.getByLabel('Minute').fill('00');
  await page.getByLabel('Duration in minutes').fill(String(appointment.durationMinutes ?? 60));
  await page.getByLabel('Officer').selectOption({ label: 'Priya Okonjo, Probation officer' });
  if (appointment.requirement) {
    const label = 'Requirement it serves (optional)';
    await page
      .getByLabel(label)
      .selectOption({ label: await optionLabel(page, label, appointment.requirement) });
  }
  if (appointment.rar) await page.getByLabel('This is a rehabilitation activity (RAR)').check();
  await submit(page, 'Arrange appointment');
  // Several appointments at one time clash, and the page asks to confirm.
  if (await page.getByRole('button', { name: 'Arrange it anyway' }).isVisible()) {
    await expectNoAxeViolations(page);
    await submit(page, 'Arrange it anyway');
  }
  await saved(page);
}

/** Records an outcome on the first appointment of a kind still waiting for one, from the activity log. */
export async function recordOutcome(page: Page, contact: RegExp, outcome: string): Promise<void> {
  await openTab(page, 'Activity log');
  await follow(
    page,
    page.getByRole('link', { name: new RegExp(`Record outcome of ${contact.source}`) }).first(),
  );
  await expectNoAxeViolations(page);
  await page.getByLabel(outcome, { exact: true }).check();
  await submit(page, 'Save outcome');
  await saved(page);
}

/** A figure in the overview's "Compliance at a glance", by its key. */
export function complianceFigure(page: Page, key: string): Locator {
  return page
    .getByRole('region', { name: 'Compliance at a glance' })
    .locator('dt', { hasText: key })
    .locator('xpath=following-sibling::dd[1]');
}
