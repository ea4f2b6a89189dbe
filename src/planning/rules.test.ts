import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../platform/calendar/index.js';
import { PLANNING_POLICY } from './policy.js';
import {
  actionDateProblems,
  agreementProblems,
  moveInSequence,
  needsForChoice,
  NO_LINK_MESSAGE,
  objectiveLinkProblems,
  overdueActions,
  riskPlanClock,
  riskPlanProblems,
  riskPlanRequired,
  sentencePlanClock,
} from './rules.js';

describe('when the initial sentence plan is due', () => {
  it('is 15 working days after sentence or release, skipping weekends and the Easter bank holidays', () => {
    // Monday 23 March 2026: 15 working days skip two weekends, Good Friday (3 April) and Easter Monday (6 April).
    const clock = sentencePlanClock({
      today: '2026-04-08',
      supervisionStart: '2026-03-23',
      plan: null,
      changes: [],
    });
    expect(clock).toEqual({
      due: true,
      kind: 'initial',
      dueOn: '2026-04-15',
      status: 'due-soon',
      reason: 'Initial sentence plan: due 15 working days after sentence or release (23 March 2026)',
    });
  });

  it('stays due while the plan is started but not agreed, and is overdue the day after', () => {
    const clock = sentencePlanClock({
      today: '2026-04-16',
      supervisionStart: '2026-03-23',
      plan: { startedOn: '2026-04-10', agreedOn: null, lastReviewedOn: null },
      changes: [],
    });
    expect(clock).toMatchObject({ kind: 'initial', dueOn: '2026-04-15', status: 'overdue' });
  });

  it('follows the local policy when it says otherwise', () => {
    const clock = sentencePlanClock(
      { today: '2026-03-23', supervisionStart: '2026-03-23', plan: null, changes: [] },
      { ...PLANNING_POLICY, initialPlanWorkingDays: 5 },
    );
    expect(clock).toMatchObject({ dueOn: '2026-03-30', status: 'due-soon' });
    expect(clock.reason).toContain('due 5 working days after');
  });

  it('is 5 working days after sentence or release in the highest tier, A3, saying why', () => {
    const clock = sentencePlanClock({
      today: '2026-03-24',
      supervisionStart: '2026-03-23',
      plan: null,
      changes: [],
      tier: { tier: 'A3', on: '2026-03-24' },
    });
    expect(clock).toEqual({
      due: true,
      kind: 'initial',
      dueOn: '2026-03-30',
      status: 'due-soon',
      reason:
        'Initial sentence plan: due 5 working days after sentence or release (23 March 2026), not 15, because the case is in the highest tier, A3 (worked out 24 March 2026)',
    });
  });

  it('counts the 5 working days over a bank holiday: Good Friday and Easter Monday 2026', () => {
    // Wednesday 1 April 2026 + 5 working days: 2 April, 7, 8, 9, 10 April.
    const clock = sentencePlanClock({
      today: '2026-04-01',
      supervisionStart: '2026-04-01',
      plan: null,
      changes: [],
      tier: { tier: 'A3', on: '2026-04-01' },
    });
    expect(clock).toMatchObject({ dueOn: '2026-04-10' });
  });

  it('stays 15 working days for every other tier, and when no tier has been worked out', () => {
    for (const tier of ['A2', 'B3', 'D0', null]) {
      const clock = sentencePlanClock({
        today: '2026-04-08',
        supervisionStart: '2026-03-23',
        plan: null,
        changes: [],
        tier: tier ? { tier, on: '2026-03-24' } : null,
      });
      expect(clock).toMatchObject({ dueOn: '2026-04-15' });
      expect(clock.reason).toBe(
        'Initial sentence plan: due 15 working days after sentence or release (23 March 2026)',
      );
    }
  });

  it('follows the local policy for the highest tier too', () => {
    const clock = sentencePlanClock(
      {
        today: '2026-03-23',
        supervisionStart: '2026-03-23',
        plan: null,
        changes: [],
        tier: { tier: 'A3', on: '2026-03-23' },
      },
      { ...PLANNING_POLICY, initialPlanHighestTierWorkingDays: 3 },
    );
    expect(clock).toMatchObject({ dueOn: '2026-03-26' });
    expect(clock.reason).toContain('due 3 working days after');
  });

  it('is never later in the highest tier than in any other, whatever the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const start = addDays('2024-01-01', offset);
        const input = { today: start, supervisionStart: start, plan: null, changes: [] };
        const highest = sentencePlanClock({ ...input, tier: { tier: 'A3', on: start } });
        const other = sentencePlanClock({ ...input, tier: { tier: 'A2', on: start } });
        return highest.due && other.due && highest.dueOn < other.dueOn;
      }),
    );
  });

  it('is not due without a current order or licence', () => {
    expect(
      sentencePlanClock({ today: '2026-04-01', supervisionStart: null, plan: null, changes: [] }),
    ).toEqual({ due: false, reason: 'No current order or licence' });
  });
});

