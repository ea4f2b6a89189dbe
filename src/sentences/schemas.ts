import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';
import { OGRS3_CATEGORIES } from './categories.js';
import {
  communityOrderLength,
  curfewLimits,
  licenceKeyDates,
  requirementExpectedEnd,
  requirementUnits,
  requirementWithinOrder,
  sentenceNotBeforeConviction,
  ssoCustodialTerm,
  ssoOperationalPeriod,
  ssoSupervisionPeriod,
  startNotBeforeSentence,
  terminationDate,
  CURFEW_CODE,
  endNotBeforeStart,
  type OrderPeriod,
  type RequirementTypeLimits,
} from './rules.js';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const requiredText = (max: number, label: string, missing: string) =>
  z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

const oneOf = (codes: readonly string[], message: string) =>
  z.string().refine((v) => codes.includes(v), message);

/** A whole number typed into a text box; empty reads as null when optional. */
function wholeNumber(missing: string, notNumber: string, required = true) {
  return z
    .string()
    .trim()
    .transform((v, ctx): number | null => {
      if (v === '') {
        if (required) ctx.addIssue({ code: 'custom', message: missing });
        return null;
      }
      if (!/^\d{1,6}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: notNumber });
        return z.NEVER;
      }
      return Number(v);
    });
}

// ---------------------------------------------------------------- events and appearances

export interface EventCodes {
  courts: string[];
  offences: string[];
}

export const EVENT_DATE_FIELDS = ['convictionDate'] as const;
export const ADDITIONAL_OFFENCE_FIELDS = [
  'additionalOffence1',
  'additionalOffence2',
  'additionalOffence3',
] as const;

export function eventForm(today: string, codes: EventCodes) {
  const additional = z
    .string()
    .refine((v) => v === '' || codes.offences.includes(v), 'Select an additional offence from the list')
    .transform((v) => (v === '' ? null : v));
  return z
    .object({
      convictionDate: dateField({ label: 'Conviction date', notInFuture: { today } }),
      court: oneOf(codes.courts, 'Select the convicting court'),
      mainOffence: oneOf(codes.offences, 'Select the main offence'),
      additionalOffence1: additional,
      additionalOffence2: additional,
      additionalOffence3: additional,
      notes: optionalText(1000, 'Notes'),
    })
    .superRefine((v, ctx) => {
      const seen = new Set([v.mainOffence]);
      for (const field of ADDITIONAL_OFFENCE_FIELDS) {
        const code = v[field];
        if (code === null) continue;
        if (seen.has(code))
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'Each offence can only be added once: record how many counts in the notes',
          });
        seen.add(code);
      }
    });
}

export interface AppearanceCodes {
  courts: string[];
  appearanceTypes: string[];
}

export const APPEARANCE_DATE_FIELDS = ['appearanceDate'] as const;

export function appearanceForm(codes: AppearanceCodes) {
  return z.object({
    appearanceDate: dateField({ label: 'Date of the appearance' }),
    court: oneOf(codes.courts, 'Select the court'),
    appearanceType: oneOf(codes.appearanceTypes, 'Select the type of appearance'),
    outcome: optionalText(500, 'Outcome'),
  });
}

// ---------------------------------------------------------------- orders

