import {
  addEventWithOrder,
  addPerson,
  addRequirement,
  arrangeAtMidnight,
  complianceFigure,
  openTab,
  recordOutcome,
  twelveMonthCommunityOrder,
  uniqueSurname,
  waitUntilPastMidnight,
} from './support/case-record.js';
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from './support/journey.js';

test.describe('A probation officer supervising an order', () => {
  test('adds an event with an order and requirements to a new person, arranges appointments, records outcomes and sees compliance change', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await waitUntilPastMidnight(page);
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expectNoAxeViolations(page);
    const crn = await addPerson(page, uniqueSurname('Whitlock'));

    await addEventWithOrder(page, 'Community order', twelveMonthCommunityOrder);
    await addRequirement(page, 'Unpaid work', '100');
    await addRequirement(page, 'Rehabilitation activity requirement (RAR)', '20');
    await expect(page.getByRole('row', { name: /^Unpaid work 100 hours/ })).toBeVisible();
    await expect(
      page.getByRole('row', { name: /^Rehabilitation activity requirement \(RAR\) 20 days/ }),
    ).toBeVisible();

    await openTab(page, 'Overview');
    await expect(complianceFigure(page, 'Failures to comply')).toHaveText(/^\s*0 in the last 12 months\s*$/);
    await expect(complianceFigure(page, 'Unpaid work')).toHaveText(/^\s*0 hours of 100 hours credited\s*$/);
    await expect(complianceFigure(page, 'Rehabilitation activity requirement (RAR)')).toHaveText(
      /^\s*0 of 20 RAR days used\s*$/,
    );

    // An office appointment the person misses, and a RAR session and a 4 hour unpaid work session they attend.
    await arrangeAtMidnight(page, crn, { type: /^Office appointment/ });
    await arrangeAtMidnight(page, crn, {
      type: /^Rehabilitation activity session/,
      requirement: /^Rehabilitation activity/,
      rar: true,
    });
    await arrangeAtMidnight(page, crn, {
      type: /^Unpaid work/,
      requirement: /^Unpaid work/,
      durationMinutes: 240,
    });
    await recordOutcome(page, /Office appointment/, 'Unacceptable absence (UAAB)');
    await recordOutcome(page, /Rehabilitation activity session/, 'Attended – complied (ATTC)');
    await recordOutcome(page, /Unpaid work/, 'Attended – complied (ATTC)');

    await openTab(page, 'Overview');
    await expect(complianceFigure(page, 'Failures to comply')).toHaveText(
      /^\s*1 in the last 12 months: \d{1,2} \w+ \d{4}\s*$/,
    );
    await expect(complianceFigure(page, 'Rehabilitation activity requirement (RAR)')).toHaveText(
      /^\s*1 of 20 RAR days used\s*$/,
    );
    await expect(complianceFigure(page, 'Unpaid work')).toHaveText(/^\s*4 hours of 100 hours credited\s*$/);
  });
});
