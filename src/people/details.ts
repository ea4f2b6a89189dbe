import type { z } from 'zod';
import { dateParts, datePartsFromIso, text } from '../platform/http/forms.js';
import { aliasForm, disabilityForm, personalContactForm, type ReferenceCodes } from './schemas.js';
import type { RawValues } from './sections.js';
import type { ReferenceLists } from './store.js';

/**
 * The things a person's record lists one by one, that staff add, change and remove:
 * aliases, personal contacts (next of kin, GP, others) and disabilities with their
 * reasonable adjustments. One definition each, so adding, changing and removing
 * read the same fields, labels and rules.
 */
export type DetailKind = 'alias' | 'personal-contact' | 'disability';

export interface DetailDefinition {
  kind: DetailKind;
  table: 'person_aliases' | 'person_contacts' | 'person_disabilities';
  /** The part of the address after /people/:crn/. */
  path: 'aliases' | 'contacts' | 'disabilities';
  /** As a sentence names it: "remove this alias". */
  noun: string;
  /** With its article: "an alias". */
  aNoun: string;
  /** The add form, which is also the change form. */
  template: string;
  /** The tab that lists them. */
  tab: 'personal-details' | 'contacts';
  fields: readonly string[];
  dateFields: readonly string[];
  /** The column each form field is saved in. */
  columns: Readonly<Record<string, string>>;
  /** Each field's name as the form shows it, for both versions after a lost race. */
  labels: Readonly<Record<string, string>>;
  /** Fields holding a code from a reference list, with the list's set code. */
  codeSets: Readonly<Record<string, string>>;
  schema(today: string, codes: ReferenceCodes): z.ZodType;
  /** A short name for one of them, for links and confirmation questions. */
  nameOf(row: DetailRow, lists: ReferenceLists): string;
}

/** A row of any of the three tables: the columns they share, and their own. */
export type DetailRow = {
  id: string;
  row_version: number;
  updated_at: Date;
  updated_by_name: string | null;
  removed_at: Date | null;
  removed_by_name: string | null;
  removal_reason: string | null;
} & Record<string, unknown>;

const shown = (value: unknown) => (typeof value === 'string' ? value : '');

export const DETAILS: Record<DetailKind, DetailDefinition> = {
  alias: {
    kind: 'alias',
    table: 'person_aliases',
    path: 'aliases',
    noun: 'alias',
    aNoun: 'an alias',
    template: 'people/views/add-alias.njk',
    tab: 'personal-details',
    fields: ['forename', 'surname'],
    dateFields: ['dateOfBirth'],
    columns: { forename: 'forename', surname: 'surname', dateOfBirth: 'date_of_birth' },
    labels: {
      forename: 'First name',
      surname: 'Last name',
      dateOfBirth: 'Date of birth used with this name',
    },
    codeSets: {},
    schema: (today) => aliasForm(today),
    nameOf: (row) => `${shown(row.forename)} ${shown(row.surname)}`,
  },
  'personal-contact': {
    kind: 'personal-contact',
    table: 'person_contacts',
    path: 'contacts',
    noun: 'personal contact',
    aNoun: 'a personal contact',
    template: 'people/views/add-contact.njk',
    tab: 'contacts',
    fields: ['relationship', 'name', 'telephone', 'email', 'address', 'notes'],
    dateFields: [],
    columns: {
      relationship: 'relationship',
      name: 'name',
      telephone: 'telephone',
      email: 'email',
      address: 'address',
      notes: 'notes',
    },
    labels: {
      relationship: 'Relationship',
      name: 'Name',
      telephone: 'Telephone',
      email: 'Email',
      address: 'Address',
      notes: 'Notes',
    },
    codeSets: { relationship: 'contact-relationship' },
    schema: (_today, codes) => personalContactForm(codes),
    nameOf: (row, lists) =>
      `${shown(row.name)} (${lists.describe('contact-relationship', shown(row.relationship))})`,
  },
  disability: {
    kind: 'disability',
    table: 'person_disabilities',
    path: 'disabilities',
    noun: 'disability',
    aNoun: 'a disability',
    template: 'people/views/add-disability.njk',
    tab: 'personal-details',
    fields: ['disability', 'reasonableAdjustments'],
    dateFields: [],
    columns: { disability: 'disability', reasonableAdjustments: 'reasonable_adjustments' },
    labels: { disability: 'Disability', reasonableAdjustments: 'Reasonable adjustments' },
    codeSets: { disability: 'disability' },
    schema: (_today, codes) => disabilityForm(codes),
    nameOf: (row, lists) => lists.describe('disability', shown(row.disability)),
  },
};

/** The validated form as the table's columns, empty answers as null. */
export function detailColumns(
  definition: DetailDefinition,
  values: Record<string, unknown>,
): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(definition.columns).map(([field, column]) => [
      column,
      (values[field] as string | null | undefined) ?? null,
    ]),
  );
}

/** What the user typed, kept exactly so a form with errors shows it again. */
export function typedValues(definition: DetailDefinition, body: Record<string, unknown>): RawValues {
  const values: RawValues = {};
  for (const field of definition.fields) values[field] = text(body, field);
  for (const field of definition.dateFields) values[field] = dateParts(body, field);
  return values;
}

/** A saved row in the shape the form shows. */
export function valuesFromRow(definition: DetailDefinition, row: DetailRow): RawValues {
  const values: RawValues = {};
  for (const field of definition.fields) values[field] = shown(row[definition.columns[field]!]);
  for (const field of definition.dateFields)
    values[field] = datePartsFromIso(row[definition.columns[field]!] as string | null);
  return values;
}

/** One value as words, for the table of both versions: codes described, dates as typed. */
export function valueInWords(
  definition: DetailDefinition,
  field: string,
  value: RawValues[string] | undefined,
  lists: ReferenceLists,
): string {
  if (value === undefined) return '';
  if (typeof value !== 'string')
    return value.day || value.month || value.year ? `${value.day}/${value.month}/${value.year}` : '';
  const set = definition.codeSets[field];
  return set ? lists.describe(set, value) : value;
}
