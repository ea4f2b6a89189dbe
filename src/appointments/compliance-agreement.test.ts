import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { addDays, londonDateOf } from '../platform/calendar/index.js';
import { complianceSummary } from './service.js';
import { complianceForPeople } from './store.js';
import { londonInstant } from './time.js';

/** The default evidence window (README, PROBITY_EVIDENCE_WINDOW_WORKING_DAYS). */
const EVIDENCE_WINDOW_DAYS = 5;

/**
 * The caseload counts failures to comply and finds the next appointment for many
 * people in one SQL query; the overview counts them with the rules in TypeScript.
 * Whatever the raw contacts and breaches, the two must never disagree.
 */

let t: TestApp;
let person: { id: string; orderId: string; eventId: string; staffId: string; rar: string; upw: string };
const now = new Date();
const today = londonDateOf(now);

beforeAll(async () => {
  t = await startTestApp();
  // Someone with a current RAR and a current unpaid work requirement on one order.
  const row = await t.database.db
    .selectFrom('allocations')
    .innerJoin('orders', 'orders.person_id', 'allocations.person_id')
    .innerJoin('requirements as rar', (j) =>
      j
        .onRef('rar.order_id', '=', 'orders.id')
        .on('rar.type_code', '=', 'F')
        .on('rar.terminated_on', 'is', null),
    )
    .innerJoin('requirements as upw', (j) =>
      j
        .onRef('upw.order_id', '=', 'orders.id')
        .on('upw.type_code', '=', 'W')
        .on('upw.terminated_on', 'is', null),
    )
    .select([
      'allocations.person_id',
      'allocations.staff_id',
      'orders.id as order_id',
      'orders.event_id',
      'rar.id as rar',
      'upw.id as upw',
    ])
    .where('allocations.ended_at', 'is', null)
    .orderBy('allocations.person_id')
    .executeTakeFirstOrThrow();
  person = {
    id: row.person_id,
    orderId: row.order_id,
    eventId: row.event_id,
    staffId: row.staff_id,
    rar: row.rar,
    upw: row.upw,
  };
});
afterAll(async () => t.close());

const TYPES = ['COAP', 'CHVS', 'CPRI', 'CRAR', 'CUPW', 'CTEL'] as const;
const OUTCOMES = [null, 'ATTC', 'AFTC', 'ATSH', 'AAME', 'UAAB', 'AFTA', 'ABNS', 'UBHV', 'RSOF'] as const;

const contactArb = fc.record({
  // From 14 months ago to a month ahead: inside, at the edge of and outside the 12-month window,
  // often on the same few days, so that days holding several contacts are common.
  daysAgo: fc.oneof(fc.constantFrom(-3, 2, 40, 364, 365, 366), fc.integer({ min: -30, max: 430 })),
  hour: fc.integer({ min: 0, max: 23 }),
  type: fc.constantFrom(...TYPES),
  outcome: fc.constantFrom(...OUTCOMES),
  requirement: fc.constantFrom('none' as const, 'rar' as const, 'upw' as const),
  rarActivity: fc.boolean(),
  minutesCredited: fc.option(fc.integer({ min: 0, max: 480 })),
});
const breachArb = fc.option(
  fc.record({
    daysAgo: fc.integer({ min: 0, max: 430 }),
    where: fc.constantFrom('enforcement' as const, 'court' as const),
  }),
);

async function clearPerson() {
  const db = t.database.db;
  await db.deleteFrom('breaches').where('person_id', '=', person.id).execute();
  await db.deleteFrom('recalls').where('person_id', '=', person.id).execute();
  await db.deleteFrom('warnings').where('person_id', '=', person.id).execute();
  await db.deleteFrom('enforcement_decisions').where('person_id', '=', person.id).execute();
  await db.deleteFrom('court_appearances').where('person_id', '=', person.id).execute();
  await db.deleteFrom('contacts').where('person_id', '=', person.id).execute();
}

