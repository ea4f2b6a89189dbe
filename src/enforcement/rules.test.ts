import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceWindowClosedUpTo } from '../compliance/index.js';
import { addDays } from '../platform/calendar/index.js';
import { ENFORCEMENT_POLICY } from './policy.js';
import {
  breachPackDue,
  decisionOpensOn,
  failuresInPeriod,
  clockState,
  evidenceWindowCloses,
  fixedTermRecallEligibility,
  liveWarnings,
  mayGiveWarning,
  nextLicenceWarning,
  opensEnforcementDecision,
  recallCountersignature,
  requiredAction,
  warningExpires,
  type EnforcementSituation,
} from './rules.js';

const community: EnforcementSituation = {
  orderType: 'CO',
  failureDate: '2026-05-09',
  orderTerminatedOn: null,
  decisionDate: '2026-05-11',
  warnings: [],
  breachPeriodEndedOn: null,
};

describe('what the law requires after a failure (Sentencing Code Sch 10 para 6)', () => {
  it('warn or breach when there is no live warning', () => {
    const decision = requiredAction(community);
    expect(decision.answer).toBe('warn-or-breach');
    expect(decision.source).toBe('Sentencing Code Sch 10 para 6');
  });

  it('breach required after a warning within 12 months, and another warning is refused', () => {
    const decision = requiredAction({
      ...community,
      warnings: [{ issuedOn: '2026-03-03', withdrawn: false }],
    });
    expect(decision.answer).toBe('breach-required');
    expect(decision.reasons[0]).toBe('Warning given on 3 March 2026, live until 2 March 2027');
    expect(mayGiveWarning(decision).answer).toBe(false);
  });

  it('cites the Criminal Justice Act 2003 for orders on convictions before 1 December 2020, with the same duty', () => {
    const warned = { ...community, warnings: [{ issuedOn: '2026-03-03', withdrawn: false }] };
    const before = requiredAction({ ...warned, convictedOn: '2020-11-30' });
    expect(before.answer).toBe('breach-required');
    expect(before.source).toBe('Criminal Justice Act 2003 Sch 8 paras 5–6');
    expect(requiredAction({ ...warned, orderType: 'SSO', convictedOn: '2020-11-30' }).source).toBe(
      'Criminal Justice Act 2003 Sch 12 paras 4–5',
    );
    expect(requiredAction({ ...warned, convictedOn: '2020-12-01' }).source).toBe(
      'Sentencing Code Sch 10 para 6',
    );
  });

  it('uses Schedule 16 for a suspended sentence order', () => {
    expect(
      requiredAction({
        ...community,
        orderType: 'SSO',
        warnings: [{ issuedOn: '2026-03-03', withdrawn: false }],
      }).source,
    ).toBe('Sentencing Code Sch 16 para 6');
  });

  it('a failure exactly 12 months after the warning falls outside it: the period begins with the day of the warning', () => {
    const warnings = [{ issuedOn: '2026-03-03', withdrawn: false }];
    expect(requiredAction({ ...community, failureDate: '2027-03-02', warnings }).answer).toBe(
      'breach-required',
    );
    expect(requiredAction({ ...community, failureDate: '2027-03-03', warnings }).answer).toBe(
      'warn-or-breach',
    );
  });

  it('ignores a withdrawn warning', () => {
    expect(
      requiredAction({ ...community, warnings: [{ issuedOn: '2026-03-03', withdrawn: true }] }).answer,
    ).toBe('warn-or-breach');
  });

  it('ignores warnings before the end of the last breach: the count restarts', () => {
    const decision = requiredAction({
      ...community,
      warnings: [{ issuedOn: '2026-03-03', withdrawn: false }],
      breachPeriodEndedOn: '2026-04-01',
    });
    expect(decision.answer).toBe('warn-or-breach');
  });

  it('takes no action on an order terminated before the failure', () => {
    expect(requiredAction({ ...community, orderTerminatedOn: '2026-05-01' }).answer).toBe(
      'no-action-order-ended',
    );
  });

  it('takes no action on an order terminated mid-process, after the failure but by the decision', () => {
    const terminated = { ...community, orderTerminatedOn: '2026-05-10' };
    const decided = requiredAction(terminated);
    expect(decided.answer).toBe('no-action-order-ended');
    expect(decided.reasons[0]).toContain('terminated on 10 May 2026, after the failure on 9 May 2026');
    expect(mayGiveWarning(decided).answer).toBe(false);
    // A decision made before the termination took effect still had the usual options.
    expect(requiredAction({ ...terminated, decisionDate: '2026-05-09' }).answer).toBe('warn-or-breach');
  });

  it('gives licence options and post-sentence supervision its own route', () => {
    expect(requiredAction({ ...community, orderType: 'LIC' }).answer).toBe('licence-warning-or-recall');
    expect(requiredAction({ ...community, orderType: 'PSS' }).answer).toBe('warn-or-breach-to-magistrates');
  });

  it('switches the PSS rule on its commencement date, judged by the failure date', () => {
    const policy = { ...ENFORCEMENT_POLICY, sentencingAct2026Commencement: '2026-12-01' };
    expect(requiredAction({ ...community, orderType: 'PSS', failureDate: '2026-11-30' }, policy).answer).toBe(
      'warn-or-breach-to-magistrates',
    );
    expect(requiredAction({ ...community, orderType: 'PSS', failureDate: '2026-12-01' }, policy).answer).toBe(
      'warn-only',
    );
  });

  it('never requires breach without a live warning, and always does with one (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.boolean(),
        (warningDate, daysLater, withdrawn) => {
          const issuedOn = warningDate.toISOString().slice(0, 10);
          const failure = new Date(warningDate.getTime() + daysLater * 86_400_000).toISOString().slice(0, 10);
          const warnings = [{ issuedOn, withdrawn }];
          const live = liveWarnings(warnings, failure, null).length > 0;
          const answer = requiredAction({ ...community, failureDate: failure, warnings }).answer;
          expect(answer === 'breach-required').toBe(live);
          expect(live).toBe(!withdrawn && failure <= warningExpires(issuedOn));
        },
      ),
    );
  });
});

