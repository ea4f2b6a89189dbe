import type { Browser, Page } from '@playwright/test';
import { readPdf } from '../../src/platform/documents/index.js';
import {
  addEventWithOrder,
  addPerson,
  arrangeAtMidnight,
  complianceFigure,
  fillDate,
  follow,
  londonToday,
  openTab,
  recordOutcome,
  saved,
  submit,
  twelveMonthCommunityOrder,
  uniqueSurname,
  waitUntilPastMidnight,
} from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

/** A failure to comply today: an office appointment at midnight recorded as an unacceptable absence. */
async function failToAttend(page: Page, crn: string) {
  await arrangeAtMidnight(page, crn, { type: /^Office appointment/ });
  await recordOutcome(page, /Office appointment/, 'Unacceptable absence (UAAB)');
}

/** Opens the open decision on the person's Enforcement tab. */
async function openDecision(page: Page) {
  await openTab(page, 'Enforcement');
  await follow(page, page.getByRole('link', { name: /^Record a decision/ }).first());
  await expectNoAxeViolations(page);
}

async function decide(page: Page, action: string, reasons: string) {
  await page.getByLabel(action, { exact: true }).check();
  await page.getByLabel('Reasons for your decision').fill(reasons);
  await submit(page, 'Record decision');
}

/** The demo manager, in a browser of their own, at a page of the person's record. */
async function managerAt(browser: Browser, path: string): Promise<Page> {
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, 'manager.demo', DEMO_PASSWORD);
  await manager.goto(path);
  await expectNoAxeViolations(manager);
  return manager;
}

