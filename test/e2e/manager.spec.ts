import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  recordNavigation,
  serviceNavigation,
  signIn,
  test,
} from './support/journey.js';

const NOTES = 'Moving cases after the team caseload review';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`A manager${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled });

    test('transfers a case from the team caseload to another officer with a reason', async ({ page }) => {
      await signIn(page, 'manager.demo', DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/team$/);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Team caseload: Chelmsford North' }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      // Pick the first case in the team and note who holds it now.
      const cases = page.getByRole('table', { name: 'Cases', exact: true }).locator('tbody tr');
      expect(await cases.count()).toBeGreaterThan(0);
      const row = cases.first();
      const crn = (await row.locator('td').nth(1).innerText()).trim();
      const [surname, forename] = (await row.getByRole('link').first().innerText()).trim().split(', ');
      const previousOfficer = (await row.locator('td').nth(2).innerText()).trim();
      expect(previousOfficer).not.toBe('');

      await row.getByRole('link', { name: `${surname}, ${forename}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `${forename} ${surname}` })).toBeVisible();
      await expect(page.getByText(`CRN: ${crn}`)).toBeVisible();
      await expectNoAxeViolations(page);

      await recordNavigation(page).getByRole('link', { name: 'Allocation history' }).click();
      const history = page.getByRole('table', { name: 'Responsible officers, newest first' });
      await expect(history.locator('tbody tr').filter({ hasText: 'Current' })).toContainText(previousOfficer);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Transfer to another officer' }).click();
      await expect(
        page.getByRole('heading', { level: 2, name: 'Transfer to another officer' }),
      ).toBeVisible();
      await expect(page.getByText(`Current responsible officer: ${previousOfficer}`)).toBeVisible();
      await expectNoAxeViolations(page);

      // Sending the form empty explains what is missing.
      await page.getByRole('button', { name: 'Transfer case' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('listitem')).toHaveCount(2);
      await expectNoAxeViolations(page);

      // Another probation officer in the same team, so the team caseload shows the change too.
      const officerSelect = page.getByLabel('New responsible officer');
      const options = (await officerSelect.locator('option').allInnerTexts()).map((o) => o.trim());
      const [previousForename, previousSurname] = previousOfficer.split(' ');
      const choice = options.find(
        (o) =>
          o.endsWith(' – Probation officer, Chelmsford North') &&
          !o.startsWith(`${previousSurname}, ${previousForename} `),
      );
      expect(choice, 'another officer in the team to transfer to').toBeTruthy();
      const [newSurname, newForename] = choice!.split(' – ')[0]!.split(', ');
      const newOfficer = `${newForename} ${newSurname}`;

      await officerSelect.selectOption({ label: choice! });
      await page.getByRole('radio', { name: 'Workload balancing' }).check();
      await page.getByLabel('Notes (optional)').fill(NOTES);
      await page.getByRole('button', { name: 'Transfer case' }).click();

      await expect(page).toHaveURL(new RegExp(`/people/${crn}/allocation$`));
      await expect(page.getByRole('heading', { level: 2, name: 'Allocation history' })).toBeVisible();
      const rows = page
        .getByRole('table', { name: 'Responsible officers, newest first' })
        .locator('tbody tr');
      const current = rows.filter({ hasText: 'Current' });
      await expect(current).toHaveCount(1);
      await expect(current.locator('td').nth(0)).toHaveText(newOfficer);
      await expect(current.locator('td').nth(4)).toHaveText(`Workload balancing: ${NOTES}`);
      await expect(current.locator('td').nth(5)).toHaveText('Helen Brierley');
      // The previous allocation has ended: it now has an end date instead of the Current tag.
      const ended = rows.filter({ hasText: previousOfficer }).filter({ hasNotText: 'Current' });
      await expect(ended.first().locator('td').nth(3)).toHaveText(/\d{1,2} \w+ \d{4}/);
      await expect(page.getByText(`Responsible officer: ${newOfficer}`)).toBeVisible();
      await expectNoAxeViolations(page);

      await serviceNavigation(page).getByRole('link', { name: 'Team caseload', exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Team caseload: Chelmsford North' }),
      ).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Cases', exact: true }).locator('tbody tr').filter({ hasText: crn }),
      ).toContainText(newOfficer);
      await expectNoAxeViolations(page);
    });
  });
}
