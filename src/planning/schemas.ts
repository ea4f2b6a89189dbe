/**
 * The planning forms, read with zod into what the use cases take, with GOV.UK messages. Every
 * reader answers the values as typed too, so a refused form comes back as the officer left it.
 */
import { z } from 'zod';
import { dateField } from '../platform/http/date-field.js';
import { dateParts, text, toFormErrors, type DateParts, type FormErrors } from '../platform/http/forms.js';
import type { ActionInput, AgreementInput, ObjectiveInput, ReviewInput } from './service.js';
import type { Progress } from './tables.js';

type Body = Record<string, unknown>;

const WORDS = 2000;
const LONG = 10_000;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const requiredText = (max: number, label: string, missing: string) =>
  z.string().trim().min(1, missing).max(max, `${label} must be ${max} characters or fewer`);

export type Values = Record<string, string | DateParts>;

export type Read<T> =
  { values: Values; data: T; errors: null } | { values: Values; data: null; errors: FormErrors };

function read<T>(values: Values, schema: z.ZodType<T>, dateFields: readonly string[] = []): Read<T> {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { values, data: parsed.data, errors: null }
    : { values, data: null, errors: toFormErrors(parsed.error, dateFields) };
}

// ---------------------------------------------------------------- starting the plan

export function readStartPlan(body: Body, today: string): Read<{ startedOn: string }> {
  const values = { startedOn: dateParts(body, 'startedOn') };
  const schema = z.object({
    startedOn: dateField({ label: 'The date the plan starts', notInFuture: { today } }).pipe(
      z.string({ error: 'Enter the date the plan starts' }),
    ),
  });
  return read(values, schema, ['startedOn']);
}

// ---------------------------------------------------------------- strengths and desistance

export function readStrengths(body: Body): Read<{ strengths: string; desistanceFactors: string }> {
  const values = { strengths: text(body, 'strengths'), desistanceFactors: text(body, 'desistanceFactors') };
  return read(
    values,
    z.object({
      strengths: requiredText(LONG, 'Strengths', 'Enter the person’s strengths'),
      desistanceFactors: requiredText(
        LONG,
        'What helps them stop offending',
        'Enter what helps the person stop offending',
      ),
    }),
  );
}

// ---------------------------------------------------------------- an objective

export const SOURCES = ['officer', 'post-programme-report'] as const;

export function readObjective(body: Body, today: string): Read<ObjectiveInput> {
  const values: Values = {
    personsWords: text(body, 'personsWords'),
    officersWords: text(body, 'officersWords'),
    need: text(body, 'need'),
    requirementId: text(body, 'requirementId'),
    licenceConditionId: text(body, 'licenceConditionId'),
    interventions: text(body, 'interventions'),
    source: text(body, 'source'),
    reportDate: dateParts(body, 'reportDate'),
    reportAuthor: text(body, 'reportAuthor'),
  };
  const schema = z
    .object({
      personsWords: requiredText(
        WORDS,
        'The objective in the person’s words',
        'Enter the objective in the person’s own words',
      ),
      officersWords: requiredText(WORDS, 'The objective in your words', 'Enter the objective in your words'),
      need: optionalText(60, 'The need'),
      requirementId: z
        .string()
        .refine((v) => v === '' || /^[0-9a-f-]{36}$/i.test(v), 'Choose a requirement of a current order')
        .transform((v) => (v === '' ? null : v)),
      licenceConditionId: z
        .string()
        .refine(
          (v) => v === '' || /^[0-9a-f-]{36}$/i.test(v),
          'Choose an additional condition of a current licence',
        )
        .transform((v) => (v === '' ? null : v)),
      interventions: optionalText(LONG, 'Interventions'),
      source: z.enum(SOURCES, { error: 'Select where the objective comes from' }),
      reportDate: dateField({ label: 'Date of the report', required: false, notInFuture: { today } }),
      reportAuthor: optionalText(200, 'The author of the report'),
    })
    .superRefine((v, ctx) => {
      if (v.source !== 'post-programme-report') return;
      if (!v.reportDate)
        ctx.addIssue({ code: 'custom', path: ['reportDate'], message: 'Enter the date of the report' });
      if (!v.reportAuthor)
        ctx.addIssue({ code: 'custom', path: ['reportAuthor'], message: 'Enter who wrote the report' });
    });
  return read(values, schema, ['reportDate']);
}

// ---------------------------------------------------------------- an action

export const OWNERS = ['person', 'responsible-officer', 'partner-agency', 'other'] as const;

