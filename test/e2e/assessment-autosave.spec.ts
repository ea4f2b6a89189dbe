import type { Page } from '@playwright/test';
import { addPerson, follow, openTab, saved, submit, uniqueSurname } from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

/** po.demo adds a person, starts their initial assessment and opens section 2. */
async function openSectionOfNewAssessment(page: Page): Promise<void> {
  await signIn(page, 'po.demo', DEMO_PASSWORD);
  await expectNoAxeViolations(page);
  await addPerson(page, uniqueSurname('Autosave'));
  await openTab(page, 'Assessments');
  await submit(page, 'Start the assessment');
  await saved(page);
  await follow(page, page.getByRole('link', { name: /^2\. Analysis of offences/ }));
  await expectNoAxeViolations(page);
}

test.describe('Assessment sections save as you go', () => {
  test('what the officer types is saved after a pause, and is there after a reload', async ({ page }) => {
    // The page's timers run on a clock the test moves on, rather than waiting 20 seconds.
    await page.clock.install();
    await openSectionOfNewAssessment(page);
    const words = 'Accepts he hit the victim but says he was provoked; no remorse yet.';
    const status = page.locator('.probity-autosave-status');
    await expect(status).toHaveAttribute('role', 'status');

    await page.getByLabel('Evidence and analysis').fill(words);
    await page.clock.runFor(10_000);
    await expect(status).toHaveText('');
    await page.clock.runFor(11_000);
    await expect(status).toHaveText(/^Saved at \d{2}:\d{2}$/);
    await expectNoAxeViolations(page);

    await page.reload();
    await expectNoAxeViolations(page);
    await expect(page.getByLabel('Evidence and analysis')).toHaveValue(words);
    await follow(page, page.getByRole('link', { name: 'Back' }));
    await expectNoAxeViolations(page);
    await expect(
      page.locator('.govuk-task-list__item').filter({ hasText: '2. Analysis of offences' }),
    ).toContainText('In progress');
  });

  test('when someone else saved the section meanwhile, nothing is overwritten and the officer is told how to see both', async ({
    page,
  }) => {
    await page.clock.install();
    await openSectionOfNewAssessment(page);
    // The server refuses the save: the section changed since the page was opened.
    await page.route('**/draft', (route) =>
      route.fulfill({ status: 409, json: { saved: false, reason: 'conflict', by: 'Helen Brierley' } }),
    );
    const version = await page.locator('input[name="rowVersion"]').inputValue();
    await page.getByLabel('Evidence and analysis').fill('My version of events.');
    await page.clock.runFor(21_000);
    const status = page.locator('.probity-autosave-status');
    await expect(status).toContainText('someone else changed this section after you opened it');
    await expect(status).toContainText('Select ‘Save and come back later’ to see both versions');
    await expectNoAxeViolations(page);
    // The page keeps the version it was opened with, so the button's save meets the conflict.
    await expect(page.locator('input[name="rowVersion"]')).toHaveValue(version);
  });

  test('a warning before the time-out lets the officer stay signed in, with the keyboard', async ({
    page,
  }) => {
    await page.clock.install();
    await openSectionOfNewAssessment(page);
    // The server is asked how long is left before the warning shows: here it says two minutes.
    await page.route('**/session', (route) => route.fulfill({ json: { signedIn: true, secondsLeft: 120 } }));
    const evidence = page.getByLabel('Evidence and analysis');
    await evidence.focus();

    await page.clock.runFor(29 * 60_000);
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('we will sign you out in 2 minutes');
    await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await expectNoAxeViolations(page);

    // Focus stays in the dialog.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();

    await page.unroute('**/session');
    const keptAlive = page.waitForResponse('**/session/keep-alive');
    await page.keyboard.press('Enter');
    expect((await keptAlive).status()).toBe(200);
    await expect(dialog).toBeHidden();
    await expect(evidence).toBeFocused();
  });
});
