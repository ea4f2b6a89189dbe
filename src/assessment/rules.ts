/**
 * The assessment's decisions, pure: section scores and needs worked out from the answers (never
 * typed), what a section still lacks before it can be marked complete, the overall RoSH, who must
 * countersign, and when the next assessment is due. Source of the thresholds:
 * reference/risk-instruments.md, "OASys: the layered assessment".
 */
import { addDays, addWorkingDays, longDate } from '../platform/calendar/index.js';
import type { NeedName, NeedSeverity } from '../tiering/index.js';
import { ASSESSMENT_POLICY, type AssessmentPolicy } from './policy.js';
import {
  optionOf,
  ROSH_GROUPS,
  ROSH_QUESTIONS,
  ROSH_RATING_KEYS,
  ROSH_RATINGS,
  ratingKey,
  SECTIONS,
  type Fact,
  type RoshRating,
  type SectionDefinition,
} from './sections.js';
import type { Correction, StoredAnswers } from './tables.js';

export interface FieldMessage {
  field: string;
  message: string;
}

/** One section as saved. */
export interface SectionState {
  code: string;
  status: 'not-started' | 'in-progress' | 'complete';
  answers: StoredAnswers;
  corrections: Record<string, Correction>;
  linkedToOffending: boolean | null;
  linkedToHarm: boolean | null;
  evidence: string | null;
  personsView: string | null;
}

/** What Probity already knows for an answer, and where it comes from in words. */
export interface RecordValue {
  value: string;
  source: string;
}

export type RecordValues = Readonly<Record<string, RecordValue>>;

export type AnswerSource = 'record' | 'corrected' | 'assessor' | 'unanswered';

export interface EffectiveAnswer {
  value: string | undefined;
  source: AnswerSource;
  fromRecord?: RecordValue;
  correction?: Correction;
}

/**
 * The answer an item or fact has: the assessor's when they gave one (a correction when the record
 * said otherwise), else what the record says.
 */
export function effectiveAnswer(code: string, section: SectionState, record: RecordValues): EffectiveAnswer {
  const typed = section.answers[code];
  const fromRecord = record[code];
  const correction = section.corrections[code];
  if (typed !== undefined && typed !== '') {
    if (fromRecord && fromRecord.value !== typed)
      return { value: typed, source: 'corrected', fromRecord, ...(correction ? { correction } : {}) };
    return {
      value: typed,
      source: fromRecord ? 'record' : 'assessor',
      ...(fromRecord ? { fromRecord } : {}),
    };
  }
  if (fromRecord) return { value: fromRecord.value, source: 'record', fromRecord };
  return { value: undefined, source: 'unanswered' };
}

// ---------------------------------------------------------------- scores and needs

export interface SectionScore {
  /** Null until every scored item is answered. */
  score: number | null;
  maxScore: number;
  answeredScored: number;
  scoredItems: number;
  /** Each scored item and its score, for the explanation. */
  lines: string[];
}

export function scoreSection(
  def: SectionDefinition,
  section: SectionState,
  record: RecordValues,
): SectionScore {
  const scored = def.items.filter((i) => i.scored);
  let total = 0;
  let answered = 0;
  const lines: string[] = [];
  for (const item of scored) {
    const option = optionOf(item, effectiveAnswer(item.code, section, record).value);
    if (!option) {
      lines.push(`${item.code} ${item.question}: not answered`);
      continue;
    }
    answered += 1;
    total += option.score;
    lines.push(`${item.code} ${item.question}: ${option.text} (${option.score})`);
  }
  return {
    score: answered === scored.length ? total : null,
    maxScore: scored.length * 2,
    answeredScored: answered,
    scoredItems: scored.length,
    lines,
  };
}

export interface SectionNeed {
  section: string;
  title: string;
  need: NeedName;
  severity: NeedSeverity;
  score: number | null;
  linkedToOffending: boolean | null;
  linkedToHarm: boolean | null;
  /** Why, in words: "score 5 of 8: a need from 2, severe from 7". */
  reason: string;
}

/**
 * A scored section's need comes from its score and thresholds. Finance and emotional well-being are
 * not scored: the assessor identifies a need there by linking the section to offending or to harm.
 */
export function needOfSection(
  def: SectionDefinition,
  section: SectionState,
  record: RecordValues,
): SectionNeed | null {
  if (!def.need) return null;
  const base = {
    section: def.code,
    title: def.title,
    need: def.need,
    linkedToOffending: section.linkedToOffending,
    linkedToHarm: section.linkedToHarm,
  };
  if (!def.thresholds) {
    const linked = section.linkedToOffending === true || section.linkedToHarm === true;
    return {
      ...base,
      severity: linked ? 'standard' : 'none',
      score: null,
      reason: linked
        ? 'Not scored: a need because the assessor linked it to offending or to risk of serious harm'
        : 'Not scored: no need unless the assessor links it to offending or to risk of serious harm',
    };
  }
  const { score, maxScore } = scoreSection(def, section, record);
  const { needAt, severeAt } = def.thresholds;
  const rule = `a need from ${needAt}, severe from ${severeAt}`;
  if (score === null)
    return {
      ...base,
      severity: 'none',
      score: null,
      reason: `Not every scored item is answered yet (${rule})`,
    };
  const severity: NeedSeverity = score >= severeAt ? 'severe' : score >= needAt ? 'standard' : 'none';
  return { ...base, severity, score, reason: `Score ${score} of ${maxScore}: ${rule}` };
}

