import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './journey.js';
import { follow, openTab, saved, submit } from './case-record.js';

/**
 * How the assessor answers: by item or question code, the value chosen; everything else not
 * already filled in from the record gets the answer for no problem, and "No" to the links.
 */
export type AssessmentAnswers = Record<string, string>;

/** A domestic abuse perpetrator: relationships and thinking a severe need, alcohol a need, medium RoSH to a known adult. */
export const DOMESTIC_ABUSE_PROFILE: AssessmentAnswers = {
  // Relationships 6 of 6: a severe need, linked to offending and harm.
  '6.1': '2',
  '6.3': '2',
  '6.6': '2',
  // Thinking and behaviour 7: a severe need; impulsivity and temper control significant.
  '11.2': '2',
  '11.4': '2',
  '11.5': '2',
  '11.6': '2',
  '11.7': 'no',
  '11.8': '1',
  // Alcohol 4: a need.
  '9.1': '1',
  '9.2': '1',
  '9.3': '1',
  '9.5': 'partial',
  'community.knownAdult': 'medium',
  'custody.knownAdult': 'medium',
};

/** The sections whose links to offending (and to harm) are yes in that profile. */
export const DOMESTIC_ABUSE_LINKS: Record<string, { offending: boolean; harm: boolean }> = {
  '6': { offending: true, harm: true },
  '9': { offending: true, harm: false },
  '11': { offending: true, harm: true },
};

const WORDS: Record<string, string> = {
  evidence: 'Discussed at the induction appointment and checked with the police domestic abuse log.',
  whoIsAtRisk: 'His former partner, who he is not to contact.',
  natureOfRisk: 'Controlling and violent behaviour towards a partner, worse when drinking.',
  whenGreatest: 'When drinking, and when the relationship ends or contact with the children is disputed.',
  increasesRisk: 'Alcohol, a new relationship, loss of contact with his children.',
  decreasesRisk: 'Work, his sister’s support, staying sober.',
};

/**
 * Starts an assessment from the Assessments tab (a review when a completed one exists, copied from
 * it; otherwise an initial one) or continues the one under way, completes every section as a person would, choosing each answer
 * that neither the record nor the copy gives, and signs it. Answers the assessment's address.
 */
export async function completeAndSignAssessment(page: Page, answers: AssessmentAnswers): Promise<string> {
  await openTab(page, 'Assessments');
  // An assessment already under way is continued: only one is open at a time.
  const open = page.getByRole('link', { name: /^continue the .* assessment/ });
  if (await open.count()) {
    await follow(page, open);
  } else {
    const review = page.getByRole('radio', { name: 'Review' });
    await ((await review.isEnabled()) ? review : page.getByRole('radio', { name: 'Initial' })).check();
    await submit(page, 'Start the assessment');
  }
  await expectNoAxeViolations(page);
  const assessment = page.url().split('?')[0]!;
  const sections = await page
    .locator('.govuk-task-list__link')
    .evaluateAll((links) =>
      links.map((a) => (a as unknown as { getAttribute(name: string): string }).getAttribute('href')),
    );
  for (const href of sections) {
    await page.goto(href);
    await expectNoAxeViolations(page);
    const code = href.split('/').at(-1)!;
    const links = DOMESTIC_ABUSE_LINKS[code];
    await answerSection(page, {
      ...answers,
      ...(links && answers === DOMESTIC_ABUSE_PROFILE
        ? { linkedToOffending: links.offending ? 'yes' : 'no', linkedToHarm: links.harm ? 'yes' : 'no' }
        : {}),
    });
    await submit(page, 'Save and mark as complete');
    const problem = page.locator('.govuk-error-summary');
    if (await problem.count()) throw new Error(`${href}: ${await problem.innerText()}`);
    await saved(page);
    expect(page.url().split('?')[0]).toBe(assessment);
  }
  await page.getByLabel('I confirm this assessment is complete and accurate').check();
  await submit(page, 'Sign the assessment');
  await saved(page);
  return assessment;
}

async function answerSection(page: Page, answers: AssessmentAnswers): Promise<void> {
  const form = page.locator('form[action*="/sections/"]');
  const groups = await form.locator('input[type=radio]').evaluateAll((inputs) => {
    const byName = new Map<string, { values: string[]; checked: boolean }>();
    for (const input of inputs as unknown as Array<{ name: string; value: string; checked: boolean }>) {
      const group = byName.get(input.name) ?? { values: [], checked: false };
      group.values.push(input.value);
      group.checked ||= input.checked;
      byName.set(input.name, group);
    }
    return [...byName].map(([name, g]) => ({ name, ...g }));
  });
  for (const group of groups) {
    const wanted = answers[group.name];
    if (group.checked && wanted === undefined) continue;
    const value =
      wanted ??
      (group.name.startsWith('linkedTo') ? 'no' : group.values.includes('low') ? 'low' : group.values[0]!);
    await form.locator(`input[type=radio][name="${group.name}"][value="${value}"]`).check();
  }
  // Counts the record does not hold (sexual offending, for someone with none) are 0.
  for (const input of await form
    .locator('input[inputmode=numeric]:not([name$="-day"]):not([name$="-month"]):not([name$="-year"])')
    .all())
    if (!(await input.inputValue())) await input.fill('0');
  for (const [name, words] of Object.entries(WORDS)) {
    const box = form.locator(`textarea[name="${name}"]`);
    if ((await box.count()) && !(await box.inputValue())) await box.fill(words);
  }
}
