import {
  addDays,
  addMonths,
  addWorkingDays,
  longDate,
  workingDaysBetween,
  type IsoDate,
} from '../platform/calendar/index.js';
import {
  communityBreachVersions,
  ENFORCEMENT_POLICY,
  fixedTermRecallVersions,
  pssVersions,
  type EnforcementPolicy,
} from './policy.js';
import { versionInForce } from './versions.js';

/**
 * Enforcement rules: each a small named function that answers its decision
 * together with the reasons (dates, counts, source), so a page can say why.
 * Pure: no I/O, no clock.
 */

export type OrderType = 'CO' | 'SSO' | 'LIC' | 'PSS';

export interface Decision<T> {
  answer: T;
  reasons: string[];
  source: string;
}

/** nDelius outcome codes that open an enforcement decision (probation-domain.md, Reference codes). */
const ENFORCEABLE_OUTCOMES = new Set(['AFTC', 'ATSH', 'ATFI', 'UAAB']);

/**
 * Whether an outcome opens an enforcement decision. "Failed to attend, awaiting
 * evidence" (AFTA) does so only once its evidence window has closed without evidence.
 * Source: nDelius contact outcome flags; Sentencing Code Sch 10 para 6.
 */
export function opensEnforcementDecision(
  outcomeCode: string,
  evidence?: { windowClosesOn: IsoDate; today: IsoDate; evidenceReceived: boolean },
): Decision<boolean> {
  const source = 'nDelius enforceable outcomes (AFTC, ATSH, ATFI, UAAB; AFTA after its evidence window)';
  if (ENFORCEABLE_OUTCOMES.has(outcomeCode)) {
    return { answer: true, reasons: [`${outcomeCode} is an enforceable outcome`], source };
  }
  if (outcomeCode === 'AFTA' && evidence) {
    const closed = evidence.today > evidence.windowClosesOn && !evidence.evidenceReceived;
    return {
      answer: closed,
      reasons: [
        closed
          ? `No evidence of an acceptable reason by ${longDate(evidence.windowClosesOn)}: treated as an unacceptable absence`
          : evidence.evidenceReceived
            ? 'Evidence was received: the officer judges whether it is acceptable'
            : `Waiting for evidence until the end of ${longDate(evidence.windowClosesOn)}`,
      ],
      source,
    };
  }
  return { answer: false, reasons: [`${outcomeCode} is not an enforceable outcome`], source };
}

/** The last day the person may give evidence of an acceptable reason for a failure to attend. */
export function evidenceWindowCloses(
  failureDate: IsoDate,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): Decision<IsoDate> {
  const closes = addWorkingDays(failureDate, policy.evidenceWindowWorkingDays);
  return {
    answer: closes,
    reasons: [
      `${policy.evidenceWindowWorkingDays} working days after the failure on ${longDate(failureDate)}`,
    ],
    source:
      'HMPPS enforcement policy: 5 working days by default (an earlier source says 7), ' +
      'set locally by PROBITY_EVIDENCE_WINDOW_WORKING_DAYS',
  };
}

export function decisionDue(openedOn: IsoDate, policy: EnforcementPolicy = ENFORCEMENT_POLICY): IsoDate {
  return addWorkingDays(openedOn, policy.decisionDueWorkingDays);
}

/** The breach pack is prepared within 10 working days of the decision to breach. */
export function breachPackDue(
  decidedOn: IsoDate,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): Decision<IsoDate> {
  return {
    answer: addWorkingDays(decidedOn, policy.breachPackWorkingDays),
    reasons: [
      `${policy.breachPackWorkingDays} working days after the decision to breach on ${longDate(decidedOn)}`,
    ],
    source: 'National Standards: breach pack within 10 working days of the decision',
  };
}

export interface WarningGiven {
  issuedOn: IsoDate;
  withdrawn: boolean;
}

/**
 * The last day of a warning's 12 months: the period "beginning with" the day it
 * was given, so a warning on 3 March lasts to 2 March next year, and a failure
 * exactly 12 months later falls outside it.
 */
export function warningExpires(issuedOn: IsoDate, policy: EnforcementPolicy = ENFORCEMENT_POLICY): IsoDate {
  const anniversary = addMonths(issuedOn, policy.warningLiveMonths);
  return addDays(anniversary, -1);
}

