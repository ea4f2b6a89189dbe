/**
 * Reading an assessment section's form. Drafts are saved with whatever is answered, but what is
 * typed must still make sense (a real date, a whole number): a bad value is refused with a GOV.UK
 * message and the form comes back as typed.
 */
import { z } from 'zod';
import { OGRS3_OFFENCE_CATEGORY_CODES } from '../risk/index.js';
import { dateField } from '../platform/http/date-field.js';
import { dateParts, datePartsFromIso, text, type DateParts } from '../platform/http/forms.js';
import type { FieldMessage } from './rules.js';
import {
  ROSH_QUESTIONS,
  ROSH_RATING_KEYS,
  ROSH_RATINGS,
  SCALES,
  type SectionDefinition,
} from './sections.js';
import type { SectionChange } from './service.js';

type Body = Record<string, unknown>;

export type SectionValues = Record<string, string | DateParts>;

const TEXT_LIMIT = 10_000;

function yesNo(value: string): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

function factProblem(kind: string, label: string, raw: string): string | null {
  if (raw === '') return null;
  if (kind === 'count') return /^\d{1,3}$/.test(raw) ? null : `${label} must be a whole number, 0 or more`;
  if (kind === 'percent') {
    const n = Number(raw);
    return /^\d{1,3}(\.\d{1,2})?$/.test(raw) && n >= 0 && n <= 100
      ? null
      : `${label} must be a percentage from 0 to 100, with up to 2 decimal places`;
  }
  if (kind === 'offence-category')
    return (OGRS3_OFFENCE_CATEGORY_CODES as readonly string[]).includes(raw)
      ? null
      : `Select the ${label.toLowerCase()}`;
  if (kind === 'yes-no') return raw === 'yes' || raw === 'no' ? null : `Select yes or no`;
  return null;
}

/** The section's form as typed, and the change it asks for, or the problems with it. */
export function readSectionForm(
  def: SectionDefinition,
  body: Body,
  today: string,
): { values: SectionValues; change: SectionChange; problems: FieldMessage[] } {
  const values: SectionValues = {};
  const answers: Record<string, string> = {};
  const correctionReasons: Record<string, string> = {};
  const problems: FieldMessage[] = [];
  for (const fact of def.facts ?? []) {
    if (fact.kind === 'date') {
      const parts = dateParts(body, fact.code);
      values[fact.code] = parts;
      const parsed = dateField({
        label: fact.label,
        required: false,
        notInFuture: fact.code === 'followUpStartDate' ? undefined : { today },
      }).safeParse(parts);
      if (!parsed.success)
        problems.push({ field: `${fact.code}-day`, message: parsed.error.issues[0]!.message });
      else answers[fact.code] = parsed.data ?? '';
    } else {
      const raw = text(body, fact.code);
      values[fact.code] = raw;
      const problem = factProblem(fact.kind, fact.label, raw);
      if (problem) problems.push({ field: fact.code, message: problem });
      else answers[fact.code] = raw;
    }
    const reason = text(body, `reason-${fact.code}`);
    values[`reason-${fact.code}`] = reason;
    if (reason) correctionReasons[fact.code] = reason;
  }
  for (const item of def.items) {
    const raw = text(body, item.code);
    values[item.code] = raw;
    if (raw !== '' && !(SCALES[item.scale] as readonly { value: string }[]).some((o) => o.value === raw))
      problems.push({ field: item.code, message: `Select an answer to ${item.code} from the list` });
    else answers[item.code] = raw;
    const reason = text(body, `reason-${item.code}`);
    values[`reason-${item.code}`] = reason;
    if (reason) correctionReasons[item.code] = reason;
  }
  if (def.kind === 'rosh') {
    for (const key of ROSH_RATING_KEYS) {
      const raw = text(body, key);
      values[key] = raw;
      if (raw !== '' && !ROSH_RATINGS.some((r) => r.value === raw))
        problems.push({ field: key, message: 'Select low, medium, high or very high' });
      else answers[key] = raw;
    }
    for (const q of ROSH_QUESTIONS) {
      const raw = text(body, q.code);
      values[q.code] = raw;
      if (raw.length > TEXT_LIMIT)
        problems.push({ field: q.code, message: `${q.label} must be ${TEXT_LIMIT} characters or fewer` });
      else answers[q.code] = raw;
    }
  }
  for (const field of ['linkedToOffending', 'linkedToHarm', 'evidence', 'personsView', 'action'] as const)
    values[field] = text(body, field);
  for (const [field, label] of [
    ['evidence', 'Evidence and analysis'],
    ['personsView', 'What the person says'],
  ] as const) {
    if ((values[field] as string).length > TEXT_LIMIT)
      problems.push({ field, message: `${label} must be ${TEXT_LIMIT} characters or fewer` });
  }
  for (const code of Object.keys(correctionReasons)) {
    if (correctionReasons[code]!.length > 1000)
      problems.push({ field: `reason-${code}`, message: 'The reason must be 1000 characters or fewer' });
  }
  const change: SectionChange = {
    answers,
    correctionReasons,
    linkedToOffending: def.asksLinks ? yesNo(values.linkedToOffending as string) : null,
    linkedToHarm: def.asksLinks ? yesNo(values.linkedToHarm as string) : null,
    evidence: (values.evidence as string) || null,
    personsView: (values.personsView as string) || null,
    markComplete: values.action === 'complete',
  };
  return { values, change, problems };
}

/** The form's values from what is saved (and what the record says), for a first view. */
export function sectionValues(
  def: SectionDefinition,
  section: {
    answers: Record<string, string>;
    corrections: Record<string, { reason: string }>;
    linkedToOffending: boolean | null;
    linkedToHarm: boolean | null;
    evidence: string | null;
    personsView: string | null;
  },
  record: Readonly<Record<string, { value: string }>>,
): SectionValues {
  const values: SectionValues = {};
  const answer = (code: string) => section.answers[code] ?? record[code]?.value ?? '';
  for (const fact of def.facts ?? []) {
    values[fact.code] = fact.kind === 'date' ? datePartsFromIso(answer(fact.code)) : answer(fact.code);
    values[`reason-${fact.code}`] = section.corrections[fact.code]?.reason ?? '';
  }
  for (const item of def.items) {
    values[item.code] = answer(item.code);
    values[`reason-${item.code}`] = section.corrections[item.code]?.reason ?? '';
  }
  if (def.kind === 'rosh') {
    for (const key of ROSH_RATING_KEYS) values[key] = section.answers[key] ?? '';
    for (const q of ROSH_QUESTIONS) values[q.code] = section.answers[q.code] ?? '';
  }
  const yn = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
  values.linkedToOffending = yn(section.linkedToOffending);
  values.linkedToHarm = yn(section.linkedToHarm);
  values.evidence = section.evidence ?? '';
  values.personsView = section.personsView ?? '';
  return values;
}

export const START_TYPES = ['initial', 'review', 'termination'] as const;

export const startForm = z.object({
  type: z.enum(START_TYPES, { error: 'Select the type of assessment' }),
});

export const returnForm = z.object({
  decision: z.enum(['countersign', 'return'], {
    error: 'Select whether you countersign the assessment or return it',
  }),
  reason: z.string().trim().max(2000, 'The reason must be 2000 characters or fewer'),
});

export const signForm = z.object({
  declaration: z.literal('yes', { error: 'Confirm that the assessment is complete and accurate' }),
});
