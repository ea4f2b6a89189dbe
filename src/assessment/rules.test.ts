import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentClock,
  changesFrom,
  completionProblems,
  countersignatureRequired,
  effectiveAnswer,
  needOfSection,
  overallRosh,
  roshRiseNeedsManager,
  scoreSection,
  type SectionState,
} from './rules.js';
import { ROSH_RATING_KEYS, ROSH_QUESTIONS, SECTIONS, sectionDefinition } from './sections.js';

function section(
  code: string,
  answers: Record<string, string> = {},
  extra: Partial<SectionState> = {},
): SectionState {
  return {
    code,
    status: 'in-progress',
    answers,
    corrections: {},
    linkedToOffending: null,
    linkedToHarm: null,
    evidence: null,
    personsView: null,
    ...extra,
  };
}

const def = (code: string) => sectionDefinition(code)!;

describe('section scores and needs (reference: OASys thresholds)', () => {
  it('adds the scored items and ignores the unscored ones', () => {
    // Thinking and behaviour: impulsivity and temper are answered but not scored.
    const s = section('11', {
      '11.2': '2',
      '11.4': '2',
      '11.5': '1',
      '11.6': '1',
      '11.7': 'sometimes',
      '11.8': '0',
    });
    expect(scoreSection(def('11'), s, {})).toMatchObject({ score: 3, maxScore: 8, answeredScored: 4 });
  });

  it('has no score until every scored item is answered', () => {
    const s = section('3', { '3.3': 'yes', '3.4': '2' });
    expect(scoreSection(def('3'), s, {}).score).toBeNull();
    expect(needOfSection(def('3'), s, {})!.severity).toBe('none');
  });

  // Each threshold from the reference: one below, at the need threshold, one below severe, at severe.
  const thresholds: Array<[string, number, number]> = [
    ['3', 2, 7],
    ['4', 3, 7],
    ['6', 2, 5],
    ['7', 2, 5],
    ['8', 2, 8],
    ['9', 4, 7],
    ['11', 4, 7],
    ['12', 2, 7],
  ];
  it.each(thresholds)('section %s: a need from %i, severe from %i', (code, needAt, severeAt) => {
    expect(def(code).thresholds).toEqual({ needAt, severeAt });
    const severityAt = (score: number) => {
      const answers = answersScoring(code, score);
      return needOfSection(def(code), section(code, answers), {})!.severity;
    };
    expect(severityAt(needAt - 1)).toBe('none');
    expect(severityAt(needAt)).toBe('standard');
    expect(severityAt(severeAt - 1)).toBe('standard');
    expect(severityAt(severeAt)).toBe('severe');
  });

  it('finds a need in an unscored section only when it is linked to offending or harm', () => {
    expect(
      needOfSection(def('5'), section('5', {}, { linkedToOffending: false, linkedToHarm: false }), {})!
        .severity,
    ).toBe('none');
    expect(
      needOfSection(def('5'), section('5', {}, { linkedToOffending: true, linkedToHarm: false }), {})!
        .severity,
    ).toBe('standard');
    expect(
      needOfSection(def('10'), section('10', {}, { linkedToOffending: false, linkedToHarm: true }), {})!
        .severity,
    ).toBe('standard');
  });

  it('never gives a need for sections 1, 2, 13 or the RoSH summary', () => {
    for (const code of ['1', '2', '13', 'rosh'])
      expect(needOfSection(def(code), section(code), {})).toBeNull();
  });

  it('scores any answers between 0 and twice the scored items (property)', () => {
    const scored = SECTIONS.filter((d) => d.thresholds);
    fc.assert(
      fc.property(
        fc.constantFrom(...scored),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
        (d, scores) => {
          const answers = Object.fromEntries(
            d.items.map((item, i) => [item.code, optionWithScore(item.code, scores[i % scores.length]!)]),
          );
          const result = scoreSection(d, section(d.code, answers), {});
          expect(result.score).not.toBeNull();
          expect(result.score!).toBeGreaterThanOrEqual(0);
          expect(result.score!).toBeLessThanOrEqual(result.maxScore);
        },
      ),
    );
  });
});

/** Answers for a section that add up to `target` (scored items filled greedily with 2s). */
function answersScoring(code: string, target: number): Record<string, string> {
  const answers: Record<string, string> = {};
  let left = target;
  for (const item of def(code).items) {
    if (!item.scored) continue;
    const options = itemOptions(item.code);
    const want = Math.min(2, left);
    const option = options.find((o) => o.score === want) ?? options.find((o) => o.score === 0)!;
    answers[item.code] = option.value;
    left -= option.score;
  }
  expect(left, `section ${code} can score ${target}`).toBe(0);
  return answers;
}

