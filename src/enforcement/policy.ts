import type { RuleVersion } from './versions.js';

/**
 * Local policy for enforcement timescales: configuration with documented
 * defaults (probation-domain.md, Rules and timescales). Shown to users where it
 * drives a deadline.
 */
export interface EnforcementPolicy {
  /** Working days the person has to give evidence of an acceptable reason. The sources disagree (5 or 7): default 5. */
  evidenceWindowWorkingDays: number;
  /** Working days for the officer to decide what to do after an enforceable failure. [U] local policy. */
  decisionDueWorkingDays: number;
  /** Working days from the decision to breach to the breach pack being ready. */
  breachPackWorkingDays: number;
  /** Months a warning stays live for the purpose of the breach rule. */
  warningLiveMonths: number;
  /**
   * When the Sentencing Act 2026's recall and post-sentence supervision changes commence.
   * The reference gives no date, so none is assumed: set it when known, and the rules
   * switch version on that date.
   */
  sentencingAct2026Commencement: string | null;
  /** Staff grades whose managers are senior managers, for emergency recalls. [U] local policy: head of service. */
  seniorManagerGrades: readonly string[];
}

export const ENFORCEMENT_POLICY: EnforcementPolicy = {
  evidenceWindowWorkingDays: 5,
  decisionDueWorkingDays: 2,
  breachPackWorkingDays: 10,
  seniorManagerGrades: ['HOS'],
  warningLiveMonths: 12,
  sentencingAct2026Commencement: null,
};

/** The policy in force: the statutory defaults with the local settings read from the configuration. */
export function policyFrom(configured: Partial<EnforcementPolicy>): EnforcementPolicy {
  return { ...ENFORCEMENT_POLICY, ...configured };
}

export interface FixedTermRecallRules {
  maximumSentenceMonthsExclusive: number;
  shortSentenceMonthsExclusive: number;
  shortRecallDays: number;
  standardRecallDays: number;
  /** Sentencing Act 2026: other eligible recalls are released automatically this many days after return; null before. */
  automaticReleaseDays: number | null;
}

const BEFORE_SENTENCING_ACT_2026: FixedTermRecallRules = {
  maximumSentenceMonthsExclusive: 48,
  shortSentenceMonthsExclusive: 12,
  shortRecallDays: 14,
  standardRecallDays: 28,
  automaticReleaseDays: null,
};

/** Fixed-term recall, versioned by the date of the recall decision. */
export function fixedTermRecallVersions(policy: EnforcementPolicy): RuleVersion<FixedTermRecallRules>[] {
  const versions: RuleVersion<FixedTermRecallRules>[] = [
    {
      effectiveFrom: '2015-02-01',
      source: 'Criminal Justice Act 2003 s.255A–255C (as amended by the Offender Rehabilitation Act 2014)',
      values: BEFORE_SENTENCING_ACT_2026,
    },
  ];
  if (policy.sentencingAct2026Commencement) {
    versions.push({
      effectiveFrom: policy.sentencingAct2026Commencement,
      source: 'Sentencing Act 2026: automatic release 56 days after return for other eligible recalls',
      values: { ...BEFORE_SENTENCING_ACT_2026, automaticReleaseDays: 56 },
    });
  }
  return versions;
}

export interface PssRules {
  /** Whether a failure can still be taken to the magistrates' court as a PSS breach. */
  breachAvailable: boolean;
}

/** Post-sentence supervision, versioned by the date of the failure: the Sentencing Act 2026 repeals PSS for failures after commencement. */
export function pssVersions(policy: EnforcementPolicy): RuleVersion<PssRules>[] {
  const versions: RuleVersion<PssRules>[] = [
    {
      effectiveFrom: '2015-02-01',
      source: 'Criminal Justice Act 2003 s.256AA–256AC',
      values: { breachAvailable: true },
    },
  ];
  if (policy.sentencingAct2026Commencement) {
    versions.push({
      effectiveFrom: policy.sentencingAct2026Commencement,
      source: 'Sentencing Act 2026 (repeal of post-sentence supervision for failures after commencement)',
      values: { breachAvailable: false },
    });
  }
  return versions;
}

export interface CommunityBreachRules {
  /** Where the duty to warn once, then refer for breach, is found for a community order. */
  communityOrderSource: string;
  /** The same for a suspended sentence order's community requirements. */
  suspendedOrderSource: string;
}

/**
 * The warning-then-breach rule for community orders and SSOs, versioned by the date of
 * conviction: the Sentencing Code applies where the conviction is on or after
 * 1 December 2020 (Sentencing Act 2020 s.2); orders on earlier convictions stay under the
 * Criminal Justice Act 2003. The duty is the same in both (one warning in 12 months, then
 * a referral for breach); the law the page cites differs.
 */
export function communityBreachVersions(): RuleVersion<CommunityBreachRules>[] {
  return [
    {
      effectiveFrom: '2005-04-04',
      source: 'Criminal Justice Act 2003 (orders on convictions before 1 December 2020)',
      values: {
        communityOrderSource: 'Criminal Justice Act 2003 Sch 8 paras 5–6',
        suspendedOrderSource: 'Criminal Justice Act 2003 Sch 12 paras 4–5',
      },
    },
    {
      effectiveFrom: '2020-12-01',
      source: 'Sentencing Code (Sentencing Act 2020 s.2: convictions on or after 1 December 2020)',
      values: {
        communityOrderSource: 'Sentencing Code Sch 10 para 6',
        suspendedOrderSource: 'Sentencing Code Sch 16 para 6',
      },
    },
  ];
}
