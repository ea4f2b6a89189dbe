/**
 * Property tests: the rules never disagree with a naive recount from the raw
 * contacts, written here straight from the definitions (one contact at a time, no
 * shared window helper), and the counts move the way the rules say they should.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, periodEndDate, workingDaysBetween, type IsoDate } from '../platform/calendar/index.js';
import {
  countAcceptableAbsences,
  countAppointmentsKept,
  nextAppointment,
  overdueOutcomes,
} from './appointments.js';
import { countFailuresToComply } from './failures-to-comply.js';
import { CONTACT_TYPES } from './fixtures.js';
import { CONTACT_OUTCOMES, recordedOutcome, type OutcomeCode } from './outcomes.js';
import { rarDaysUsed, unpaidWorkMinutesCredited } from './requirement-progress.js';
import type { Contact } from './types.js';

const BASE = Date.UTC(2026, 4, 11);
const dayFromBase = (n: number): IsoDate => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
const daysAfter = (date: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);

const anyToday = fc.integer({ min: -400, max: 400 }).map(dayFromBase);

/** Days relative to today, crowded where the rules have edges: a year ago, and recent days holding several contacts. */
const anyOffset = fc.oneof(
  fc.integer({ min: -900, max: 60 }),
  fc.integer({ min: -370, max: -360 }),
  fc.integer({ min: -6, max: 1 }),
  fc.integer({ min: -10, max: -5 }), // where a 5 working day evidence window closes
);