describe('enforceable outcomes', () => {
  it('opens a decision for AFTC, ATSH, ATFI and UAAB, not for an acceptable absence', () => {
    for (const code of ['AFTC', 'ATSH', 'ATFI', 'UAAB'])
      expect(opensEnforcementDecision(code).answer).toBe(true);
    expect(opensEnforcementDecision('AAME').answer).toBe(false);
  });

  it('treats a failure to attend as unacceptable only once the evidence window closes without evidence', () => {
    const window = { windowClosesOn: '2026-05-15', evidenceReceived: false };
    expect(opensEnforcementDecision('AFTA', { ...window, today: '2026-05-15' }).answer).toBe(false);
    expect(opensEnforcementDecision('AFTA', { ...window, today: '2026-05-18' }).answer).toBe(true);
    expect(
      opensEnforcementDecision('AFTA', { ...window, today: '2026-05-18', evidenceReceived: true }).answer,
    ).toBe(false);
  });
});

describe('the evidence window, as enforcement and compliance each apply it', () => {
  it('opens a decision on exactly the failures to attend that compliance counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (offset, daysLater, workingDays) => {
          const failure = addDays('2026-01-01', offset);
          const today = addDays(failure, daysLater);
          const policy = { ...ENFORCEMENT_POLICY, evidenceWindowWorkingDays: workingDays };
          const opens = opensEnforcementDecision('AFTA', {
            windowClosesOn: evidenceWindowCloses(failure, policy).answer,
            today,
            evidenceReceived: false,
          }).answer;
          expect(opens).toBe(failure <= evidenceWindowClosedUpTo(today, workingDays));
        },
      ),
    );
  });
});

describe('clocks', () => {
  it('gives 5 working days of evidence window, skipping the bank holiday', () => {
    // Failure on Thursday 21 May 2026; Monday 25 May is the spring bank holiday.
    expect(evidenceWindowCloses('2026-05-21').answer).toBe('2026-05-29');
  });

  it('gives 10 working days for the breach pack', () => {
    expect(breachPackDue('2026-11-23').answer).toBe('2026-12-07');
  });

  it('states due, due today and overdue in working days', () => {
    expect(clockState('2026-11-27', '2026-11-23')).toEqual({ state: 'due', workingDaysLeft: 4 });
    expect(clockState('2026-11-23', '2026-11-23')).toEqual({ state: 'due-today' });
    expect(clockState('2026-11-20', '2026-11-23')).toEqual({ state: 'overdue', workingDaysOver: 1 });
  });
});

