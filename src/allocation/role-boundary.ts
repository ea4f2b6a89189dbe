/**
 * The PSO/PO role boundary: which cases need a probation officer as responsible officer.
 * Pure: no I/O. The rules are a provider's agreement with its unions, not law, so they are
 * configuration (ROLE_BOUNDARY_POLICY) with documented defaults (reference/probation-domain.md,
 * "Role boundaries"): RoSH high or very high, MAPPA level 2 or 3, and the specialisms that need
 * training: sexual offending, domestic abuse perpetrator, child protection, mental health, hate crime.
 */

export type RoshLevel = 'low' | 'medium' | 'high' | 'very-high';

/** What the boundary looks at in a case. */
export interface BoundaryFacts {
  rosh: RoshLevel | null;
  mappaLevel: 1 | 2 | 3 | null;
  /** Current register codes, nDelius codes. */
  registrations: readonly string[];
}

export interface RoleBoundaryPolicy {
  /** Staff grades that may not hold a case over the boundary without a manager's override. */
  restrictedGrades: readonly string[];
  roshNeedingProbationOfficer: readonly RoshLevel[];
  mappaLevelsNeedingProbationOfficer: readonly number[];
  /** Register code to the specialism it belongs to. */
  specialistRegisters: Readonly<Record<string, string>>;
}

export const ROLE_BOUNDARY_POLICY: RoleBoundaryPolicy = {
  restrictedGrades: ['PSO'],
  roshNeedingProbationOfficer: ['high', 'very-high'],
  mappaLevelsNeedingProbationOfficer: [2, 3],
  specialistRegisters: {
    ARSO: 'sexual offending',
    ANSO: 'sexual offending',
    SHPO: 'sexual offending',
    ADVP: 'domestic abuse perpetrator',
    RCPR: 'child protection',
    RCHD: 'child protection',
    RMDO: 'mental health',
    IRMO: 'hate crime',
  },
};

const ROSH_WORDS: Record<RoshLevel, string> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  'very-high': 'very high',
};

export interface BoundaryRule {
  /** A short name for the rule, for the audit trail. */
  name: string;
  /** The reasons this case meets the rule: none when it does not. */
  check(facts: BoundaryFacts, policy: RoleBoundaryPolicy): string[];
}

/** One rule per kind of reason, each answering with the reasons it applies. */
export const BOUNDARY_RULES: readonly BoundaryRule[] = [
  {
    name: 'rosh',
    check: (facts, policy) =>
      facts.rosh && policy.roshNeedingProbationOfficer.includes(facts.rosh)
        ? [`RoSH is ${ROSH_WORDS[facts.rosh]}`]
        : [],
  },
  {
    name: 'mappa',
    check: (facts, policy) =>
      facts.mappaLevel !== null && policy.mappaLevelsNeedingProbationOfficer.includes(facts.mappaLevel)
        ? [`MAPPA level ${facts.mappaLevel}`]
        : [],
  },
  {
    name: 'specialism',
    check: (facts, policy) => {
      const bySpecialism = new Map<string, string[]>();
      for (const code of new Set(facts.registrations.map((c) => c.trim().toUpperCase()))) {
        const specialism = policy.specialistRegisters[code];
        if (specialism) bySpecialism.set(specialism, [...(bySpecialism.get(specialism) ?? []), code]);
      }
      return [...bySpecialism].map(
        ([specialism, codes]) => `${specialism} specialism (registration ${codes.join(', ')})`,
      );
    },
  },
];

export interface BoundaryDecision {
  needsProbationOfficer: boolean;
  /** Every reason the case is over the boundary, in rule order. */
  reasons: string[];
}

/** Whether the case needs a probation officer, with every reason it does. */
export function needsProbationOfficer(
  facts: BoundaryFacts,
  policy: RoleBoundaryPolicy = ROLE_BOUNDARY_POLICY,
): BoundaryDecision {
  const reasons = BOUNDARY_RULES.flatMap((rule) => rule.check(facts, policy));
  return { needsProbationOfficer: reasons.length > 0, reasons };
}

export function isRestrictedGrade(grade: string, policy: RoleBoundaryPolicy = ROLE_BOUNDARY_POLICY): boolean {
  return policy.restrictedGrades.includes(grade);
}

export type AllocationDecision =
  | { allowed: true; overridden: false; reasons: string[] }
  | { allowed: true; overridden: true; reasons: string[]; overrideReason: string }
  | { allowed: false; reasons: string[]; message: string };

/**
 * May a case go to an officer of this grade? A case over the boundary may go to a restricted
 * grade (PSO) only when a manager overrides and says why.
 */
export function decideAllocation(
  input: { grade: string; facts: BoundaryFacts; override: { reason: string } | null },
  policy: RoleBoundaryPolicy = ROLE_BOUNDARY_POLICY,
): AllocationDecision {
  const boundary = needsProbationOfficer(input.facts, policy);
  if (!boundary.needsProbationOfficer || !isRestrictedGrade(input.grade, policy)) {
    return { allowed: true, overridden: false, reasons: boundary.reasons };
  }
  const overrideReason = input.override?.reason.trim() ?? '';
  if (overrideReason) {
    return { allowed: true, overridden: true, reasons: boundary.reasons, overrideReason };
  }
  return {
    allowed: false,
    reasons: boundary.reasons,
    message: `This case needs a probation officer (${boundary.reasons.join('; ')}). Choose a probation officer, or override and give the reason`,
  };
}

/**
 * After a change to the case, should the manager be alerted? Only when a restricted grade holds
 * it, it is over the boundary, and some reason is not already covered by a manager's override.
 */
export function boundaryAlert(
  input: { holderGrade: string | null; facts: BoundaryFacts; overriddenReasons: readonly string[] | null },
  policy: RoleBoundaryPolicy = ROLE_BOUNDARY_POLICY,
): { alert: boolean; reasons: string[]; uncovered: string[] } {
  const boundary = needsProbationOfficer(input.facts, policy);
  if (
    !input.holderGrade ||
    !isRestrictedGrade(input.holderGrade, policy) ||
    !boundary.needsProbationOfficer
  ) {
    return { alert: false, reasons: boundary.reasons, uncovered: [] };
  }
  const covered = new Set(input.overriddenReasons ?? []);
  const uncovered = boundary.reasons.filter((reason) => !covered.has(reason));
  return { alert: uncovered.length > 0, reasons: boundary.reasons, uncovered };
}
