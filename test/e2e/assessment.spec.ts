import type { Browser, Page } from '@playwright/test';
import {
  addEventWithOrder,
  addPerson,
  follow,
  openTab,
  saved,
  submit,
  twelveMonthCommunityOrder,
  uniqueSurname,
} from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

/** One section's answers: each item by its number and the start of its answer's label. */
interface SectionAnswers {
  items?: Record<string, string>;
  links?: { offending: 'Yes' | 'No'; harm: 'Yes' | 'No' };
  evidence?: string;
  fill?: (page: Page) => Promise<void>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The manager allocates a new person to an officer, in a browser of their own. */
async function allocate(browser: Browser, crn: string, officer: RegExp) {
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, 'manager.demo', DEMO_PASSWORD);
  await manager.goto(`/people/${crn}/allocation/transfer`);
  await expectNoAxeViolations(manager);
  const select = manager.getByLabel('New responsible officer');
  const option = (await select.locator('option').allInnerTexts()).find((o) => officer.test(o));
  expect(option, `an option for ${officer}`).toBeTruthy();
  await select.selectOption({ label: option!.trim() });
  await manager.getByRole('radio').first().check();
  await submit(manager, 'Allocate case');
  await saved(manager);
  await manager.context().close();
}

async function openSection(page: Page, title: RegExp) {
  await follow(page, page.getByRole('link', { name: title }));
  await expectNoAxeViolations(page);
}