describe('when a sentence plan review is due', () => {
  const agreed = { startedOn: '2026-03-27', agreedOn: '2026-03-27', lastReviewedOn: null };

  it('falls on the cycle after the agreement: 16 weeks by default', () => {
    const clock = sentencePlanClock({
      today: '2026-05-01',
      supervisionStart: '2026-03-23',
      plan: agreed,
      changes: [],
    });
    expect(clock).toEqual({
      due: true,
      kind: 'review',
      dueOn: '2026-07-17',
      status: 'not-yet',
      reason: 'Review: every 16 weeks after the plan was agreed (27 March 2026)',
    });
  });

  it('counts the cycle from the last review', () => {
    const clock = sentencePlanClock({
      today: '2026-08-01',
      supervisionStart: '2026-03-23',
      plan: { ...agreed, lastReviewedOn: '2026-07-10' },
      changes: [],
    });
    expect(clock).toMatchObject({
      dueOn: '2026-10-30',
      reason: expect.stringContaining('after the last review (10 July 2026)'),
    });
  });

  it('comes sooner after a change: 10 working days after a new signed assessment (spring bank holiday skipped)', () => {
    const clock = sentencePlanClock({
      today: '2026-06-05',
      supervisionStart: '2026-03-23',
      plan: agreed,
      changes: [
        { on: '2026-03-20', what: 'an assessment signed' },
        { on: '2026-05-20', what: 'an assessment signed' },
        { on: '2026-06-01', what: 'a new order' },
      ],
    });
    expect(clock).toEqual({
      due: true,
      kind: 'review',
      dueOn: '2026-06-04',
      status: 'overdue',
      reason: 'Review after a change: an assessment signed on 20 May 2026 (due within 10 working days)',
    });
  });

  it('ignores changes before the last review', () => {
    const clock = sentencePlanClock({
      today: '2026-06-05',
      supervisionStart: '2026-03-23',
      plan: { ...agreed, lastReviewedOn: '2026-05-21' },
      changes: [{ on: '2026-05-20', what: 'a new order' }],
    });
    expect(clock).toMatchObject({ dueOn: '2026-09-10', status: 'not-yet' });
  });

  it('is never later than the cycle, whatever the changes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 })), (offsets) => {
        const changes = offsets.map((d) => ({
          on: new Date(Date.UTC(2026, 2, 27 + d)).toISOString().slice(0, 10),
          what: 'a change',
        }));
        const clock = sentencePlanClock({
          today: '2026-04-01',
          supervisionStart: '2026-03-23',
          plan: agreed,
          changes,
        });
        return clock.due && clock.dueOn <= '2026-07-17';
      }),
    );
  });
});

