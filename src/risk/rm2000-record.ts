/**
 * Risk Matrix 2000 on a person's record: who it is for (men aged 18 or over with a sexual conviction),
 * what the record already says (date of birth; sexual, criminal and violent appearances; a burglary
 * conviction), the assessor's corrections of it (each with its reason), and the calculator's input
 * assembled from the three. Pure rules: no I/O, no clock (`today` is passed in).
 */
import { formatDate } from '../platform/http/format.js';
import { completedYearsBetween } from './age.js';
import { calculateRm2000 } from './rm2000.js';
import type { Rm2000MaleInput, Rm2000Scored } from './rm2000.js';
import { RM2000_TABLES } from './rm2000-tables.js';
import { rm2000Request } from './schemas.js';
import type { Rm2000Tables } from './rm2000-tables.js';

/** OGRS3 offence categories that are sexual offences: a conviction for one makes RM2000 apply. */
export const RM2000_SEXUAL_CATEGORIES: readonly string[] = [
  'sexual-not-against-child',
  'sexual-against-child',
];
/** Categories counted as non-sexual violence for RM2000/V: violence against the person and robbery. */
export const RM2000_VIOLENT_CATEGORIES: readonly string[] = ['violence', 'robbery'];
export const RM2000_BURGLARY_CATEGORIES: readonly string[] = ['burglary-domestic', 'burglary-other'];
/** Registrations that show a sexual conviction even when the event is not on Probity's record. */
export const SEX_OFFENDER_REGISTERS: readonly string[] = ['ARSO', 'ANSO'];

export interface RecordOffence {
  description: string;
  /** The offence's OGRS3 category code. */
  category: string;
}

/** One event on the record: a conviction, with its offences. */
export interface RecordConviction {
  eventNumber: number;
  convictionDate: string;
  offences: readonly RecordOffence[];
}

export interface RecordRegistration {
  typeCode: string;
  description: string;
  registeredOn: string;
  deregisteredOn: string | null;
}

/** What Probity's record says that bears on RM2000. */
export interface Rm2000RecordFacts {
  /** people.sex: 'M' or 'F'. */
  sex: string;
  dateOfBirth: string;
  convictions: readonly RecordConviction[];
  /** The person's ARSO and ANSO registrations, current and past. */
  registrations: readonly RecordRegistration[];
}

export interface Rm2000Eligibility {
  eligible: boolean;
  /** Why RM2000 cannot be used, one reason a line; empty when eligible. */
  reasons: string[];
  /** The facts that make it apply, for the screen. */
  basis: string[];
}

function hasCategory(conviction: RecordConviction, categories: readonly string[]): boolean {
  return conviction.offences.some((offence) => categories.includes(offence.category));
}

function convictionsWith(facts: Rm2000RecordFacts, categories: readonly string[]) {
  return facts.convictions.filter((c) => hasCategory(c, categories));
}

function offencesIn(conviction: RecordConviction, categories: readonly string[]): string {
  return conviction.offences
    .filter((o) => categories.includes(o.category))
    .map((o) => o.description)
    .join(', ');
}

/** Men aged 18 or over (today) with a sexual conviction: an event with a sexual offence, or an ARSO or ANSO registration. */
export function rm2000Eligibility(
  facts: Rm2000RecordFacts,
  today: string,
  tables: Rm2000Tables = RM2000_TABLES,
): Rm2000Eligibility {
  const reasons: string[] = [];
  const basis: string[] = [];
  const { minimumAge } = tables.eligibility;
  if (facts.sex === 'M') basis.push('The record gives their sex as male');
  else
    reasons.push(
      `Risk Matrix 2000 is for men: the record gives this person’s sex as ${facts.sex === 'F' ? 'female' : 'not male'}`,
    );
  const age = completedYearsBetween(facts.dateOfBirth, today);
  if (age >= minimumAge) basis.push(`Aged ${age} today`);
  else
    reasons.push(
      `Aged ${age} today (born ${formatDate(facts.dateOfBirth)}): Risk Matrix 2000 is for men aged ${minimumAge} or over`,
    );
  const sexual = convictionsWith(facts, RM2000_SEXUAL_CATEGORIES);
  const registered = facts.registrations.filter((r) => SEX_OFFENDER_REGISTERS.includes(r.typeCode));
  for (const c of sexual)
    basis.push(
      `Sexual conviction: ${offencesIn(c, RM2000_SEXUAL_CATEGORIES)} (event ${c.eventNumber}, convicted ${formatDate(c.convictionDate)})`,
    );
  for (const r of registered)
    basis.push(
      `${r.description} (${r.typeCode}) registration from ${formatDate(r.registeredOn)}${r.deregisteredOn ? `, removed ${formatDate(r.deregisteredOn)}` : ''}`,
    );
  if (sexual.length === 0 && registered.length === 0)
    reasons.push(
      'No sexual conviction on the record: no event has a sexual offence, and there is no ARSO or ANSO registration. ' +
        'If there is a sexual conviction, add it to the record first',
    );
  return { eligible: reasons.length === 0, reasons, basis };
}