export function needsOf(sections: readonly SectionState[], record: RecordValues): SectionNeed[] {
  return SECTIONS.flatMap((def) => {
    const section = sections.find((s) => s.code === def.code);
    const need = section ? needOfSection(def, section, record) : null;
    return need ? [need] : [];
  });
}

// ---------------------------------------------------------------- completion

/** Facts about sexual offending are needed only when a sexual sanction is recorded. */
export function hasSexualSanctions(section: SectionState, record: RecordValues): boolean {
  return [
    'contactAdultSexualSanctions',
    'contactChildSexualSanctions',
    'nonContactSexualSanctions',
    'indecentImageSanctions',
  ].some((code) => Number(effectiveAnswer(code, section, record).value ?? 0) > 0);
}

export function factApplies(fact: Fact, section: SectionState, record: RecordValues): boolean {
  return !fact.sexualOffendingOnly || hasSexualSanctions(section, record);
}

/** What must still be answered before the section can be marked complete. */
export function completionProblems(
  def: SectionDefinition,
  section: SectionState,
  record: RecordValues,
): FieldMessage[] {
  const problems: FieldMessage[] = [];
  for (const fact of def.facts ?? []) {
    if (!fact.required || !factApplies(fact, section, record)) continue;
    if (effectiveAnswer(fact.code, section, record).value === undefined)
      problems.push({ field: fact.code, message: `Enter the ${lowerFirst(fact.label)}` });
  }
  for (const item of def.items) {
    if (!optionOf(item, effectiveAnswer(item.code, section, record).value))
      problems.push({ field: item.code, message: `Answer ${item.code}: ${lowerFirst(item.question)}` });
  }
  if (def.kind === 'rosh') {
    for (const group of ROSH_GROUPS) {
      for (const setting of group.settings) {
        const key = ratingKey(setting, group.code);
        if (!ROSH_RATINGS.some((r) => r.value === section.answers[key]))
          problems.push({
            field: key,
            message: `Select the risk to ${lowerFirst(group.text)} in ${setting}`,
          });
      }
    }
    for (const q of ROSH_QUESTIONS) {
      if (!section.answers[q.code]?.trim())
        problems.push({ field: q.code, message: `Answer “${lowerFirst(q.label)}”` });
    }
  }
  if (def.asksLinks) {
    if (section.linkedToOffending === null)
      problems.push({
        field: 'linkedToOffending',
        message: 'Select whether this section is linked to offending',
      });
    if (section.linkedToHarm === null)
      problems.push({
        field: 'linkedToHarm',
        message: 'Select whether this section is linked to risk of serious harm',
      });
  }
  if (def.kind !== 'rosh' && !section.evidence?.trim())
    problems.push({ field: 'evidence', message: 'Enter the evidence and your analysis for this section' });
  return problems;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// ---------------------------------------------------------------- risk of serious harm

const RATING_ORDER: readonly RoshRating[] = ROSH_RATINGS.map((r) => r.value);

export function roshRank(level: RoshRating | null | undefined): number {
  return level ? RATING_ORDER.indexOf(level) : -1;
}

export interface OverallRosh {
  level: RoshRating;
  /** The ratings that gave the highest level, for the explanation. */
  from: string[];
}

/** The overall RoSH is the highest rating of any group in any setting. */
export function overallRosh(answers: StoredAnswers): OverallRosh | null {
  let best = -1;
  let from: string[] = [];
  for (const key of ROSH_RATING_KEYS) {
    const rank = RATING_ORDER.indexOf(answers[key] as RoshRating);
    if (rank < 0) continue;
    if (rank > best) {
      best = rank;
      from = [key];
    } else if (rank === best) from.push(key);
  }
  return best < 0 ? null : { level: RATING_ORDER[best]!, from };
}

export function describeRatingKey(key: string): string {
  const [setting, code] = key.split('.');
  const group = ROSH_GROUPS.find((g) => g.code === code);
  return `${group?.text ?? code} in ${setting}`;
}

/** A rise to high or very high alerts the manager (seed 000: "refer high and very high RoSH cases to the manager"). */
export function roshRiseNeedsManager(previous: RoshRating | null, next: RoshRating): boolean {
  return roshRank(next) >= roshRank('high') && roshRank(next) > roshRank(previous);
}

// ---------------------------------------------------------------- countersignature

export interface CountersignatureDecision {
  required: boolean;
  reason: string;
}

/** PSO assessments of medium RoSH or above are countersigned by a manager (configurable). */
export function countersignatureRequired(
  input: { assessorRoles: readonly string[]; rosh: RoshRating | null },
  policy: AssessmentPolicy = ASSESSMENT_POLICY,
): CountersignatureDecision {
  const byCountersignedRole =
    input.assessorRoles.some((r) => policy.countersignedRoles.includes(r)) &&
    !input.assessorRoles.includes('probation-officer');
  const threshold = ROSH_RATINGS.find((r) => r.value === policy.countersignRoshFrom)!.text.toLowerCase();
  if (!byCountersignedRole)
    return {
      required: false,
      reason: 'Completed by a probation officer or manager: no countersignature needed',
    };
  if (roshRank(input.rosh) >= roshRank(policy.countersignRoshFrom))
    return {
      required: true,
      reason: `A probation services officer’s assessment with RoSH ${input.rosh === 'very-high' ? 'very high' : input.rosh} (${threshold} or above) is countersigned by a manager`,
    };
  return {
    required: false,
    reason: `A probation services officer’s assessment with RoSH below ${threshold}: no countersignature needed`,
  };
}

// ---------------------------------------------------------------- what changed since the last assessment

export interface Change {
  code: string;
  before: string | undefined;
  after: string | undefined;
}

/** The answers of a section that differ from the same section of the previous assessment. */
export function changesFrom(previous: SectionState | undefined, current: SectionState): Change[] {
  if (!previous) return [];
  const codes = new Set([...Object.keys(previous.answers), ...Object.keys(current.answers)]);
  const changes: Change[] = [];
  for (const code of codes) {
    if ((previous.answers[code] ?? '') !== (current.answers[code] ?? ''))
      changes.push({ code, before: previous.answers[code], after: current.answers[code] });
  }
  for (const [code, before, after] of [
    ['linkedToOffending', previous.linkedToOffending, current.linkedToOffending],
    ['linkedToHarm', previous.linkedToHarm, current.linkedToHarm],
  ] as const) {
    if (before !== after) changes.push({ code, before: yesNoOrBlank(before), after: yesNoOrBlank(after) });
  }
  if ((previous.evidence ?? '') !== (current.evidence ?? ''))
    changes.push({
      code: 'evidence',
      before: previous.evidence ?? undefined,
      after: current.evidence ?? undefined,
    });
  return changes;
}

function yesNoOrBlank(value: boolean | null): string | undefined {
  return value === null ? undefined : value ? 'yes' : 'no';
}

// ---------------------------------------------------------------- when the next assessment is due

export interface AssessmentClockInput {
  today: string;
  /** When the current supervision began: the latest current order's sentence or release date. Null with no current order. */
  supervisionStart: string | null;
  /** The last completed (locked or awaiting countersignature) assessment's date. */
  lastCompletedOn: string | null;
  /** Significant changes: new convictions and registrations, with their dates. */
  changes: ReadonlyArray<{ on: string; what: string }>;
  /** An assessment is open now. */
  inProgressSince: string | null;
}

export type AssessmentClock =
  | { due: false; reason: string }
  | {
      due: true;
      kind: 'initial' | 'review';
      dueOn: string;
      status: 'overdue' | 'due-soon' | 'not-yet';
      reason: string;
      inProgress: boolean;
    };

function statusOf(dueOn: string, today: string, policy: AssessmentPolicy) {
  if (dueOn < today) return 'overdue' as const;
  return dueOn <= addDays(today, policy.dueSoonDays) ? ('due-soon' as const) : ('not-yet' as const);
}

/**
 * The initial assessment is due 15 working days after sentence or release; after that, a review
 * falls due on the cycle or soon after a significant change, whichever is first.
 */
export function assessmentClock(
  input: AssessmentClockInput,
  policy: AssessmentPolicy = ASSESSMENT_POLICY,
): AssessmentClock {
  if (!input.supervisionStart) return { due: false, reason: 'No current order or licence' };
  const inProgress = input.inProgressSince !== null;
  if (!input.lastCompletedOn || input.lastCompletedOn < input.supervisionStart) {
    const dueOn = addWorkingDays(input.supervisionStart, policy.initialDueWorkingDays);
    return {
      due: true,
      kind: 'initial',
      dueOn,
      status: statusOf(dueOn, input.today, policy),
      reason: `Initial assessment: due ${policy.initialDueWorkingDays} working days after sentence or release (${longDate(input.supervisionStart)})`,
      inProgress,
    };
  }
  const cycleDue = addDays(input.lastCompletedOn, policy.reviewCycleWeeks * 7);
  const change = input.changes
    .filter((c) => c.on > input.lastCompletedOn!)
    .sort((a, b) => a.on.localeCompare(b.on))[0];
  const changeDue = change ? addWorkingDays(change.on, policy.reviewAfterChangeWorkingDays) : null;
  if (changeDue && changeDue < cycleDue) {
    return {
      due: true,
      kind: 'review',
      dueOn: changeDue,
      status: statusOf(changeDue, input.today, policy),
      reason: `Review after a significant change: ${change!.what} on ${longDate(change!.on)}`,
      inProgress,
    };
  }
  return {
    due: true,
    kind: 'review',
    dueOn: cycleDue,
    status: statusOf(cycleDue, input.today, policy),
    reason: `Review: every ${policy.reviewCycleWeeks} weeks after the last assessment (${longDate(input.lastCompletedOn)})`,
    inProgress,
  };
}
