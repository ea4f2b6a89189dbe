/**
 * Pure decisions about sentences: no I/O, no clock. Dates are ISO calendar dates
 * ('yyyy-mm-dd', Europe/London) and compare as strings.
 *
 * Each statutory limit is a small named function answering its decision with the
 * reason a page can show and the source it rests on. Limits that changed over time
 * are tables with effective-from dates, and an order is judged by the version that
 * applied to it (by conviction or sentence date, as the rule says).
 */

export interface Decision {
  allowed: boolean;
  /** Plain English, fit for a GOV.UK error message or an explanation. */
  reason: string;
  source: string;
}

const allow = (reason: string, source: string): Decision => ({ allowed: true, reason, source });
const refuse = (reason: string, source: string): Decision => ({ allowed: false, reason, source });

// ---------------------------------------------------------------- dates

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `days` days after (or before, if negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from one date to another: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The last day of a period of `months` calendar months beginning with `start`
 * (the start day counts). The UK convention: end = start + N months − 1 day, so an
 * order of 12 months from 15 March 2026 ends on 14 March 2027. When the start day
 * has no corresponding day in the final month (31 January + 1 month, or 29 February
 * + 12 months), the period runs to the end of that month: 28 February, clamped to
 * the month end, never spilling into the month after (the corresponding date rule,
 * Dodds v Walker [1981] 1 WLR 1441).
 */
export function expectedEndDate(start: string, months: number): string {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError('A length is a whole number of months, 1 or more');
  const [y, m, d] = parts(start);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = daysInMonth(year, month);
  if (d > last) return format(year, month, last);
  return addDays(format(year, month, d), -1);
}

/** The last day of a period of `days` days beginning with `start`: 1 day ends on the start day. */
export function expectedEndDateInDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError('A length is a whole number of days, 1 or more');
  return addDays(start, days - 1);
}

// ---------------------------------------------------------------- versioned rule tables

/** A version of a rule, in force for decisions dated on or after `from`. */
export interface Versioned {
  from: string;
  /** Where the version comes from, shown with every decision it makes. */
  source: string;
}

/** The version in force on a date: the latest whose `from` is on or before it. */
export function versionOn<T extends Versioned>(table: readonly T[], date: string): T {
  const sorted = [...table].sort((a, b) => (a.from < b.from ? 1 : -1));
  const found = sorted.find((v) => v.from <= date);
  if (!found) throw new RangeError(`No version of the rule is in force on ${date}`);
  return found;
}

const formatLong = (iso: string) => {
  const [y, m, d] = parts(iso);
  const month = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ][m - 1];
  return `${d} ${month} ${y}`;
};

const monthsText = (n: number) => (n % 12 === 0 ? `${n / 12} year${n === 12 ? '' : 's'}` : `${n} months`);

// ---------------------------------------------------------------- orders

/**
 * A community order may last up to 3 years: its end date must be no more than 3
 * years after the date of the order (Sentencing Code s.209; the reference: "community
 * order up to 3 years" [V]). Probity records the length in whole months, 1 to 36.
 */
export function communityOrderLength(months: number): Decision {
  const source = 'Sentencing Code s.209: a community order lasts up to 3 years';
  if (!Number.isInteger(months) || months < 1) return refuse('The length must be at least 1 month', source);
  if (months > 36) return refuse('A community order can last no more than 3 years (36 months)', source);
  return allow(`${monthsText(months)} is within the 3-year maximum`, source);
}

export interface CustodialTermVersion extends Versioned {
  minimumDays: number;
  maximumMonths: number;
}

/**
 * The custodial term a court may suspend: 14 days to 2 years, and from 22 March 2026
 * (Sentencing Act 2026) terms up to 3 years, judged by the sentence date. The
 * reference marks the 14-day to 2-year range [U]: it is configuration, so a local
 * table can replace this default.
 */
