/**
 * What an assessment adds up to: each section's score and need, the predictors, the overall RoSH
 * and the inputs the tier takes. Worked out live while the assessment is open, and kept as the
 * snapshot when it is signed, so a signed assessment never changes when the record does.
 */
import type { NeedName, NeedSeverity } from '../tiering/index.js';
import { workOutPredictors, type PersonFacts, type PredictorOutcome } from './predictors.js';
import {
  effectiveAnswer,
  needsOf,
  overallRosh,
  scoreSection,
  type AnswerSource,
  type OverallRosh,
  type RecordValues,
  type SectionNeed,
  type SectionState,
} from './rules.js';
import { longDate } from '../platform/calendar/index.js';
import { OGRS3_OFFENCE_CATEGORY_TABLE, type Ogrs3OffenceCategoryCode } from '../risk/index.js';
import { itemDefinition, optionOf, SECTIONS, type Fact } from './sections.js';

export interface SectionScoreLine {
  section: string;
  title: string;
  score: number | null;
  maxScore: number;
  thresholds: { needAt: number; severeAt: number };
  lines: string[];
}

export interface FactLine {
  code: string;
  label: string;
  value: string | undefined;
  /** The value as the page shows it: a date in words, a category by its name. */
  shown: string;
  source: AnswerSource;
  recordSource?: string;
  recordValue?: string;
  correctionReason?: string;
}

/** The tier's inputs from an assessment; tiering reads exactly this from the snapshot. */
export interface AssessmentTierInputs {
  needs: Partial<Record<NeedName, NeedSeverity>>;
  ogrsPercent: number | null;
  rsr: number | null;
  parentingConcerns: boolean;
  impulsivityOrTemper: boolean;
}

export interface AssessmentSummary {
  scores: SectionScoreLine[];
  needs: SectionNeed[];
  predictors: PredictorOutcome[];
  rsrPercent: number | null;
  rosh: OverallRosh | null;
  facts: FactLine[];
  tierInputs: AssessmentTierInputs;
}

export interface AssessmentSnapshot extends AssessmentSummary {
  workedOutOn: string;
}

function shownValue(fact: Fact, value: string | undefined): string {
  if (value === undefined) return 'Not answered';
  if (fact.kind === 'date') return longDate(value);
  if (fact.kind === 'offence-category')
    return OGRS3_OFFENCE_CATEGORY_TABLE[value as Ogrs3OffenceCategoryCode]?.label ?? value;
  if (fact.kind === 'percent') return `${value}%`;
  if (fact.kind === 'yes-no') return value === 'yes' ? 'Yes' : 'No';
  return value;
}

function sectionOf(sections: readonly SectionState[], code: string): SectionState {
  return (
    sections.find((s) => s.code === code) ?? {
      code,
      status: 'not-started',
      answers: {},
      corrections: {},
      linkedToOffending: null,
      linkedToHarm: null,
      evidence: null,
      personsView: null,
    }
  );
}

function itemScore(sections: readonly SectionState[], record: RecordValues, section: string, code: string) {
  return optionOf(itemDefinition(code)!, effectiveAnswer(code, sectionOf(sections, section), record).value);
}

export function summarise(
  person: PersonFacts,
  sections: readonly SectionState[],
  record: RecordValues,
  today: string,
): AssessmentSummary {
  const scores = SECTIONS.flatMap((def) => {
    if (!def.thresholds) return [];
    const score = scoreSection(def, sectionOf(sections, def.code), record);
    return [
      {
        section: def.code,
        title: def.title,
        score: score.score,
        maxScore: score.maxScore,
        thresholds: def.thresholds,
        lines: score.lines,
      },
    ];
  });
  const needs = needsOf(sections, record);
  const { predictors, rsrPercent } = workOutPredictors(person, sections, record, today);
  const offending = sectionOf(sections, '1');
  const facts = (SECTIONS[0]!.facts ?? []).map((fact) => {
    const answer = effectiveAnswer(fact.code, offending, record);
    return {
      code: fact.code,
      label: fact.label,
      value: answer.value,
      shown: shownValue(fact, answer.value),
      source: answer.source,
      ...(answer.fromRecord
        ? { recordSource: answer.fromRecord.source, recordValue: answer.fromRecord.value }
        : {}),
      ...(answer.correction ? { correctionReason: answer.correction.reason } : {}),
    };
  });
  const ogrs3 = predictors.find((p) => p.name === 'OGRS3');
  const temper = [itemScore(sections, record, '11', '11.2'), itemScore(sections, record, '11', '11.4')];
  return {
    scores,
    needs,
    predictors,
    rsrPercent,
    rosh: overallRosh(sectionOf(sections, 'rosh').answers),
    facts,
    tierInputs: {
      needs: Object.fromEntries(needs.map((n) => [n.need, n.severity])),
      ogrsPercent: ogrs3?.status === 'worked-out' && ogrs3.percent ? ogrs3.percent.twoYear : null,
      rsr: rsrPercent,
      parentingConcerns: effectiveAnswer('6.9', sectionOf(sections, '6'), record).value === 'yes',
      impulsivityOrTemper: temper.some((option) => (option?.score ?? 0) > 0),
    },
  };
}