function itemOptions(code: string) {
  for (const d of SECTIONS) {
    const item = d.items.find((i) => i.code === code);
    if (item) {
      const scales = {
        problem: [0, 1, 2].map((n) => ({ value: String(n), score: n })),
        yesScoresTwo: [
          { value: 'no', score: 0 },
          { value: 'yes', score: 2 },
        ],
        motivation: [
          { value: 'full', score: 0 },
          { value: 'partial', score: 1 },
          { value: 'none', score: 2 },
        ],
        awareness: [
          { value: 'yes', score: 0 },
          { value: 'sometimes', score: 1 },
          { value: 'no', score: 2 },
        ],
        injected: [
          { value: 'never', score: 0 },
          { value: 'previously', score: 1 },
          { value: 'currently', score: 2 },
        ],
        yesNo: [
          { value: 'no', score: 0 },
          { value: 'yes', score: 0 },
        ],
      } as const;
      return scales[item.scale];
    }
  }
  throw new Error(code);
}

function optionWithScore(code: string, score: number): string {
  const options = itemOptions(code);
  return (options.find((o) => o.score === score) ?? options[0]!).value;
}

describe('enter once: answers from the record', () => {
  const record = { totalSanctions: { value: '3', source: '3 convictions recorded in Probity' } };

  it('uses the record until the assessor answers', () => {
    expect(effectiveAnswer('totalSanctions', section('1'), record)).toMatchObject({
      value: '3',
      source: 'record',
    });
  });

  it('shows an answer that differs from the record as a correction, keeping the record’s value', () => {
    const answer = effectiveAnswer(
      'totalSanctions',
      section(
        '1',
        { totalSanctions: '7' },
        {
          corrections: { totalSanctions: { value: '7', reason: 'PNC shows 4 cautions', by: 'A', at: 'now' } },
        },
      ),
      record,
    );
    expect(answer).toMatchObject({ value: '7', source: 'corrected', fromRecord: { value: '3' } });
    expect(answer.correction?.reason).toBe('PNC shows 4 cautions');
  });

  it('takes a typed answer where the record has nothing', () => {
    expect(
      effectiveAnswer('nonContactSexualSanctions', section('1', { nonContactSexualSanctions: '0' }), record),
    ).toMatchObject({
      value: '0',
      source: 'assessor',
    });
  });
});

describe('what a section lacks before it is complete', () => {
  it('names every unanswered item, both links and the evidence', () => {
    const problems = completionProblems(def('7'), section('7', { '7.2': '1' }), {});
    expect(problems.map((p) => p.field)).toEqual([
      '7.3',
      '7.5',
      'linkedToOffending',
      'linkedToHarm',
      'evidence',
    ]);
    expect(problems[0]!.message).toBe('Answer 7.3: easily influenced by criminal associates');
  });

  it('asks the sexual offending facts only when a sexual sanction is recorded', () => {
    const base = {
      ogrs3Category: 'violence',
      currentConvictionDate: '2026-01-01',
      totalSanctions: '2',
      firstSanctionDate: '2020-01-01',
      violentSanctions: '1',
      followUpStartDate: '2026-01-01',
      contactAdultSexualSanctions: '0',
      contactChildSexualSanctions: '0',
      nonContactSexualSanctions: '0',
      indecentImageSanctions: '0',
    };
    expect(completionProblems(def('1'), section('1', base, { evidence: 'PNC checked' }), {})).toEqual([]);
    const withImages = completionProblems(
      def('1'),
      section('1', { ...base, indecentImageSanctions: '1' }, { evidence: 'x' }),
      {},
    );
    expect(withImages.map((p) => p.field)).toEqual([
      'lastSexualSanctionDate',
      'mostRecentSexualOffenceDate',
      'mostRecentOffenceDate',
      'strangerVictim',
    ]);
  });

  it('asks every RoSH rating and answer, and no evidence box', () => {
    const problems = completionProblems(def('rosh'), section('rosh'), {});
    expect(problems).toHaveLength(ROSH_RATING_KEYS.length + ROSH_QUESTIONS.length);
    expect(problems.map((p) => p.field)).not.toContain('evidence');
    expect(problems.map((p) => p.message)).toContain('Select the risk to prisoners in custody');
  });
});

describe('risk of serious harm', () => {
  it('is the highest rating of any group in any setting', () => {
    expect(
      overallRosh({ 'community.children': 'low', 'community.knownAdult': 'high', 'custody.staff': 'medium' }),
    ).toEqual({
      level: 'high',
      from: ['community.knownAdult'],
    });
    expect(overallRosh({})).toBeNull();
  });

  it('never falls below any single rating (property)', () => {
    const levels = ['low', 'medium', 'high', 'very-high'] as const;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ROSH_RATING_KEYS), fc.constantFrom(...levels), { minKeys: 1 }),
        (answers) => {
          const overall = overallRosh(answers)!;
          for (const level of Object.values(answers))
            expect(levels.indexOf(overall.level)).toBeGreaterThanOrEqual(levels.indexOf(level));
        },
      ),
    );
  });

  it('alerts the manager on a rise to high or very high only', () => {
    expect(roshRiseNeedsManager('medium', 'high')).toBe(true);
    expect(roshRiseNeedsManager(null, 'very-high')).toBe(true);
    expect(roshRiseNeedsManager('high', 'very-high')).toBe(true);
    expect(roshRiseNeedsManager('high', 'high')).toBe(false);
    expect(roshRiseNeedsManager('very-high', 'high')).toBe(false);
    expect(roshRiseNeedsManager('low', 'medium')).toBe(false);
  });
});