export const SSO_CUSTODIAL_TERM: readonly CustodialTermVersion[] = [
  {
    from: '0001-01-01',
    minimumDays: 14,
    maximumMonths: 24,
    source: 'Sentencing Code s.277: a custodial term of 14 days to 2 years may be suspended',
  },
  {
    from: '2026-03-22',
    minimumDays: 14,
    maximumMonths: 36,
    source: 'Sentencing Act 2026: from 22 March 2026 a custodial term of up to 3 years may be suspended',
  },
];

export type TermLength = { amount: number; unit: 'days' | 'weeks' | 'months' };

/**
 * Whether a suspended sentence's custodial term is one the court could suspend on
 * the sentence date. A term given in days or weeks is compared in days (2 years is
 * taken as 730 days, 3 years as 1,095); a term in months, in months.
 */
export function ssoCustodialTerm(
  term: TermLength,
  sentenceDate: string,
  table: readonly CustodialTermVersion[] = SSO_CUSTODIAL_TERM,
): Decision {
  const rule = versionOn(table, sentenceDate);
  const maxText = monthsText(rule.maximumMonths);
  const limit = `The custodial term must be between ${rule.minimumDays} days and ${maxText} for a sentence passed on ${formatLong(sentenceDate)}`;
  if (!Number.isInteger(term.amount) || term.amount < 1) return refuse(limit, rule.source);
  const days = term.unit === 'days' ? term.amount : term.unit === 'weeks' ? term.amount * 7 : null;
  if (days !== null) {
    if (days < rule.minimumDays || days > (rule.maximumMonths / 12) * 365) return refuse(limit, rule.source);
  } else if (term.amount > rule.maximumMonths) return refuse(limit, rule.source);
  return allow(`Within ${rule.minimumDays} days to ${maxText}`, rule.source);
}

/**
 * The operational period of a suspended sentence order (the time it is suspended
 * for, and so the order's length): at least 6 months and at most 2 years (Sentencing
 * Code s.288; the reference marks it [U]).
 */
export function ssoOperationalPeriod(months: number): Decision {
  const source = 'Sentencing Code s.288: an operational period of 6 months to 2 years';
  if (!Number.isInteger(months) || months < 6 || months > 24)
    return refuse('The operational period must be between 6 months and 2 years (24 months)', source);
  return allow(`${monthsText(months)} is within 6 months to 2 years`, source);
}

/**
 * The supervision period of a suspended sentence order, during which its community
 * requirements must be complied with, must not end after the operational period
 * (Sentencing Code s.288).
 */
export function ssoSupervisionPeriod(supervisionMonths: number, operationalMonths: number): Decision {
  const source = 'Sentencing Code s.288: the supervision period ends no later than the operational period';
  if (!Number.isInteger(supervisionMonths) || supervisionMonths < 1)
    return refuse('The supervision period must be at least 1 month', source);
  if (supervisionMonths > operationalMonths)
    return refuse(
      `The supervision period must not be longer than the operational period (${operationalMonths} months)`,
      source,
    );
  return allow('Ends within the operational period', source);
}

export interface LicenceDates {
  releaseDate: string;
  licenceExpiryDate: string;
  sentenceExpiryDate: string;
  pssEndDate: string | null;
}

/**
 * A licence's key dates must be in the order time runs: release, then licence
 * expiry (LED) no later than sentence expiry (SED), and post-sentence supervision
 * ending (PSSED) after the licence expires.
 */
export function licenceKeyDates(dates: LicenceDates): Array<Decision & { field: keyof LicenceDates }> {
  const source = 'Criminal Justice Act 2003 ss.249–256B: licence and post-sentence supervision periods';
  const problems: Array<Decision & { field: keyof LicenceDates }> = [];
  if (dates.licenceExpiryDate < dates.releaseDate)
    problems.push({
      ...refuse('Licence expiry date must be on or after the release date', source),
      field: 'licenceExpiryDate',
    });
  if (dates.sentenceExpiryDate < dates.licenceExpiryDate)
    problems.push({
      ...refuse('Sentence expiry date must be on or after the licence expiry date', source),
      field: 'sentenceExpiryDate',
    });
  if (dates.pssEndDate !== null && dates.pssEndDate <= dates.licenceExpiryDate)
    problems.push({
      ...refuse('Post-sentence supervision end date must be after the licence expiry date', source),
      field: 'pssEndDate',
    });
  return problems;
}