export const ORDER_TYPES = ['CO', 'SSO', 'LIC', 'PSS'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const orderTypeChoice = z.object({
  orderType: z.enum(ORDER_TYPES, { message: 'Select the type of order' }),
});

export const ORDER_DATE_FIELDS = [
  'sentenceDate',
  'startDate',
  'releaseDate',
  'licenceExpiryDate',
  'sentenceExpiryDate',
  'pssEndDate',
] as const;

/** The fields each type of order asks for, besides the sentence date. */
export const ORDER_FIELDS: Record<OrderType, { text: string[]; dates: string[] }> = {
  CO: { text: ['lengthMonths'], dates: ['sentenceDate', 'startDate'] },
  SSO: {
    text: ['custodialTermAmount', 'custodialTermUnit', 'lengthMonths', 'supervisionMonths'],
    dates: ['sentenceDate', 'startDate'],
  },
  LIC: {
    text: [],
    dates: ['sentenceDate', 'releaseDate', 'licenceExpiryDate', 'sentenceExpiryDate', 'pssEndDate'],
  },
  PSS: { text: [], dates: ['sentenceDate', 'startDate', 'pssEndDate'] },
};

/** What a new order is, after validation: the columns of the orders table it sets. */
export interface NewOrder {
  orderType: OrderType;
  sentenceDate: string;
  startDate: string;
  lengthMonths: number | null;
  custodialTermMonths: number | null;
  custodialTermDays: number | null;
  supervisionMonths: number | null;
  releaseDate: string | null;
  licenceExpiryDate: string | null;
  sentenceExpiryDate: string | null;
  pssEndDate: string | null;
}

const sentenceDate = (today: string) => dateField({ label: 'Sentence date', notInFuture: { today } });

/** The form for one type of order, judged against the event's conviction date. */
export function orderForm(orderType: OrderType, today: string, convictionDate: string) {
  const checkSentence = (v: { sentenceDate: string | null }, ctx: z.RefinementCtx) => {
    if (!v.sentenceDate) return;
    const d = sentenceNotBeforeConviction(convictionDate, v.sentenceDate);
    if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['sentenceDate'], message: d.reason });
  };
  const checkStart = (v: { sentenceDate: string | null; startDate: string | null }, ctx: z.RefinementCtx) => {
    if (!v.sentenceDate || !v.startDate) return;
    const d = startNotBeforeSentence(v.sentenceDate, v.startDate);
    if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['startDate'], message: d.reason });
  };
  const months = (what: string) =>
    wholeNumber(`Enter the ${what} in months`, `Enter the ${what} as a whole number of months, like 12`);

  switch (orderType) {
    case 'CO':
      return z
        .object({
          sentenceDate: sentenceDate(today),
          startDate: dateField({ label: 'Start date' }),
          lengthMonths: months('length of the order'),
        })
        .superRefine((v, ctx) => {
          checkSentence(v, ctx);
          checkStart(v, ctx);
          if (v.lengthMonths !== null) {
            const d = communityOrderLength(v.lengthMonths);
            if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['lengthMonths'], message: d.reason });
          }
        })
        .transform((v): NewOrder => ({
          ...blankOrder('CO'),
          sentenceDate: v.sentenceDate!,
          startDate: v.startDate!,
          lengthMonths: v.lengthMonths,
        }));
    case 'SSO':
      return z
        .object({
          sentenceDate: sentenceDate(today),
          startDate: dateField({ label: 'Start date' }),
          custodialTermAmount: wholeNumber(
            'Enter the custodial term',
            'Enter the custodial term as a whole number, like 16',
          ),
          custodialTermUnit: z.enum(['days', 'weeks', 'months'], {
            message: 'Select whether the custodial term is in days, weeks or months',
          }),
          lengthMonths: months('operational period'),
          supervisionMonths: wholeNumber(
            '',
            'Enter the supervision period as a whole number of months, like 12',
            false,
          ),
        })
        .superRefine((v, ctx) => {
          checkSentence(v, ctx);
          checkStart(v, ctx);
          if (v.custodialTermAmount !== null && v.sentenceDate) {
            const d = ssoCustodialTerm(
              { amount: v.custodialTermAmount, unit: v.custodialTermUnit },
              v.sentenceDate,
            );
            if (!d.allowed)
              ctx.addIssue({ code: 'custom', path: ['custodialTermAmount'], message: d.reason });
          }
          if (v.lengthMonths !== null) {
            const d = ssoOperationalPeriod(v.lengthMonths);
            if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['lengthMonths'], message: d.reason });
            else if (v.supervisionMonths !== null) {
              const s = ssoSupervisionPeriod(v.supervisionMonths, v.lengthMonths);
              if (!s.allowed)
                ctx.addIssue({ code: 'custom', path: ['supervisionMonths'], message: s.reason });
            }
          }
        })
        .transform((v): NewOrder => ({
          ...blankOrder('SSO'),
          sentenceDate: v.sentenceDate!,
          startDate: v.startDate!,
          lengthMonths: v.lengthMonths,
          custodialTermMonths: v.custodialTermUnit === 'months' ? v.custodialTermAmount : null,
          custodialTermDays:
            v.custodialTermUnit === 'days'
              ? v.custodialTermAmount
              : v.custodialTermUnit === 'weeks'
                ? v.custodialTermAmount! * 7
                : null,
          supervisionMonths: v.supervisionMonths,
        }));
    case 'LIC':
      return z
        .object({
          sentenceDate: sentenceDate(today),
          releaseDate: dateField({ label: 'Release date' }),
          licenceExpiryDate: dateField({ label: 'Licence expiry date' }),
          sentenceExpiryDate: dateField({ label: 'Sentence expiry date' }),
          pssEndDate: dateField({ label: 'Post-sentence supervision end date', required: false }),
        })
        .superRefine((v, ctx) => {
          checkSentence(v, ctx);
          if (v.sentenceDate && v.releaseDate && v.releaseDate < v.sentenceDate)
            ctx.addIssue({
              code: 'custom',
              path: ['releaseDate'],
              message: 'Release date must be on or after the sentence date',
            });
          if (v.releaseDate && v.licenceExpiryDate && v.sentenceExpiryDate) {
            for (const p of licenceKeyDates({
              releaseDate: v.releaseDate,
              licenceExpiryDate: v.licenceExpiryDate,
              sentenceExpiryDate: v.sentenceExpiryDate,
              pssEndDate: v.pssEndDate,
            }))
              ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
          }
        })
        .transform((v): NewOrder => ({
          ...blankOrder('LIC'),
          sentenceDate: v.sentenceDate!,
          startDate: v.releaseDate!,
          releaseDate: v.releaseDate,
          licenceExpiryDate: v.licenceExpiryDate,
          sentenceExpiryDate: v.sentenceExpiryDate,
          pssEndDate: v.pssEndDate,
        }));
    case 'PSS':
      return z
        .object({
          sentenceDate: sentenceDate(today),
          startDate: dateField({ label: 'Start date' }),
          pssEndDate: dateField({ label: 'Post-sentence supervision end date' }),
        })
        .superRefine((v, ctx) => {
          checkSentence(v, ctx);
          checkStart(v, ctx);
          if (v.startDate && v.pssEndDate) {
            const d = endNotBeforeStart(v.startDate, v.pssEndDate, 'Post-sentence supervision end date');
            if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['pssEndDate'], message: d.reason });
          }
        })
        .transform((v): NewOrder => ({
          ...blankOrder('PSS'),
          sentenceDate: v.sentenceDate!,
          startDate: v.startDate!,
          pssEndDate: v.pssEndDate,
        }));
  }
}

