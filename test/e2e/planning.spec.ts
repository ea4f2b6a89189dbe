import type { Page } from '@playwright/test';
import { completeAndSignAssessment, DOMESTIC_ABUSE_PROFILE } from './support/assessment.js';
import { fillDate, follow, londonToday, openTab, optionLabel, saved, submit } from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

/** The case the journey works on: one of the PSO's, with medium RoSH, chosen in the first test. */
const chosen = { crn: '', name: '' };

async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign out' }).click()]);
  await expectNoAxeViolations(page);
}

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'There is a problem' });
}

function objectiveCard(page: Page, number: number) {
  return page.locator('.govuk-summary-card').filter({
    has: page.getByRole('heading', { level: 5, name: new RegExp(`^${number}\\. `) }),
  });
}

test.describe.serial('Plans for a PSO’s case that crosses the role boundary', () => {
  test('an officer adds a domestic abuse registration, the tier recalculates and the manager gets the task', async ({
    page,
  }) => {
    // A case the PSO holds with medium RoSH and no plans yet: the Plans column says the initial
    // sentence plan is due and the risk management plan missing.
    await signIn(page, 'pso.demo', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await expectNoAxeViolations(page);
    const rows = page
      .locator('table tbody tr')
      .filter({ hasText: 'RMP missing' })
      .filter({ hasText: 'Initial plan by' });
    expect(await rows.count()).toBeGreaterThan(0);
    const row = rows.last();
    chosen.crn = (await row.locator('td').nth(1).innerText()).trim();
    const [surname, forename] = (await row.getByRole('link').first().innerText()).trim().split(', ');
    chosen.name = `${forename} ${surname}`;
    await signOut(page);

    // A probation officer learns of domestic abuse and registers it.
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    await page.goto(`/people/${chosen.crn}`);
    await expect(page.getByRole('heading', { level: 1, name: chosen.name })).toBeVisible();
    await expect(page.getByText('Responsible officer: Tom Ashworth')).toBeVisible();
    await expectNoAxeViolations(page);
    await openTab(page, 'Registrations');
    await follow(page, page.getByRole('link', { name: 'Add a registration' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Type').selectOption({ label: await optionLabel(page, 'Type', /\(ADVP\)/) });
    await fillDate(page, 'Date of registration', londonToday());
    await page
      .getByLabel('Notes (optional)')
      .fill('Police call-out to his former partner’s address, reported at the last appointment');
    await submit(page, 'Add registration');
    await saved(page);
    await expect(page.getByRole('table').first()).toContainText('Domestic abuse perpetrator');

    // The tier worked itself out again, and says why.
    await openTab(page, 'Tier');
    await expect(page.getByText('Registration ADVP added by Priya Okonjo').first()).toBeVisible();
    await expect(page.getByRole('table', { name: /Protect points/ })).toContainText('ADVP');
    await expect(page.getByRole('table', { name: 'Tier history' }).locator('tbody tr').first()).toContainText(
      'Registration ADVP added by Priya Okonjo',
    );
    await signOut(page);

    // The manager gets the task to review the case and transfer it to a probation officer.
    await signIn(page, 'manager.demo', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: /Team caseload/ })).toBeVisible();
    await expectNoAxeViolations(page);
    const task = page
      .getByRole('table', { name: 'Open tasks, oldest first' })
      .locator('tbody tr')
      .filter({ hasText: chosen.crn });
    await expect(task).toContainText('Needs a probation officer');
    await expect(task).toContainText('domestic abuse');
    await expect(task.getByRole('link', { name: /Transfer/ })).toBeVisible();
  });

  test('the officer assesses, writes a sentence plan with sequenced objectives and a risk management plan, and reviews it', async ({
    page,
  }) => {
    test.setTimeout(360_000);
    expect(chosen.crn, 'the first test chose a case').not.toBe('');
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    await page.goto(`/people/${chosen.crn}`);
    await expectNoAxeViolations(page);

    // Needs come from a signed assessment.
    await completeAndSignAssessment(page, DOMESTIC_ABUSE_PROFILE);
    await expect(page.getByRole('row', { name: /Relationships/ })).toContainText('Severe need');

    await openTab(page, 'Plans');
    await expect(page.locator('#sentence-plan-clock')).toContainText('Initial sentence plan due by');
    await expect(page.locator('#sentence-plan-clock')).toContainText(
      '15 working days after sentence or release',
    );
    await expect(page.locator('#risk-plan-clock')).toContainText('A risk management plan is needed');
    await submit(page, 'Start the sentence plan');
    await saved(page);

    // An objective linked to nothing is refused, and the form keeps what was typed.
    await follow(page, page.getByRole('button', { name: 'Add an objective' }));
    await expectNoAxeViolations(page);
    const needs = page.getByRole('group', { name: /Need from the (initial|review) assessment signed/ });
    await expect(needs.getByRole('radio', { name: 'Relationships' })).toHaveAccessibleDescription(
      /^Severe need/,
    );
    await page.getByLabel('The objective in the person’s own words').fill('I want to stay away from drink');
    await page.getByLabel('The objective in your words').fill('Reduce drinking to within safe limits');
    await page.getByLabel('The responsible officer, with the person').check();
    await submit(page, 'Save objective');
    await expect(errorSummary(page)).toContainText(
      'Link the objective to a need from the assessment or to a requirement of the order',
    );
    await expect(page.getByLabel('The objective in the person’s own words')).toHaveValue(
      'I want to stay away from drink',
    );
    await expectNoAxeViolations(page);
    await needs.getByRole('radio', { name: 'Alcohol misuse' }).check();
    await page
      .getByLabel('Interventions chosen (optional)')
      .fill('Alcohol treatment referral to the community drug and alcohol service');
    await submit(page, 'Save objective');
    await saved(page);

    await follow(page, page.getByRole('button', { name: 'Add an objective' }));
    await expectNoAxeViolations(page);
    await page
      .getByLabel('The objective in the person’s own words')
      .fill('I don’t want to lose my temper with a partner again');
    await page
      .getByLabel('The objective in your words')
      .fill('Complete Building Better Relationships and use a time-out plan');
    await page
      .getByRole('group', { name: /Need from the (initial|review) assessment/ })
      .getByRole('radio', { name: 'Relationships' })
      .check();
    await page
      .getByLabel('Interventions chosen (optional)')
      .fill('Building Better Relationships (accredited programme), then one-to-one sessions');
    await page.getByLabel('The responsible officer, with the person').check();
    await submit(page, 'Save objective');
    await saved(page);

    // The relationships work must happen first: move it up, without any script.
    await expect(objectiveCard(page, 1)).toContainText('Reduce drinking');
    await submit(page, /Move up objective 2/);
    await saved(page);
    await expect(objectiveCard(page, 1)).toContainText('Complete Building Better Relationships');
    await expect(objectiveCard(page, 2)).toContainText('Reduce drinking');

    // Actions: a target date before the plan started is refused.
    await follow(page, page.getByRole('link', { name: 'Add an action to objective 1' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('What will be done').fill('Attend the Building Better Relationships assessment');
    await page.getByLabel('A partner agency').check();
    await page.getByLabel('Name of the partner agency or person').fill('Interventions team, Chelmsford');
    await fillDate(page, 'Target date', londonToday(-7));
    await submit(page, 'Save action');
    await expect(errorSummary(page)).toContainText(
      'The target date must be on or after the day the plan started',
    );
    await expect(page.getByLabel('Name of the partner agency or person')).toHaveValue(
      'Interventions team, Chelmsford',
    );
    await expectNoAxeViolations(page);
    await fillDate(page, 'Target date', londonToday(21));
    await submit(page, 'Save action');
    await saved(page);
    await follow(page, page.getByRole('link', { name: 'Add an action to objective 2' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('What will be done').fill('Go to the first appointment with the alcohol service');
    await page.getByLabel('The person', { exact: true }).check();
    await fillDate(page, 'Target date', londonToday(14));
    await submit(page, 'Save action');
    await saved(page);

    // Strengths, what helps them stop offending, and the person's agreement.
    await follow(page, page.getByRole('link', { name: 'Change strengths' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('The person’s strengths').fill('Steady work as a plasterer; close to his sister');
    await page
      .getByLabel('What helps them stop offending')
      .fill('Seeing his daughter; staying sober; keeping his job');
    await submit(page, 'Save');
    await saved(page);
    await follow(page, page.getByRole('link', { name: 'Record the person’s agreement' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Yes, they agree').check();
    await page
      .getByLabel('Their comments (optional)')
      .fill('Worried about the course times clashing with work');
    await submit(page, 'Save agreement');
    await saved(page);
    await expect(page.getByText('Agreement recorded: the initial sentence plan is complete')).toBeVisible();
    await expect(page.locator('#sentence-plan-clock')).toContainText('Review due by');

    // The risk management plan, part by part.
    const parts: Array<[string, string]> = [
      [
        'Supervision',
        'Weekly office appointments for 12 weeks, then fortnightly; a home visit within 10 working days',
      ],
      [
        'Monitoring and control',
        'No contact with the victim (licence condition); police domestic abuse checks monthly',
      ],
      ['Interventions and treatment', 'Building Better Relationships, then alcohol treatment'],
      [
        'Victim safety planning',
        'Victim liaison officer informed; MARAC referral made for the former partner',
      ],
      [
        'Contingency',
        'Any contact with the victim or a new relationship: tell the police the same day and consider recall',
      ],
    ];
    await follow(page, page.getByRole('link', { name: 'Write supervision' }));
    for (const [title, words] of parts) {
      await expect(page.getByLabel(title, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(title, { exact: true }).fill(words);
      await submit(page, 'Save and continue');
    }
    await saved(page);
    await submit(page, 'Complete the risk management plan');
    await saved(page);
    await expect(page.getByText('Risk management plan completed')).toBeVisible();
    await expect(page.locator('#risk-plan-clock')).toContainText('Review due by');
    await expect(page.getByRole('table', { name: 'Review history, newest first' })).toContainText(
      'Completed',
    );

    // A review records progress on each objective.
    await follow(page, page.getByRole('button', { name: 'Record a review', exact: true }));
    await expectNoAxeViolations(page);
    const first = page.getByRole('group', { name: /^Objective 1:/ });
    await first.getByLabel('In progress').check();
    await first
      .getByLabel('Notes on objective 1 (optional)')
      .fill('Assessed for the programme; starts next month');
    await page
      .getByRole('group', { name: /^Objective 2:/ })
      .getByLabel('Achieved')
      .check();
    await page
      .getByLabel('Notes on the review (optional)')
      .fill('Sober for six weeks, confirmed by the alcohol service');
    await submit(page, 'Save review');
    await saved(page);
    await expect(objectiveCard(page, 1)).toContainText('In progress');
    await expect(objectiveCard(page, 2)).toContainText('Achieved');
    await expect(
      page.locator('.govuk-summary-card').filter({ hasText: /Review of .* by Priya Okonjo/ }),
    ).toContainText('Sober for six weeks');

    // The overview says what is due next.
    await openTab(page, 'Overview');
    await expect(page.getByRole('region', { name: 'Plans' })).toContainText('Sentence plan review due by');
    await expect(page.getByRole('region', { name: 'Plans' })).toContainText(
      'Risk management plan review due by',
    );
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the officer changes the sequence with the move buttons', async ({ page }) => {
      expect(chosen.crn, 'the first test chose a case').not.toBe('');
      await signIn(page, 'po.demo', DEMO_PASSWORD);
      await expectNoAxeViolations(page);
      await page.goto(`/people/${chosen.crn}/plans`);
      await expectNoAxeViolations(page);
      await expect(objectiveCard(page, 1)).toContainText('Complete Building Better Relationships');
      await submit(page, /Move down objective 1/);
      await saved(page);
      await expect(objectiveCard(page, 1)).toContainText('Reduce drinking');
      await expect(objectiveCard(page, 2)).toContainText('Complete Building Better Relationships');
    });
  });
});
