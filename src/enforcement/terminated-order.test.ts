import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFailure, addOrder, cleanPersonOf } from '../../test/support/case-fixtures.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';

/**
 * An order terminated while enforcement is under way: what is open stops, and what
 * was started can be closed. The clock is fixed on Monday 23 November 2026.
 */

const TODAY = '2026-11-23';
let t: TestApp;
let po: Browser;
let manager: Browser;
let person: { id: string; crn: string };
let licensee: { id: string; crn: string };
let order: string;
let licence: string;
let staffId: string;
let breachId: string;
let recallId: string;
let warned: string;
let undecided: string;

const base = (crn: string) => `/people/${crn}/enforcement`;
const rowVersionFrom = (html: string) => /name="rowVersion" value="(\d+)"/.exec(html)![1]!;

async function decide(crn: string, contactId: string, action: string) {
  await po.get(`${base(crn)}/decisions/${contactId}`);
  return po.post(`${base(crn)}/decisions/${contactId}`, {
    action,
    officerReasons: 'Reasons given',
    overrideReason: '',
  });
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date(`${TODAY}T10:00:00Z`);
  const user = await t.database.db
    .selectFrom('users')
    .select('staff_id')
    .where('username', '=', 'po.demo')
    .executeTakeFirstOrThrow();
  staffId = user.staff_id!;
  person = await cleanPersonOf(t.database.db, staffId, 0);
  licensee = await cleanPersonOf(t.database.db, staffId, 1);
  order = await addOrder(t.database.db, person.id, 'CO', '2026-06-01');
  licence = await addOrder(t.database.db, licensee.id, 'LIC', '2026-07-01');
  po = await t.signIn('po.demo');
  manager = await t.signIn('manager.demo');

  warned = await addFailure(t.database.db, staffId, person.id, order, '2026-11-10');
  expect((await decide(person.crn, warned, 'warn')).statusCode).toBe(302);
  const breachFailure = await addFailure(t.database.db, staffId, person.id, order, '2026-11-16');
  const breach = await decide(person.crn, breachFailure, 'breach');
  breachId = /breaches\/([0-9a-f-]{36})/.exec(String(breach.headers.location))![1]!;
  undecided = await addFailure(t.database.db, staffId, person.id, order, '2026-11-18');
  const recallFailure = await addFailure(t.database.db, staffId, licensee.id, licence, '2026-11-17');
  const recall = await decide(licensee.crn, recallFailure, 'recall');
  recallId = /recalls\/([0-9a-f-]{36})/.exec(String(recall.headers.location))![1]!;

  // The court revokes the order and the licence ends, after the failures and before the decisions.
  await t.database.db
    .updateTable('orders')
    .set({ terminated_on: '2026-11-20' })
    .where('id', 'in', [order, licence])
    .execute();
});
afterAll(async () => t.close());

describe('an order terminated mid-process', () => {
  it('leaves only no further action on a failure not yet decided', async () => {
    const page = await po.get(`${base(person.crn)}/decisions/${undecided}`);
    expect(page.body).toContain('What the law requires: no action order ended');
    expect(page.body).toContain('terminated on 20 November 2026, after the failure on 18 November 2026');
    const refused = await decide(person.crn, undecided, 'breach');
    expect(refused.statusCode).toBe(400);
    expect((await decide(person.crn, undecided, 'nfa')).statusCode).toBe(302);
  });

  it('refuses a warning letter decided before the termination, and drops it from the caseload', async () => {
    const preview = await po.get(`${base(person.crn)}/decisions/${warned}/warning`);
    expect(preview.body).toContain('The order was terminated on 20 November 2026');
    const issued = await po.post(`${base(person.crn)}/decisions/${warned}/warning`);
    expect(issued.statusCode).toBe(409);
    const warnings = await t.database.db
      .selectFrom('warnings')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(warnings).toHaveLength(0);
    expect((await po.get('/enforcement?state=warning')).body).not.toContain(person.crn);
  });

  it('asks for the breach to be withdrawn, and withdraws it with a reason without restarting the count', async () => {
    const caseload = await po.get('/enforcement?state=breach');
    expect(caseload.body).toContain('The order ended on 20 November 2026: withdraw the breach');
    const page = await po.get(`${base(person.crn)}/breaches/${breachId}`);
    expect(page.body).toContain('The order was terminated on 20 November 2026');
    const url = `${base(person.crn)}/breaches/${breachId}/withdraw`;
    const empty = await po.post(url, { rowVersion: rowVersionFrom(page.body), withdrawReason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the breach is being withdrawn');
    const done = await po.post(url, {
      rowVersion: rowVersionFrom(page.body),
      withdrawReason: 'Order revoked on re-sentence for a new offence',
    });
    expect(done.statusCode).toBe(302);
    const breach = await t.database.db
      .selectFrom('breaches')
      .select(['state', 'outcome_notes', 'resolved_on'])
      .where('id', '=', breachId)
      .executeTakeFirstOrThrow();
    expect(breach).toEqual({
      state: 'withdrawn',
      outcome_notes: 'Order revoked on re-sentence for a new offence',
      resolved_on: null,
    });
    const tab = await po.get(base(person.crn));
    expect(tab.body).not.toContain('Order in breach');
    expect(tab.body).toMatch(/Failures to comply in 12 months[\s\S]*?<strong>3<\/strong>/);
    expect(
      (await po.get('/caseload')).body.split(`/people/${person.crn}"`)[1]!.split('</tr>')[0],
    ).not.toContain('Order in breach');
    // Withdrawn already: from the old page it is a lost race; from the current one, refused.
    const stale = await po.post(url, { rowVersion: rowVersionFrom(page.body), withdrawReason: 'Again' });
    expect(stale.statusCode).toBe(409);
    const current = await po.get(`${base(person.crn)}/breaches/${breachId}`);
    expect(current.body).not.toContain('Withdraw the breach</h3>');
    const { row_version } = await t.database.db
      .selectFrom('breaches')
      .select('row_version')
      .where('id', '=', breachId)
      .executeTakeFirstOrThrow();
    const again = await po.post(url, { rowVersion: String(row_version), withdrawReason: 'Again' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('The breach has already ended');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', breachId)
      .where('action', '=', 'withdrew-breach')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets a manager close a recall on a licence that has ended, with the decision not to recall', async () => {
    const page = await manager.get(`${base(licensee.crn)}/recalls/${recallId}`);
    expect(page.body).toContain('The licence was terminated on 20 November 2026');
    const decided = await manager.post(`${base(licensee.crn)}/recalls/${recallId}/not-recalled`, {
      rowVersion: rowVersionFrom(page.body),
      reason: 'The licence has ended',
    });
    expect(decided.statusCode).toBe(302);
    const recall = await t.database.db
      .selectFrom('recalls')
      .select('state')
      .where('id', '=', recallId)
      .executeTakeFirstOrThrow();
    expect(recall.state).toBe('not-recalled');
  });
});