/** An order or requirement ends on or after it starts. */
export function endNotBeforeStart(start: string, end: string, what = 'The end date'): Decision {
  const source = 'A period cannot end before it starts';
  if (end < start) return refuse(`${what} must be on or after the start date`, source);
  return allow('Ends on or after it starts', source);
}

/** An order starts on or after the day it was imposed. */
export function startNotBeforeSentence(sentenceDate: string, startDate: string): Decision {
  const source = 'An order cannot start before the court imposed it';
  if (startDate < sentenceDate) return refuse('Start date must be on or after the sentence date', source);
  return allow('Starts on or after the sentence date', source);
}

/** An order is imposed on or after the conviction. */
export function sentenceNotBeforeConviction(convictionDate: string, sentenceDate: string): Decision {
  const source = 'A sentence follows the conviction';
  if (sentenceDate < convictionDate)
    return refuse(
      `Sentence date must be on or after the conviction date, ${formatLong(convictionDate)}`,
      source,
    );
  return allow('Sentenced on or after conviction', source);
}

// ---------------------------------------------------------------- requirements

/** Requirements belong to community orders and suspended sentence orders (Sentencing Code Sch 9). */
export function orderTakesRequirements(orderType: string): Decision {
  const source = 'Sentencing Code Sch 9: requirements of community orders and suspended sentence orders';
  if (orderType === 'CO' || orderType === 'SSO') return allow('This order can have requirements', source);
  return refuse('Requirements can only be added to a community order or a suspended sentence order', source);
}

export interface OrderPeriod {
  start_date: string;
  expected_end_date: string;
  terminated_on: string | null;
}

/**
 * A requirement must sit inside a live order: not on a terminated order, starting
 * within the order's period, and ending no later than the order is expected to end.
 */
export function requirementWithinOrder(order: OrderPeriod, start: string, end: string | null): Decision {
  const source = 'Sentencing Code Sch 9: a requirement is part of its order and cannot outlast it';
  if (order.terminated_on)
    return refuse(
      `The order was terminated on ${formatLong(order.terminated_on)}: requirements cannot be added`,
      source,
    );
  if (start < order.start_date)
    return refuse(
      `Start date must be on or after the order started, ${formatLong(order.start_date)}`,
      source,
    );
  if (start > order.expected_end_date)
    return refuse(
      `Start date must be on or before the order ends, ${formatLong(order.expected_end_date)}`,
      source,
    );
  if (end !== null && end > order.expected_end_date)
    return refuse(
      `The requirement would end on ${formatLong(end)}, after the order ends on ${formatLong(order.expected_end_date)}`,
      source,
    );
  return allow('Within the order', source);
}

export interface RequirementTypeLimits {
  code: string;
  description: string;
  unit: string | null;
  minimum_units: number | null;
  maximum_units: number | null;
}

const UNIT_WORDS: Record<string, [singular: string, plural: string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  months: ['month', 'months'],
  sessions: ['session', 'sessions'],
  'hours-per-day': ['hour a day', 'hours a day'],
};

export function unitText(unit: string | null, n: number): string {
  const words = UNIT_WORDS[unit ?? ''];
  if (!words) return String(n);
  return `${n} ${n === 1 ? words[0] : words[1]}`;
}

const REQUIREMENT_SOURCES: Record<string, string> = {
  W: 'Sentencing Code Sch 9, unpaid work requirement: 40 to 300 hours',
  F: 'Sentencing Code Sch 9, rehabilitation activity requirement: the court sets the maximum number of activity days',
  RM38: 'Sentencing Code Sch 9, programme requirement: the number of sessions the court set',
  PDRR: 'Sentencing Code Sch 9, drug rehabilitation requirement: a treatment and testing period of at least 6 months',
  PCUR: 'Sentencing Code Sch 9, curfew requirement',
  PATC: 'Sentencing Code Sch 9, attendance centre requirement: 12 to 36 hours',
  PAAM: 'Sentencing Code Sch 9, alcohol abstinence and monitoring requirement: up to 120 days',
  PFTP: 'Sentencing Code Sch 9, foreign travel prohibition requirement: up to 12 months',
  PEXC: 'Sentencing Code Sch 9, exclusion requirement: up to 2 years',
};

