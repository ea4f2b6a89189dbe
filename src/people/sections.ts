import type { z } from 'zod';
import { dateParts, datePartsFromIso, text, type DateParts } from '../platform/http/forms.js';
import {
  addressForm,
  contactSection,
  detailsSection,
  equalitySection,
  identifiersSection,
  type ReferenceCodes,
} from './schemas.js';
import type { PersonRow, ReferenceLists } from './store.js';

/** One page of the person form: used to create a person (a step of the journey) and to change their record. */
export interface SectionDefinition {
  name: 'details' | 'identifiers' | 'contact' | 'equality' | 'address';
  title: string;
  fields: readonly string[];
  dateFields: readonly string[];
  /** Each field's name as the form shows it, for pages that list fields (both versions after a lost race). */
  labels: Readonly<Record<string, string>>;
  /** Fields holding a code from a reference list, with the list's set code, to show the code in words. */
  codeSets?: Readonly<Record<string, string>>;
  schema(today: string, codes: ReferenceCodes): z.ZodType;
}

export const SECTIONS: SectionDefinition[] = [
  {
    name: 'details',
    title: 'Name and date of birth',
    fields: ['forename', 'middleNames', 'surname', 'preferredName', 'sex', 'genderIdentity'],
    dateFields: ['dateOfBirth'],
    labels: {
      forename: 'First name',
      middleNames: 'Middle names',
      surname: 'Last name',
      preferredName: 'Preferred name',
      sex: 'Sex registered at birth',
      genderIdentity: 'Gender identity',
      dateOfBirth: 'Date of birth',
    },
    codeSets: { sex: 'sex', genderIdentity: 'gender-identity' },
    schema: detailsSection,
  },
  {
    name: 'identifiers',
    title: 'Identity numbers',
    fields: ['pncNumber', 'croNumber', 'prisonNumber', 'niNumber'],
    dateFields: [],
    labels: {
      pncNumber: 'PNC number',
      croNumber: 'CRO number',
      prisonNumber: 'Prison number',
      niNumber: 'National Insurance number',
    },
    schema: () => identifiersSection,
  },
  {
    name: 'address',
    title: 'Main address',
    fields: ['status', 'building', 'street', 'district', 'town', 'county', 'postcode'],
    dateFields: ['fromDate'],
    labels: {
      status: 'Main address',
      building: 'Building name or number',
      street: 'Street',
      district: 'District',
      town: 'Town or city',
      county: 'County',
      postcode: 'Postcode',
      fromDate: 'Date they started living here',
    },
    schema: addressForm,
  },
  {
    name: 'contact',
    title: 'Contact details',
    fields: ['telephone', 'mobile', 'email', 'contactPreferences'],
    dateFields: [],
    labels: {
      telephone: 'Telephone',
      mobile: 'Mobile',
      email: 'Email',
      contactPreferences: 'How they prefer to be contacted',
    },
    codeSets: { contactPreferences: 'contact-preference' },
    schema: (_today, codes) => contactSection(codes),
  },
  {
    name: 'equality',
    title: 'Equality and communication needs',
    fields: ['ethnicity', 'religion', 'sexualOrientation', 'firstLanguage', 'interpreterRequired'],
    dateFields: [],
    labels: {
      ethnicity: 'Ethnic group',
      religion: 'Religion or belief',
      sexualOrientation: 'Sexual orientation',
      firstLanguage: 'First language',
      interpreterRequired: 'Interpreter needed',
    },
    codeSets: {
      ethnicity: 'ethnicity',
      religion: 'religion',
      sexualOrientation: 'sexual-orientation',
      firstLanguage: 'language',
    },
    schema: (_today, codes) => equalitySection(codes),
  },
];

export function sectionNamed(name: string): SectionDefinition | undefined {
  return SECTIONS.find((s) => s.name === name);
}

export type RawValues = Record<string, string | DateParts>;

/** What the user typed, kept exactly so a form with errors shows it again. */
export function rawValues(section: SectionDefinition, body: Record<string, unknown>): RawValues {
  const values: RawValues = {};
  for (const field of section.fields) values[field] = text(body, field);
  for (const field of section.dateFields) values[field] = dateParts(body, field);
  return values;
}

/** The record's current values, in the shape the form shows. */
export function valuesFromPerson(section: SectionDefinition, person: PersonRow): RawValues {
  const p = person;
  switch (section.name) {
    case 'details':
      return {
        forename: p.forename,
        middleNames: p.middle_names ?? '',
        surname: p.surname,
        preferredName: p.preferred_name ?? '',
        sex: p.sex,
        genderIdentity: p.gender_identity ?? '',
        dateOfBirth: datePartsFromIso(p.date_of_birth),
      };
    case 'identifiers':
      return {
        pncNumber: p.pnc_number ?? '',
        croNumber: p.cro_number ?? '',
        prisonNumber: p.prison_number ?? '',
        niNumber: p.ni_number ?? '',
      };
    case 'contact':
      return {
        telephone: p.telephone ?? '',
        mobile: p.mobile ?? '',
        email: p.email ?? '',
        contactPreferences: p.contact_preferences ?? '',
      };
    case 'equality':
      return {
        ethnicity: p.ethnicity ?? '',
        religion: p.religion ?? '',
        sexualOrientation: p.sexual_orientation ?? '',
        firstLanguage: p.first_language ?? '',
        interpreterRequired: p.interpreter_required ? 'yes' : 'no',
      };
    case 'address':
      return { status: 'main', fromDate: datePartsFromIso(null) };
  }
}

export function codesFrom(lists: ReferenceLists): ReferenceCodes {
  const codes = (items: Array<{ code: string }>) => items.map((i) => i.code);
  const o = lists.options;
  return {
    ethnicity: codes(o.ethnicity),
    religion: codes(o.religion),
    sexualOrientation: codes(o.sexualOrientation),
    language: codes(o.language),
    genderIdentity: codes(o.genderIdentity),
    contactPreference: codes(o.contactPreference),
    disability: codes(o.disability),
    contactRelationship: codes(o.contactRelationship),
    employmentStatus: codes(o.employmentStatus),
  };
}
