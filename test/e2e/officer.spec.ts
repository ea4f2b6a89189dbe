import type { Page } from '@playwright/test';
import { follow, openTab, saved, submit, uniqueSurname } from './support/case-record.js';
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  recordNavigation,
  serviceNavigation,
  signIn,
  test,
} from './support/journey.js';

const RECORD_TABS = [
  { link: 'Overview', heading: 'Overview' },
  { link: 'Personal details', heading: 'Personal details' },
  { link: 'Contacts', heading: 'Personal contacts' },
  { link: 'Allocation history', heading: 'Allocation history' },
  { link: 'Who has looked at this record', heading: 'Who has looked at this record' },
];

async function signInAsOfficer(page: Page) {
  await signIn(page, 'po.demo', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await expectNoAxeViolations(page);
}

/** The rows of the My cases table, one per person the officer supervises. */
function caseloadRows(page: Page) {
  return page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'CRN' }) })
    .locator('tbody tr');
}

/** Searches from the Search page and answers the result rows, each a link to a record. */
async function search(page: Page, terms: string) {
  await serviceNavigation(page).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person on probation' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Name, CRN, PNC number or date of birth').fill(terms);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /found/ })).toBeVisible();
  await expectNoAxeViolations(page);
  return page.getByRole('table', { name: /found/ }).locator('tbody tr');
}