/**
 * A requirement's units within its type's limits (requirement_types: minimum and
 * maximum units). Unpaid work is 40 to 300 hours (Sentencing Code Sch 9, unpaid work requirement).
 */
export function requirementUnits(type: RequirementTypeLimits, units: number): Decision {
  const source = REQUIREMENT_SOURCES[type.code] ?? `Probity's limits for ${type.description.toLowerCase()}`;
  const min = type.minimum_units;
  const max = type.maximum_units;
  const name = type.description;
  if (!Number.isInteger(units)) return refuse(`Enter the ${unitPlural(type.unit)} as a whole number`, source);
  if (min !== null && max !== null && (units < min || units > max))
    return refuse(
      `${name} must be between ${unitText(type.unit, min)} and ${unitText(type.unit, max)}`,
      source,
    );
  if (min !== null && units < min)
    return refuse(`${name} must be at least ${unitText(type.unit, min)}`, source);
  if (max !== null && units > max)
    return refuse(`${name} must be no more than ${unitText(type.unit, max)}`, source);
  return allow(`${unitText(type.unit, units)} is within the limits`, source);
}

function unitPlural(unit: string | null): string {
  return UNIT_WORDS[unit ?? '']?.[1] ?? 'number';
}

/** Unpaid work: 40 to 300 hours (Sentencing Code Sch 9, unpaid work requirement; the reference [V]). */
export function unpaidWorkHours(hours: number): Decision {
  return requirementUnits(
    { code: 'W', description: 'Unpaid work', unit: 'hours', minimum_units: 40, maximum_units: 300 },
    hours,
  );
}

export interface CurfewVersion extends Versioned {
  minimumHoursPerDay: number;
  maximumHoursPerDay: number;
  /** Most hours in any 7 days; null when there is no weekly cap. */
  maximumHoursPerWeek: number | null;
  maximumMonths: number;
}

/**
 * Curfew limits, by conviction date: on or after 28 June 2022 (Police, Crime,
 * Sentencing and Courts Act 2022 amending the curfew requirement, Sentencing Code Sch 9), 2 to 20
 * hours in any 24, at most 112 hours in any 7 days, for up to 2 years; before,
 * 2 to 16 hours a day for up to 12 months.
 */
export const CURFEW: readonly CurfewVersion[] = [
  {
    from: '0001-01-01',
    minimumHoursPerDay: 2,
    maximumHoursPerDay: 16,
    maximumHoursPerWeek: null,
    maximumMonths: 12,
    source:
      'Sentencing Code Sch 9, curfew requirement, for convictions before 28 June 2022: 2 to 16 hours a day, up to 12 months',
  },
  {
    from: '2022-06-28',
    minimumHoursPerDay: 2,
    maximumHoursPerDay: 20,
    maximumHoursPerWeek: 112,
    maximumMonths: 24,
    source:
      'Sentencing Code Sch 9, curfew requirement, as amended by the Police, Crime, Sentencing and Courts Act 2022, for convictions on or after 28 June 2022: 2 to 20 hours in any 24, at most 112 hours in 7 days, up to 2 years',
  },
];

export interface CurfewInput {
  hoursPerDay: number;
  daysPerWeek: number;
  lengthMonths: number;
  convictionDate: string;
}

