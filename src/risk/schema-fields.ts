/**
 * Field builders shared by the calculator request schemas: each field names itself in plain English
 * when it is missing or wrong, and carries a description for the OpenAPI document.
 */
import { z } from 'zod';
import { anniversary, completedYearsBetween, isRealIsoDate } from './age.js';
import { AWARENESS_ANSWERS, MOTIVATION_LEVELS, PROBLEM_LEVELS } from './answers.js';
import { SEXES } from './sex.js';

/** A message for a field that is missing, and another for one that is there but wrong. */
export function whenMissingOrWrong(missing: string, wrong: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong);
}

export function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Schemas that refuse future dates are built for a given day: rules never read the clock. */
export function requireToday(today: string): void {
  if (!isRealIsoDate(today))
    throw new RangeError(`today must be a real date in the form yyyy-mm-dd, not "${today}"`);
}

const LOOKS_LIKE_ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateFormatMessage(label: string, input: unknown): string {
  if (input === undefined) return `Enter the ${lowerFirst(label)}, as a date in the form YYYY-MM-DD`;
  if (typeof input === 'string' && LOOKS_LIKE_ISO_DATE.test(input)) {
    return `${label} must be a real date: ${input} does not exist`;
  }
  return `${label} must be a date in the form YYYY-MM-DD, for example 2017-02-01`;
}

interface DateOptions {
  /** Refuse dates after this day. Leave out for dates that may lie ahead, such as an expected release. */
  notAfter?: string;
}

/** An ISO calendar date that exists (2021-02-30 does not), optionally not after a given day. */
export function isoDate(label: string, description: string, options: DateOptions = {}) {
  const date = z.iso.date({ error: (issue) => dateFormatMessage(label, issue.input), abort: true });
  const { notAfter } = options;
  const checked = notAfter
    ? date.refine((value) => value <= notAfter, `${label} must be today or in the past`)
    : date;
  return checked.describe(`${description} An ISO date, YYYY-MM-DD.`);
}

/** A whole number of at least `min`. */
export function wholeNumber(label: string, description: string, min: number, belowMinimum: string) {
  return z
    .number({
      error: whenMissingOrWrong(
        `Enter the ${lowerFirst(label)}, as a whole number`,
        `${label} must be a whole number`,
      ),
    })
    .int(`${label} must be a whole number`)
    .min(min, belowMinimum)
    .describe(description);
}

/** A count of sanctions or appearances, 0 or more. */
export function count(label: string, description: string) {
  return wholeNumber(label, description, 0, `${label} must be 0 or more`);
}

export function yesOrNo(label: string, question: string, description: string) {
  return z
    .boolean({
      error: whenMissingOrWrong(`Say whether ${question}: true or false`, `${label} must be true or false`),
    })
    .describe(description);
}

function answerField<T extends readonly [string, ...string[]]>(
  answers: T,
  label: string,
  description: string,
) {
  const choices = listInWords(answers);
  return z
    .enum(answers, {
      error: whenMissingOrWrong(`Enter ${lowerFirst(label)}: ${choices}`, `${label} must be ${choices}`),
    })
    .describe(`${description} One of ${choices}.`);
}

export const problemLevel = (label: string, description: string) =>
  answerField(PROBLEM_LEVELS, label, description);
export const motivationLevel = (label: string, description: string) =>
  answerField(MOTIVATION_LEVELS, label, description);
export const awarenessAnswer = (label: string, description: string) =>
  answerField(AWARENESS_ANSWERS, label, description);

export const sex = z
  .enum(SEXES, { error: whenMissingOrWrong('Enter the sex: male or female', 'Sex must be male or female') })
  .describe('The person’s sex: male or female.');

/** Error map for a request body that refuses unknown keys: plain words for a stray key or a body that is not an object. */
export function requestBodyErrors(requestName: string) {
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.code === 'unrecognized_keys') return unknownKeysMessage(requestName, issue.keys);
    return issue.code === 'invalid_type' ? `Send the ${requestName} request as a JSON object` : undefined;
  };
}

function unknownKeysMessage(requestName: string, keys: readonly string[]): string {
  return keys.map((key) => unknownKeyMessage(requestName, key)).join('. ');
}

export function unknownKeyMessage(requestName: string, key: string): string {
  return `"${key}" is not a field of the ${requestName} request: check the spelling or remove it`;
}

/**
 * A cross-field rule runs only when each field it reads passed its own checks, so one mistake gives one
 * message, and rules about other fields still run and report theirs.
 */
export function whenFieldsValid(...fields: readonly string[]) {
  return (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !Array.isArray(payload.value) &&
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

export function ageOn(dateOfBirth: string, day: string): number {
  return completedYearsBetween(dateOfBirth, day);
}

export function birthday(dateOfBirth: string, age: number): string {
  return anniversary(dateOfBirth, age);
}

/** Nobody under 10 can be convicted or sanctioned in England and Wales (Children and Young Persons Act 1933, s50). */
export const AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