function blankOrder(orderType: OrderType): NewOrder {
  return {
    orderType,
    sentenceDate: '',
    startDate: '',
    lengthMonths: null,
    custodialTermMonths: null,
    custodialTermDays: null,
    supervisionMonths: null,
    releaseDate: null,
    licenceExpiryDate: null,
    sentenceExpiryDate: null,
    pssEndDate: null,
  };
}

// ---------------------------------------------------------------- requirements

export const requirementTypeChoice = (codes: string[]) =>
  z.object({ typeCode: oneOf(codes, 'Select the type of requirement') });

export const REQUIREMENT_DATE_FIELDS = ['startDate'] as const;
export const REQUIREMENT_FIELDS = [
  'units',
  'daysPerWeek',
  'lengthMonths',
  'electronicMonitoring',
  'detail',
] as const;

/** Types whose detail says what the court specified: the zone, the activity, the place. */
export const DETAIL_REQUIRED: Record<string, string> = {
  PEXC: 'Enter the place the person must not enter, as the court specified it',
  PPRO: 'Enter the activity the person must not take part in',
  PRES: 'Enter the place the person must live',
};

export interface NewRequirement {
  typeCode: string;
  units: number | null;
  startDate: string;
  expectedEndDate: string;
  lengthMonths: number | null;
  daysPerWeek: number | null;
  electronicMonitoring: boolean | null;
  detail: string | null;
}

const UNIT_QUESTIONS: Record<string, string> = {
  hours: 'hours',
  days: 'days',
  months: 'length in months',
  sessions: 'number of sessions',
  'hours-per-day': 'hours a day',
};

export function unitQuestion(unit: string | null): string {
  return UNIT_QUESTIONS[unit ?? ''] ?? 'number';
}

