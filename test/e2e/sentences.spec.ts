import type { Locator, Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  recordNavigation,
  signIn,
  test,
} from './support/journey.js';

/** Today in London as day, month and year, the way the GOV.UK date inputs take it. */
function londonToday(offsetDays = 0) {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date(Date.now() + offsetDays * 86_400_000))
    .split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

/** Presses a form's button and waits for the page the server answers with. */
async function submit(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

/** Follows a link and waits for the page it leads to. */
async function follow(page: Page, link: Locator) {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

async function checked(page: Page) {
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await expectNoAxeViolations(page);
}

/** Adds a person through the create journey and answers their CRN. */
async function addPerson(page: Page, surname: string): Promise<string> {
  await page.goto('/people/new');
  await expectNoAxeViolations(page);
  await page.getByLabel('First name').fill('Jordan');
  await page.getByLabel('Last name').fill(surname);
  await fillDate(page, 'Date of birth', { day: '14', month: '6', year: '1994' });
  await page.getByLabel('Male', { exact: true }).check();
  await submit(page, 'Continue');
  // Identifiers, address, contact and equality: only what the journey requires.
  await checked(page);
  await submit(page, 'Continue');
  await checked(page);
  await page.getByLabel('Building name or number (optional)').fill('12');
  await page.getByLabel('Street').fill('Mill Lane');
  await page.getByLabel('Town or city').fill('Chelmsford');
  await page.getByLabel('Postcode').fill('CM1 1AA');
  await page.getByLabel('Yes, the main address').check();
  await fillDate(page, 'Date they started living here', { day: '1', month: '1', year: '2025' });
  await submit(page, 'Continue');
  await checked(page);
  await submit(page, 'Continue');
  await checked(page);
  await page.getByRole('radio', { name: 'No' }).check();
  await submit(page, 'Continue');
  await expect(page.getByRole('heading', { level: 1, name: /Check your answers/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await submit(page, 'Create record');
  await expect(page).toHaveURL(/\/people\/[A-Z]\d{6}\?created=yes$/);
  await expectNoAxeViolations(page);
  return /\/people\/([A-Z]\d{6})/.exec(page.url())![1]!;
}

async function addRequirement(page: Page, type: string, units: string) {
  await follow(page, page.getByRole('link', { name: /Add a requirement/ }).first());
  await expectNoAxeViolations(page);
  await page.getByLabel(type, { exact: true }).check();
  await submit(page, 'Continue');
  await expectNoAxeViolations(page);
  await page.locator('#units').fill(units);
  await fillDate(page, 'Start date', londonToday(-30));
  await submit(page, 'Save requirement');
  await checked(page);
}

/** The compliance figure in the overview's summary list, by its key. */
function figure(page: Page, key: string) {
  return page
    .locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) })
    .locator('dd');
}

test.describe('A probation officer supervising an order', () => {
  test('adds an event with an order and requirements to a new person, arranges appointments, records outcomes and sees compliance change', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const londonNow = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).format(new Date());
    // An appointment arranged for 00:00 today has already happened, unless the journey runs in the first minutes of a day.
    if (londonNow < '00:05') await page.waitForTimeout(5 * 60_000);

    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const suffix = [...Date.now().toString(26).slice(-4)].map(
      (c) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(c, 26)],
    );
    const crn = await addPerson(page, `Whitlock-${suffix.join('')}`);

    // The event and the community order with unpaid work and a RAR.
    await follow(page, recordNavigation(page).getByRole('link', { name: 'Sentence' }));
    await expectNoAxeViolations(page);
    await follow(page, page.getByRole('link', { name: 'Add an event' }));
    await expectNoAxeViolations(page);
    const monthAgo = londonToday(-30);
    await fillDate(page, 'Conviction date', monthAgo);
    await page.getByLabel('Convicting court').selectOption({ label: "Chelmsford Magistrates' Court" });
    await page.getByLabel('Main offence').selectOption({ label: 'Assault occasioning actual bodily harm' });
    await submit(page, 'Save and add the order');
    await checked(page);
    await page.getByLabel('Community order', { exact: true }).check();
    await submit(page, 'Continue');
    await expectNoAxeViolations(page);
    await fillDate(page, 'Sentence date', monthAgo);
    await fillDate(page, 'Start date', monthAgo);
    await page.getByLabel('Length of the order').fill('12');
    await submit(page, 'Save order');
    await checked(page);
    await addRequirement(page, 'Unpaid work', '100');
    await addRequirement(page, 'Rehabilitation activity requirement (RAR)', '20');
    await expect(page.getByRole('row', { name: /^Unpaid work 100 hours/ })).toBeVisible();
    await expect(
      page.getByRole('row', { name: /^Rehabilitation activity requirement \(RAR\) 20 days/ }),
    ).toBeVisible();

    // The overview before any appointment.
    await follow(page, recordNavigation(page).getByRole('link', { name: 'Overview' }));
    await expectNoAxeViolations(page);
    await expect(figure(page, 'Failures to comply')).toContainText('0');
    await expect(figure(page, 'Unpaid work')).toContainText('0 hours of 100 hours');
    await expect(figure(page, 'Rehabilitation activity requirement (RAR)')).toContainText(
      '0 of 20 RAR days used',
    );

    // Three appointments arranged for midnight today: an office appointment the person misses, a RAR session
    // and an unpaid work session they attend.
    const today = londonToday();
    const arrange = async (type: RegExp, requirement: RegExp | null, rar: boolean) => {
      await page.goto(`/people/${crn}/appointments/new`);
      await expectNoAxeViolations(page);
      await page.getByLabel('Type of appointment').selectOption({ label: await optionLabel(page, type) });
      await fillDate(page, 'Date', today);
      const time = page.getByRole('group', { name: 'Time' });
      await time.getByLabel('Hour').fill('0');
      await time.getByLabel('Minute').fill('00');
      await page.getByLabel('Duration in minutes').fill(rar ? '60' : '240');
      await page.getByLabel('Officer').selectOption({ label: 'Priya Okonjo, Probation officer' });
      if (requirement)
        await page.getByLabel('Requirement it serves (optional)').selectOption({
          label: await optionLabel(page, requirement, 'Requirement it serves (optional)'),
        });
      if (rar) await page.getByLabel('This is a rehabilitation activity (RAR)').check();
      await submit(page, 'Arrange appointment');
      if (await page.getByRole('button', { name: 'Arrange it anyway' }).isVisible()) {
        await expectNoAxeViolations(page);
        await submit(page, 'Arrange it anyway');
      }
      await checked(page);
    };
    await arrange(/^Office appointment/, null, false);
    await arrange(/^Rehabilitation activity session/, /^Rehabilitation activity/, true);
    await arrange(/^Unpaid work/, /^Unpaid work/, false);

    // Record the outcomes from the activity log.
    const record = async (contact: RegExp, outcome: string) => {
      await follow(page, recordNavigation(page).getByRole('link', { name: 'Activity log' }));
      await expectNoAxeViolations(page);
      await follow(
        page,
        page.getByRole('link', { name: new RegExp(`Record outcome of ${contact.source}`) }).first(),
      );
      await expectNoAxeViolations(page);
      await page.getByLabel(outcome, { exact: true }).check();
      await submit(page, /Save|Record/);
      await checked(page);
    };
    await record(/Office appointment/, 'Unacceptable absence (UAAB)');
    await record(/Rehabilitation activity session/, 'Attended – complied (ATTC)');
    await record(/Unpaid work/, 'Attended – complied (ATTC)');

    await follow(page, recordNavigation(page).getByRole('link', { name: 'Overview' }));
    await expectNoAxeViolations(page);
    await expect(figure(page, 'Failures to comply')).toContainText('1');
    await expect(figure(page, 'Rehabilitation activity requirement (RAR)')).toContainText(
      '1 of 20 RAR days used',
    );
    await expect(figure(page, 'Unpaid work')).toContainText('4 hours of 100 hours');
  });
});

/** The full text of the first option of a select matching a pattern. */
async function optionLabel(page: Page, pattern: RegExp, label = 'Type of appointment'): Promise<string> {
  const options = await page.getByLabel(label).locator('option').allInnerTexts();
  const match = options.find((o) => pattern.test(o.trim()));
  if (!match) throw new Error(`No option matching ${pattern} in ${options.join(' | ')}`);
  return match.trim();
}