describe('the risk management plan', () => {
  it('is required from medium RoSH up', () => {
    expect([null, 'low', 'medium', 'high', 'very-high'].map((r) => riskPlanRequired(r as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(riskPlanRequired('medium', { ...PLANNING_POLICY, riskPlanFromRosh: 'high' })).toBe(false);
  });

  it('is missing when required and none was written, not complete while a part is empty', () => {
    expect(riskPlanClock({ today: '2026-04-01', rosh: 'high', plan: null })).toEqual({
      required: true,
      state: 'missing',
      nextReviewOn: null,
      reason: 'RoSH is high: a plan is needed from medium up',
    });
    expect(
      riskPlanClock({ today: '2026-04-01', rosh: 'medium', plan: { completedOn: null, nextReviewOn: null } })
        .state,
    ).toBe('not-complete');
    expect(riskPlanClock({ today: '2026-04-01', rosh: 'low', plan: null }).state).toBe('not-required');
  });

  it('is overdue for review the day after its review date, due soon within 10 days', () => {
    const plan = { completedOn: '2026-01-01', nextReviewOn: '2026-04-23' };
    expect(riskPlanClock({ today: '2026-04-24', rosh: 'very-high', plan }).state).toBe('review-overdue');
    expect(riskPlanClock({ today: '2026-04-23', rosh: 'very-high', plan }).state).toBe('review-due-soon');
    expect(riskPlanClock({ today: '2026-04-13', rosh: 'very-high', plan }).state).toBe('review-due-soon');
    expect(riskPlanClock({ today: '2026-04-12', rosh: 'very-high', plan }).state).toBe('current');
  });

  it('needs every part written to be completed', () => {
    expect(
      riskPlanProblems({
        supervision: 'Weekly office reporting',
        'monitoring-and-control': '  ',
        'interventions-and-treatment': 'Building Better Relationships',
        'victim-safety-planning': null,
        contingency: 'Recall if contact with the victim',
      }),
    ).toEqual([
      {
        field: 'part-monitoring-and-control',
        message: 'Write the monitoring and control part before completing the plan',
      },
      {
        field: 'part-victim-safety-planning',
        message: 'Write the victim safety planning part before completing the plan',
      },
    ]);
  });
});

describe('an objective', () => {
  const choices = { needs: ['accommodation', 'relationships'], requirementIds: ['r1'] };

  it('is refused with neither a need nor a requirement', () => {
    expect(objectiveLinkProblems({ need: null, requirementId: null }, choices)).toEqual([
      { field: 'need', message: NO_LINK_MESSAGE },
    ]);
  });

  it('may link a need, a requirement or both', () => {
    expect(objectiveLinkProblems({ need: 'accommodation', requirementId: null }, choices)).toEqual([]);
    expect(objectiveLinkProblems({ need: null, requirementId: 'r1' }, choices)).toEqual([]);
    expect(objectiveLinkProblems({ need: 'relationships', requirementId: 'r1' }, choices)).toEqual([]);
  });

  it('links only to what the person has now', () => {
    expect(objectiveLinkProblems({ need: 'drugs', requirementId: 'r2' }, choices)).toEqual([
      { field: 'need', message: 'Choose a need from the latest signed assessment' },
      { field: 'requirementId', message: 'Choose a requirement of a current order' },
    ]);
    expect(
      objectiveLinkProblems({ need: 'drugs', requirementId: null }, { needs: [], requirementIds: [] })[0]!
        .message,
    ).toBe('There is no signed assessment to take a need from: link the objective to a requirement instead');
  });

  it('may link an additional licence condition alone, but only one of a current licence', () => {
    const onLicence = { ...choices, licenceConditionIds: ['c1'] };
    expect(
      objectiveLinkProblems({ need: null, requirementId: null, licenceConditionId: 'c1' }, onLicence),
    ).toEqual([]);
    expect(
      objectiveLinkProblems(
        { need: 'relationships', requirementId: null, licenceConditionId: 'c2' },
        onLicence,
      ),
    ).toEqual([
      { field: 'licenceConditionId', message: 'Choose an additional condition of a current licence' },
    ]);
    expect(
      objectiveLinkProblems({ need: null, requirementId: null, licenceConditionId: 'c1' }, choices),
    ).toEqual([
      { field: 'licenceConditionId', message: 'Choose an additional condition of a current licence' },
    ]);
    expect(
      objectiveLinkProblems({ need: null, requirementId: null, licenceConditionId: null }, onLicence),
    ).toEqual([{ field: 'need', message: NO_LINK_MESSAGE }]);
  });

  it('offers severe needs first, then standard, then no need, each in assessment order', () => {
    const needs = [
      { need: 'accommodation', severity: 'none' as const },
      { need: 'ete', severity: 'standard' as const },
      { need: 'relationships', severity: 'severe' as const },
      { need: 'drugs', severity: 'standard' as const },
    ];
    expect(needsForChoice(needs).map((n) => n.need)).toEqual([
      'relationships',
      'ete',
      'drugs',
      'accommodation',
    ]);
  });
});

describe('actions', () => {
  it('refuse a target date before the plan started, and accept the start date itself', () => {
    expect(actionDateProblems('2026-03-26', '2026-03-27')).toEqual([
      {
        field: 'targetDate',
        message: 'The target date must be on or after the day the plan started, 27 March 2026',
      },
    ]);
    expect(actionDateProblems('2026-03-27', '2026-03-27')).toEqual([]);
  });

  it('are overdue when the target date has passed and they are not done, oldest first', () => {
    const actions = [
      { id: 'a', targetDate: '2026-04-10', doneOn: null },
      { id: 'b', targetDate: '2026-04-01', doneOn: '2026-04-02' },
      { id: 'c', targetDate: '2026-04-15', doneOn: null },
      { id: 'd', targetDate: '2026-04-03', doneOn: null },
    ];
    expect(overdueActions(actions, '2026-04-15').map((a) => a.id)).toEqual(['d', 'a']);
    expect(overdueActions(actions, '2026-04-16').map((a) => a.id)).toEqual(['d', 'a', 'c']);
  });
});

describe('the sequence of objectives', () => {
  it('moves one objective up or down one place, and stays put at either end', () => {
    expect(moveInSequence(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
    expect(moveInSequence(['a', 'b', 'c'], 'a', 'down')).toEqual(['b', 'a', 'c']);
    expect(moveInSequence(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInSequence(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c']);
  });

  it('keeps every objective exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1 }), fc.nat(), fc.boolean(), (ids, n, up) => {
        const moved = moveInSequence(ids, ids[n % ids.length]!, up ? 'up' : 'down');
        return moved.length === ids.length && [...moved].sort().join() === [...ids].sort().join();
      }),
    );
  });
});

describe('recording the agreement', () => {
  it('needs objectives, an action for each, strengths and desistance factors', () => {
    expect(
      agreementProblems({
        objectives: [
          { officersWords: 'Find settled accommodation', actions: 2 },
          { officersWords: 'Complete Building Better Relationships', actions: 0 },
        ],
        strengths: 'Supportive sister',
        desistanceFactors: ' ',
      }).map((p) => p.message),
    ).toEqual([
      'Add an action to the objective “Complete Building Better Relationships” before recording the agreement',
      'Write the person’s strengths and what helps them stop offending before recording the agreement',
    ]);
    expect(agreementProblems({ objectives: [], strengths: 'a', desistanceFactors: 'b' })[0]!.message).toBe(
      'Add at least one objective before recording the agreement',
    );
  });
});
