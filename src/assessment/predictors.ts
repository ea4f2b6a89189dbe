/**
 * The predictors worked out from an assessment and the case record: OGRS3, OGP, OVP, OSP/DC and
 * OSP/IIC. Each answer goes through the same request schema the calculator API uses, so a
 * predictor that cannot be worked out says exactly which answer is missing or inconsistent.
 * RSR is recorded, not calculated (reference/risk-instruments.md, "RSR").
 */
import type { z } from 'zod';
import {
  calculateOgp,
  calculateOgrs3,
  calculateOspDc,
  calculateOspIic,
  calculateOvp,
  ogpRequest,
  ogrs3Request,
  ospDcRequest,
  ospIicRequest,
  ovpRequest,
  PROBLEM_LEVELS,
  riskRequestFieldProblems,
  type ExplanationStep,
} from '../risk/index.js';
import { effectiveAnswer, hasSexualSanctions, type RecordValues, type SectionState } from './rules.js';
import { itemDefinition, optionOf, SECTIONS } from './sections.js';

export interface PersonFacts {
  sex: 'male' | 'female';
  dateOfBirth: string;
}

export type PredictorName = 'OGRS3' | 'OGP' | 'OVP' | 'OSP/DC' | 'OSP/IIC';

export type PredictorOutcome =
  | {
      name: PredictorName;
      status: 'worked-out';
      /** Two-year percentage for OGRS3, OGP and OVP; the OSP/DC percentage; null for OSP/IIC. */
      percent: { oneYear: number; twoYear: number } | null;
      ospPercent?: number;
      band: string;
      explanation: ExplanationStep[];
    }
  | { name: PredictorName; status: 'not-applicable'; reason: string; explanation: ExplanationStep[] }
  | { name: PredictorName; status: 'cannot-work-out'; missing: string[] };

export interface PredictorsResult {
  predictors: PredictorOutcome[];
  /** RSR as recorded from OASys, or null. */
  rsrPercent: number | null;
}

type Sections = readonly SectionState[];

const EMPTY: SectionState = {
  code: '',
  status: 'not-started',
  answers: {},
  corrections: {},
  linkedToOffending: null,
  linkedToHarm: null,
  evidence: null,
  personsView: null,
};

function sectionOf(sections: Sections, code: string): SectionState {
  return sections.find((s) => s.code === code) ?? { ...EMPTY, code };
}

/** The section an item or fact belongs to. */
function sectionCodeOf(code: string): string {
  const section = SECTIONS.find(
    (s) => s.items.some((i) => i.code === code) || (s.facts ?? []).some((f) => f.code === code),
  );
  if (!section) throw new RangeError(`No section asks ${code}`);
  return section.code;
}

function answerOf(sections: Sections, record: RecordValues, code: string): string | undefined {
  return effectiveAnswer(code, sectionOf(sections, sectionCodeOf(code)), record).value;
}

const asNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** An item's 0/1/2 score as the predictors' problem levels. */
function problemLevel(sections: Sections, record: RecordValues, code: string) {
  const option = optionOf(itemDefinition(code)!, answerOf(sections, record, code));
  return option ? PROBLEM_LEVELS[option.score] : undefined;
}

function yes(sections: Sections, record: RecordValues, code: string): boolean | undefined {
  const value = answerOf(sections, record, code);
  return value === undefined ? undefined : value === 'yes';
}

