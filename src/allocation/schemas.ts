import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';

export function transferForm(staffIds: string[], reasons: string[]) {
  return z.object({
    staffId: z.string().refine((v) => staffIds.includes(v), 'Select the new responsible officer'),
    reason: z.string().refine((v) => reasons.includes(v), 'Select the reason for the transfer'),
    notes: z.string().trim().max(500, 'Notes must be 500 characters or fewer'),
    expectedCurrentId: z.string(),
    /** A manager overriding the PSO/PO role boundary ticks this and says why. */
    override: z.string().transform((v) => v === 'yes'),
    overrideReason: z
      .string()
      .trim()
      .max(1000, 'The reason for the override must be 1000 characters or fewer'),
  });
}

export const resolveTaskForm = z.object({
  resolution: z
    .string()
    .trim()
    .min(1, 'Enter how the task was resolved')
    .max(1000, 'The resolution must be 1000 characters or fewer'),
});

export function coWorkerForm(staffIds: string[]) {
  return z.object({
    staffId: z.string().refine((v) => staffIds.includes(v), 'Select the co-worker'),
    fromDate: dateField({ label: 'Date they start' }),
    notes: z.string().trim().max(500, 'What they will deliver must be 500 characters or fewer'),
  });
}
