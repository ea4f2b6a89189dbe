/**
 * Local policy the compliance rules depend on: configuration with documented
 * defaults, never literals inside a rule. Statute (the 12 month period) is not
 * policy and stays with its rule.
 */
export interface CompliancePolicy {
  /**
   * Working days the person has, after failing to attend, to give evidence of an
   * acceptable reason. Default 5: current policy (an earlier source says 7 days;
   * probation-domain.md, "Rules and timescales").
   */
  evidenceWindowWorkingDays: number;
}

export const DEFAULT_COMPLIANCE_POLICY: CompliancePolicy = { evidenceWindowWorkingDays: 5 };
