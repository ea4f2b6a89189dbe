import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFailure, addOrder, cleanPersonOf } from '../../test/support/case-fixtures.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';

/**
 * Outcomes withdrawn or amended after enforcement has acted on them: the counts and
 * the next step are worked out again, and the audit trail keeps both versions.
 * The clock is fixed on Monday 23 November 2026.
 */

const TODAY = '2026-11-23';
let t: TestApp;
let po: Browser;
let person: { id: string; crn: string };
let order: string;
let staffId: string;

const enforcementOf = (crn: string) => `/people/${crn}/enforcement`;
const outcomeUrl = (contactId: string) => `/people/${person.crn}/activity/${contactId}/outcome`;
const rowVersionFrom = (html: string) => /name="rowVersion" value="(\d+)"/.exec(html)![1]!;

async function decide(contactId: string, action: string) {
  await po.get(`${enforcementOf(person.crn)}/decisions/${contactId}`);
  return po.post(`${enforcementOf(person.crn)}/decisions/${contactId}`, {
    action,
    officerReasons: 'Reasons given',
    overrideReason: '',
  });
}

/** Changes a recorded outcome through the outcome page, as an officer would. */
async function amend(contactId: string, outcome: string, changeReason: string) {
  const form = await po.get(outcomeUrl(contactId));
  return po.post(outcomeUrl(contactId), {
    outcome,
    changeReason,
    notes: 'Amended',
    sensitive: '',
    minutesCredited: '',
    rowVersion: rowVersionFrom(form.body),
    returnTo: '',
  });
}

const failuresOnTab = async () =>
  Number(
    /Failures to comply in 12 months[\s\S]*?<strong>(\d+)<\/strong>/.exec(
      (await po.get(enforcementOf(person.crn))).body,
    )![1],
  );

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
  order = await addOrder(t.database.db, person.id, 'CO', '2026-06-01');
  po = await t.signIn('po.demo');
});
afterAll(async () => t.close());

