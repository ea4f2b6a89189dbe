import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFailure, addOrder, cleanPersonOf } from '../../test/support/case-fixtures.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';

/**
 * Local policy reaches the pages: an area that gives 7 working days of evidence
 * window and 15 for the breach pack sees its own clocks. Monday 23 November 2026.
 */

let t: TestApp;
let po: Browser;
let person: { id: string; crn: string };
let order: string;
let staffId: string;

beforeAll(async () => {
  t = await startTestApp({
    env: { PROBITY_EVIDENCE_WINDOW_WORKING_DAYS: '7', PROBITY_BREACH_PACK_WORKING_DAYS: '15' },
  });
  t.clock.now = new Date('2026-11-23T10:00:00Z');
  const user = await t.database.db
    .selectFrom('users')
    .select('staff_id')
    .where('username', '=', 'po.demo')
    .executeTakeFirstOrThrow();
  staffId = user.staff_id!;
  person = await cleanPersonOf(t.database.db, staffId, 0);
  order = await addOrder(t.database.db, person.id, 'CO', '2026-06-01');
  po = await t.signIn('po.demo');
});
afterAll(async () => t.close());

describe('local enforcement policy', () => {
  it('counts the evidence window and the breach pack in the configured working days', async () => {
    // Friday 20 November + 7 working days = Tuesday 1 December (5 would be Friday 27 November).
    await addFailure(t.database.db, staffId, person.id, order, '2026-11-20', 'AFTA');
    // Tuesday 10 November + 7 working days = Thursday 19 November: closed, so the decision is open.
    const closed = await addFailure(t.database.db, staffId, person.id, order, '2026-11-10', 'AFTA');
    const page = await po.get(`/people/${person.crn}/enforcement`);
    expect(page.body).toContain('1 December 2026');
    expect(page.body).not.toContain('27 November 2026');
    expect(page.body).toContain(`/decisions/${closed}`);

    await po.get(`/people/${person.crn}/enforcement/decisions/${closed}`);
    const decided = await po.post(`/people/${person.crn}/enforcement/decisions/${closed}`, {
      action: 'breach',
      officerReasons: 'No evidence given',
      overrideReason: '',
    });
    expect(decided.statusCode).toBe(302);
    const breach = await t.database.db
      .selectFrom('breaches')
      .select('pack_due_on')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    // 15 working days from Monday 23 November.
    expect(breach.pack_due_on).toBe('2026-12-14');
  });
});