// ---------------------------------------------------------------- from the record

export const RM2000_RECORD_FIELDS = [
  'dateOfBirth',
  'sexualAppearances',
  'criminalAppearances',
  'violentAppearances',
  'burglaryConviction',
] as const;
export type Rm2000RecordField = (typeof RM2000_RECORD_FIELDS)[number];

export interface Rm2000RecordValues {
  dateOfBirth: string;
  sexualAppearances: number;
  criminalAppearances: number;
  violentAppearances: number;
  burglaryConviction: boolean;
}

export interface Rm2000FromRecord {
  values: Rm2000RecordValues;
  /** How each value was read from the record, in words. */
  how: Record<Rm2000RecordField, string>;
}

export const RM2000_FIELD_NAMES: Readonly<Record<keyof Rm2000MaleInput, string>> = {
  sex: 'Sex',
  dateOfBirth: 'Date of birth',
  riskCommencementDate: 'Commencement of risk date',
  sexualAppearances: 'Sexual appearances',
  criminalAppearances: 'Criminal appearances',
  violentAppearances: 'Violent appearances',
  burglaryConviction: 'Burglary conviction',
  sexualOffenceAgainstMale: 'A sexual offence against a male',
  sexualOffenceAgainstStranger: 'A sexual offence against a stranger',
  nonContactSexualConviction: 'A non-contact sexual conviction',
  neverLivedWithAdultPartnerForTwoYears: 'Single: never lived with an adult partner for two years',
};

/** Court appearances: the distinct conviction dates of the events, as Probity records one event per conviction. */
function appearanceDates(convictions: readonly RecordConviction[]): string[] {
  return [...new Set(convictions.map((c) => c.convictionDate))].sort();
}

function listAppearances(convictions: readonly RecordConviction[]): string {
  return appearanceDates(convictions)
    .map((date) => {
      const events = convictions.filter((c) => c.convictionDate === date).map((c) => c.eventNumber);
      return `${formatDate(date)} (event${events.length > 1 ? 's' : ''} ${events.join(' and ')})`;
    })
    .join('; ');
}

function countedHow(what: string, convictions: readonly RecordConviction[]): string {
  return convictions.length === 0
    ? `No event on the record has ${what}`
    : `Conviction dates with ${what}: ${listAppearances(convictions)}`;
}

/** What the record says for each input it can give, and how it was read. */
export function rm2000FromRecord(facts: Rm2000RecordFacts): Rm2000FromRecord {
  const sexual = convictionsWith(facts, RM2000_SEXUAL_CATEGORIES);
  const violent = convictionsWith(facts, RM2000_VIOLENT_CATEGORIES);
  const burglary = convictionsWith(facts, RM2000_BURGLARY_CATEGORIES);
  return {
    values: {
      dateOfBirth: facts.dateOfBirth,
      sexualAppearances: appearanceDates(sexual).length,
      criminalAppearances: appearanceDates(facts.convictions).length,
      violentAppearances: appearanceDates(violent).length,
      burglaryConviction: burglary.length > 0,
    },
    how: {
      dateOfBirth: 'The person’s personal details',
      sexualAppearances: countedHow('a sexual offence', sexual),
      criminalAppearances: countedHow('any offence', facts.convictions),
      violentAppearances: countedHow('a violent offence (violence against the person or robbery)', violent),
      burglaryConviction:
        burglary.length === 0
          ? 'No event on the record has a burglary offence'
          : burglary
              .map((c) => `${offencesIn(c, RM2000_BURGLARY_CATEGORIES)} (event ${c.eventNumber})`)
              .join('; '),
    },
  };
}