test.describe('A probation officer', () => {
  test('sees their caseload, finds a person by a misspelt surname and reads every part of the record', async ({
    page,
  }) => {
    await signInAsOfficer(page);
    const count = page.getByText(/You are the responsible officer for \d+ people/);
    await expect(count).toBeVisible();
    const [, people] = /for (\d+) people/.exec(await count.innerText()) ?? [];
    expect(Number(people)).toBeGreaterThan(10);
    await expect(caseloadRows(page)).toHaveCount(Number(people));
    await expect(serviceNavigation(page).getByRole('link', { name: 'My cases' })).toHaveAttribute(
      'aria-current',
      'true',
    );

    const results = await search(page, 'Smyth');
    await expect(page).toHaveTitle('Search results for Smyth – Probity');
    const smiths = results.filter({ has: page.getByRole('link', { name: /^Smith, / }) });
    expect(await smiths.count()).toBeGreaterThan(0);
    const first = smiths.first();
    const crn = (await first.locator('td').nth(1).innerText()).trim();
    expect(crn).toMatch(/^X\d{6}$/);
    const link = first.getByRole('link');
    const [, forename] = /^Smith, (.+)$/.exec((await link.innerText()).trim()) ?? [];
    expect(forename).toBeTruthy();
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/people/${crn}$`));
    await expect(page.getByRole('heading', { level: 1, name: `${forename} Smith` })).toBeVisible();
    await expect(page.getByText(`CRN: ${crn}`)).toBeVisible();
    await expectNoAxeViolations(page);

    for (const tab of RECORD_TABS) {
      await recordNavigation(page).getByRole('link', { name: tab.link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: tab.heading, exact: true })).toBeVisible();
      await expect(recordNavigation(page).getByRole('link', { name: tab.link, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('heading', { level: 1, name: `${forename} Smith` })).toBeVisible();
      await expect(page).toHaveTitle(`${tab.heading} – ${forename} Smith – Probity`);
      await expectNoAxeViolations(page);
    }

    // The last tab lists who opened the record: this officer, just now.
    const views = page.getByRole('table', { name: /Views and changes of this record/ }).locator('tbody tr');
    await expect(views.filter({ hasText: 'Priya Okonjo' }).first()).toBeVisible();
    await expect(
      views
        .filter({ hasText: 'Priya Okonjo' })
        .filter({ hasText: /Viewed record/ })
        .first(),
    ).toBeVisible();
  });

  test('sees the error summary when contact details are wrong, keeps what was typed, and saves once corrected', async ({
    page,
  }) => {
    await signInAsOfficer(page);
    const person = caseloadRows(page).first().getByRole('link').first();
    const name = (await person.innerText()).trim();
    const [surname, forename] = name.split(', ');
    await person.click();
    await expect(page.getByRole('heading', { level: 1, name: `${forename} ${surname}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await recordNavigation(page).getByRole('link', { name: 'Personal details' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Change contact details' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Change contact details' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Mobile (optional)').fill('07700 900123');
    await page.getByLabel('Email (optional)').fill('not-an-email');
    await page.getByRole('button', { name: 'Save changes' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeVisible();
    // The design system's script moves focus to the summary so screen readers announce it.
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    const message = 'Enter an email address in the correct format, like name@example.com';
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
    await expect(page.locator('#email-error')).toHaveText(`Error: ${message}`);
    await expect(page).toHaveTitle(/^Error: Change contact details/);
    await expect(page.getByLabel('Email (optional)')).toHaveValue('not-an-email');
    await expect(page.getByLabel('Mobile (optional)')).toHaveValue('07700 900123');
    await expectNoAxeViolations(page);

    // The summary's link takes the user to the field in error.
    await summary.getByRole('link', { name: message }).click();
    await expect(page.getByLabel('Email (optional)')).toBeFocused();

    await page.getByLabel('Email (optional)').fill('corrected@example.com');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    const contactCard = page.locator('.govuk-summary-card').filter({ hasText: 'Contact details' });
    await expect(contactCard.getByText('corrected@example.com')).toBeVisible();
    await expect(contactCard.getByText('07700 900123')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('A probation officer keeping personal details up to date', () => {
  test('changes a personal contact, checking the error summary on the way, and removes an alias with a reason', async ({
    page,
  }) => {
    await signInAsOfficer(page);
    const person = caseloadRows(page).nth(1).getByRole('link').first();
    const [surname, forename] = (await person.innerText()).trim().split(', ');
    await follow(page, person);
    await expect(page.getByRole('heading', { level: 1, name: `${forename} ${surname}` })).toBeVisible();
    await expectNoAxeViolations(page);

    // A next of kin to change.
    await openTab(page, 'Contacts');
    await follow(page, page.getByRole('button', { name: 'Add a personal contact' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Relationship').selectOption({ label: 'Next of kin' });
    await page.getByLabel('Name', { exact: true }).fill('Morgan Lake');
    await page.getByLabel('Telephone (optional)').fill('01632 960 100');
    await submit(page, 'Save contact');
    await saved(page);

    await follow(
      page,
      page.getByRole('link', { name: 'Change personal contact (Next of kin: Morgan Lake)' }),
    );
    await expect(page.getByRole('heading', { level: 2, name: 'Change a personal contact' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Morgan Lake');
    await expect(page.getByLabel('Telephone (optional)')).toHaveValue('01632 960 100');
    await expectNoAxeViolations(page);
    await page.getByLabel('Relationship').selectOption({ label: 'Partner' });
    await page.getByLabel('Email (optional)').fill('morgan.lake');
    await submit(page, 'Save changes');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(
      summary.getByRole('link', { name: /Enter an email address in the correct format/ }),
    ).toBeVisible();
    await expect(page.getByLabel('Email (optional)')).toHaveValue('morgan.lake');
    await expect(page.getByLabel('Relationship')).toHaveValue('PARTNER');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email (optional)').fill('morgan.lake@example.com');
    await submit(page, 'Save changes');
    await saved(page);
    const card = page.locator('.govuk-summary-card').filter({ hasText: 'Partner: Morgan Lake' });
    await expect(card.getByText('morgan.lake@example.com')).toBeVisible();
    await expect(page.getByText('Next of kin: Morgan Lake')).toHaveCount(0);

    // An alias recorded in error, to remove.
    const alias = uniqueSurname('Lake');
    await openTab(page, 'Personal details');
    await follow(page, page.getByRole('link', { name: 'Add an alias' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('First name').fill('Jo');
    await page.getByLabel('Last name').fill(alias);
    await submit(page, 'Save alias');
    await saved(page);
    await expect(page.getByText(`Jo ${alias}`, { exact: true })).toBeVisible();

    await follow(page, page.getByRole('link', { name: `Remove alias Jo ${alias}` }));
    await expect(
      page.getByRole('heading', { level: 2, name: `Are you sure you want to remove the alias Jo ${alias}?` }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await submit(page, 'Yes, remove alias');
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Enter why you are removing this alias' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Why are you removing it?').fill('Recorded in error: this is their cousin’s name');
    await submit(page, 'Yes, remove alias');
    await saved(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list').getByText(`Jo ${alias}`)).toHaveCount(0);
    // Kept among the removed aliases, with why.
    await page.getByText(/Removed aliases \(\d+\)/).click();
    await expect(
      page
        .getByRole('table', { name: 'Aliases removed from the record' })
        .getByRole('row')
        .filter({ hasText: `Jo ${alias}` }),
    ).toContainText('Recorded in error');
    await expectNoAxeViolations(page);

    // Both are in the record's audit trail.
    await openTab(page, 'Who has looked at this record');
    const events = page.getByRole('table', { name: /Views and changes of this record/ }).locator('tbody tr');
    await expect(events.filter({ hasText: 'Changed personal contact' }).first()).toBeVisible();
    await expect(events.filter({ hasText: 'Removed alias' }).first()).toBeVisible();
  });
});

test.describe('A probation officer recording employment', () => {
  test('changes the employment status: the old one stays in the history', async ({ page }) => {
    await signInAsOfficer(page);
    const person = caseloadRows(page).nth(1).getByRole('link').first();
    await person.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
    await expectNoAxeViolations(page);
    await recordNavigation(page).getByRole('link', { name: 'Personal details' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    await expectNoAxeViolations(page);
    const card = page.locator('#employment');
    const before = (await card.locator('.govuk-summary-list__value').first().innerText()).trim();
    await card.getByRole('link', { name: 'Change employment' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Change employment' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Employer or place of study (optional)').fill('Colchester Institute');
    await page.getByRole('button', { name: 'Save employment' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary.getByRole('link', { name: 'Select the employment status' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter date this started' })).toBeVisible();
    await expect(page.getByLabel('Employer or place of study (optional)')).toHaveValue(
      'Colchester Institute',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Student, or in education or training').check();
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).formatToParts(new Date());
    const part = (type: string) => today.find((p) => p.type === type)!.value;
    await page.getByLabel('Day').fill(part('day'));
    await page.getByLabel('Month').fill(part('month'));
    await page.getByLabel('Year').fill(part('year'));
    await page.getByRole('button', { name: 'Save employment' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
    await expect(card).toContainText('Student, or in education or training');
    await expect(card).toContainText('Colchester Institute');
    await expect(card.getByText('Before that')).toBeVisible();
    await expect(card.locator('li').first()).toContainText(before);
    await expectNoAxeViolations(page);
  });
});

test.describe('A probation officer without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signs in, searches, opens a record and gets the error summary from a form', async ({ page }) => {
    await signInAsOfficer(page);

    const results = await search(page, 'Smyth');
    const smith = results.getByRole('link', { name: /^Smith, / }).first();
    await expect(smith).toBeVisible();
    await smith.click();
    await expect(page.getByRole('heading', { level: 1, name: / Smith$/ })).toBeVisible();
    await expect(recordNavigation(page).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoAxeViolations(page);

    await recordNavigation(page).getByRole('link', { name: 'Personal details' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Change contact details' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Change contact details' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email (optional)').fill('still wrong');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await expect(page.getByLabel('Email (optional)')).toHaveValue('still wrong');
    await expectNoAxeViolations(page);
  });
});
