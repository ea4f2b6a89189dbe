import type { z } from 'zod';

export interface FormErrors {
  summary: Array<{ text: string; href: string }>;
  fields: Record<string, { text: string }>;
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

/** The id a field's error links to; date inputs link to their first box, as GOV.UK does. */
function anchorFor(field: string, dateFields: readonly string[]): string {
  return dateFields.includes(field) ? `${field}-day` : field;
}

/** Turns zod issues into the GOV.UK error summary and per-field messages, first message per field. */
export function toFormErrors(error: z.ZodError, dateFields: readonly string[] = []): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors.fields[field]) continue;
    errors.fields[field] = { text: issue.message };
    errors.summary.push({ text: issue.message, href: `#${anchorFor(field, dateFields)}` });
  }
  return errors;
}

export function singleError(field: string, message: string): FormErrors {
  return { summary: [{ text: message, href: `#${field}` }], fields: { [field]: { text: message } } };
}

/** Form bodies arrive as strings or arrays of strings; this reads one value as trimmed text. */
export function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

export function list(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The three boxes of a GOV.UK date input, as the user typed them. */
export function dateParts(body: Record<string, unknown>, name: string) {
  return {
    day: text(body, `${name}-day`),
    month: text(body, `${name}-month`),
    year: text(body, `${name}-year`),
  };
}

export type DateParts = ReturnType<typeof dateParts>;

export function datePartsFromIso(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** Items for govukDateInput, keeping what was typed and marking the boxes in error. */
export function dateInputItems(parts: DateParts, hasError: boolean) {
  const cls = (width: number) => `govuk-input--width-${width}${hasError ? ' govuk-input--error' : ''}`;
  return [
    { name: 'day', label: 'Day', classes: cls(2), value: parts.day },
    { name: 'month', label: 'Month', classes: cls(2), value: parts.month },
    { name: 'year', label: 'Year', classes: cls(4), value: parts.year },
  ];
}

/** Problems a rule found after the form parsed, as the GOV.UK error summary and field messages. */
export function problemErrors(
  problems: ReadonlyArray<{ field: string; message: string }>,
  dateFields: readonly string[] = [],
): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const p of problems) {
    if (!errors.fields[p.field]) errors.fields[p.field] = { text: p.message };
    errors.summary.push({ text: p.message, href: `#${anchorFor(p.field, dateFields)}` });
  }
  return errors;
}