export function readAction(body: Body, today: string): Read<ActionInput> {
  const values: Values = {
    description: text(body, 'description'),
    owner: text(body, 'owner'),
    ownerName: text(body, 'ownerName'),
    targetDate: dateParts(body, 'targetDate'),
    doneOn: dateParts(body, 'doneOn'),
  };
  const schema = z
    .object({
      description: requiredText(WORDS, 'The action', 'Enter what will be done'),
      owner: z.enum(OWNERS, { error: 'Select who does it' }),
      ownerName: optionalText(200, 'The name'),
      targetDate: dateField({ label: 'Target date' }).pipe(z.string({ error: 'Enter the target date' })),
      doneOn: dateField({ label: 'Date done', required: false, notInFuture: { today } }),
    })
    .superRefine((v, ctx) => {
      if (v.owner === 'partner-agency' && !v.ownerName)
        ctx.addIssue({
          code: 'custom',
          path: ['ownerName'],
          message: 'Enter the name of the partner agency',
        });
      if (v.owner === 'other' && !v.ownerName)
        ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'Enter who does it' });
    })
    .transform((v): ActionInput => ({
      description: v.description,
      owner: v.owner,
      ownerName: v.owner === 'partner-agency' || v.owner === 'other' ? v.ownerName : null,
      targetDate: v.targetDate,
      doneOn: v.doneOn,
    }));
  return read(values, schema, ['targetDate', 'doneOn']);
}

// ---------------------------------------------------------------- the agreement

export function readAgreement(body: Body, today: string): Read<AgreementInput> {
  const values: Values = {
    agreement: text(body, 'agreement'),
    agreementOn: dateParts(body, 'agreementOn'),
    comments: text(body, 'comments'),
    reason: text(body, 'reason'),
  };
  const schema = z
    .object({
      agreement: z.enum(['agreed', 'not-agreed'], {
        error: 'Select whether the person agrees with the plan',
      }),
      agreementOn: dateField({ label: 'Date of the agreement', notInFuture: { today } }).pipe(
        z.string({ error: 'Enter the date of the agreement' }),
      ),
      comments: optionalText(LONG, 'The person’s comments'),
      reason: optionalText(LONG, 'Why they do not agree'),
    })
    .superRefine((v, ctx) => {
      if (v.agreement === 'not-agreed' && !v.reason)
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'Say why the person does not agree with the plan',
        });
    })
    .transform((v): AgreementInput => ({
      agreement: v.agreement,
      on: v.agreementOn,
      comments: v.comments,
      reason: v.reason,
    }));
  return read(values, schema, ['agreementOn']);
}

// ---------------------------------------------------------------- a review

export const PROGRESS: ReadonlyArray<{ value: Progress; text: string }> = [
  { value: 'not-started', text: 'Not started' },
  { value: 'in-progress', text: 'In progress' },
  { value: 'achieved', text: 'Achieved' },
  { value: 'no-longer-relevant', text: 'No longer relevant' },
];

export function readReview(
  body: Body,
  today: string,
  objectives: ReadonlyArray<{ id: string; officersWords: string }>,
): Read<ReviewInput> {
  const values: Values = { reviewedOn: dateParts(body, 'reviewedOn'), notes: text(body, 'notes') };
  for (const o of objectives) {
    values[`progress-${o.id}`] = text(body, `progress-${o.id}`);
    values[`notes-${o.id}`] = text(body, `notes-${o.id}`);
  }
  const shape: Record<string, z.ZodType> = {
    reviewedOn: dateField({ label: 'Date of the review', notInFuture: { today } }).pipe(
      z.string({ error: 'Enter the date of the review' }),
    ),
    notes: optionalText(LONG, 'Notes'),
  };
  for (const o of objectives) {
    shape[`progress-${o.id}`] = z
      .string()
      .refine((v) => PROGRESS.some((p) => p.value === v), `Select the progress on “${o.officersWords}”`);
    shape[`notes-${o.id}`] = optionalText(LONG, 'Notes on the objective');
  }
  const schema = z.object(shape).transform((v): ReviewInput => ({
    reviewedOn: v.reviewedOn as string,
    notes: v.notes as string | null,
    progress: objectives.map((o) => ({
      objectiveId: o.id,
      progress: v[`progress-${o.id}`] as Progress,
      notes: v[`notes-${o.id}`] as string | null,
    })),
  }));
  return read(values, schema, ['reviewedOn']);
}

// ---------------------------------------------------------------- the risk management plan

export function readRiskPart(body: Body, title: string): Read<{ text: string }> {
  const values = { text: text(body, 'text') };
  return read(
    values,
    z.object({ text: requiredText(LONG, title, `Write the ${title.toLowerCase()} part of the plan`) }),
  );
}

export function readRiskReview(body: Body, today: string): Read<{ reviewedOn: string; notes: string }> {
  const values = { reviewedOn: dateParts(body, 'reviewedOn'), notes: text(body, 'notes') };
  return read(
    values,
    z.object({
      reviewedOn: dateField({ label: 'Date of the review', notInFuture: { today } }).pipe(
        z.string({ error: 'Enter the date of the review' }),
      ),
      notes: requiredText(LONG, 'What the review found', 'Say what the review found and what changed'),
    }),
    ['reviewedOn'],
  );
}
