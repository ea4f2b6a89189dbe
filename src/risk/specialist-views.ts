/**
 * What the specialist pages show: form values as typed (strings and date boxes), the answers in words,
 * and the two versions side by side when someone else saved first. No I/O.
 */
import { dateParts, datePartsFromIso, text, type DateParts } from '../platform/http/forms.js';
import { formatDate } from '../platform/http/format.js';
import { RM2000_AGGRAVATING_FIELDS, RM2000_FIELD_NAMES, RM2000_RECORD_FIELDS } from './rm2000-record.js';
import type { Rm2000Corrections, Rm2000Typed } from './rm2000-record.js';
import {
  itemAnswer,
  itemField,
  itemsOfPart,
  SARA_CODE_NAMES,
  SARA_RATING_NAMES,
  SARA_RATINGS_PART,
} from './sara.js';
import type { SaraAnswers, SaraCode, SaraPartKey, SaraRatingLevel } from './sara.js';
import { RM2000_DATE_FIELDS, RM2000_TEXT_FIELDS, type Rm2000FormValues } from './specialist-schemas.js';

type Body = Record<string, unknown>;
export type SaraFormValues = Record<string, string>;

/** The fields of one SARA page, in order. */
export function saraPartFields(part: SaraPartKey): string[] {
  if (part === SARA_RATINGS_PART.key)
    return ['riskToPartner', 'riskToPartnerReasons', 'riskToOthers', 'riskToOthersReasons'];
  return itemsOfPart(part).flatMap((item) => [
    itemField.code(item.number),
    itemField.critical(item.number),
    itemField.evidence(item.number),
  ]);
}