/** A field of a predictor's body, in the assessment's words. */
const FIELD_NAMES: Record<string, string> = {
  sex: 'sex (personal details)',
  dateOfBirth: 'date of birth (personal details)',
  currentConvictionDate: '1: date of the current conviction',
  firstSanctionDate: '1: date of the first sanction',
  followUpStartDate: '1: start of the period at risk',
  totalSanctions: '1: total sanctions',
  offenceCategory: '1: offence category',
  violentSanctions: '1: violent sanctions',
  ogrs3TwoYearPercent: 'OGRS3 (worked out first)',
  noFixedAbodeOrTransientAccommodation: '3.3 no fixed abode',
  unemployed: '4.2 unemployed',
  regularActivitiesEncourageOffending: '7.2 regular activities encourage offending',
  currentDrugMisuse: '8.4 current drug misuse',
  motivationToTackleDrugMisuse: '8.8 motivation to tackle drug misuse',
  problemSolvingSkills: '11.6 problem solving skills',
  awarenessOfConsequences: '11.7 awareness of consequences',
  understandsOtherPeoplesViews: '11.8 understands other people’s views',
  proCriminalAttitudes: '12.1 pro-criminal attitudes',
  recognisesImpactOfOffendingOnOthers: '2.8 recognises the impact of offending',
  currentAlcoholUseProblem: '9.1 current use of alcohol',
  excessiveAlcoholUse: '9.2 binge drinking or excessive use',
  currentPsychiatricTreatment: '10.6 psychiatric treatment',
  temperControl: '11.4 temper control',
  contactAdultSexualSanctions: '1: contact adult sexual sanctions',
  contactChildSexualSanctions: '1: contact child sexual sanctions',
  nonContactSexualSanctions: '1: non-contact sexual sanctions',
  indecentImageSanctions: '1: indecent image sanctions',
  lastSexualSanctionDate: '1: date of the most recent sexual sanction',
  mostRecentOffenceDate: '1: date of the most recent offence',
  mostRecentSexualOffenceDate: '1: date of the most recent sexual offence',
  strangerVictim: '1: stranger victim',
};

/** Drops unanswered fields, so the schema reports each one as missing in its own words. */
function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

function parse<T>(schema: z.ZodType<T>, body: Record<string, unknown>, name: PredictorName) {
  const parsed = schema.safeParse(defined(body));
  if (parsed.success) return { ok: true as const, value: parsed.data };
  const missing = riskRequestFieldProblems(parsed.error, name).map((p) =>
    body[p.field] === undefined
      ? `${FIELD_NAMES[p.field] ?? p.field}: not answered yet`
      : `${FIELD_NAMES[p.field] ?? p.field}: ${p.message}`,
  );
  return { ok: false as const, outcome: { name, status: 'cannot-work-out' as const, missing } };
}

export function workOutPredictors(
  person: PersonFacts,
  sections: Sections,
  record: RecordValues,
  today: string,
): PredictorsResult {
  const a = (code: string) => answerOf(sections, record, code);
  const offending = {
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    followUpStartDate: a('followUpStartDate'),
    totalSanctions: asNumber(a('totalSanctions')),
  };
  const predictors: PredictorOutcome[] = [];

  const ogrs3Body = parse(
    ogrs3Request(today),
    {
      ...offending,
      currentConvictionDate: a('currentConvictionDate'),
      firstSanctionDate: a('firstSanctionDate'),
      offenceCategory: a('ogrs3Category'),
    },
    'OGRS3',
  );
  let ogrs3TwoYear: number | undefined;
  if (ogrs3Body.ok) {
    const result = calculateOgrs3(ogrs3Body.value);
    ogrs3TwoYear = result.percent.twoYear;
    predictors.push({
      name: 'OGRS3',
      status: 'worked-out',
      percent: result.percent,
      band: result.band,
      explanation: result.explanation,
    });
  } else predictors.push(ogrs3Body.outcome);

  const ogpBody = parse(
    ogpRequest,
    {
      ogrs3TwoYearPercent: ogrs3TwoYear,
      noFixedAbodeOrTransientAccommodation: yes(sections, record, '3.3'),
      unemployed: yes(sections, record, '4.2'),
      regularActivitiesEncourageOffending: problemLevel(sections, record, '7.2'),
      currentDrugMisuse: problemLevel(sections, record, '8.4'),
      motivationToTackleDrugMisuse: a('8.8'),
      problemSolvingSkills: problemLevel(sections, record, '11.6'),
      awarenessOfConsequences: a('11.7'),
      understandsOtherPeoplesViews: problemLevel(sections, record, '11.8'),
      proCriminalAttitudes: problemLevel(sections, record, '12.1'),
    },
    'OGP',
  );
  if (ogpBody.ok) {
    const result = calculateOgp(ogpBody.value);
    predictors.push({
      name: 'OGP',
      status: 'worked-out',
      percent: result.percent,
      band: result.band,
      explanation: result.explanation,
    });
  } else predictors.push(ogpBody.outcome);

  const ovpBody = parse(
    ovpRequest(today),
    {
      ...offending,
      violentSanctions: asNumber(a('violentSanctions')),
      recognisesImpactOfOffendingOnOthers: yes(sections, record, '2.8'),
      noFixedAbodeOrTransientAccommodation: yes(sections, record, '3.3'),
      unemployed: yes(sections, record, '4.2'),
      currentAlcoholUseProblem: problemLevel(sections, record, '9.1'),
      excessiveAlcoholUse: problemLevel(sections, record, '9.2'),
      currentPsychiatricTreatment: yes(sections, record, '10.6'),
      temperControl: problemLevel(sections, record, '11.4'),
      proCriminalAttitudes: problemLevel(sections, record, '12.1'),
    },
    'OVP',
  );
  if (ovpBody.ok) {
    const result = calculateOvp(ovpBody.value);
    predictors.push({
      name: 'OVP',
      status: 'worked-out',
      percent: result.percent,
      band: result.band,
      explanation: result.explanation,
    });
  } else predictors.push(ovpBody.outcome);

  predictors.push(...sexualPredictors(person, sections, record, today));

  const rsr = a('rsrPercent');
  return { predictors, rsrPercent: rsr === undefined ? null : Number(rsr) };
}

