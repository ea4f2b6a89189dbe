/**
 * Enter once: what the case record already says, turned into answers the assessment is filled in
 * with. Each value carries its source in words, so the page can say where it came from; the
 * assessor corrects it with a reason where the record is incomplete (older convictions, cautions).
 */
import type { EmploymentKind } from '../people/index.js';
import { longDate } from '../platform/calendar/index.js';
import { OGRS3_OFFENCE_CATEGORY_TABLE, type Ogrs3OffenceCategoryCode } from '../risk/index.js';
import type { RecordValue, RecordValues } from './rules.js';

export interface RecordOffence {
  description: string;
  category: string;
  offenceDate: string | null;
  main: boolean;
}

export interface RecordEvent {
  eventNumber: number;
  convictionDate: string;
  offences: readonly RecordOffence[];
}

export interface CaseRecordFacts {
  /** Every event (conviction) Probity holds, in any order. */
  events: readonly RecordEvent[];
  /** The current order or licence that started last, or null. */
  currentOrder: { orderType: string; description: string; startDate: string } | null;
  /** The current main address, or null. */
  mainAddress: { since: string; summary: string } | null;
  /** Current registrations (flags), by register code. */
  registrations: ReadonlyArray<{ code: string; description: string; since: string }>;
  /** The current employment status on the person's record, or null when none is recorded. */
  employment: {
    description: string;
    employer: string | null;
    since: string;
    kind: EmploymentKind | null;
  } | null;
}

/**
 * The employment statuses that settle 4.2, "unemployed, or will be on release": in work is no,
 * unemployed and available for work is yes. Not available for work, in education and in custody
 * do not settle it, so the assessor answers.
 */
const UNEMPLOYED_ANSWERS: Partial<Record<EmploymentKind, 'yes' | 'no'>> = {
  'in-work': 'no',
  unemployed: 'yes',
};

/** Registrations that answer an item: a self-harm flag answers 10.5, a child protection or concerns flag 6.9. */
const ITEMS_FROM_REGISTRATIONS: ReadonlyArray<{ item: string; codes: readonly string[] }> = [
  { item: '10.5', codes: ['ALSH'] },
  { item: '6.9', codes: ['RCPR', 'RCCO'] },
];

const VIOLENT = new Set(['violence', 'robbery']);
const CONTACT_ADULT = 'sexual-not-against-child';
const CONTACT_CHILD = 'sexual-against-child';
const SEXUAL = new Set([CONTACT_ADULT, CONTACT_CHILD]);

function categoryLabel(code: string): string {
  return OGRS3_OFFENCE_CATEGORY_TABLE[code as Ogrs3OffenceCategoryCode]?.label ?? code;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function byConviction(events: readonly RecordEvent[]) {
  return [...events].sort(
    (a, b) => a.convictionDate.localeCompare(b.convictionDate) || a.eventNumber - b.eventNumber,
  );
}

function offenceDateOf(event: RecordEvent, offence: RecordOffence): string {
  return offence.offenceDate ?? event.convictionDate;
}

function latest(dates: readonly string[]): string | undefined {
  return [...dates].sort().at(-1);
}

export function recordValuesOf(record: CaseRecordFacts): RecordValues {
  const values: Record<string, RecordValue> = {};
  const events = byConviction(record.events);
  const current = events.at(-1);
  if (current) {
    const main = current.offences.find((o) => o.main) ?? current.offences[0];
    if (main)
      values.ogrs3Category = {
        value: main.category,
        source: `Main offence of event ${current.eventNumber}: ${main.description} (${categoryLabel(main.category)})`,
      };
    values.currentConvictionDate = {
      value: current.convictionDate,
      source: `Conviction date of event ${current.eventNumber}`,
    };
    values.firstSanctionDate = {
      value: events[0]!.convictionDate,
      source: `The earliest conviction Probity holds (event ${events[0]!.eventNumber}); earlier sanctions are on the PNC`,
    };
    values.totalSanctions = {
      value: String(events.length),
      source: `${plural(events.length, 'conviction')} recorded in Probity; add cautions and older convictions from the PNC`,
    };
    const violent = events.filter((e) => e.offences.some((o) => VIOLENT.has(o.category)));
    values.violentSanctions = {
      value: String(violent.length),
      source: `${plural(violent.length, 'conviction')} in Probity with a violence or robbery offence`,
    };
    for (const [code, category, words] of [
      ['contactAdultSexualSanctions', CONTACT_ADULT, 'a sexual offence not against a child'],
      ['contactChildSexualSanctions', CONTACT_CHILD, 'a sexual offence against a child'],
    ] as const) {
      const n = events.filter((e) => e.offences.some((o) => o.category === category)).length;
      values[code] = { value: String(n), source: `${plural(n, 'conviction')} in Probity for ${words}` };
    }
    const sexual = events.filter((e) => e.offences.some((o) => SEXUAL.has(o.category)));
    const lastSexual = sexual.at(-1);
    if (lastSexual) {
      values.lastSexualSanctionDate = {
        value: lastSexual.convictionDate,
        source: `Conviction date of event ${lastSexual.eventNumber}`,
      };
      const sexualOffenceDates = sexual.flatMap((e) =>
        e.offences.filter((o) => SEXUAL.has(o.category)).map((o) => offenceDateOf(e, o)),
      );
      values.mostRecentSexualOffenceDate = {
        value: latest(sexualOffenceDates)!,
        source:
          'The latest sexual offence date in Probity (the conviction date where no offence date is recorded)',
      };
    }
    const offenceDates = events.flatMap((e) => e.offences.map((o) => offenceDateOf(e, o)));
    if (offenceDates.length)
      values.mostRecentOffenceDate = {
        value: latest(offenceDates)!,
        source: 'The latest offence date in Probity (the conviction date where no offence date is recorded)',
      };
  }
  if (record.currentOrder)
    values.followUpStartDate = {
      value: record.currentOrder.startDate,
      source: `Start of the current ${record.currentOrder.description.toLowerCase()}`,
    };
  if (record.mainAddress)
    values['3.3'] = {
      value: 'no',
      source: `Main address since ${longDate(record.mainAddress.since)}: ${record.mainAddress.summary}`,
    };
  const employment = record.employment;
  const unemployed = employment?.kind ? UNEMPLOYED_ANSWERS[employment.kind] : undefined;
  if (employment && unemployed)
    values['4.2'] = {
      value: unemployed,
      source: `Employment status since ${longDate(employment.since)}: ${employment.description}${employment.employer ? `, ${employment.employer}` : ''}`,
    };
  for (const { item, codes } of ITEMS_FROM_REGISTRATIONS) {
    const flag = record.registrations.find((r) => codes.includes(r.code));
    if (flag)
      values[item] = {
        value: 'yes',
        source: `Registration ${flag.code} (${flag.description}) since ${longDate(flag.since)}`,
      };
  }
  return values;
}
