import type { Page } from '@playwright/test';
import { addPerson, fillDate, follow, openTab, saved, submit, uniqueSurname } from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

const NOTICE = /Risk Matrix 2000 is scored with approximate tables/;

/** RM2000's tables are approximate: every RM2000 page says so in a warning. */
function notice(page: Page) {
  return page.locator('.govuk-warning-text', { hasText: NOTICE });
}

/** The code of an item, by its number, on a SARA page. */
async function code(
  page: Page,
  item: number,
  label: '0: Absent' | '1: Partly or possibly present' | '2: Present',
) {
  await page
    .getByRole('group', { name: new RegExp(`^Item ${item}:`) })
    .getByLabel(label)
    .check();
}

/** A demo person on the officer's caseload. */
async function caseloadPerson(page: Page): Promise<string> {
  await page.goto('/caseload');
  await expectNoAxeViolations(page);
  const href = await page.locator('main a[href^="/people/"]').first().getAttribute('href');
  return /\/people\/([A-Z]\d{6})/.exec(href ?? '')![1]!;
}

/** Adds a conviction for a sexual offence, leaving the order for later. */
async function addSexualConviction(page: Page): Promise<void> {
  await openTab(page, 'Sentence');
  await follow(page, page.getByRole('link', { name: 'Add an event' }));
  await expectNoAxeViolations(page);
  await fillDate(page, 'Conviction date', { day: '3', month: '3', year: '2021' });
  await page.getByLabel('Convicting court').selectOption({ label: "Chelmsford Magistrates' Court" });
  await page.getByLabel('Main offence').selectOption({ label: 'Rape of a woman aged 16 or over' });
  await submit(page, 'Save and add the order');
  await saved(page);
}

test.describe('Specialist assessments', () => {
  test('an officer starts a SARA, saves half, comes back in another sitting and completes it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await caseloadPerson(page);

    await page.goto(`/people/${crn}/assessments/sara/new`);
    await expectNoAxeViolations(page);
    await submit(page, 'Start the SARA');
    await expect(page.getByRole('heading', { name: 'SARA: spousal assault risk assessment' })).toBeVisible();
    await expectNoAxeViolations(page);
    const saraUrl = page.url();

    // The first sitting: half of the criminal history, with a mistake the page catches.
    await follow(page, page.getByRole('link', { name: 'Criminal history' }));
    await expectNoAxeViolations(page);
    await code(page, 1, '2: Present');
    await page.getByLabel('Item 1 is critical').check();
    const evidence = 'Two police call-outs to the family home, 2019 and 2021.\nHis sister describes a third.';
    await page.getByLabel('Evidence for item 1 (optional)').fill(evidence);
    await code(page, 2, '0: Absent');
    await page.getByLabel('Item 2 is critical').check();
    await submit(page, 'Save and go back to the SARA');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Item 2 is coded absent, so it cannot be critical',
    );
    await expect(page.getByLabel('Evidence for item 1 (optional)')).toHaveValue(evidence);
    await expectNoAxeViolations(page);
    await page.getByLabel('Item 2 is critical').uncheck();
    await submit(page, 'Save and go back to the SARA');
    await saved(page);
    await expect(page.getByText('Criminal history saved')).toBeVisible();
    await expect(page.locator('.govuk-task-list__item', { hasText: 'Criminal history' })).toContainText(
      'In progress',
    );

    // The second sitting.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    await page.goto(saraUrl);
    await expectNoAxeViolations(page);
    await follow(page, page.getByRole('link', { name: 'Criminal history' }));
    await expectNoAxeViolations(page);
    await expect(page.getByLabel('Evidence for item 1 (optional)')).toHaveValue(evidence);
    await code(page, 3, '1: Partly or possibly present');
    await submit(page, 'Save and continue');
    await saved(page);
    for (const items of [
      [4, 5, 6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15, 16, 17],
      [18, 19, 20],
    ]) {
      for (const item of items) await code(page, item, item % 3 === 0 ? '2: Present' : '0: Absent');
      await submit(page, 'Save and continue');
      await saved(page);
    }

    // Completing before the ratings are given says what is missing.
    await page.goto(saraUrl);
    await expectNoAxeViolations(page);
    await submit(page, 'Complete the SARA');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select the risk to partner');
    await expectNoAxeViolations(page);

    await follow(page, page.getByRole('link', { name: 'Summary risk ratings' }));
    await expectNoAxeViolations(page);
    await expect(page.getByText('SARA has no cut-off score')).toBeVisible();
    await page.getByRole('group', { name: 'Risk to partner' }).getByLabel('High').check();
    await page.getByLabel('Your reasons for the risk to partner rating').fill('Escalation since separation.');
    await page.getByRole('group', { name: 'Risk to others' }).getByLabel('Low').check();
    await page.getByLabel('Your reasons for the risk to others rating').fill('No violence outside the home.');
    await submit(page, 'Save and go back to the SARA');
    await saved(page);
    await submit(page, 'Complete the SARA');
    await saved(page);
    await expect(page.locator('.govuk-tag', { hasText: 'Complete' }).first()).toBeVisible();
    await expect(page.getByText('Escalation since separation.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Complete the SARA' })).toHaveCount(0);
  });
});

test.describe('Specialist assessments without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an officer scores a Risk Matrix 2000 for a man with a sexual conviction, correcting the record', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Marsh'));

    // Not for him until a sexual conviction is on the record.
    await page.goto(`/people/${crn}/assessments/rm2000/new`);
    await expect(notice(page)).toBeVisible();
    await expect(page.getByText(/^No sexual conviction on the record/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the Risk Matrix 2000' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(`/people/${crn}`);
    await expectNoAxeViolations(page);
    await addSexualConviction(page);
    await page.goto(`/people/${crn}/assessments/rm2000/new`);
    await expect(page.getByText(/Sexual conviction: Rape of a woman aged 16 or over/)).toBeVisible();
    await expectNoAxeViolations(page);
    await submit(page, 'Start the Risk Matrix 2000');
    await expect(notice(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await submit(page, 'Save and complete');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the commencement of risk date');
    await expect(notice(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await fillDate(page, 'Commencement of risk date', { day: '1', month: '6', year: '2025' });
    for (const [question, answer] of [
      ['Was any sexual offence against a male?', 'No'],
      ['Was any sexual offence against a stranger?', 'Yes'],
      ['Does he have a conviction for a non-contact sexual offence?', 'No'],
      ['Has he never lived with an adult partner for two years or more?', 'Yes'],
    ] as const) {
      await page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
    }
    await page.getByText('Correct the criminal appearances').click();
    await page.getByLabel('Corrected number of criminal appearances').fill('3');
    await page.locator('#criminalAppearancesCorrectionReason').fill('The PNC shows two earlier thefts.');
    await submit(page, /^Save$/);
    await saved(page);
    await expect(page.getByText('The record says 1:')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'If you complete it now' })).toBeVisible();

    await submit(page, 'Save and complete');
    await saved(page);
    await expect(notice(page)).toBeVisible();
    await expect(page.getByRole('table', { name: 'How this was worked out' })).toContainText(
      'RM2000/S step 1 points',
    );
    // Born 14 June 1994, aged 30 at the commencement of risk: S 1 + 0 + 1 = 2, medium, raised to high by two factors.
    const scales = page.locator('.govuk-summary-list', { hasText: 'RM2000/S (sexual)' });
    await expect(scales).toContainText(/RM2000\/S \(sexual\)\s*High/);
    await expect(page.getByRole('button', { name: 'Save and complete' })).toHaveCount(0);
  });
});