test.describe('Enforcement', () => {
  test('a community order: warning letter, a second failure requires breach, the breach pack, countersignature and the court outcome restart the count', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    await waitUntilPastMidnight(page);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Harrowby'));
    await addEventWithOrder(page, 'Community order', twelveMonthCommunityOrder);

    // The first failure: warn, preview the letter and issue it as a PDF.
    await failToAttend(page, crn);
    await openDecision(page);
    await expect(page.locator('#what-the-law-requires')).toContainText('warn or breach');
    await decide(page, 'Give a warning', 'First failure; the person gave no reason.');
    await expect(page.getByRole('button', { name: 'Issue the warning letter' })).toBeVisible();
    await expectNoAxeViolations(page);
    await submit(page, 'Issue the warning letter');
    await saved(page);
    const letterLink = page.getByRole('link', { name: 'Letter (PDF)' }).first();
    const letter = await page.request.get(String(await letterLink.getAttribute('href')));
    expect(letter.headers()['content-type']).toContain('application/pdf');
    const pdf = await readPdf(await letter.body());
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(pdf.tagged).toBe(true);
    expect(text).toContain('unacceptable absence'); // the circumstances of the failure
    expect(text).toContain('is unacceptable'); // that the failure is unacceptable
    expect(text).toMatch(
      /within 12 months of this warning .*you will be liable to be brought before the court/,
    );
    expect(text).toContain('CM1 1AA');

    // The second failure within 12 months: breach is required and another warning refused.
    await failToAttend(page, crn);
    await openDecision(page);
    await expect(page.locator('#what-the-law-requires')).toContainText('breach required');
    await decide(page, 'Give a warning', 'Trying to warn again.');
    await expect(page.locator('.govuk-error-summary')).toContainText('You cannot give another warning');
    await expectNoAxeViolations(page);
    await decide(page, 'Refer for breach', 'Second failure within 12 months of a warning.');
    await expect(page).toHaveURL(/\/enforcement\/breaches\/[0-9a-f-]+$/);
    await expectNoAxeViolations(page);
    const breachUrl = new URL(page.url()).pathname;

    // The breach pack, then the manager countersigns.
    await page
      .getByLabel('Your assessment')
      .fill('Two unacceptable absences in a month; engagement has fallen away.');
    await page.getByLabel('Your proposal to the court').fill('That the order continues with a curfew added.');
    await page.getByLabel('A summons', { exact: true }).check();
    await submit(page, 'Generate the breach pack');
    await saved(page);
    const application = await page.request.get(
      String(
        await page
          .getByRole('link', { name: 'Application for a summons or a warrant (PDF)' })
          .getAttribute('href'),
      ),
    );
    const applicationText = (await readPdf(await application.body())).text.replace(/\s+/g, ' ');
    expect(applicationText).toContain('Application for a summons');
    expect(applicationText).toContain('Sentencing Code, Schedule 10, Part 2');
    // The order in breach is marked on the person's overview.
    await openTab(page, 'Overview');
    await expect(
      page.getByRole('region', { name: 'Enforcement at a glance' }).getByText('Order in breach'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(breachUrl);
    const manager = await managerAt(browser, breachUrl);
    await submit(manager, 'Countersign the breach pack');
    await expect(manager.locator('.govuk-error-summary')).toHaveCount(0);
    await expectNoAxeViolations(manager);

    // Submitted, listed and decided: the breach ends and the failure count restarts.
    await page.goto(breachUrl);
    await expectNoAxeViolations(page);
    await submit(page, 'Record submission to the court');
    await saved(page);
    await fillDate(page, 'Hearing date', londonToday());
    await page.getByLabel('Court').selectOption({ label: "Chelmsford Magistrates' Court" });
    await submit(page, 'Record the listing');
    await saved(page);
    await page.getByLabel('Order continued', { exact: true }).check();
    await fillDate(page, 'Date of the outcome', londonToday());
    await submit(page, 'Record the outcome');
    await saved(page);
    await openTab(page, 'Overview');
    await expect(complianceFigure(page, 'Failures to comply')).toHaveText(/^\s*0 in the last 12 months/);
    await expect(
      page.getByRole('region', { name: 'Enforcement at a glance' }).getByText('Order in breach'),
    ).toHaveCount(0);
  });

  test('an outcome amended from unacceptable to acceptable: the warning given for it is withdrawn and the count falls', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await waitUntilPastMidnight(page);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Tregarthen'));
    await addEventWithOrder(page, 'Community order', twelveMonthCommunityOrder);
    await failToAttend(page, crn);
    await openDecision(page);
    await decide(page, 'Give a warning', 'First failure; no reason given.');
    await expectNoAxeViolations(page);
    await submit(page, 'Issue the warning letter');
    await saved(page);

    // A hospital letter arrives: the officer changes the outcome, with the reason.
    await openTab(page, 'Activity log');
    await follow(page, page.getByRole('link', { name: /^Change outcome of Office appointment/ }).first());
    await expect(page.getByRole('heading', { name: 'Change the outcome' })).toBeVisible();
    await page.getByLabel('Acceptable absence – medical (AAME)', { exact: true }).check();
    await submit(page, 'Save outcome');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Enter why you are changing the outcome',
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for the change').fill('A hospital letter shows an admission that morning.');
    await submit(page, 'Save outcome');
    await saved(page);
    await expect(page.getByText('the warning given for it was withdrawn')).toBeVisible();

    await openTab(page, 'Enforcement');
    await expect(page.getByRole('table').filter({ hasText: 'Issued' })).toContainText('Withdrawn');
    await expect(page.locator('#decisions-made')).toContainText('Give a warning (set aside)');
    await openTab(page, 'Overview');
    await expect(complianceFigure(page, 'Failures to comply')).toHaveText(/^\s*0 in the last 12 months/);
  });

  test('a licence: a recall recommendation, countersigned by a manager, to the decision', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    await waitUntilPastMidnight(page);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Pellowe'));
    await addEventWithOrder(
      page,
      'Licence',
      async (form) => {
        await fillDate(form, 'Sentence date', londonToday(-400));
        await fillDate(form, 'Release date', londonToday(-30));
        await fillDate(form, 'Licence expiry date (LED)', londonToday(300));
        await fillDate(form, 'Sentence expiry date (SED)', londonToday(300));
      },
      400,
    );
    await follow(page, page.getByRole('link', { name: 'Add licence conditions' }));
    await expectNoAxeViolations(page);
    await submit(page, 'Add the standard conditions');
    await saved(page);

    await failToAttend(page, crn);
    await openDecision(page);
    await expect(page.locator('#what-the-law-requires')).toContainText('licence warning or recall');
    await decide(page, 'Recommend recall', 'Missed appointments and whereabouts unknown for two days.');
    await expect(page).toHaveURL(/\/recalls\/[0-9a-f-]+\/recommendation$/);
    await expectNoAxeViolations(page);
    await page
      .getByLabel('Circumstances')
      .fill('Failed to attend today; not at the approved address last night.');
    await page
      .getByRole('group', { name: 'Licence conditions breached' })
      .getByRole('checkbox')
      .first()
      .check();
    await page.getByLabel('Risk the person presents now').fill('Rising: contact with a former partner.');
    await page.getByLabel('Alternatives to recall considered').fill('A further warning; a curfew condition.');
    await page.getByLabel('Standard', { exact: true }).check();
    for (const question of [
      'Is the offence listed in Schedule 19AA?',
      'Is the person a terrorist prisoner?',
      'Is the recall because of a charge?',
    ]) {
      await page.getByRole('group', { name: question }).getByLabel('No').check();
    }
    await submit(page, 'Save the recommendation');
    await saved(page);
    const recallUrl = new URL(page.url()).pathname;
    await expect(page.locator('#fixed-term')).toBeVisible();

    const manager = await managerAt(browser, recallUrl);
    await submit(manager, 'Countersign the recall');
    await expect(manager.locator('.govuk-error-summary')).toHaveCount(0);
    await expectNoAxeViolations(manager);

    await page.goto(recallUrl);
    await expectNoAxeViolations(page);
    await submit(page, 'Issue the recall');
    await saved(page);
    await fillDate(page, 'Date returned to custody', londonToday());
    await submit(page, 'Record the return to custody');
    await saved(page);
    await expect(page.getByText(/Returned to custody/).first()).toBeVisible();
  });
});
