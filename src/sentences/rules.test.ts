import { describe, expect, it } from 'vitest';
import {
  communityOrderLength,
  curfewLimits,
  daysBetween,
  expectedEndDate,
  expectedEndDateInDays,
  licenceKeyDates,
  orderTakesRequirements,
  progressOf,
  requirementExpectedEnd,
  requirementUnits,
  requirementWithinOrder,
  sentenceNotBeforeConviction,
  ssoCustodialTerm,
  ssoOperationalPeriod,
  ssoSupervisionPeriod,
  startNotBeforeSentence,
  terminationDate,
  unpaidWorkHours,
  versionOn,
  CURFEW,
} from './rules.js';

describe('expected end date: start + N months − 1 day, clamped to the month end', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-01-28', 1, '2026-02-27'],
    // No 29, 30 or 31 February in 2027: the period runs to the end of February.
    ['2027-01-29', 1, '2027-02-28'],
    ['2027-01-30', 1, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    // A leap year has 29 February.
    ['2028-01-29', 1, '2028-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 1, '2027-01-30'],
    ['2026-11-15', 2, '2027-01-14'],
    ['2026-06-10', 36, '2029-06-09'],
  ])('%s + %i months ends on %s', (start, months, end) => {
    expect(expectedEndDate(start, months)).toBe(end);
  });

  it('never goes backwards as the start moves forward', () => {
    let previous = '';
    for (let d = 0; d < 800; d++) {
      const start = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      for (const months of [1, 6, 12]) {
        const end = expectedEndDate(start, months);
        expect(end >= start).toBe(true);
        if (months === 1) {
          if (previous) expect(end >= previous).toBe(true);
          previous = end;
        }
      }
    }
  });

  it('refuses a length that is not a whole number of months', () => {
    expect(() => expectedEndDate('2026-01-01', 0)).toThrow(RangeError);
    expect(() => expectedEndDate('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('counts days including the start day', () => {
    expect(expectedEndDateInDays('2026-01-01', 1)).toBe('2026-01-01');
    expect(expectedEndDateInDays('2026-01-01', 120)).toBe('2026-04-30');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });
});

describe('community order length', () => {
  it.each([
    [1, true],
    [36, true],
    [37, false],
    [0, false],
  ])('%i months allowed: %s', (months, allowed) => {
    const decision = communityOrderLength(months);
    expect(decision.allowed).toBe(allowed);
    expect(decision.source).toContain('Sentencing Code s.209');
  });

  it('says why', () => {
    expect(communityOrderLength(37).reason).toBe(
      'A community order can last no more than 3 years (36 months)',
    );
  });
});

describe('suspended sentence order', () => {
  it('custodial term: 14 days to 2 years before 22 March 2026', () => {
    expect(ssoCustodialTerm({ amount: 13, unit: 'days' }, '2026-03-21').allowed).toBe(false);
    expect(ssoCustodialTerm({ amount: 14, unit: 'days' }, '2026-03-21').allowed).toBe(true);
    expect(ssoCustodialTerm({ amount: 2, unit: 'weeks' }, '2026-03-21').allowed).toBe(true);
    expect(ssoCustodialTerm({ amount: 24, unit: 'months' }, '2026-03-21').allowed).toBe(true);
    expect(ssoCustodialTerm({ amount: 104, unit: 'weeks' }, '2026-03-21').allowed).toBe(true);
    expect(ssoCustodialTerm({ amount: 105, unit: 'weeks' }, '2026-03-21').allowed).toBe(false);
    const refused = ssoCustodialTerm({ amount: 25, unit: 'months' }, '2026-03-21');
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toBe(
      'The custodial term must be between 14 days and 2 years for a sentence passed on 21 March 2026',
    );
  });

  it('custodial term: up to 3 years from 22 March 2026 (Sentencing Act 2026)', () => {
    const decision = ssoCustodialTerm({ amount: 36, unit: 'months' }, '2026-03-22');
    expect(decision.allowed).toBe(true);
    expect(decision.source).toContain('Sentencing Act 2026');
    expect(ssoCustodialTerm({ amount: 37, unit: 'months' }, '2026-03-22').allowed).toBe(false);
    expect(ssoCustodialTerm({ amount: 13, unit: 'days' }, '2026-03-22').allowed).toBe(false);
  });

  it('takes a local rule table instead of the default', () => {
    const local = [{ from: '0001-01-01', minimumDays: 7, maximumMonths: 12, source: 'local policy' }];
    expect(ssoCustodialTerm({ amount: 7, unit: 'days' }, '2026-01-01', local).allowed).toBe(true);
    expect(ssoCustodialTerm({ amount: 13, unit: 'months' }, '2026-01-01', local).allowed).toBe(false);
  });

  it('operational period: 6 months to 2 years', () => {
    expect(ssoOperationalPeriod(5).allowed).toBe(false);
    expect(ssoOperationalPeriod(6).allowed).toBe(true);
    expect(ssoOperationalPeriod(24).allowed).toBe(true);
    expect(ssoOperationalPeriod(25).allowed).toBe(false);
  });

  it('supervision period ends within the operational period', () => {
    expect(ssoSupervisionPeriod(12, 12).allowed).toBe(true);
    expect(ssoSupervisionPeriod(13, 12).reason).toBe(
      'The supervision period must not be longer than the operational period (12 months)',
    );
    expect(ssoSupervisionPeriod(0, 12).allowed).toBe(false);
  });
});

describe('unpaid work hours: 40 to 300', () => {
  it.each([
    [39, false],
    [40, true],
    [300, true],
    [301, false],
  ])('%i hours allowed: %s', (hours, allowed) => {
    expect(unpaidWorkHours(hours).allowed).toBe(allowed);
  });

  it('states the limit and its source', () => {
    const decision = unpaidWorkHours(301);
    expect(decision.reason).toBe('Unpaid work must be between 40 hours and 300 hours');
    expect(decision.source).toContain('Sch 9, unpaid work requirement');
  });
});

describe('requirement units from the type', () => {
  const rar = { code: 'F', description: 'RAR', unit: 'days', minimum_units: 1, maximum_units: null };
  it('has no maximum when the type has none', () => {
    expect(requirementUnits(rar, 60).allowed).toBe(true);
    expect(requirementUnits(rar, 0).reason).toBe('RAR must be at least 1 day');
  });
  it('refuses a fraction', () => {
    expect(requirementUnits(rar, 1.5).allowed).toBe(false);
  });
});

describe('curfew, versioned by conviction date', () => {
  const on = (convictionDate: string, hoursPerDay: number, daysPerWeek = 7, lengthMonths = 6) =>
    curfewLimits({ convictionDate, hoursPerDay, daysPerWeek, lengthMonths });

  it('on or after 28 June 2022: 2 to 20 hours, 112 a week, up to 2 years', () => {
    expect(on('2022-06-28', 20, 5)).toEqual([]);
    expect(on('2022-06-28', 16, 7)).toEqual([]);
    expect(on('2022-06-28', 2, 7, 24)).toEqual([]);
    expect(on('2022-06-28', 21, 1)[0]!.field).toBe('units');
    expect(on('2022-06-28', 1, 1)[0]!.field).toBe('units');
    const weekly = on('2022-06-28', 17, 7);
    expect(weekly[0]!.field).toBe('daysPerWeek');
    expect(weekly[0]!.reason).toBe(
      'Curfew can be no more than 112 hours in 7 days: 17 hours on 7 days is 119',
    );
    expect(on('2022-06-28', 8, 7, 25)[0]!.reason).toBe(
      'Curfew can last no more than 2 years for a conviction on 28 June 2022',
    );
  });

  it('before 28 June 2022: 2 to 16 hours a day, up to 12 months', () => {
    expect(on('2022-06-27', 16, 7, 12)).toEqual([]);
    const problems = on('2022-06-27', 17, 7, 13);
    expect(problems.map((p) => p.field)).toEqual(['units', 'lengthMonths']);
    expect(problems[0]!.reason).toBe(
      'Curfew must be between 2 and 16 hours a day for a conviction on 27 June 2022',
    );
    expect(problems[0]!.source).toContain('before 28 June 2022');
  });

  it('picks the version in force on the date', () => {
    expect(versionOn(CURFEW, '2022-06-27').maximumHoursPerDay).toBe(16);
    expect(versionOn(CURFEW, '2022-06-28').maximumHoursPerDay).toBe(20);
  });
});

describe('a requirement within its order', () => {
  const order = { start_date: '2026-01-10', expected_end_date: '2027-01-09', terminated_on: null };

  it('refuses a terminated order', () => {
    const decision = requirementWithinOrder({ ...order, terminated_on: '2026-05-01' }, '2026-06-01', null);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toBe('The order was terminated on 1 May 2026: requirements cannot be added');
  });

  it('refuses a start before the order or after it ends, and an end after the order', () => {
    expect(requirementWithinOrder(order, '2026-01-09', null).reason).toBe(
      'Start date must be on or after the order started, 10 January 2026',
    );
    expect(requirementWithinOrder(order, '2026-01-10', '2027-01-09').allowed).toBe(true);
    expect(requirementWithinOrder(order, '2027-01-10', null).allowed).toBe(false);
    expect(requirementWithinOrder(order, '2026-02-01', '2027-01-10').allowed).toBe(false);
  });

  it('only community orders and suspended sentence orders take requirements', () => {
    expect(orderTakesRequirements('CO').allowed).toBe(true);
    expect(orderTakesRequirements('SSO').allowed).toBe(true);
    expect(orderTakesRequirements('LIC').allowed).toBe(false);
    expect(orderTakesRequirements('PSS').allowed).toBe(false);
  });

  it('works out when a requirement ends from its type', () => {
    const end = '2027-01-09';
    expect(requirementExpectedEnd({ code: 'PDRR', unit: 'months' }, '2026-02-01', 6, null, end)).toBe(
      '2026-07-31',
    );
    expect(requirementExpectedEnd({ code: 'PCUR', unit: 'hours-per-day' }, '2026-02-01', 8, 3, end)).toBe(
      '2026-04-30',
    );
    expect(requirementExpectedEnd({ code: 'PAAM', unit: 'days' }, '2026-02-01', 120, null, end)).toBe(
      '2026-05-31',
    );
    expect(requirementExpectedEnd({ code: 'W', unit: 'hours' }, '2026-02-01', 120, null, end)).toBe(end);
  });
});

describe('dates in order', () => {
  it('sentence after conviction, start after sentence', () => {
    expect(sentenceNotBeforeConviction('2026-02-01', '2026-01-31').reason).toBe(
      'Sentence date must be on or after the conviction date, 1 February 2026',
    );
    expect(sentenceNotBeforeConviction('2026-02-01', '2026-02-01').allowed).toBe(true);
    expect(startNotBeforeSentence('2026-02-01', '2026-01-31').allowed).toBe(false);
  });

  it('licence key dates run release → LED ≤ SED, PSS ends after LED', () => {
    const ok = {
      releaseDate: '2026-01-01',
      licenceExpiryDate: '2026-06-30',
      sentenceExpiryDate: '2026-06-30',
      pssEndDate: '2026-12-31',
    };
    expect(licenceKeyDates(ok)).toEqual([]);
    expect(licenceKeyDates({ ...ok, pssEndDate: null })).toEqual([]);
    const bad = licenceKeyDates({
      ...ok,
      licenceExpiryDate: '2025-12-31',
      sentenceExpiryDate: '2025-12-30',
      pssEndDate: '2025-12-31',
    });
    expect(bad.map((p) => p.field)).toEqual(['licenceExpiryDate', 'sentenceExpiryDate', 'pssEndDate']);
  });
});

describe('termination', () => {
  const order = { start_date: '2026-01-10', terminated_on: null };
  it('from the start to today, once', () => {
    expect(terminationDate(order, '2026-01-10', '2026-03-01', 'order').allowed).toBe(true);
    expect(terminationDate(order, '2026-03-01', '2026-03-01', 'order').allowed).toBe(true);
    expect(terminationDate(order, '2026-01-09', '2026-03-01', 'order').reason).toBe(
      'Termination date must be on or after the order started, 10 January 2026',
    );
    expect(terminationDate(order, '2026-03-02', '2026-03-01', 'order').reason).toBe(
      'Termination date must be today or in the past',
    );
    expect(
      terminationDate({ ...order, terminated_on: '2026-02-01' }, '2026-02-02', '2026-03-01', 'requirement')
        .reason,
    ).toBe('This requirement was already terminated on 1 February 2026');
  });
});

describe('progress', () => {
  const order = { start_date: '2026-01-01', expected_end_date: '2026-12-31', terminated_on: null };
  it('counts the days through the order', () => {
    expect(progressOf(order, '2025-12-31')).toMatchObject({
      status: 'not-started',
      daysElapsed: 0,
      percent: 0,
    });
    expect(progressOf(order, '2026-01-01')).toMatchObject({
      status: 'active',
      daysElapsed: 1,
      daysTotal: 365,
    });
    expect(progressOf(order, '2026-07-02')).toMatchObject({
      status: 'active',
      percent: 50,
      daysRemaining: 182,
    });
    expect(progressOf(order, '2027-01-01')).toMatchObject({ status: 'ended', percent: 100 });
    expect(progressOf(order, '2026-01-01').halfwayDate).toBe('2026-07-02');
    expect(progressOf({ ...order, terminated_on: '2026-01-31' }, '2026-06-01')).toMatchObject({
      status: 'terminated',
      daysElapsed: 31,
    });
  });
});