/** The form for a requirement of one type on one order, judged against the conviction date. */
export function requirementForm(type: RequirementTypeLimits, order: OrderPeriod, convictionDate: string) {
  const curfew = type.code === CURFEW_CODE;
  const question = unitQuestion(type.unit);
  return z
    .object({
      units: wholeNumber(`Enter the ${question}`, `Enter the ${question} as a whole number`),
      startDate: dateField({ label: 'Start date' }),
      daysPerWeek: curfew
        ? wholeNumber(
            'Enter how many days a week the curfew applies',
            'Enter the days a week as a whole number, 1 to 7',
          )
        : z.string().transform(() => null),
      lengthMonths: curfew
        ? wholeNumber(
            'Enter how long the curfew lasts, in months',
            'Enter the length as a whole number of months',
          )
        : z.string().transform(() => null),
      electronicMonitoring: curfew
        ? z.enum(['yes', 'no'], { message: 'Select yes if the curfew is electronically monitored' })
        : z.string().transform(() => null),
      detail: DETAIL_REQUIRED[type.code]
        ? requiredText(1000, 'Detail', DETAIL_REQUIRED[type.code]!)
        : optionalText(1000, 'Detail'),
    })
    .superRefine((v, ctx) => {
      if (curfew && v.daysPerWeek !== null && (v.daysPerWeek < 1 || v.daysPerWeek > 7))
        ctx.addIssue({
          code: 'custom',
          path: ['daysPerWeek'],
          message: 'Days a week must be between 1 and 7',
        });
      if (curfew && v.lengthMonths !== null && v.lengthMonths < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['lengthMonths'],
          message: 'The curfew must last at least 1 month',
        });
      if (v.units !== null) {
        if (curfew) {
          if (v.daysPerWeek !== null && v.lengthMonths !== null && v.daysPerWeek >= 1 && v.daysPerWeek <= 7)
            for (const p of curfewLimits({
              hoursPerDay: v.units,
              daysPerWeek: v.daysPerWeek,
              lengthMonths: v.lengthMonths,
              convictionDate,
            }))
              ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
        } else {
          const d = requirementUnits(type, v.units);
          if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['units'], message: d.reason });
        }
      }
      if (v.startDate && v.units !== null && v.units > 0 && (!curfew || (v.lengthMonths ?? 0) > 0)) {
        const end = requirementExpectedEnd(
          type,
          v.startDate,
          v.units,
          v.lengthMonths,
          order.expected_end_date,
        );
        const d = requirementWithinOrder(order, v.startDate, end);
        if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['startDate'], message: d.reason });
      }
    })
    .transform((v): NewRequirement => ({
      typeCode: type.code,
      units: v.units,
      startDate: v.startDate!,
      expectedEndDate: requirementExpectedEnd(
        type,
        v.startDate!,
        v.units,
        v.lengthMonths,
        order.expected_end_date,
      ),
      lengthMonths: v.lengthMonths,
      daysPerWeek: v.daysPerWeek,
      electronicMonitoring: v.electronicMonitoring === null ? null : v.electronicMonitoring === 'yes',
      detail: v.detail,
    }));
}

// ---------------------------------------------------------------- licence conditions

export const CONDITION_DATE_FIELDS = ['startDate'] as const;

export function additionalConditionForm(codes: string[], order: OrderPeriod) {
  return z
    .object({
      conditionCode: oneOf(codes, 'Select the additional condition'),
      detail: requiredText(
        1000,
        'Detail',
        'Enter the detail of the condition, for example the name, place or programme it covers',
      ),
      startDate: dateField({ label: 'Start date' }),
    })
    .superRefine((v, ctx) => {
      if (order.terminated_on)
        ctx.addIssue({
          code: 'custom',
          path: ['conditionCode'],
          message: 'The licence has been terminated: conditions cannot be added',
        });
      else if (v.startDate && (v.startDate < order.start_date || v.startDate > order.expected_end_date))
        ctx.addIssue({
          code: 'custom',
          path: ['startDate'],
          message: 'Start date must be within the licence period',
        });
    });
}

// ---------------------------------------------------------------- termination

export const TERMINATION_DATE_FIELDS = ['terminatedOn'] as const;

export function terminationForm(
  reasons: string[],
  record: { start_date: string; terminated_on: string | null },
  today: string,
  what: 'order' | 'requirement',
) {
  return z
    .object({
      terminatedOn: dateField({ label: 'Termination date' }),
      reason: oneOf(reasons, `Select why the ${what} is ending`),
    })
    .superRefine((v, ctx) => {
      if (!v.terminatedOn) return;
      const d = terminationDate(record, v.terminatedOn, today, what);
      if (!d.allowed) ctx.addIssue({ code: 'custom', path: ['terminatedOn'], message: d.reason });
    });
}

// ---------------------------------------------------------------- offences (administrators)

export const offenceForm = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v !== '', 'Enter the offence code')
    .refine(
      (v) => v === '' || /^[0-9A-Z]{3,10}$/.test(v),
      'Offence code must be 3 to 10 letters or numbers, like 04600',
    ),
  description: requiredText(200, 'Description', 'Enter the description of the offence'),
  category: oneOf(
    OGRS3_CATEGORIES.map((c) => c.code),
    'Select the OGRS3 offence category',
  ),
});

export type OffenceForm = z.output<typeof offenceForm>;