// ---------------------------------------------------------------- the assessor's answers

export interface Correction<T> {
  value: T;
  reason: string;
}

/** The assessor's corrections of what the record says, each with its reason. */
export interface Rm2000Corrections {
  dateOfBirth?: Correction<string>;
  sexualAppearances?: Correction<number>;
  criminalAppearances?: Correction<number>;
  violentAppearances?: Correction<number>;
  burglaryConviction?: Correction<boolean>;
}

export const RM2000_AGGRAVATING_FIELDS = [
  'sexualOffenceAgainstMale',
  'sexualOffenceAgainstStranger',
  'nonContactSexualConviction',
  'neverLivedWithAdultPartnerForTwoYears',
] as const;
export type Rm2000AggravatingField = (typeof RM2000_AGGRAVATING_FIELDS)[number];

/** What the assessor types: the record does not hold it. */
export interface Rm2000Typed {
  riskCommencementDate: string | null;
  sexualOffenceAgainstMale: boolean | null;
  sexualOffenceAgainstStranger: boolean | null;
  nonContactSexualConviction: boolean | null;
  neverLivedWithAdultPartnerForTwoYears: boolean | null;
}

export type InputSource = 'record' | 'corrected' | 'assessor';

/** One input as the calculator will use it, with where it came from. */
export interface Rm2000InputLine {
  field: Exclude<keyof Rm2000MaleInput, 'sex'>;
  name: string;
  value: string | number | boolean | null;
  source: InputSource;
  /** For inputs the record gives: its value and how it was read, kept beside a correction. */
  recordValue?: string | number | boolean;
  how?: string;
  reason?: string;
}

export interface AssembledRm2000 {
  lines: Rm2000InputLine[];
  /** The calculator's input when every value is there; null while any is missing. */
  input: Rm2000MaleInput | null;
}

/** The record's values with the assessor's corrections over them, and what the assessor typed. */
export function assembleRm2000(
  fromRecord: Rm2000FromRecord,
  corrections: Rm2000Corrections,
  typed: Rm2000Typed,
): AssembledRm2000 {
  const recordLines: Rm2000InputLine[] = RM2000_RECORD_FIELDS.map((field) => {
    const correction = corrections[field];
    const recordValue = fromRecord.values[field];
    return {
      field,
      name: RM2000_FIELD_NAMES[field],
      value: correction ? correction.value : recordValue,
      source: correction ? 'corrected' : 'record',
      recordValue,
      how: fromRecord.how[field],
      ...(correction ? { reason: correction.reason } : {}),
    };
  });
  const typedLines: Rm2000InputLine[] = (['riskCommencementDate', ...RM2000_AGGRAVATING_FIELDS] as const).map(
    (field) => ({ field, name: RM2000_FIELD_NAMES[field], value: typed[field], source: 'assessor' }),
  );
  const lines = [recordLines, typedLines].flat();
  const complete = lines.every((line) => line.value !== null);
  const valueOf = <T>(field: Rm2000InputLine['field']) => lines.find((l) => l.field === field)!.value as T;
  const input: Rm2000MaleInput | null = complete
    ? {
        sex: 'male',
        dateOfBirth: valueOf('dateOfBirth'),
        riskCommencementDate: valueOf('riskCommencementDate'),
        sexualAppearances: valueOf('sexualAppearances'),
        criminalAppearances: valueOf('criminalAppearances'),
        violentAppearances: valueOf('violentAppearances'),
        burglaryConviction: valueOf('burglaryConviction'),
        sexualOffenceAgainstMale: valueOf('sexualOffenceAgainstMale'),
        sexualOffenceAgainstStranger: valueOf('sexualOffenceAgainstStranger'),
        nonContactSexualConviction: valueOf('nonContactSexualConviction'),
        neverLivedWithAdultPartnerForTwoYears: valueOf('neverLivedWithAdultPartnerForTwoYears'),
      }
    : null;
  return { lines, input };
}