/** Warnings that are live on a date: given on or before it, not withdrawn, within their 12 months, after the last breach ended. */
export function liveWarnings(
  warnings: readonly WarningGiven[],
  on: IsoDate,
  breachPeriodEndedOn: IsoDate | null,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): WarningGiven[] {
  return warnings.filter(
    (w) =>
      !w.withdrawn &&
      w.issuedOn <= on &&
      on <= warningExpires(w.issuedOn, policy) &&
      (breachPeriodEndedOn === null || w.issuedOn > breachPeriodEndedOn),
  );
}

export type RequiredAction =
  | 'breach-required'
  | 'warn-or-breach'
  | 'licence-warning-or-recall'
  | 'warn-or-breach-to-magistrates'
  | 'warn-only'
  | 'no-action-order-ended';

export interface EnforcementSituation {
  orderType: OrderType;
  failureDate: IsoDate;
  /** The order's termination date, if it has ended. */
  orderTerminatedOn: IsoDate | null;
  /** The day the decision is being made (today): an order terminated by then can no longer be enforced. */
  decisionDate: IsoDate;
  warnings: readonly WarningGiven[];
  breachPeriodEndedOn: IsoDate | null;
  /** The conviction the order was made for, which decides the law it is enforced under; the failure date when unknown. */
  convictedOn?: IsoDate | null;
}

/**
 * What the law requires after a failure to comply without reasonable excuse.
 * Community order and SSO: a warning live in the previous 12 months means the
 * officer must refer for breach, and another warning is refused; otherwise warn
 * or refer (Sentencing Code Sch 10 paras 6–7; Sch 16 paras 6–7 for SSOs; for
 * convictions before 1 December 2020, Criminal Justice Act 2003 Sch 8 and Sch 12).
 * Licence: warnings are discretionary (first, second, final) or a recall
 * recommendation. Post-sentence supervision: warning or breach to the
 * magistrates' court, until the Sentencing Act 2026 repeals it for failures
 * after commencement.
 */
export function requiredAction(
  situation: EnforcementSituation,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): Decision<RequiredAction> {
  const { orderType, failureDate } = situation;
  const ended = situation.orderTerminatedOn;
  if (ended !== null && ended < failureDate) {
    return {
      answer: 'no-action-order-ended',
      reasons: [`The order ended on ${longDate(ended)}, before the failure on ${longDate(failureDate)}`],
      source: 'An ended order cannot be breached',
    };
  }
  if (ended !== null && ended <= situation.decisionDate) {
    // Terminated mid-process (revoked on a new sentence, say): nothing is left to warn about or enforce.
    return {
      answer: 'no-action-order-ended',
      reasons: [
        `The order was terminated on ${longDate(ended)}, after the failure on ${longDate(failureDate)}: it can no longer be warned about, breached or recalled, so record no further action`,
      ],
      source: 'An ended order cannot be breached',
    };
  }
  if (orderType === 'CO' || orderType === 'SSO') {
    const law = versionInForce(communityBreachVersions(), situation.convictedOn ?? failureDate).values;
    const source = orderType === 'CO' ? law.communityOrderSource : law.suspendedOrderSource;
    const live = liveWarnings(situation.warnings, failureDate, situation.breachPeriodEndedOn, policy);
    if (live.length > 0) {
      const latest = live
        .map((w) => w.issuedOn)
        .sort()
        .at(-1)!;
      return {
        answer: 'breach-required',
        reasons: [
          `Warning given on ${longDate(latest)}, live until ${longDate(warningExpires(latest, policy))}`,
          `Failure on ${longDate(failureDate)} is within 12 months of it: the officer must refer for breach, and another warning is not allowed`,
        ],
        source,
      };
    }
    return {
      answer: 'warn-or-breach',
      reasons: [
        `No live warning on ${longDate(failureDate)}: the officer must give a warning or refer for breach`,
      ],
      source,
    };
  }
  if (orderType === 'LIC') {
    return {
      answer: 'licence-warning-or-recall',
      reasons: [
        'Licence warnings are discretionary: a first, second or final warning, or a recall recommendation',
      ],
      source: 'Criminal Justice Act 2003 s.254; HMPPS recall policy',
    };
  }
  const pss = versionInForce(pssVersions(policy), failureDate);
  return pss.values.breachAvailable
    ? {
        answer: 'warn-or-breach-to-magistrates',
        reasons: ['Post-sentence supervision: warn, or take the breach to the magistrates’ court'],
        source: pss.source,
      }
    : {
        answer: 'warn-only',
        reasons: [`Failures after ${longDate(pss.effectiveFrom)} cannot be taken to court as a PSS breach`],
        source: pss.source,
      };
}