describe('an outcome amended from unacceptable to acceptable', () => {
  let first: string;
  let second: string;

  it('needs a reason to change a recorded outcome, keeping what was typed', async () => {
    first = await addFailure(t.database.db, staffId, person.id, order, '2026-11-02');
    expect((await decide(first, 'warn')).statusCode).toBe(302);
    expect((await po.post(`${enforcementOf(person.crn)}/decisions/${first}/warning`)).statusCode).toBe(302);
    second = await addFailure(t.database.db, staffId, person.id, order, TODAY);
    const before = await po.get(`${enforcementOf(person.crn)}/decisions/${second}`);
    expect(before.body).toContain('What the law requires: breach required');
    expect(await failuresOnTab()).toBe(2);

    const form = await po.get(outcomeUrl(first));
    expect(form.body).toContain('Reason for the change');
    const refused = await po.post(outcomeUrl(first), {
      outcome: 'AAME',
      changeReason: '',
      notes: 'Hospital letter',
      sensitive: '',
      minutesCredited: '',
      rowVersion: rowVersionFrom(form.body),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter why you are changing the outcome');
    expect(refused.body).toContain('Hospital letter');
    const unchanged = await t.database.db
      .selectFrom('contacts')
      .select('outcome_code')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(unchanged.outcome_code).toBe('UAAB');
  });

  it('withdraws the warning given for it, and works out the count and the next step again', async () => {
    const amended = await amend(first, 'AAME', 'A hospital letter shows an admission that morning');
    expect(amended.statusCode).toBe(302);
    expect(amended.headers.location).toBe(`/people/${person.crn}/activity?done=warning-withdrawn`);

    const warning = await t.database.db
      .selectFrom('warnings')
      .select(['withdrawn_on', 'withdrawal_reason'])
      .where('contact_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(warning.withdrawn_on).toBe(TODAY);
    expect(warning.withdrawal_reason).toBe(
      'Outcome amended to Acceptable absence – medical (AAME): A hospital letter shows an admission that morning',
    );
    const ea06 = await t.database.db
      .selectFrom('contacts')
      .select('notes')
      .where('person_id', '=', person.id)
      .where('contact_type', '=', 'EA06')
      .execute();
    expect(ea06).toHaveLength(1);
    const decision = await t.database.db
      .selectFrom('enforcement_decisions')
      .select(['superseded_on', 'action'])
      .where('contact_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(decision).toEqual({ superseded_on: TODAY, action: 'warn' });

    expect(await failuresOnTab()).toBe(1);
    const tab = await po.get(enforcementOf(person.crn));
    expect(tab.body).toContain('Give a warning (set aside)');
    expect(tab.body).toContain(
      'Set aside 23 November 2026:</strong> Outcome amended to Acceptable absence – medical (AAME)',
    );
    const after = await po.get(`${enforcementOf(person.crn)}/decisions/${second}`);
    expect(after.body).toContain('What the law requires: warn or breach');
  });

  it('keeps both versions in the audit trail', async () => {
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('subject_id', '=', first)
      .where('action', 'in', ['amended-outcome', 'superseded-enforcement-decision'])
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['amended-outcome', 'superseded-enforcement-decision']);
    expect(audit[0]!.detail).toMatchObject({
      outcome: 'AAME',
      reason: 'A hospital letter shows an admission that morning',
      previous: { outcome: 'UAAB', notes: 'Did not attend and did not call.' },
    });
  });

  it('opens a new decision when the outcome is amended back to unacceptable', async () => {
    expect((await amend(first, 'UAAB', 'The hospital says there was no admission')).statusCode).toBe(302);
    const page = await po.get(enforcementOf(person.crn));
    expect(page.body).toContain(`/decisions/${first}`);
    expect(await failuresOnTab()).toBe(2);
    expect((await decide(first, 'nfa')).statusCode).toBe(302);
    const decisions = await t.database.db
      .selectFrom('enforcement_decisions')
      .select(['action', 'superseded_on'])
      .where('contact_id', '=', first)
      .orderBy('decided_at')
      .execute();
    expect(decisions).toEqual([
      { action: 'warn', superseded_on: TODAY },
      { action: 'nfa', superseded_on: null },
    ]);
  });
});

describe('an outcome withdrawn', () => {
  it('leaves the appointment without an outcome, with the reason and the old outcome in the audit trail', async () => {
    const failure = await addFailure(t.database.db, staffId, person.id, order, '2026-11-16');
    expect((await decide(failure, 'nfa')).statusCode).toBe(302);
    const form = await po.get(outcomeUrl(failure));
    expect(form.body).toContain('Withdraw the outcome');
    const empty = await po.post(`${outcomeUrl(failure)}/withdraw`, {
      withdrawReason: '',
      rowVersion: rowVersionFrom(form.body),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the outcome is being withdrawn');
    const done = await po.post(`${outcomeUrl(failure)}/withdraw`, {
      withdrawReason: 'Recorded against the wrong person',
      rowVersion: rowVersionFrom(form.body),
    });
    expect(done.statusCode).toBe(302);
    const stale = await po.post(`${outcomeUrl(failure)}/withdraw`, {
      withdrawReason: 'Again',
      rowVersion: rowVersionFrom(form.body),
    });
    expect(stale.statusCode).toBe(409);
    const contact = await t.database.db
      .selectFrom('contacts')
      .select(['outcome_code', 'outcome_recorded_by_name'])
      .where('id', '=', failure)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ outcome_code: null, outcome_recorded_by_name: null });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', failure)
      .where('action', '=', 'withdrew-outcome')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      reason: 'Recorded against the wrong person',
      previous: { outcome: 'UAAB' },
    });
    expect((await po.get('/overdue')).body).toContain(`/activity/${failure}/outcome`);
    const decision = await t.database.db
      .selectFrom('enforcement_decisions')
      .select('superseded_reason')
      .where('contact_id', '=', failure)
      .executeTakeFirstOrThrow();
    expect(decision.superseded_reason).toBe('Outcome withdrawn: Recorded against the wrong person');
  });
});

describe('evidence after a failure to attend', () => {
  it('is judged on the outcome page the evidence window links to', async () => {
    const accepted = await addFailure(t.database.db, staffId, person.id, order, '2026-11-20', 'AFTA');
    const refused = await addFailure(t.database.db, staffId, person.id, order, '2026-11-18', 'AFTA');
    const tab = await po.get(enforcementOf(person.crn));
    const link = `/people/${person.crn}/activity/${accepted}/outcome?returnTo=${encodeURIComponent(enforcementOf(person.crn))}`;
    expect(tab.body).toContain(link.replace(/&/g, '&amp;'));
    const form = await po.get(link);
    expect(form.body).toContain('When evidence arrives, judge it');
    const judged = await po.post(outcomeUrl(accepted), {
      outcome: 'AAME',
      changeReason: 'GP letter received on 23 November',
      notes: '',
      sensitive: '',
      minutesCredited: '',
      rowVersion: rowVersionFrom(form.body),
      returnTo: enforcementOf(person.crn),
    });
    expect(judged.statusCode).toBe(302);
    expect(judged.headers.location).toBe(enforcementOf(person.crn));
    expect((await amend(refused, 'UAAB', 'The letter given does not cover the appointment')).statusCode).toBe(
      302,
    );
    const after = await po.get(enforcementOf(person.crn));
    expect(after.body).not.toContain(`/activity/${accepted}/outcome`);
    expect(after.body).toContain(`/decisions/${refused}`);
  });
});

describe('a warning letter', () => {
  it('never carries a note marked sensitive to the person', async () => {
    const other = await cleanPersonOf(t.database.db, staffId, 1);
    const otherOrder = await addOrder(t.database.db, other.id, 'CO', '2026-06-01');
    const failure = await addFailure(t.database.db, staffId, other.id, otherOrder, '2026-11-20');
    await t.database.db
      .updateTable('contacts')
      .set({ notes: 'Disclosed a relapse to the officer in confidence.', sensitive: true })
      .where('id', '=', failure)
      .execute();
    await po.get(`${enforcementOf(other.crn)}/decisions/${failure}`);
    const decided = await po.post(`${enforcementOf(other.crn)}/decisions/${failure}`, {
      action: 'warn',
      officerReasons: 'First failure',
      overrideReason: '',
    });
    const preview = await po.get(String(decided.headers.location));
    expect(preview.body).toContain('you were required to attend an office appointment');
    expect(preview.body).not.toContain('relapse');
  });
});

describe('a breach hearing recorded on the Sentence page', () => {
  it('ends the breach period on the enforcement tab as it does on the overview', async () => {
    const event = await t.database.db
      .selectFrom('orders')
      .select('event_id')
      .where('id', '=', order)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('court_appearances')
      .values({
        person_id: person.id,
        event_id: event.event_id,
        appearance_date: TODAY,
        court_code: 'CHELMC',
        appearance_type: 'BREACH',
        outcome: 'Order continued',
      })
      .execute();
    const overview = (await po.get(`/people/${person.crn}`)).body;
    expect(overview).toMatch(/data-figure="failures"><strong>0<\/strong>/);
    expect(await failuresOnTab()).toBe(0);
  });
});

describe('a second warning on a community order', () => {
  it('is given only on a manager’s override, sent as EA03, and the first letter stays as issued', async () => {
    const third = await cleanPersonOf(t.database.db, staffId, 2);
    const thirdOrder = await addOrder(t.database.db, third.id, 'CO', '2026-06-01');
    const first = await addFailure(t.database.db, staffId, third.id, thirdOrder, '2026-11-20');
    await po.get(`${enforcementOf(third.crn)}/decisions/${first}`);
    await po.post(`${enforcementOf(third.crn)}/decisions/${first}`, {
      action: 'warn',
      officerReasons: 'First failure',
      overrideReason: '',
    });
    await po.post(`${enforcementOf(third.crn)}/decisions/${first}/warning`);
    const before = await t.database.db
      .selectFrom('warnings')
      .select(['id', 'pdf'])
      .where('contact_id', '=', first)
      .executeTakeFirstOrThrow();

    const second = await addFailure(t.database.db, staffId, third.id, thirdOrder, TODAY);
    const manager = await t.signIn('manager.demo');
    await manager.get(`${enforcementOf(third.crn)}/decisions/${second}`);
    const overridden = await manager.post(`${enforcementOf(third.crn)}/decisions/${second}`, {
      action: 'warn',
      officerReasons: 'Bereavement',
      overrideReason: 'A bereavement the day before',
    });
    expect(overridden.statusCode).toBe(302);
    expect((await manager.post(String(overridden.headers.location))).statusCode).toBe(302);
    const letters = await t.database.db
      .selectFrom('contacts')
      .select('contact_type')
      .where('person_id', '=', third.id)
      .where('contact_type', 'in', ['EA02', 'EA03'])
      .orderBy('created_at')
      .execute();
    expect(letters.map((l) => l.contact_type)).toEqual(['EA02', 'EA03']);

    // Withdrawing the first warning records the withdrawal; its stored letter is not touched.
    const form = await po.get(`${enforcementOf(third.crn)}/warnings/${before.id}/withdraw`);
    await po.post(`${enforcementOf(third.crn)}/warnings/${before.id}/withdraw`, {
      reason: 'Issued in error',
      rowVersion: rowVersionFrom(form.body),
    });
    const after = await t.database.db
      .selectFrom('warnings')
      .select(['pdf', 'withdrawn_on'])
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(after.withdrawn_on).toBe(TODAY);
    expect(Buffer.compare(Buffer.from(after.pdf), Buffer.from(before.pdf))).toBe(0);
  });
});
