import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDateOf } from '../platform/calendar/london.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { recalculateTier, stableJson, tierInputOf } from './service.js';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';

let t: TestApp;
const today = londonDateOf(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;

const used: string[] = [];

/** A person unused so far in this file, with their orders ended so each test builds its own. */
async function personWithout(_what: 'orders') {
  const row = await db()
    .selectFrom('people')
    .select(['people.id', 'people.crn', 'people.sex'])
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('people.crn', 'not in', used.length ? used : ['-'])
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  used.push(row.crn);
  await withoutFlagsOrTier(db(), row.id);
  await db()
    .updateTable('orders')
    .set((eb) => ({ terminated_on: eb.ref('start_date'), termination_reason: 'COMPLETED' }))
    .where('person_id', '=', row.id)
    .execute();
  return row;
}

async function makeOrder(personId: string, orderType: 'CO' | 'LIC', requirement: string | null) {
  const event = await db()
    .insertInto('events')
    .values({
      person_id: personId,
      event_number: 99,
      conviction_date: '2026-01-05',
      court_code: 'CHELMC',
      updated_by_name: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const order = await db()
    .insertInto('orders')
    .values({
      person_id: personId,
      event_id: event.id,
      order_type: orderType,
      sentence_date: '2026-01-05',
      start_date: '2026-01-05',
      length_months: 36,
      expected_end_date: '2029-01-04',
      updated_by_name: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (requirement) {
    await db()
      .insertInto('requirements')
      .values({
        person_id: personId,
        order_id: order.id,
        type_code: requirement,
        units: 100,
        start_date: '2026-01-05',
        updated_by_name: 'test',
      })
      .execute();
  }
  return order.id;
}

describe('tier inputs from the record', () => {
  it('has no mandate for change without a current order, and says so', async () => {
    const person = await personWithout('orders');
    const { input, sources } = await tierInputOf(db(), person.id, today);
    expect(input).toMatchObject({
      mandateForChange: false,
      validAssessment: false,
      rsr: null,
      ogrsPercent: null,
      needs: {},
    });
    expect(input.sex).toBe(person.sex === 'F' ? 'female' : 'male');
    expect(sources).toContain('No mandate for change: no current order');
  });

  it('has no mandate for change for an order with only unpaid work, and one for a rehabilitative requirement', async () => {
    const person = await personWithout('orders');
    const orderId = await makeOrder(person.id, 'CO', 'W');
    const before = await tierInputOf(db(), person.id, today);
    expect(before.input.mandateForChange).toBe(false);
    expect(before.sources).toContain(
      'No mandate for change: the current order has only unpaid work or restrictive requirements',
    );
    await db()
      .insertInto('requirements')
      .values({
        person_id: person.id,
        order_id: orderId,
        type_code: 'F',
        units: 20,
        start_date: '2026-01-05',
        updated_by_name: 'test',
      })
      .execute();
    const after = await tierInputOf(db(), person.id, today);
    expect(after.input.mandateForChange).toBe(true);
  });

  it('has a mandate for change on licence', async () => {
    const person = await personWithout('orders');
    await makeOrder(person.id, 'LIC', null);
    const { input, sources } = await tierInputOf(db(), person.id, today);
    expect(input.mandateForChange).toBe(true);
    expect(sources.some((s) => s.startsWith('Mandate for change: a licence'))).toBe(true);
  });
});

describe('recalculating', () => {
  it('stores a calculation only when the tier or its inputs changed', async () => {
    const person = await personWithout('orders');
    const first = await recalculateTier(db(), person.id, 'First calculation', today);
    expect(first).toMatchObject({ changed: true, tier: 'D0', previous: null });
    const again = await recalculateTier(db(), person.id, 'Nothing new', today);
    expect(again.changed).toBe(false);
    await makeOrder(person.id, 'LIC', null);
    // Licence gives a mandate for change; without a valid assessment the change level is 2.
    const third = await recalculateTier(db(), person.id, 'Licence started', today);
    expect(third).toMatchObject({ changed: true, tier: 'D2', previous: 'D0' });
    const rows = await db()
      .selectFrom('tier_calculations')
      .select(['tier', 'reason'])
      .where('person_id', '=', person.id)
      .orderBy('calculated_at')
      .execute();
    expect(rows).toEqual([
      { tier: 'D0', reason: 'First calculation' },
      { tier: 'D2', reason: 'Licence started' },
    ]);
  });

  it('the Tier tab works the first tier out when there is none', async () => {
    const person = await personWithout('orders');
    await db().deleteFrom('tier_calculations').where('person_id', '=', person.id).execute();
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${person.crn}/tier`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="current-tier">D0<');
    expect(page.body).toContain('First calculation');
    expect(page.body).toContain('Mandate for change');
  });
});

describe('stable JSON', () => {
  it('ignores key order and undefined values', () => {
    expect(stableJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(stableJson({ a: [1, { d: 2 }], b: 1 }));
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: 2 }));
  });
});