/** Whether a further warning may be given; a manager may override a refusal, recording why. */
export function mayGiveWarning(action: Decision<RequiredAction>): Decision<boolean> {
  const allowed = action.answer !== 'breach-required' && action.answer !== 'no-action-order-ended';
  return {
    answer: allowed,
    reasons: allowed
      ? ['A warning is one of the lawful options']
      : [...action.reasons, 'A manager may record an override with reasons'],
    source: action.source,
  };
}

export type LicenceWarningLevel = 'first' | 'second' | 'final';

/** The next licence warning: first, second, then final; after a final warning, recall is the next step. */
export function nextLicenceWarning(
  liveLicenceWarnings: number,
): Decision<LicenceWarningLevel | 'recall-recommended'> {
  const levels: LicenceWarningLevel[] = ['first', 'second', 'final'];
  const next = levels[liveLicenceWarnings];
  return next
    ? {
        answer: next,
        reasons: [`${liveLicenceWarnings} licence warning(s) live`],
        source: 'HMPPS licence enforcement practice',
      }
    : {
        answer: 'recall-recommended',
        reasons: ['A final warning has already been given'],
        source: 'HMPPS licence enforcement practice',
      };
}

export interface RecallFacts {
  decisionDate: IsoDate;
  ageOnDecision: number;
  sentenceMonths: number;
  schedule19AAOffence: boolean;
  terroristPrisoner: boolean;
  recalledForCharge: boolean;
  mappaLevel: 1 | 2 | 3 | null;
}

/**
 * Fixed-term recall eligibility: aged 18+, sentence under 4 years, not a
 * Sch 19AA offence, not a terrorist prisoner, not recalled for a charge, not
 * MAPPA level 2 or 3. 14 days for a sentence under 12 months, 28 otherwise.
 * Source: Criminal Justice Act 2003 s.255A–255C; Sentencing Act 2026 for
 * automatic release 56 days after return (from its configured commencement).
 */
export function fixedTermRecallEligibility(
  facts: RecallFacts,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
) {
  const version = versionInForce(fixedTermRecallVersions(policy), facts.decisionDate);
  const rules = version.values;
  const checks: Array<{ test: string; passed: boolean }> = [
    { test: `Aged 18 or over (${facts.ageOnDecision})`, passed: facts.ageOnDecision >= 18 },
    {
      test: `Sentence under ${rules.maximumSentenceMonthsExclusive / 12} years (${facts.sentenceMonths} months)`,
      passed: facts.sentenceMonths < rules.maximumSentenceMonthsExclusive,
    },
    { test: 'Not a Schedule 19AA offence', passed: !facts.schedule19AAOffence },
    { test: 'Not a terrorist prisoner', passed: !facts.terroristPrisoner },
    { test: 'Not recalled because of a charge', passed: !facts.recalledForCharge },
    {
      test: `Not MAPPA level 2 or 3 (${facts.mappaLevel ?? 'none'})`,
      passed: facts.mappaLevel !== 2 && facts.mappaLevel !== 3,
    },
  ];
  const eligible = checks.every((c) => c.passed);
  const days =
    facts.sentenceMonths < rules.shortSentenceMonthsExclusive
      ? rules.shortRecallDays
      : rules.standardRecallDays;
  return {
    eligible,
    fixedTermDays: eligible ? days : null,
    automaticReleaseDays: eligible ? null : rules.automaticReleaseDays,
    checks,
    reasons: eligible
      ? [`Eligible for a ${days}-day fixed-term recall`]
      : checks.filter((c) => !c.passed).map((c) => `Not eligible: fails "${c.test}"`),
    source: version.source,
  };
}

export type ClockState =
  | { state: 'due'; workingDaysLeft: number }
  | { state: 'due-today' }
  | { state: 'overdue'; workingDaysOver: number };

/** How a deadline stands today, in working days, for the enforcement caseload's clocks. */
export function clockState(dueOn: IsoDate, today: IsoDate): ClockState {
  if (dueOn === today) return { state: 'due-today' };
  if (dueOn > today) return { state: 'due', workingDaysLeft: workingDaysBetween(today, dueOn) };
  return { state: 'overdue', workingDaysOver: workingDaysBetween(dueOn, today) };
}