/** Textareas keep what was typed to the letter; other fields are trimmed. */
function rawText(body: Body, name: string, keepAsTyped: boolean): string {
  if (!keepAsTyped) return text(body, name);
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function isLongText(field: string): boolean {
  return field.endsWith('-evidence') || field.endsWith('Reasons') || field.endsWith('Reason');
}

export function saraValuesFromBody(part: SaraPartKey, body: Body): SaraFormValues {
  return Object.fromEntries(saraPartFields(part).map((f) => [f, rawText(body, f, isLongText(f))]));
}

export function saraValuesFromAnswers(part: SaraPartKey, answers: SaraAnswers): SaraFormValues {
  if (part === SARA_RATINGS_PART.key)
    return {
      riskToPartner: answers.riskToPartner ?? '',
      riskToPartnerReasons: answers.riskToPartnerReasons ?? '',
      riskToOthers: answers.riskToOthers ?? '',
      riskToOthersReasons: answers.riskToOthersReasons ?? '',
    };
  const values: SaraFormValues = {};
  for (const item of itemsOfPart(part)) {
    const answer = itemAnswer(answers, item.number);
    values[itemField.code(item.number)] = answer.code === null ? '' : String(answer.code);
    values[itemField.critical(item.number)] = answer.critical ? 'yes' : '';
    values[itemField.evidence(item.number)] = answer.evidence ?? '';
  }
  return values;
}

function saraFieldLabel(field: string): string {
  const match = /^item-(\d+)-(code|critical|evidence)$/.exec(field);
  if (match)
    return `Item ${match[1]} ${match[2] === 'code' ? 'code' : match[2] === 'critical' ? 'critical mark' : 'evidence'}`;
  return (
    {
      riskToPartner: 'Risk to partner',
      riskToPartnerReasons: 'Reasons for the risk to partner rating',
      riskToOthers: 'Risk to others',
      riskToOthersReasons: 'Reasons for the risk to others rating',
    }[field] ?? field
  );
}

function saraValueInWords(field: string, value: string): string {
  if (field.endsWith('-code')) return value === '' ? 'Not coded' : SARA_CODE_NAMES[Number(value) as SaraCode];
  if (field.endsWith('-critical')) return value === 'yes' ? 'Critical' : 'Not critical';
  if (field === 'riskToPartner' || field === 'riskToOthers')
    return value === '' ? 'Not rated' : SARA_RATING_NAMES[value as SaraRatingLevel];
  return value.trim() === '' ? 'None' : value;
}

export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/** The fields whose saved value differs from the assessor's, in words, in the page's order. */
export function saraConflictRows(
  fields: readonly string[],
  theirs: SaraFormValues,
  yours: SaraFormValues,
): ConflictRow[] {
  return fields
    .filter((f) => (theirs[f] ?? '').trim() !== (yours[f] ?? '').trim())
    .map((f) => ({
      label: saraFieldLabel(f),
      theirs: saraValueInWords(f, theirs[f] ?? ''),
      yours: saraValueInWords(f, yours[f] ?? ''),
    }));
}

// ---------------------------------------------------------------- Risk Matrix 2000

export function rm2000ValuesFromBody(body: Body): Rm2000FormValues {
  const values: Rm2000FormValues = {};
  for (const f of RM2000_DATE_FIELDS) values[f] = dateParts(body, f);
  for (const f of RM2000_TEXT_FIELDS) values[f] = rawText(body, f, isLongText(f));
  return values;
}

function yesNoValue(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? 'yes' : 'no';
}

export function rm2000ValuesFromAnswers(
  typed: Rm2000Typed,
  corrections: Rm2000Corrections,
): Rm2000FormValues {
  const values: Rm2000FormValues = {
    riskCommencementDate: datePartsFromIso(typed.riskCommencementDate),
    dateOfBirthCorrection: datePartsFromIso(corrections.dateOfBirth?.value),
  };
  for (const f of RM2000_AGGRAVATING_FIELDS) values[f] = yesNoValue(typed[f]);
  for (const f of ['sexualAppearances', 'criminalAppearances', 'violentAppearances'] as const)
    values[`${f}Correction`] = corrections[f] === undefined ? '' : String(corrections[f].value);
  values.burglaryConvictionCorrection = yesNoValue(corrections.burglaryConviction?.value);
  for (const f of RM2000_RECORD_FIELDS) values[`${f}CorrectionReason`] = corrections[f]?.reason ?? '';
  return values;
}

function dateInWords(parts: DateParts): string {
  if (!parts.day && !parts.month && !parts.year) return 'Not given';
  const iso = `${parts.year.padStart(4, '0')}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  const words = formatDate(iso);
  return words === iso ? `${parts.day}/${parts.month}/${parts.year}` : words;
}

function rm2000FieldLabel(field: string): string {
  const correction = /^(\w+)Correction(Reason)?$/.exec(field);
  if (correction) {
    const name = RM2000_FIELD_NAMES[correction[1] as keyof typeof RM2000_FIELD_NAMES] ?? correction[1];
    return correction[2] ? `Reason for correcting: ${name.toLowerCase()}` : `Corrected ${name.toLowerCase()}`;
  }
  return RM2000_FIELD_NAMES[field as keyof typeof RM2000_FIELD_NAMES] ?? field;
}

function rm2000ValueInWords(value: string | DateParts): string {
  if (typeof value !== 'string') return dateInWords(value);
  if (value === 'yes') return 'Yes';
  if (value === 'no') return 'No';
  return value.trim() === '' ? 'Not given' : value;
}

function same(a: string | DateParts | undefined, b: string | DateParts | undefined): boolean {
  return rm2000ValueInWords(a ?? '') === rm2000ValueInWords(b ?? '');
}

export function rm2000ConflictRows(theirs: Rm2000FormValues, yours: Rm2000FormValues): ConflictRow[] {
  const fields = [
    'riskCommencementDate',
    ...RM2000_AGGRAVATING_FIELDS,
    'dateOfBirthCorrection',
    ...RM2000_TEXT_FIELDS.filter((f) => f.includes('Correction')),
  ];
  return [...new Set(fields)]
    .filter((f) => !same(theirs[f], yours[f]))
    .map((f) => ({
      label: rm2000FieldLabel(f),
      theirs: rm2000ValueInWords(theirs[f] ?? ''),
      yours: rm2000ValueInWords(yours[f] ?? ''),
    }));
}

/** An input's value in words, for the read-only page and the snapshot's table. */
export function inputInWords(value: string | number | boolean | null): string {
  if (value === null) return 'Not given';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}