async function insertContact(c: ContactInput) {
  const startsAt = londonInstant(addDays(today, -c.daysAgo), c.hour, 0);
  return t.database.db
    .insertInto('contacts')
    .values({
      person_id: person.id,
      contact_type: c.type,
      starts_at: startsAt,
      contact_date: londonDateOf(startsAt),
      duration_minutes: 60,
      staff_id: person.staffId,
      outcome_code: c.outcome,
      requirement_id: c.requirement === 'rar' ? person.rar : c.requirement === 'upw' ? person.upw : null,
      rar_activity: c.rarActivity ?? false,
      minutes_credited: c.minutesCredited ?? null,
      created_by_name: 'Test',
      updated_by_name: 'Test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
type ContactInput = {
  daysAgo: number;
  hour: number;
  type: string;
  outcome: string | null;
  requirement?: 'none' | 'rar' | 'upw';
  rarActivity?: boolean;
  minutesCredited?: number | null;
};

async function insertBreach(breach: { daysAgo: number; where: 'enforcement' | 'court' }) {
  const db = t.database.db;
  const ended = addDays(today, -breach.daysAgo);
  if (breach.where === 'court') {
    await db
      .insertInto('court_appearances')
      .values({
        person_id: person.id,
        event_id: person.eventId,
        appearance_date: ended,
        court_code: (await db.selectFrom('courts').select('code').executeTakeFirstOrThrow()).code,
        appearance_type: 'BREACH',
        outcome: 'Order continued',
      })
      .execute();
    return;
  }
  // A breach resolved in the enforcement workflow: its decision hangs on a failure.
  const failure = await insertContact({
    daysAgo: breach.daysAgo + 20,
    hour: 10,
    type: 'CTEL',
    outcome: null,
  });
  const decision = await db
    .insertInto('enforcement_decisions')
    .values({
      person_id: person.id,
      contact_id: failure.id,
      order_id: person.orderId,
      action: 'breach',
      required_action: 'breach',
      reasons: JSON.stringify([]),
      source: 'test',
      officer_reasons: 'test',
      decided_by_name: 'Test',
      decided_on: addDays(ended, -15),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('breaches')
    .values({
      person_id: person.id,
      order_id: person.orderId,
      decision_id: decision.id,
      state: 'resolved',
      requested_on: addDays(ended, -15),
      pack_due_on: addDays(ended, -5),
      outcome: 'continued',
      resolved_on: ended,
      created_by_name: 'Test',
      updated_by_name: 'Test',
    })
    .execute();
}

describe('the caseload and the overview agree', () => {
  it('on every figure, whatever the contacts and breaches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(contactArb, { maxLength: 25 }), breachArb, async (contacts, breach) => {
        await clearPerson();
        for (const c of contacts) await insertContact(c);
        if (breach) await insertBreach(breach);
        const summary = await complianceSummary(t.database.db, person.id, today, now, EVIDENCE_WINDOW_DAYS);
        const caseload = (
          await complianceForPeople(t.database.db, [person.id], today, now, EVIDENCE_WINDOW_DAYS)
        ).get(person.id);
        expect(caseload?.failures ?? 0).toBe(summary.failures.answer.count);
        expect(caseload?.acceptableAbsences ?? 0).toBe(summary.absences.answer.count);
        expect(caseload?.kept ?? 0).toBe(summary.kept.answer.count);
        expect(caseload?.nextAppointment?.getTime() ?? null).toBe(
          summary.next.answer?.startsAt.getTime() ?? null,
        );
        // RAR days and unpaid work minutes of the current requirements, as the overview counts them.
        const fromRules = summary.requirements
          .filter((r) => !r.terminated && (r.typeCode === 'F' || r.typeCode === 'W'))
          .map((r) => ({ id: r.id, used: r.used, of: r.of }))
          .sort((a, b) => a.id.localeCompare(b.id));
        const fromQuery = (caseload?.requirements ?? [])
          .map((r) => ({ id: r.id, used: r.used, of: r.of }))
          .sort((a, b) => a.id.localeCompare(b.id));
        expect(fromQuery).toEqual(fromRules);
      }),
      { numRuns: 60 },
    );
  });

  it('counts a RAR day once however many activities it holds, and credits unpaid work at attended sessions only', async () => {
    await clearPerson();
    const rar = { type: 'CRAR', outcome: 'ATTC', requirement: 'rar' as const, rarActivity: true };
    await insertContact({ ...rar, daysAgo: 5, hour: 10 });
    await insertContact({ ...rar, daysAgo: 5, hour: 14 });
    await insertContact({ ...rar, daysAgo: 6, hour: 10 });
    await insertContact({ ...rar, daysAgo: 7, hour: 10, outcome: 'UAAB' });
    const upw = { type: 'CUPW', requirement: 'upw' as const, rarActivity: false };
    await insertContact({ ...upw, daysAgo: 5, hour: 9, outcome: 'ATTC', minutesCredited: 420 });
    await insertContact({ ...upw, daysAgo: 12, hour: 9, outcome: 'ATSH', minutesCredited: 120 });
    const figures = (
      await complianceForPeople(t.database.db, [person.id], today, now, EVIDENCE_WINDOW_DAYS)
    ).get(person.id)!;
    expect(figures.requirements.find((r) => r.id === person.rar)?.used).toBe(2);
    expect(figures.requirements.find((r) => r.id === person.upw)?.used).toBe(420);
  });

  it('restarts the caseload count after a breach resolved in the enforcement workflow', async () => {
    await clearPerson();
    await insertContact({ daysAgo: 60, hour: 10, type: 'COAP', outcome: 'UAAB' });
    await insertContact({ daysAgo: 20, hour: 10, type: 'COAP', outcome: 'UAAB' });
    await insertBreach({ daysAgo: 30, where: 'enforcement' });
    const caseload = await complianceForPeople(t.database.db, [person.id], today, now, EVIDENCE_WINDOW_DAYS);
    expect(caseload.get(person.id)?.failures).toBe(1);
  });
});
