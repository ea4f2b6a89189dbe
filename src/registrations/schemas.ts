import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const optionalCode = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v));

export const ADD_FIELDS = ['type', 'level', 'category', 'notes'] as const;
export const ADD_DATE_FIELDS = ['registeredOn'] as const;

export function addRegistrationForm(today: string, typeCodes: readonly string[]) {
  return z.object({
    type: z.string().refine((v) => typeCodes.includes(v), 'Select the type of registration'),
    level: optionalCode,
    category: optionalCode,
    registeredOn: dateField({ label: 'Date of registration', notInFuture: { today } }),
    notes: optionalText('Notes', 2000),
  });
}

export const REVIEW_DATE_FIELDS = ['reviewedOn'] as const;

export function reviewForm(today: string, registeredOn: string) {
  return z.object({
    reviewedOn: dateField({ label: 'Date of review', notInFuture: { today } }).refine(
      (v) => v === null || v >= registeredOn,
      'Date of review must be on or after the date of registration',
    ),
    notes: optionalText('Notes', 2000),
  });
}

export const REMOVE_DATE_FIELDS = ['deregisteredOn'] as const;

export function removeForm(today: string, registeredOn: string) {
  return z.object({
    deregisteredOn: dateField({ label: 'Date of removal', notInFuture: { today } }).refine(
      (v) => v === null || v >= registeredOn,
      'Date of removal must be on or after the date of registration',
    ),
    reason: z
      .string()
      .trim()
      .min(1, 'Enter why the registration is being removed')
      .max(500, 'Reason must be 500 characters or fewer'),
  });
}