describe('countersignature', () => {
  const pso = ['probation-services-officer'];
  it('is needed for a PSO’s assessment of medium RoSH or above', () => {
    expect(countersignatureRequired({ assessorRoles: pso, rosh: 'low' }).required).toBe(false);
    expect(countersignatureRequired({ assessorRoles: pso, rosh: 'medium' }).required).toBe(true);
    expect(countersignatureRequired({ assessorRoles: pso, rosh: 'very-high' })).toEqual({
      required: true,
      reason:
        'A probation services officer’s assessment with RoSH very high (medium or above) is countersigned by a manager',
    });
  });
  it('is not needed for a probation officer’s', () => {
    expect(
      countersignatureRequired({ assessorRoles: ['probation-officer'], rosh: 'very-high' }).required,
    ).toBe(false);
  });
  it('follows a configured threshold', () => {
    const policy = { ...baseline(), countersignRoshFrom: 'high' as const };
    expect(countersignatureRequired({ assessorRoles: pso, rosh: 'medium' }, policy).required).toBe(false);
    expect(countersignatureRequired({ assessorRoles: pso, rosh: 'high' }, policy).required).toBe(true);
  });
});

function baseline() {
  return {
    initialDueWorkingDays: 15,
    reviewCycleWeeks: 26,
    reviewAfterChangeWorkingDays: 10,
    significantRegisterTypes: ['RHRH'],
    countersignRoshFrom: 'medium' as const,
    countersignedRoles: ['probation-services-officer'],
    dueSoonDays: 10,
  };
}

describe('when the next assessment is due', () => {
  it('is due 15 working days after sentence, skipping weekends and bank holidays', () => {
    // Sentenced Monday 14 December 2026: Christmas Day and Boxing Day (moved to Monday 28th) are bank holidays.
    const clock = assessmentClock({
      today: '2026-12-14',
      supervisionStart: '2026-12-14',
      lastCompletedOn: null,
      changes: [],
      inProgressSince: null,
    });
    expect(clock).toMatchObject({ due: true, kind: 'initial', dueOn: '2027-01-07', status: 'not-yet' });
  });

  it('is overdue the day after it was due', () => {
    const input = {
      supervisionStart: '2026-11-02',
      lastCompletedOn: null,
      changes: [],
      inProgressSince: null,
    };
    expect(assessmentClock({ ...input, today: '2026-11-23' })).toMatchObject({
      dueOn: '2026-11-23',
      status: 'due-soon',
    });
    expect(assessmentClock({ ...input, today: '2026-11-24' })).toMatchObject({ status: 'overdue' });
  });

  it('falls due on the review cycle after a completed assessment', () => {
    expect(
      assessmentClock({
        today: '2026-12-01',
        supervisionStart: '2026-01-05',
        lastCompletedOn: '2026-06-01',
        changes: [],
        inProgressSince: null,
      }),
    ).toMatchObject({ kind: 'review', dueOn: '2026-11-30', status: 'overdue' });
  });

  it('falls due sooner after a significant change, with the change as its reason', () => {
    const clock = assessmentClock({
      today: '2026-08-01',
      supervisionStart: '2026-01-05',
      lastCompletedOn: '2026-06-01',
      changes: [
        { on: '2026-05-01', what: 'a new conviction (event 1)' },
        { on: '2026-07-01', what: 'a RoSH high registration' },
      ],
      inProgressSince: null,
    });
    expect(clock).toMatchObject({ kind: 'review', dueOn: '2026-07-15', status: 'overdue' });
    expect(clock.due && clock.reason).toBe(
      'Review after a significant change: a RoSH high registration on 1 July 2026',
    );
  });

  it('asks for a new initial assessment when the last one predates the current order', () => {
    expect(
      assessmentClock({
        today: '2026-12-01',
        supervisionStart: '2026-11-02',
        lastCompletedOn: '2025-01-01',
        changes: [],
        inProgressSince: null,
      }),
    ).toMatchObject({ kind: 'initial' });
  });

  it('is nothing without a current order', () => {
    expect(
      assessmentClock({
        today: '2026-12-01',
        supervisionStart: null,
        lastCompletedOn: null,
        changes: [],
        inProgressSince: null,
      }),
    ).toEqual({
      due: false,
      reason: 'No current order or licence',
    });
  });
});

describe('what changed since the last assessment', () => {
  it('lists changed answers, links and evidence', () => {
    const before = section(
      '3',
      { '3.3': 'no', '3.4': '1' },
      { linkedToOffending: false, evidence: 'Stable' },
    );
    const after = section(
      '3',
      { '3.3': 'yes', '3.4': '1' },
      { linkedToOffending: true, evidence: 'Evicted' },
    );
    expect(
      changesFrom(before, after)
        .map((c) => c.code)
        .sort(),
    ).toEqual(['3.3', 'evidence', 'linkedToOffending']);
    expect(changesFrom(undefined, after)).toEqual([]);
  });
});
