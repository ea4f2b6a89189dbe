import type { Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  serviceNavigation,
  signIn,
  test,
} from './support/journey.js';

const NEW_PASSWORD = 'lantern orchard velvet river';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Probity' })).toBeVisible();
  await expectNoAxeViolations(page);
}

const variants = [
  {
    javaScriptEnabled: true,
    staff: 'Pryce, Gareth (N01A007, Probation officer)',
    displayName: 'Gareth Pryce',
  },
  {
    javaScriptEnabled: false,
    staff: 'Fenwick, Oliver (N01A009, Trainee probation officer (PQiP))',
    displayName: 'Oliver Fenwick',
  },
];

for (const { javaScriptEnabled, staff, displayName } of variants) {
  test.describe(`An administrator${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled });

    test('creates an account whose user must choose their own password at first sign-in', async ({
      page,
    }) => {
      // Four sign-ins and a password change, each hashing a password on purpose slowly.
      test.slow();
      const username = `${displayName.toLowerCase().replace(' ', '.')}.${Date.now().toString(36)}`;

      await signIn(page, 'admin.demo', DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/admin$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'User accounts' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'User accounts' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Create a user account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Create a user account' })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Name', { exact: true }).fill(displayName);
      await page.getByLabel('Staff member').selectOption({ label: staff });
      await page
        .getByRole('group', { name: 'Roles' })
        .getByLabel('Probation officer', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Create account' }).click();

      await expect(
        page.getByRole('heading', { level: 1, name: `Account created for ${username}` }),
      ).toBeVisible();
      const oneTimePassword = (await page.locator('#one-time-password').innerText()).trim();
      expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4})+$/);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Back to user accounts' }).click();
      const account = page
        .getByRole('table', { name: 'User accounts' })
        .locator('tbody tr')
        .filter({ hasText: username });
      await expect(account).toContainText(displayName);
      await expect(account).toContainText(/probation[- ]officer/i);
      await expect(account).toContainText('Must change password');
      await expectNoAxeViolations(page);

      await signOut(page);

      // The new user signs in with the one-time password and must choose their own.
      await signIn(page, username, oneTimePassword);
      await expect(page).toHaveURL(/\/change-password$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
      await expect(page.getByText('You signed in with a one-time password.')).toBeVisible();
      await expectNoAxeViolations(page);

      // Nothing else is open until they do.
      await page.goto('/caseload');
      await expect(page).toHaveURL(/\/change-password$/);
      await expectNoAxeViolations(page);

      await page.getByLabel('Current password', { exact: true }).fill(oneTimePassword);
      await page.getByLabel('New password', { exact: true }).fill('too-short');
      await page.getByLabel('Confirm new password').fill('too-short');
      await page.getByRole('button', { name: 'Change password' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(
        summary.getByRole('link', { name: 'Password must be 12 characters or more' }),
      ).toBeVisible();
      await expect(page.locator('#newPassword-error')).toContainText(
        'Password must be 12 characters or more',
      );
      await expect(page).toHaveTitle(/^Error: Change your password/);
      await expectNoAxeViolations(page);

      await page.getByLabel('Current password', { exact: true }).fill(oneTimePassword);
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();

      await expect(page).toHaveURL(/\/caseload$/);
      await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
      await expect(page.getByText(/You are the responsible officer for \d+ (person|people)/)).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(displayName);
      await expect(serviceNavigation(page).getByRole('link', { name: 'My cases' })).toBeVisible();
      await expectNoAxeViolations(page);

      // The one-time password no longer works; the new password does.
      await signOut(page);
      await signIn(page, username, oneTimePassword);
      await expect(
        page.getByRole('alert').filter({ hasText: 'Enter a correct username and password' }),
      ).toBeVisible();
      await expect(page.getByLabel('Username')).toHaveValue(username);
      await expectNoAxeViolations(page);
      await signIn(page, username, NEW_PASSWORD);
      await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('An administrator keeping the organisation and the trail', () => {
  test('reads who looked at a record, moves a staff member to another team, and changes an API client’s roles', async ({
    page,
  }) => {
    test.slow();
    // An officer opens a record, so the trail has something to show.
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await expectNoAxeViolations(page);
    const crn = (await page.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
    await page.goto(`/people/${crn}/personal-details`);
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    await expectNoAxeViolations(page);
    await signOut(page);

    await signIn(page, 'admin.demo', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin$/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('CRN').fill(crn);
    await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('31');
    await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('2');
    await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Search the audit trail' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'From date must be a real date' })).toBeVisible();
    await expect(page.getByLabel('CRN')).toHaveValue(crn);
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('');
    await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('');
    await page.getByRole('group', { name: 'From' }).getByLabel('Year').fill('');
    await page.getByRole('button', { name: 'Search the audit trail' }).click();
    const look = page
      .locator('tbody tr')
      .filter({ hasText: 'Priya Okonjo' })
      .filter({ hasText: 'Page: personal details' });
    await expect(look.first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/admin/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Change Sam Adeyemi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Change staff member / })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Last name').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter the last name' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Last name').fill('Adeyemi');
    await page.getByLabel('Team').selectOption({ label: 'Colchester East (Colchester)' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(/\/admin\/staff$/);
    await expect(page.locator('tbody tr').filter({ hasText: 'Sam Adeyemi' })).toContainText(
      'Colchester East',
    );
    await expectNoAxeViolations(page);

    const clientId = `e2e-feed-${Date.now().toString(36)}`;
    await page.goto('/admin/api-clients/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Create an API client' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Client ID').fill(clientId);
    await page.getByLabel('Name', { exact: true }).fill('Journey feed');
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Administrator', { exact: true }).check();
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect(page.locator('#client-secret')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/admin/api-clients');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: `Change ${clientId}` }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Change API client ${clientId}` }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Administrator', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose at least one role' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Probation officer', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(/\/admin\/api-clients$/);
    await expect(page.locator('tbody tr').filter({ hasText: clientId })).toContainText('Probation officer');
    await expectNoAxeViolations(page);
  });
});