async function answer(page: Page, answers: SectionAnswers) {
  for (const [code, label] of Object.entries(answers.items ?? {})) {
    await page
      .getByRole('group', { name: new RegExp(`^${escape(code)} `) })
      .getByRole('radio', { name: new RegExp(`^${escape(label)}`) })
      .check();
  }
  if (answers.links) {
    await page
      .getByRole('group', { name: 'Is this section linked to offending?' })
      .getByLabel(answers.links.offending, { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Is this section linked to risk of serious harm?' })
      .getByLabel(answers.links.harm, { exact: true })
      .check();
  }
  await answers.fill?.(page);
  if (answers.evidence) await page.getByLabel('Evidence and analysis').fill(answers.evidence);
}

async function completeSection(page: Page, title: RegExp, answers: SectionAnswers) {
  await openSection(page, title);
  await answer(page, answers);
  await submit(page, 'Save and mark as complete');
  await saved(page);
  await expect(page.locator('.govuk-notification-banner')).toContainText('saved');
}

const NOTHING = 'No problems';

/** Answers for sections 2 to 13 of a person with few needs. */
function plainSections(): Array<[RegExp, SectionAnswers]> {
  const plain = (items: Record<string, string>, evidence: string): SectionAnswers => ({
    items,
    links: { offending: 'No', harm: 'No' },
    evidence,
  });
  return [
    [/^2\. Analysis of offences/, plain({ '2.8': 'Yes' }, 'Accepts responsibility for the offence.')],
    [
      /^3\. Accommodation/,
      plain({ '3.4': NOTHING, '3.5': NOTHING, '3.6': NOTHING }, 'Settled tenancy with a partner.'),
    ],
    [
      /^4\. Education/,
      plain({ '4.2': 'No', '4.3': NOTHING, '4.4': NOTHING, '4.5': NOTHING }, 'Works full time.'),
    ],
    [
      /^5\. Financial/,
      plain({ '5.2': NOTHING, '5.3': NOTHING, '5.4': 'No', '5.5': NOTHING, '5.6': NOTHING }, 'No debts.'),
    ],
    [
      /^6\. Relationships/,
      plain({ '6.1': NOTHING, '6.3': NOTHING, '6.6': NOTHING, '6.9': 'No' }, 'Close family.'),
    ],
    [
      /^7\. Lifestyle/,
      plain({ '7.2': NOTHING, '7.3': NOTHING, '7.5': NOTHING }, 'Plays football on Sundays.'),
    ],
    [
      /^8\. Drug misuse/,
      plain(
        { '8.4': NOTHING, '8.5': NOTHING, '8.6': 'Never', '8.8': 'Full motivation', '8.9': NOTHING },
        'No drug use.',
      ),
    ],
    [
      /^9\. Alcohol misuse/,
      plain({ '9.1': NOTHING, '9.2': NOTHING, '9.3': NOTHING, '9.5': 'Full motivation' }, 'Drinks rarely.'),
    ],
    [
      /^10\. Emotional/,
      plain(
        { '10.1': NOTHING, '10.2': NOTHING, '10.3': NOTHING, '10.4': NOTHING, '10.5': 'No', '10.6': 'No' },
        'Copes well.',
      ),
    ],
    [
      /^11\. Thinking/,
      plain(
        {
          '11.2': NOTHING,
          '11.4': NOTHING,
          '11.5': NOTHING,
          '11.6': NOTHING,
          '11.7': 'Yes',
          '11.8': NOTHING,
        },
        'Thinks things through.',
      ),
    ],
    [
      /^12\. Attitudes/,
      plain(
        { '12.1': NOTHING, '12.3': NOTHING, '12.5': NOTHING, '12.8': 'Full motivation' },
        'Engages well.',
      ),
    ],
    [/^13\. Health/, plain({ '13.1': 'No' }, 'In good health.')],
  ];
}

const OFFENDING: SectionAnswers = {
  fill: async (page) => {
    await page.getByLabel('Sanctions for non-contact sexual offences (not indecent images)').fill('0');
    await page.getByLabel('Sanctions for indecent image offences').fill('0');
  },
  evidence: 'PNC printout checked: no previous convictions.',
};

async function completeRosh(page: Page, ratings: Record<string, string>) {
  await openSection(page, /^Risk of serious harm summary/);
  for (const group of ['children', 'the public', 'a known adult', 'staff']) {
    for (const setting of ['community', 'custody']) {
      const name = `Risk to ${group} in ${setting}`;
      await page
        .getByRole('group', { name })
        .getByLabel(ratings[name] ?? 'Low', { exact: true })
        .check();
    }
  }
  await page
    .getByRole('group', { name: 'Risk to prisoners in custody' })
    .getByLabel('Low', { exact: true })
    .check();
  await page.getByLabel('Who is at risk').fill('A former partner, named in the police report.');
  await page
    .getByLabel('What is the nature of the risk?')
    .fill('Physical violence when jealous and drinking.');
  await page
    .getByLabel('When is the risk likely to be greatest?')
    .fill('After contact with her new partner.');
  await page.getByLabel('What circumstances are likely to increase the risk?').fill('Drinking, losing work.');
  await page.getByLabel('What factors are likely to reduce the risk?').fill('Work, his mother’s support.');
  await submit(page, 'Save and mark as complete');
  await saved(page);
}

async function signAssessment(page: Page) {
  await page.getByLabel('I confirm this assessment is complete and accurate').check();
  await submit(page, 'Sign the assessment');
  await saved(page);
}

test.describe('Assessment', () => {
  test('an officer assesses over two sittings, sees needs and predictors explained, raises RoSH to high and the manager is alerted', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const surname = uniqueSurname('Ashdown');
    const crn = await addPerson(page, surname);
    await addEventWithOrder(page, 'Community order', twelveMonthCommunityOrder);
    await allocate(browser, crn, /^Okonjo, Priya/);

    // First sitting: start, and save part of accommodation as a draft.
    await page.goto(`/people/${crn}`);
    await expectNoAxeViolations(page);
    await openTab(page, 'Assessments');
    await expect(page.locator('#assessment-clock')).toContainText('Initial assessment due by');
    await submit(page, 'Start the assessment');
    await saved(page);
    const assessmentUrl = new URL(page.url()).pathname;
    await openSection(page, /^3\. Accommodation/);
    // Filled in from the record: a main address, so not of no fixed abode.
    await expect(
      page.getByRole('group', { name: /^3\.3 / }).getByRole('radio', { name: /^No/ }),
    ).toBeChecked();
    await answer(page, {
      items: { '3.4': 'Some problems' },
      evidence: 'Lives with his mother; she has asked him to leave by the spring.',
    });
    await submit(page, 'Save and come back later');
    await saved(page);
    await submit(page, 'Sign out');
    await expectNoAxeViolations(page);

    // Second sitting: nothing was lost.
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    await page.goto(assessmentUrl);
    await expectNoAxeViolations(page);
    await expect(
      page.locator('.govuk-task-list__item').filter({ hasText: '3. Accommodation' }),
    ).toContainText('In progress');
    await completeSection(page, /^3\. Accommodation/, {
      items: { '3.5': 'Some problems', '3.6': NOTHING },
      links: { offending: 'Yes', harm: 'No' },
    });
    await expect(page.locator('#needs')).toBeVisible();

    await completeSection(page, /^1\. Offending information/, OFFENDING);
    const needsAnswers: Record<string, SectionAnswers> = {
      '4': {
        items: { '4.2': 'Yes', '4.3': 'Some problems', '4.4': 'Some problems', '4.5': NOTHING },
        links: { offending: 'Yes', harm: 'No' },
        evidence: 'Lost his job after the offence.',
      },
      '9': {
        items: {
          '9.1': 'Significant problems',
          '9.2': 'Significant problems',
          '9.3': 'Some problems',
          '9.5': 'Partial',
        },
        links: { offending: 'Yes', harm: 'Yes' },
        evidence: 'Drinks most evenings; the offence followed a day of drinking.',
      },
    };
    for (const [title, answers] of plainSections().filter(([title]) => !title.test('3. Accommodation'))) {
      const code = /^\^(\d+)/.exec(title.source)![1]!;
      await completeSection(page, title, needsAnswers[code] ?? answers);
    }
    await completeRosh(page, { 'Risk to a known adult in community': 'High' });
    await expect(page.locator('.govuk-notification-banner')).toContainText(
      'RoSH registered as high. The team manager has been given a task to review the case.',
    );

    // Needs and predictors, worked out, never typed.
    const needs = page.getByRole('table', { name: 'Needs by section' });
    await expect(needs.getByRole('row', { name: /3\. Accommodation/ })).toContainText(
      'Score 2 of 8: a need from 2',
    );
    await expect(needs.getByRole('row', { name: /4\. Education/ })).toContainText(
      'Score 4 of 8: a need from 3',
    );
    await expect(needs.getByRole('row', { name: /9\. Alcohol/ })).toContainText(
      'Score 6 of 8: a need from 4',
    );
    await expect(needs.getByRole('row', { name: /8\. Drug/ })).toContainText('No need');
    await expect(
      page.getByText(/Overall: High, the highest rating given \(A known adult in community\)/),
    ).toBeVisible();
    await follow(page, page.getByRole('link', { name: 'How each predictor was worked out' }));
    await expectNoAxeViolations(page);
    await expect(page.getByRole('table', { name: 'How OGRS3 was worked out' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'How OGP was worked out' })).toContainText('Unemployed');
    await expect(page.getByRole('table', { name: 'How OVP was worked out' })).toBeVisible();
    await page.goBack();
    await expectNoAxeViolations(page);

    await signAssessment(page);
    await expect(page.locator('.govuk-notification-banner')).toContainText('Assessment signed and locked');

    // The tier counts the assessment, and the RoSH flag shows on the record.
    await openTab(page, 'Overview');
    await expect(page.locator('section[aria-labelledby="assessment-heading"]')).toContainText(
      'Last completed',
    );

    // The manager has the task.
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, 'manager.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(manager);
    await manager.goto('/team');
    await expectNoAxeViolations(manager);
    const task = manager
      .getByRole('table', { name: 'Open tasks, oldest first' })
      .locator('tbody tr')
      .filter({ hasText: crn });
    await expect(task).toContainText('RoSH raised');
    await expect(task).toContainText('RoSH raised to high by Priya Okonjo’s risk of serious harm summary');
  });

  test('a PSO’s assessment of a medium RoSH case waits for a manager’s countersignature', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, 'pso.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Tennant'));
    await addEventWithOrder(page, 'Community order', twelveMonthCommunityOrder);
    await allocate(browser, crn, /^Ashworth, Tom/);
    await page.goto(`/people/${crn}/assessments`);
    await expectNoAxeViolations(page);
    await submit(page, 'Start the assessment');
    await saved(page);
    const assessmentUrl = new URL(page.url()).pathname;
    await completeSection(page, /^1\. Offending information/, OFFENDING);
    for (const [title, answers] of plainSections()) await completeSection(page, title, answers);
    await completeRosh(page, { 'Risk to the public in community': 'Medium' });
    await signAssessment(page);
    await expect(page.locator('.govuk-notification-banner')).toContainText(
      'waits for a manager to countersign it',
    );
    await expect(page.getByText('Awaiting countersignature').first()).toBeVisible();

    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, 'manager.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(manager);
    await manager.goto(assessmentUrl);
    await expectNoAxeViolations(manager);
    await expect(manager.locator('#countersign')).toBeVisible();
    await manager.getByLabel('Countersign the assessment').check();
    await submit(manager, 'Record your decision');
    await saved(manager);
    await expect(manager.locator('.govuk-notification-banner')).toContainText(
      'Assessment countersigned and locked',
    );
    await expect(manager.getByText(/Countersigned .* by Helen Brierley/)).toBeVisible();
  });
});