/** Every way a curfew breaks the limits in force on its conviction date, by field. */
export function curfewLimits(
  input: CurfewInput,
  table: readonly CurfewVersion[] = CURFEW,
): Array<Decision & { field: 'units' | 'daysPerWeek' | 'lengthMonths' }> {
  const rule = versionOn(table, input.convictionDate);
  const when = `for a conviction on ${formatLong(input.convictionDate)}`;
  const problems: Array<Decision & { field: 'units' | 'daysPerWeek' | 'lengthMonths' }> = [];
  if (input.hoursPerDay < rule.minimumHoursPerDay || input.hoursPerDay > rule.maximumHoursPerDay)
    problems.push({
      ...refuse(
        `Curfew must be between ${rule.minimumHoursPerDay} and ${rule.maximumHoursPerDay} hours a day ${when}`,
        rule.source,
      ),
      field: 'units',
    });
  else if (
    rule.maximumHoursPerWeek !== null &&
    input.hoursPerDay * input.daysPerWeek > rule.maximumHoursPerWeek
  )
    problems.push({
      ...refuse(
        `Curfew can be no more than ${rule.maximumHoursPerWeek} hours in 7 days: ${input.hoursPerDay} hours on ${input.daysPerWeek} days is ${input.hoursPerDay * input.daysPerWeek}`,
        rule.source,
      ),
      field: 'daysPerWeek',
    });
  if (input.lengthMonths > rule.maximumMonths)
    problems.push({
      ...refuse(`Curfew can last no more than ${monthsText(rule.maximumMonths)} ${when}`, rule.source),
      field: 'lengthMonths',
    });
  return problems;
}

/**
 * When a requirement is expected to end, from its start, its type and its order.
 * Months-based requirements (DRR, ATR, MHTR, exclusion …) run for their units; a
 * curfew for its length; alcohol abstinence and monitoring for its days in a row;
 * the others (unpaid work, RAR, programmes, attendance centre) as long as the order.
 */
export function requirementExpectedEnd(
  type: { code: string; unit: string | null },
  start: string,
  units: number | null,
  lengthMonths: number | null,
  orderEnd: string,
): string {
  if (type.unit === 'months' && units) return expectedEndDate(start, units);
  if (type.unit === 'hours-per-day' && lengthMonths) return expectedEndDate(start, lengthMonths);
  if (type.code === ABSTINENCE_AND_MONITORING && units) return expectedEndDateInDays(start, units);
  return orderEnd;
}

export const UNPAID_WORK = 'W';
export const CURFEW_CODE = 'PCUR';
export const ABSTINENCE_AND_MONITORING = 'PAAM';

// ---------------------------------------------------------------- termination and progress

/**
 * An order or requirement is terminated once, on a day from its start to today:
 * never in the future, never before it began.
 */
export function terminationDate(
  record: { start_date: string; terminated_on: string | null },
  on: string,
  today: string,
  what: 'order' | 'requirement',
): Decision {
  const source = 'A termination records what has happened';
  if (record.terminated_on)
    return refuse(`This ${what} was already terminated on ${formatLong(record.terminated_on)}`, source);
  if (on < record.start_date)
    return refuse(
      `Termination date must be on or after the ${what} started, ${formatLong(record.start_date)}`,
      source,
    );
  if (on > today) return refuse('Termination date must be today or in the past', source);
  return allow('A date from the start to today', source);
}

export type OrderStatus = 'not-started' | 'active' | 'ended' | 'terminated';

export interface Progress {
  status: OrderStatus;
  daysTotal: number;
  daysElapsed: number;
  percent: number;
  /** Halfway through the expected length: a usual point to review progress. */
  halfwayDate: string;
  daysRemaining: number;
}

/** How far through its expected length an order (or requirement) is on `today`. */
export function progressOf(
  record: { start_date: string; expected_end_date: string; terminated_on: string | null },
  today: string,
): Progress {
  const daysTotal = daysBetween(record.start_date, record.expected_end_date) + 1;
  const upTo = record.terminated_on && record.terminated_on < today ? record.terminated_on : today;
  const daysElapsed = Math.min(daysTotal, Math.max(0, daysBetween(record.start_date, upTo) + 1));
  const status: OrderStatus = record.terminated_on
    ? 'terminated'
    : today < record.start_date
      ? 'not-started'
      : today > record.expected_end_date
        ? 'ended'
        : 'active';
  return {
    status,
    daysTotal,
    daysElapsed,
    percent: Math.floor((daysElapsed * 100) / daysTotal),
    halfwayDate: addDays(record.start_date, Math.floor((daysTotal - 1) / 2)),
    daysRemaining: status === 'active' ? daysBetween(today, record.expected_end_date) : 0,
  };
}