/** The form field that holds an input: a correction box for what the record gives, else the typed field. */
export function formFieldOf(field: string): string {
  return (RM2000_RECORD_FIELDS as readonly string[]).includes(field) ? `${field}Correction` : field;
}

export interface Rm2000FieldProblem {
  field: string;
  message: string;
}

/** What the assessor has not answered yet: each typed input must be, before RM2000 can be scored. */
export function missingAnswers(typed: Rm2000Typed): Rm2000FieldProblem[] {
  const problems: Rm2000FieldProblem[] = [];
  if (typed.riskCommencementDate === null)
    problems.push({ field: 'riskCommencementDate', message: 'Enter the commencement of risk date' });
  const questions: Record<Rm2000AggravatingField, string> = {
    sexualOffenceAgainstMale: 'Say whether any sexual offence was against a male',
    sexualOffenceAgainstStranger: 'Say whether any sexual offence was against a stranger',
    nonContactSexualConviction: 'Say whether there is a non-contact sexual conviction',
    neverLivedWithAdultPartnerForTwoYears:
      'Say whether he has never lived with an adult partner for two years or more',
  };
  for (const field of RM2000_AGGRAVATING_FIELDS)
    if (typed[field] === null) problems.push({ field, message: questions[field] });
  return problems;
}

/**
 * Why a complete input still cannot be scored, on the field to change: under the minimum age at
 * the commencement of risk, or no sexual appearance. The words are the calculator's own reasons.
 */
export function ineligibleFields(
  input: Rm2000MaleInput,
  reasons: readonly string[],
  tables: Rm2000Tables = RM2000_TABLES,
): Rm2000FieldProblem[] {
  const fields: string[] = [];
  if (completedYearsBetween(input.dateOfBirth, input.riskCommencementDate) < tables.eligibility.minimumAge)
    fields.push('riskCommencementDate');
  if (input.sexualAppearances < tables.eligibility.minimumSexualAppearances)
    fields.push(formFieldOf('sexualAppearances'));
  return reasons.map((message, i) => ({ field: fields[i] ?? 'form', message }));
}

export type Rm2000Scoring =
  | { scored: true; assembled: AssembledRm2000 & { input: Rm2000MaleInput }; result: Rm2000Scored }
  | { scored: false; assembled: AssembledRm2000; problems: Rm2000FieldProblem[] };

/**
 * Scores RM2000 from the record, the corrections and the assessor's answers, or says on which field
 * each problem is: an answer missing, a value the calculator API would refuse (its rm2000Request
 * rules: no date of birth in the future, commencement of risk after birth, criminal appearances at
 * least the sexual ones, violent ones at most the criminal ones), a person RM2000 is not for.
 */
export function scoreRm2000(
  facts: Pick<Rm2000RecordFacts, 'sex'>,
  fromRecord: Rm2000FromRecord,
  corrections: Rm2000Corrections,
  typed: Rm2000Typed,
  today: string,
  tables: Rm2000Tables = RM2000_TABLES,
): Rm2000Scoring {
  const assembled = assembleRm2000(fromRecord, corrections, typed);
  if (facts.sex !== 'M')
    return {
      scored: false,
      assembled,
      problems: [
        {
          field: 'form',
          message: 'Risk Matrix 2000 is for men: the record no longer gives this person’s sex as male',
        },
      ],
    };
  const missing = missingAnswers(typed);
  if (missing.length > 0 || !assembled.input) return { scored: false, assembled, problems: missing };
  const parsed = rm2000Request(today).safeParse(assembled.input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: formFieldOf(String(issue.path[0] ?? 'form')),
      message: issue.message,
    }));
    return { scored: false, assembled, problems };
  }
  const input = assembled.input;
  const result = calculateRm2000(input, tables);
  if (!result.eligible)
    return { scored: false, assembled, problems: ineligibleFields(input, result.reasons, tables) };
  return { scored: true, assembled: { ...assembled, input }, result };
}
