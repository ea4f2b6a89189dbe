/**
 * The national case management system's (nDelius) contact outcome codes, from
 * probation-domain.md "Reference codes". Migrations seed the contact_outcomes table
 * from this list; the rules themselves read the flags stored on each contact, so a
 * local outcome added later is counted by its flags, not by its code.
 */
import type { ContactOutcome, OutcomeCategory } from './types.js';

export type OutcomeCode =
  | 'ATTC'
  | 'AFTC'
  | 'AFDA'
  | 'ATSH'
  | 'ATSS'
  | 'APPK'
  | 'AAAA'
  | 'AACL'
  | 'AAEM'
  | 'AAFC'
  | 'AAHO'
  | 'AAME'
  | 'AARC'
  | 'AARE'
  | 'AASD'
  | 'CO05'
  | 'UAAB'
  | 'AFTA'
  | 'ABNS'
  | 'ATFI'
  | 'UBHV'
  | 'RSSR'
  | 'RSOF';

/**
 * Whether a failure with this outcome can be enforced (warning or breach). Failed to
 * attend (AFTA) waits: the person has a window to give evidence of an acceptable
 * reason, and the failure becomes enforceable only if the window closes without it.
 */
export type Enforceability = 'enforceable' | 'not-enforceable' | 'once-evidence-window-closes';

export interface OutcomeDefinition {
  code: OutcomeCode;
  description: string;
  category: OutcomeCategory;
  /** The person was there (the reference's "Attended" group), complied or not. */
  attended: boolean;
  enforceability: Enforceability;
}

const attended = (
  code: OutcomeCode,
  description: string,
  category: OutcomeCategory = 'attended',
): OutcomeDefinition => ({
  code,
  description,
  category,
  attended: true,
  enforceability: category === 'unacceptable' ? 'enforceable' : 'not-enforceable',
});

const absent = (
  code: OutcomeCode,
  description: string,
  category: OutcomeCategory,
  enforceability: Enforceability = 'not-enforceable',
): OutcomeDefinition => ({ code, description, category, attended: false, enforceability });

export const CONTACT_OUTCOMES: readonly OutcomeDefinition[] = [
  attended('ATTC', 'Attended – complied'),
  attended('AFTC', 'Attended – failed to comply', 'unacceptable'),
  attended('AFDA', 'Attended – failure deemed acceptable'),
  attended('ATSH', 'Attended – sent home (behaviour)', 'unacceptable'),
  // Listed under "Attended" in the reference: the person came; the service could not go ahead.
  attended('ATSS', 'Attended – sent home (service issues)'),
  attended('APPK', 'Appointment kept'),

  absent('AAAA', 'Acceptable absence – other', 'acceptable-absence'),
  absent('AACL', 'Acceptable absence – court or legal', 'acceptable-absence'),
  absent('AAEM', 'Acceptable absence – employment', 'acceptable-absence'),
  absent('AAFC', 'Acceptable absence – family or childcare', 'acceptable-absence'),
  absent('AAHO', 'Acceptable absence – holiday', 'acceptable-absence'),
  absent('AAME', 'Acceptable absence – medical', 'acceptable-absence'),
  absent('AARC', 'Acceptable absence – remanded in custody', 'acceptable-absence'),
  absent('AARE', 'Acceptable absence – religious', 'acceptable-absence'),
  absent('AASD', 'Acceptable absence – stood down', 'acceptable-absence'),
  absent('CO05', 'Acceptable absence – professional judgement', 'acceptable-absence'),

  absent('UAAB', 'Unacceptable absence', 'unacceptable', 'enforceable'),
  absent('AFTA', 'Failed to attend (awaiting evidence)', 'awaiting-evidence', 'once-evidence-window-closes'),
  absent('ABNS', 'Failed to attend – not national standards', 'unacceptable'),
  absent('ATFI', 'Failed to comply with other instruction', 'unacceptable', 'enforceable'),
  // Not in the reference's list of enforceable outcomes, so not counted towards breach.
  absent('UBHV', 'Unacceptable behaviour', 'unacceptable'),

  absent('RSSR', 'Rescheduled at the service’s request', 'rescheduled'),
  absent('RSOF', 'Rescheduled at the person’s request', 'rescheduled'),
];

const byCode = new Map<string, OutcomeDefinition>(CONTACT_OUTCOMES.map((o) => [o.code, o]));

export function outcomeDefinition(code: string): OutcomeDefinition | undefined {
  return byCode.get(code);
}

/**
 * The flags a contact carries once this outcome is recorded. `enforceable` is the
 * flag as recorded: an AFTA starts as not enforceable.
 */
export function recordedOutcome(code: OutcomeCode): ContactOutcome {
  const definition = byCode.get(code);
  if (!definition) throw new RangeError(`Unknown outcome code ${code}`);
  return {
    code: definition.code,
    category: definition.category,
    attended: definition.attended,
    enforceable: definition.enforceability === 'enforceable',
  };
}