/** Every type and outcome can appear; the ones the counts turn on appear often. */
const anyContactType = fc.oneof(
  fc.constantFrom(...Object.values(CONTACT_TYPES)),
  fc.constantFrom(CONTACT_TYPES.officeAppointment, CONTACT_TYPES.rarSession),
);
const anyOutcome = fc.oneof(
  { arbitrary: fc.constantFrom(...CONTACT_OUTCOMES.map((o) => o.code)), weight: 2 },
  { arbitrary: fc.constantFrom<OutcomeCode>('UAAB', 'AFTC', 'AFTA', 'ATTC', 'AAME'), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
);

function contactAround(today: IsoDate): fc.Arbitrary<Contact> {
  return fc
    .record({
      id: fc.nat({ max: 1_000_000 }).map((n) => `c${n}`),
      date: anyOffset.map((n) => daysAfter(today, n)),
      minutesAfterMidnight: fc.option(fc.integer({ min: 0, max: 1439 }), { nil: null }),
      contactType: anyContactType,
      outcome: anyOutcome,
      rarActivity: fc.boolean(),
      requirementId: fc.constantFrom(undefined, null, 'r1', 'r2'),
      minutesCredited: fc.option(fc.integer({ min: -60, max: 600 }), { nil: undefined }),
    })
    .map(({ minutesAfterMidnight, outcome, ...c }) => ({
      ...c,
      startsAt:
        minutesAfterMidnight === null ? null : new Date(Date.parse(c.date) + minutesAfterMidnight * 60_000),
      outcome: outcome ? recordedOutcome(outcome) : null,
    }));
}

interface Scenario {
  today: IsoDate;
  contacts: Contact[];
  /** One more contact, for the properties about adding one. */
  added: Contact;
  breachPeriodEndedOn: IsoDate | null;
}

/** Contacts crowded onto a few days, most of them possible RAR activities: where days can hold several. */
const anyRarContact: fc.Arbitrary<Contact> = fc
  .record({
    id: fc.nat({ max: 1_000_000 }).map((n) => `r${n}`),
    date: fc.integer({ min: 0, max: 9 }).map(dayFromBase),
    contactType: fc.constantFrom(
      CONTACT_TYPES.rarSession,
      CONTACT_TYPES.officeAppointment,
      CONTACT_TYPES.unpaidWork,
    ),
    outcome: fc.constantFrom<OutcomeCode | null>('ATTC', 'APPK', 'ATSS', 'AFTC', 'UAAB', 'RSOF', null),
    rarActivity: fc.boolean(),
    requirementId: fc.constantFrom(undefined, 'r1', 'r2'),
  })
  .map(({ outcome, ...c }) => ({ ...c, outcome: outcome ? recordedOutcome(outcome) : null }));

const anyScenario: fc.Arbitrary<Scenario> = anyToday.chain((today) =>
  fc.record({
    today: fc.constant(today),
    contacts: fc.array(contactAround(today), { maxLength: 40 }),
    added: contactAround(today),
    breachPeriodEndedOn: fc.option(
      anyOffset.map((n) => daysAfter(today, n)),
      { nil: null },
    ),
  }),
);

// ---------------------------------------------------------------- the naive recount

/** Today is still inside the 12 months beginning with the date, and the date is after the last breach ended. */
function naiveCounts(date: IsoDate, today: IsoDate, breachEndedOn: IsoDate | null): boolean {
  if (date > today) return false;
  if (periodEndDate(date, { months: 12 }) < today) return false;
  return breachEndedOn === null || date > breachEndedOn;
}

function naiveFailuresToComply(contacts: Contact[], today: IsoDate, breachEndedOn: IsoDate | null): number {
  const days = new Set<IsoDate>();
  for (const c of contacts) {
    if (!naiveCounts(c.date, today, breachEndedOn)) continue;
    if (!c.contactType.nationalStandards || !c.contactType.enforceable || !c.outcome) continue;
    // The window's 5 working days have all gone by before today.
    const unexplained =
      c.outcome.category === 'awaiting-evidence' && workingDaysBetween(c.date, addDays(today, -1)) >= 5;
    if (c.outcome.enforceable || unexplained) days.add(c.date);
  }
  return days.size;
}

function naiveAppointmentsWith(
  category: string,
  contacts: Contact[],
  today: IsoDate,
  breach: IsoDate | null,
): number {
  let count = 0;
  for (const c of contacts) {
    if (
      c.contactType.attendanceRequired &&
      c.outcome?.category === category &&
      naiveCounts(c.date, today, breach)
    ) {
      count += 1;
    }
  }
  return count;
}

function naiveRarDays(contacts: Contact[], requirementId?: string): number {
  const days = new Set<IsoDate>();
  for (const c of contacts) {
    if (requirementId !== undefined && c.requirementId !== requirementId) continue;
    if (c.rarActivity && c.contactType.rarActivityAllowed && c.outcome?.category === 'attended')
      days.add(c.date);
  }
  return days.size;
}

function naiveMinutesCredited(contacts: Contact[], requirementId?: string): number {
  let minutes = 0;
  for (const c of contacts) {
    if (requirementId !== undefined && c.requirementId !== requirementId) continue;
    if (c.outcome?.attended) minutes += Math.max(0, c.minutesCredited ?? 0);
  }
  return minutes;
}

// ---------------------------------------------------------------- properties

describe('failures to comply', () => {
  it('never disagree with a naive recount', () => {
    fc.assert(
      fc.property(anyScenario, ({ contacts, today, breachPeriodEndedOn }) => {
        const answer = countFailuresToComply({ contacts, today, breachPeriodEndedOn });
        expect(answer.count).toBe(naiveFailuresToComply(contacts, today, breachPeriodEndedOn));
        expect(answer.dates).toEqual([...new Set(answer.dates)].sort());
        expect(answer.dates.every((d) => d >= answer.windowStart && d <= today)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never go down when a contact is added', () => {
    fc.assert(
      fc.property(anyScenario, ({ contacts, added, today, breachPeriodEndedOn }) => {
        const before = countFailuresToComply({ contacts, today, breachPeriodEndedOn }).count;
        const after = countFailuresToComply({
          contacts: [...contacts, added],
          today,
          breachPeriodEndedOn,
        }).count;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('never go up when the last breach ended later', () => {
    fc.assert(
      fc.property(anyScenario, fc.nat({ max: 400 }), ({ contacts, today, breachPeriodEndedOn }, later) => {
        const earlier = breachPeriodEndedOn ?? dayFromBase(-2000);
        const before = countFailuresToComply({ contacts, today, breachPeriodEndedOn: earlier }).count;
        const after = countFailuresToComply({
          contacts,
          today,
          breachPeriodEndedOn: addDays(earlier, later),
        }).count;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('appointments kept and acceptable absences', () => {
  it('never disagree with a naive recount', () => {
    fc.assert(
      fc.property(anyScenario, ({ contacts, today, breachPeriodEndedOn }) => {
        expect(countAppointmentsKept({ contacts, today, breachPeriodEndedOn }).count).toBe(
          naiveAppointmentsWith('attended', contacts, today, breachPeriodEndedOn),
        );
        expect(countAcceptableAbsences({ contacts, today, breachPeriodEndedOn }).count).toBe(
          naiveAppointmentsWith('acceptable-absence', contacts, today, breachPeriodEndedOn),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('RAR days used', () => {
  const anyRequirement = fc.constantFrom(undefined, 'r1', 'r2');

  it('never disagree with a naive recount', () => {
    fc.assert(
      fc.property(anyScenario, anyRequirement, ({ contacts }, requirementId) => {
        expect(rarDaysUsed({ contacts, requirementId }).days).toBe(naiveRarDays(contacts, requirementId));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(anyRarContact, { maxLength: 30 }), anyRequirement, (contacts, requirementId) => {
        expect(rarDaysUsed({ contacts, requirementId }).days).toBe(naiveRarDays(contacts, requirementId));
      }),
      { numRuns: 300 },
    );
  });

  it('never go down when a contact is added', () => {
    fc.assert(
      fc.property(
        fc.array(anyRarContact, { maxLength: 30 }),
        anyRarContact,
        anyRequirement,
        (contacts, added, requirementId) => {
          const before = rarDaysUsed({ contacts, requirementId }).days;
          expect(rarDaysUsed({ contacts: [...contacts, added], requirementId }).days).toBeGreaterThanOrEqual(
            before,
          );
        },
      ),
    );
  });

  it('do not depend on the order of the contacts', () => {
    fc.assert(
      fc.property(fc.array(anyRarContact, { maxLength: 30 }), (contacts) => {
        expect(rarDaysUsed({ contacts: [...contacts].reverse() }).days).toBe(rarDaysUsed({ contacts }).days);
      }),
    );
  });
});

describe('unpaid work time credited', () => {
  it('never disagrees with a naive recount, and never goes down when a contact is added', () => {
    fc.assert(
      fc.property(anyScenario, fc.constantFrom(undefined, 'r1'), ({ contacts, added }, requirementId) => {
        const before = unpaidWorkMinutesCredited({ contacts, requirementId }).minutes;
        expect(before).toBe(naiveMinutesCredited(contacts, requirementId));
        const after = unpaidWorkMinutesCredited({ contacts: [...contacts, added], requirementId }).minutes;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('appointments waiting for an outcome', () => {
  it('are each either overdue or still to come, and the next one is the earliest still to come', () => {
    fc.assert(
      fc.property(anyScenario, fc.integer({ min: -1440, max: 2880 }), ({ contacts, today }, minutes) => {
        const now = new Date(Date.parse(today) + minutes * 60_000);
        const waiting = contacts.filter((c) => c.contactType.attendanceRequired && c.outcome === null);
        const overdue = overdueOutcomes({ contacts, now }).appointments;
        const upcoming = waiting.filter((c) => !overdue.includes(c));
        const next = nextAppointment({ contacts, now }).appointment;
        expect(overdue.every((c) => waiting.includes(c))).toBe(true);
        expect(next === null).toBe(upcoming.length === 0);
        if (next) {
          expect(overdue).not.toContain(next);
          expect(upcoming.every((c) => c.date >= next.date)).toBe(true);
        }
      }),
    );
  });
});