function sexualPredictors(
  person: PersonFacts,
  sections: Sections,
  record: RecordValues,
  today: string,
): PredictorOutcome[] {
  const a = (code: string) => answerOf(sections, record, code);
  if (person.sex === 'female') {
    return (['OSP/DC', 'OSP/IIC'] as const).map((name) => {
      const result =
        name === 'OSP/DC' ? calculateOspDc({ sex: 'female' }) : calculateOspIic({ sex: 'female' });
      return { name, status: 'not-applicable', reason: 'OSP is for men', explanation: result.explanation };
    });
  }
  if (!hasSexualSanctions(sectionOf(sections, '1'), record)) {
    const reason = 'No sexual sanction is recorded in section 1';
    return [
      { name: 'OSP/DC', status: 'not-applicable', reason, explanation: [] },
      { name: 'OSP/IIC', status: 'not-applicable', reason, explanation: [] },
    ];
  }
  const outcomes: PredictorOutcome[] = [];
  const followUpStartDate = a('followUpStartDate');
  const dcBody = parse(
    ospDcRequest(today),
    {
      sex: 'male',
      dateOfBirth: person.dateOfBirth,
      followUpStartDate,
      contactAdultSexualSanctions: asNumber(a('contactAdultSexualSanctions')),
      contactChildSexualSanctions: asNumber(a('contactChildSexualSanctions')),
      nonContactSexualSanctions: asNumber(a('nonContactSexualSanctions')),
      lastSexualSanctionDate: a('lastSexualSanctionDate'),
      totalSanctions: asNumber(a('totalSanctions')),
      strangerVictim: a('strangerVictim') === undefined ? undefined : a('strangerVictim') === 'yes',
      // In the community once the period at risk has begun (sentence or release).
      inCommunity: followUpStartDate === undefined ? undefined : followUpStartDate <= today,
      mostRecentOffenceDate: a('mostRecentOffenceDate'),
      mostRecentSexualOffenceDate: a('mostRecentSexualOffenceDate'),
      assessmentDate: today,
    },
    'OSP/DC',
  );
  if (dcBody.ok) {
    const result = calculateOspDc(dcBody.value);
    outcomes.push(
      result.applicable
        ? {
            name: 'OSP/DC',
            status: 'worked-out',
            percent: null,
            ospPercent: result.percent,
            band: result.band,
            explanation: result.explanation,
          }
        : {
            name: 'OSP/DC',
            status: 'not-applicable',
            reason: 'OSP is for men',
            explanation: result.explanation,
          },
    );
  } else outcomes.push(dcBody.outcome);
  const iicBody = parse(
    ospIicRequest,
    { sex: 'male', indecentImageSanctions: asNumber(a('indecentImageSanctions')) },
    'OSP/IIC',
  );
  if (iicBody.ok) {
    const result = calculateOspIic(iicBody.value);
    outcomes.push(
      result.applicable
        ? {
            name: 'OSP/IIC',
            status: 'worked-out',
            percent: null,
            band: result.band,
            explanation: result.explanation,
          }
        : {
            name: 'OSP/IIC',
            status: 'not-applicable',
            reason: 'OSP is for men',
            explanation: result.explanation,
          },
    );
  } else outcomes.push(iicBody.outcome);
  return outcomes;
}