export interface FailureFact {
  date: IsoDate;
  /** Only national standards contact types count towards breach. */
  nationalStandards: boolean;
}

/**
 * Failures to comply in the 12 months ending today, counted since the last
 * breach ended (a resolved breach restarts the count): distinct dates of failures
 * at national standards contacts.
 * Source: probation-domain.md, Rules and timescales (the failure count restarts
 * after a breach is resolved; only national standards contact types count).
 */
export function failuresInPeriod(
  failures: readonly FailureFact[],
  today: IsoDate,
  breachPeriodEndedOn: IsoDate | null,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): Decision<{ count: number; dates: IsoDate[]; from: IsoDate }> {
  const windowStart = addDays(addMonths(today, -policy.warningLiveMonths), 1);
  const from =
    breachPeriodEndedOn && breachPeriodEndedOn >= windowStart ? addDays(breachPeriodEndedOn, 1) : windowStart;
  const dates = [
    ...new Set(
      failures.filter((f) => f.nationalStandards && f.date >= from && f.date <= today).map((f) => f.date),
    ),
  ].sort();
  return {
    answer: { count: dates.length, dates, from },
    reasons: [
      from === windowStart
        ? `Counted over the 12 months from ${longDate(from)} to ${longDate(today)}`
        : `Counted from ${longDate(from)}, the day after the last breach ended, to ${longDate(today)}`,
      dates.length ? `Failures on ${dates.map(longDate).join(', ')}` : 'No failure to comply in that period',
    ],
    source: 'Sentencing Code Sch 10 paras 6–7; only national standards contacts count',
  };
}

/** The date a failure's decision opens: the failure itself, or for AFTA the day after its evidence window closes. */
export function decisionOpensOn(
  outcomeCode: string,
  failureDate: IsoDate,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
): IsoDate {
  return outcomeCode === 'AFTA' ? addDays(evidenceWindowCloses(failureDate, policy).answer, 1) : failureDate;
}

export interface RecallSignatures {
  /** The user who countersigned as the manager, if anyone has. */
  manager: string | null;
  /** The user who countersigned as the senior manager (emergency recalls), if anyone has. */
  seniorManager: string | null;
}

/**
 * Which countersignature a manager's signature fills on a recall, and whether the
 * recall is then fully countersigned. A standard recall needs one manager; an
 * emergency recall needs a manager and a senior manager, two different people, in
 * either order. Null when this signer cannot add one, with the reason.
 * Source: HMPPS recall policy (emergency recalls are authorised at senior manager
 * level); which grades are senior managers is local policy (PROBITY_SENIOR_MANAGER_GRADES).
 */
export function recallCountersignature(
  recallType: 'standard' | 'emergency',
  signed: RecallSignatures,
  signer: { userId: string; seniorManager: boolean },
): Decision<{ fills: keyof RecallSignatures; complete: boolean } | null> {
  const source =
    'HMPPS recall policy: a manager countersigns; an emergency recall also needs a senior manager';
  if (recallType === 'standard') {
    return signed.manager === null
      ? {
          answer: { fills: 'manager', complete: true },
          reasons: ['A standard recall needs one manager’s countersignature'],
          source,
        }
      : { answer: null, reasons: ['A manager has already countersigned this recall'], source };
  }
  if (signed.manager === signer.userId || signed.seniorManager === signer.userId)
    return {
      answer: null,
      reasons: ['An emergency recall needs two different people to countersign it: you have already signed'],
      source,
    };
  const fills: keyof RecallSignatures | null =
    signer.seniorManager && signed.seniorManager === null
      ? 'seniorManager'
      : signed.manager === null
        ? 'manager'
        : null;
  if (fills === null)
    return {
      answer: null,
      reasons: ['An emergency recall also needs a senior manager to countersign it'],
      source,
    };
  const after = { ...signed, [fills]: signer.userId };
  return {
    answer: { fills, complete: after.manager !== null && after.seniorManager !== null },
    reasons: [
      fills === 'seniorManager'
        ? 'Countersigned as the senior manager'
        : 'Countersigned as the manager; an emergency recall also needs a senior manager',
    ],
    source,
  };
}
