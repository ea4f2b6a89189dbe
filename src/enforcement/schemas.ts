import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';

/** Forms of the enforcement pages, with the GOV.UK design system's messages. */

const requiredText = (max: number, missing: string, label: string) =>
  z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

export const ACTIONS = {
  warn: 'Give a warning',
  breach: 'Refer for breach',
  recall: 'Recommend recall',
  nfa: 'No further action',
} as const;
export type ActionCode = keyof typeof ACTIONS;

export const DECISION_FIELDS = ['action', 'officerReasons', 'overrideReason'] as const;

export function decisionForm(allowed: readonly ActionCode[]) {
  return z.object({
    action: z
      .string()
      .refine((v) => (allowed as readonly string[]).includes(v), 'Select what you have decided to do')
      .transform((v) => v as ActionCode),
    officerReasons: requiredText(2000, 'Enter the reasons for your decision', 'Reasons'),
    overrideReason: optionalText(2000, 'Override reason'),
  });
}

export const withdrawForm = z.object({
  reason: requiredText(1000, 'Enter why the warning is being withdrawn', 'Reason'),
});

export const COURT_PROCESSES = {
  summons: 'A summons',
  warrant: 'A warrant for arrest',
} as const;

export const withdrawBreachForm = z.object({
  withdrawReason: requiredText(2000, 'Enter why the breach is being withdrawn', 'Reason'),
});

export const packForm = z
  .object({
    assessment: requiredText(5000, 'Enter your assessment', 'Assessment'),
    proposal: requiredText(2000, 'Enter your proposal to the court', 'Proposal'),
    courtProcess: z
      .string()
      .refine((v) => v in COURT_PROCESSES, 'Select whether you are asking for a summons or a warrant')
      .transform((v) => v as keyof typeof COURT_PROCESSES),
    warrantReason: optionalText(2000, 'Why a warrant'),
  })
  .superRefine((v, ctx) => {
    if (v.courtProcess === 'warrant' && v.warrantReason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['warrantReason'],
        message: 'Enter why a warrant is needed rather than a summons',
      });
  });

export function listingForm(courts: readonly string[]) {
  return z.object({
    court: z.string().refine((v) => courts.includes(v), 'Select the court'),
    hearingOn: dateField({ label: 'Hearing date' }),
  });
}

export function adjournForm() {
  return z.object({
    hearingOn: dateField({ label: 'Date of the next hearing' }),
    adjournmentReason: requiredText(1000, 'Enter why the hearing was adjourned', 'Reason'),
  });
}

export const BREACH_OUTCOMES = {
  continued: 'Order continued',
  amended: 'Order amended (more onerous requirements)',
  fine: 'Fine, order continued',
  revoked: 'Revoked and re-sentenced',
  withdrawn: 'Breach withdrawn',
} as const;

export function outcomeForm(today: string) {
  return z.object({
    outcome: z
      .string()
      .refine((v) => v in BREACH_OUTCOMES, 'Select the outcome at court')
      .transform((v) => v as keyof typeof BREACH_OUTCOMES),
    resolvedOn: dateField({ label: 'Date of the outcome', notInFuture: { today } }),
    outcomeNotes: optionalText(2000, 'Notes'),
  });
}

const yesNo = (message: string) =>
  z
    .string()
    .refine((v) => v === 'yes' || v === 'no', message)
    .transform((v) => v === 'yes');

export function recommendationForm(conditionCodes: readonly string[]) {
  return z.object({
    circumstances: requiredText(5000, 'Enter the circumstances', 'Circumstances'),
    conditionsBreached: z
      .array(z.string())
      .refine((v) => v.length > 0, 'Select the licence conditions breached')
      .refine((v) => v.every((c) => conditionCodes.includes(c)), 'Select the licence conditions breached'),
    riskNow: requiredText(5000, 'Enter the risk the person presents now', 'Risk now'),
    alternatives: requiredText(5000, 'Enter the alternatives to recall you considered', 'Alternatives'),
    recallType: z
      .string()
      .refine((v) => v === 'standard' || v === 'emergency', 'Select standard or emergency recall')
      .transform((v) => v as 'standard' | 'emergency'),
    schedule19AA: yesNo('Select whether the offence is in Schedule 19AA'),
    terrorist: yesNo('Select whether the person is a terrorist prisoner'),
    charged: yesNo('Select whether the recall is because of a charge'),
  });
}

export const returnedForm = (today: string) =>
  z.object({ returnedOn: dateField({ label: 'Date returned to custody', notInFuture: { today } }) });

export const notRecallForm = z.object({
  reason: requiredText(2000, 'Enter why the person is not being recalled', 'Reason'),
});

export const CASELOAD_KINDS = {
  decision: 'Decisions needed',
  evidence: 'Waiting for evidence',
  warning: 'Warnings',
  breach: 'Breaches',
  recall: 'Recalls',
} as const;

export const CASELOAD_CLOCKS = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  due: 'Due later',
} as const;

const oneOf = <T extends Record<string, string>>(choices: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v !== undefined && v in choices ? (v as keyof T & string) : ''));

/** The enforcement caseload's filters and sort: anything unknown is ignored, as a bookmarked link may be old. */
export const caseloadQuery = z.object({
  state: oneOf(CASELOAD_KINDS),
  clock: oneOf(CASELOAD_CLOCKS),
  officer: z
    .string()
    .optional()
    .transform((v) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '')),
  sort: z
    .string()
    .optional()
    .transform((v) => (v === 'person' || v === 'officer' ? v : 'clock')),
});