describe('licence warnings and recall', () => {
  it('goes first, second, final, then recall', () => {
    expect([0, 1, 2, 3].map((n) => nextLicenceWarning(n).answer)).toEqual([
      'first',
      'second',
      'final',
      'recall-recommended',
    ]);
  });

  const facts = {
    decisionDate: '2026-06-01',
    ageOnDecision: 30,
    sentenceMonths: 18,
    schedule19AAOffence: false,
    terroristPrisoner: false,
    recalledForCharge: false,
    mappaLevel: null,
  } as const;

  it('finds a 28-day fixed-term recall for an eligible 18-month sentence and 14 days under 12 months', () => {
    expect(fixedTermRecallEligibility(facts)).toMatchObject({ eligible: true, fixedTermDays: 28 });
    expect(fixedTermRecallEligibility({ ...facts, sentenceMonths: 11 })).toMatchObject({
      eligible: true,
      fixedTermDays: 14,
    });
  });

  it('refuses fixed term with each reason: under 18, 4 years or more, MAPPA 2, a charge', () => {
    const result = fixedTermRecallEligibility({
      ...facts,
      ageOnDecision: 17,
      sentenceMonths: 48,
      mappaLevel: 2,
      recalledForCharge: true,
    });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(4);
    expect(fixedTermRecallEligibility({ ...facts, sentenceMonths: 47 }).eligible).toBe(true);
  });

  it('adds automatic release at 56 days for other recalls from the Sentencing Act 2026 commencement', () => {
    const policy = { ...ENFORCEMENT_POLICY, sentencingAct2026Commencement: '2026-12-01' };
    const before = fixedTermRecallEligibility(
      { ...facts, mappaLevel: 2, decisionDate: '2026-11-30' },
      policy,
    );
    const after = fixedTermRecallEligibility({ ...facts, mappaLevel: 2, decisionDate: '2026-12-01' }, policy);
    expect(before.automaticReleaseDays).toBeNull();
    expect(after.automaticReleaseDays).toBe(56);
    expect(after.source).toContain('Sentencing Act 2026');
  });
});

describe('failures counted for the compliance panel', () => {
  const f = (date: string, nationalStandards = true) => ({ date, nationalStandards });

  it('counts distinct national standards failure dates in the last 12 months', () => {
    const result = failuresInPeriod(
      [f('2026-01-05'), f('2026-01-05'), f('2026-03-01'), f('2025-11-22'), f('2026-04-01', false)],
      '2026-11-22',
      null,
    );
    expect(result.answer).toEqual({ count: 2, dates: ['2026-01-05', '2026-03-01'], from: '2025-11-23' });
  });

  it('restarts the count the day after a breach ended', () => {
    const result = failuresInPeriod(
      [f('2026-01-05'), f('2026-03-01'), f('2026-06-01')],
      '2026-11-22',
      '2026-03-01',
    );
    expect(result.answer.count).toBe(1);
    expect(result.answer.from).toBe('2026-03-02');
    expect(result.reasons[0]).toContain('breach ended');
  });

  it('never goes down as failures are added, without a breach ending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 500 }),
        (offsets, extra) => {
          const dates = offsets.map((o) => addDays('2026-01-01', o));
          const today = '2027-06-01';
          const before = failuresInPeriod(
            dates.map((d) => f(d)),
            today,
            null,
          ).answer.count;
          const after = failuresInPeriod(
            [...dates, addDays('2026-01-01', extra)].map((d) => f(d)),
            today,
            null,
          ).answer.count;
          return after >= before;
        },
      ),
    );
  });

  it('opens an AFTA decision the day after its evidence window closes', () => {
    expect(decisionOpensOn('AFTA', '2026-05-21')).toBe('2026-05-30');
    expect(decisionOpensOn('UAAB', '2026-05-21')).toBe('2026-05-21');
  });
});

describe('countersigning a recall (HMPPS recall policy)', () => {
  const none = { manager: null, seniorManager: null };
  const manager = { userId: 'm1', seniorManager: false };
  const senior = { userId: 's1', seniorManager: true };

  it('needs one manager for a standard recall', () => {
    expect(recallCountersignature('standard', none, manager).answer).toEqual({
      fills: 'manager',
      complete: true,
    });
    expect(recallCountersignature('standard', { ...none, manager: 'm1' }, senior).answer).toBeNull();
  });

  it('needs a manager and a senior manager, two different people in either order, for an emergency recall', () => {
    expect(recallCountersignature('emergency', none, manager).answer).toEqual({
      fills: 'manager',
      complete: false,
    });
    expect(recallCountersignature('emergency', { ...none, manager: 'm1' }, senior).answer).toEqual({
      fills: 'seniorManager',
      complete: true,
    });
    expect(recallCountersignature('emergency', none, senior).answer).toEqual({
      fills: 'seniorManager',
      complete: false,
    });
    expect(recallCountersignature('emergency', { ...none, seniorManager: 's1' }, manager).answer).toEqual({
      fills: 'manager',
      complete: true,
    });
  });

  it('refuses a second signature by the same person, and a second manager who is not senior', () => {
    const twice = recallCountersignature('emergency', { ...none, seniorManager: 's1' }, senior);
    expect(twice.answer).toBeNull();
    expect(twice.reasons[0]).toContain('two different people');
    const notSenior = recallCountersignature(
      'emergency',
      { ...none, manager: 'm1' },
      { userId: 'm2', seniorManager: false },
    );
    expect(notSenior.answer).toBeNull();
    expect(notSenior.reasons[0]).toBe('An emergency recall also needs a senior manager to countersign it');
  });
});
