import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';

/** Forms of the appointments capability: what the user typed, read and checked. */

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

/** The hour, minute and am/pm boxes of a time; '' for the clock means the 24-hour clock. */
export const timeParts = z.object({ hour: z.string(), minute: z.string(), period: z.string() });

/**
 * Reads a time typed as hour and minute, on the 24-hour clock or with am/pm, into
 * hours and minutes past midnight. Error messages follow the GOV.UK date-input style.
 */
export function readTime(
  parts: { hour: string; minute: string; period: string },
  label = 'Time',
): { hour: number; minute: number } | string {
  const hourText = parts.hour.trim();
  const minuteText = parts.minute.trim() || (hourText ? '0' : '');
  if (!hourText) return `Enter the ${label.toLowerCase()}`;
  if (!/^\d{1,2}$/.test(hourText) || !/^\d{1,2}$/.test(minuteText)) {
    return `${label} must be a real time, like 9:30am or 14:30`;
  }
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59) return `${label} must be a real time, like 9:30am or 14:30`;
  if (parts.period === 'am' || parts.period === 'pm') {
    if (hour < 1 || hour > 12) return `${label} must have an hour from 1 to 12 with am or pm`;
    hour = (hour % 12) + (parts.period === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return `${label} must have an hour from 0 to 23 on the 24-hour clock, or choose am or pm`;
  }
  return { hour, minute };
}

const time = (label: string) =>
  timeParts.transform((parts, ctx) => {
    const read = readTime(parts, label);
    if (typeof read === 'string') {
      ctx.addIssue({ code: 'custom', message: read });
      return z.NEVER;
    }
    return read;
  });

export interface ArrangeChoices {
  today: string;
  typeCodes: string[];
  rarTypeCodes: string[];
  staffIds: string[];
  requirementIds: string[];
  rarRequirementIds: string[];
}

export function arrangeForm(choices: ArrangeChoices) {
  return z
    .object({
      type: z.string().refine((v) => choices.typeCodes.includes(v), 'Select the type of appointment'),
      date: dateField({ label: 'Date of the appointment' }).refine(
        (iso) => iso === null || iso >= choices.today,
        'Date of the appointment must be today or in the future',
      ),
      time: time('Time of the appointment'),
      duration: z
        .string()
        .trim()
        .min(1, 'Enter how long the appointment lasts, in minutes')
        .refine((v) => /^\d+$/.test(v), 'Duration must be a whole number of minutes, like 60')
        .transform(Number)
        .refine((n) => n >= 5 && n <= 720, 'Duration must be between 5 minutes and 12 hours (720 minutes)'),
      location: optionalText(200, 'Location'),
      staffId: z.string().refine((v) => choices.staffIds.includes(v), 'Select the officer'),
      requirementId: z
        .string()
        .refine((v) => v === '' || choices.requirementIds.includes(v), 'Select a requirement from the list')
        .transform((v) => (v === '' ? null : v)),
      rarActivity: z.enum(['yes', '']).transform((v) => v === 'yes'),
      notes: optionalText(4000, 'Notes'),
    })
    .superRefine((v, ctx) => {
      if (!v.rarActivity) return;
      if (!choices.rarTypeCodes.includes(v.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rarActivity'],
          message:
            'This type of appointment cannot be a RAR activity: choose a rehabilitation activity session, office or video-link appointment',
        });
      } else if (!v.requirementId || !choices.rarRequirementIds.includes(v.requirementId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirementId'],
          message: 'Select the rehabilitation activity requirement this RAR activity serves',
        });
      }
    });
}

export type ArrangeValues = z.output<ReturnType<typeof arrangeForm>>;

export function contactForm(choices: { today: string; typeCodes: string[]; requirementIds: string[] }) {
  return z.object({
    type: z.string().refine((v) => choices.typeCodes.includes(v), 'Select the type of contact'),
    date: dateField({ label: 'Date of the contact', notInFuture: { today: choices.today } }),
    time: time('Time of the contact'),
    requirementId: z
      .string()
      .refine((v) => v === '' || choices.requirementIds.includes(v), 'Select a requirement from the list')
      .transform((v) => (v === '' ? null : v)),
    notes: z
      .string()
      .trim()
      .min(1, 'Enter what happened')
      .max(4000, 'Notes must be 4000 characters or fewer'),
    sensitive: z.enum(['yes', '']).transform((v) => v === 'yes'),
  });
}

export function outcomeForm(choices: {
  outcomeCodes: string[];
  /** Outcomes in the 'attended' category: the only ones that may credit time. */
  attendedCodes: string[];
  creditsTime: boolean;
  maxMinutes: number;
  /** An outcome is already recorded: changing it needs a reason, kept in the audit trail. */
  amending: boolean;
}) {
  return z
    .object({
      outcome: z.string().refine((v) => choices.outcomeCodes.includes(v), 'Select the outcome'),
      changeReason: optionalText(2000, 'Reason for the change'),
      notes: optionalText(4000, 'Notes'),
      sensitive: z.enum(['yes', '']).transform((v) => v === 'yes'),
      minutesCredited: z
        .string()
        .trim()
        .refine((v) => v === '' || /^\d+$/.test(v), 'Minutes credited must be a whole number, like 420')
        .transform((v) => (v === '' ? null : Number(v)))
        .refine(
          (n) => n === null || n <= choices.maxMinutes,
          `Minutes credited must be ${choices.maxMinutes} or fewer: the session plus up to 180 minutes of travel`,
        ),
    })
    .superRefine((v, ctx) => {
      if (
        choices.creditsTime &&
        v.minutesCredited !== null &&
        v.minutesCredited > 0 &&
        !choices.attendedCodes.includes(v.outcome)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutesCredited'],
          message: 'Time can only be credited for an attended session: leave minutes credited empty',
        });
      }
      if (!choices.creditsTime && v.minutesCredited !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutesCredited'],
          message: 'Minutes are credited only for unpaid work sessions: leave this empty',
        });
      }
      if (choices.amending && v.changeReason === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['changeReason'],
          message: 'Enter why you are changing the outcome',
        });
      }
    });
}

export const withdrawOutcomeForm = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Enter why the outcome is being withdrawn')
    .max(2000, 'Reason must be 2000 characters or fewer'),
});

export const activityQuery = z.object({
  type: z.string().max(10).default(''),
  outcome: z.string().max(10).default(''),
  requirement: z
    .string()
    .refine((v) => v === '' || /^[0-9a-f-]{36}$/i.test(v), 'Select a requirement from the list')
    .default(''),
  from: dateField({ label: 'From date', required: false }),
  to: dateField({ label: 'To date', required: false }),
  words: z.string().trim().max(100, 'Words in the notes must be 100 characters or fewer').default(''),
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .refine((n) => n >= 1)
    .catch(1),
});

export const diaryQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  view: z.enum(['day', 'week']).catch('day'),
});
