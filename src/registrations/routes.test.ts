import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDateOf } from '../platform/calendar/london.js';
import { addDays, addMonths } from '../platform/calendar/index.js';
import { startTestApp, type TestApp, type Browser } from '../../test/support/test-app.js';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';

let t: TestApp;
const today = londonDateOf(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;

function dateFields(name: string, iso: string) {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
}

const used = new Set<string>();

/** A visible person with no registrations, not used by another test in this file. */
async function freshPerson() {
  const row = await db()
    .selectFrom('people')
    .innerJoin('allocations', 'allocations.person_id', 'people.id')
    .select(['people.id', 'people.crn', 'people.forename', 'people.surname'])
    .where('allocations.ended_at', 'is', null)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('people.crn', 'not in', used.size ? [...used] : ['-'])
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  used.add(row.crn);
  await withoutFlagsOrTier(db(), row.id);
  return row;
}

async function staffId(code: string) {
  return (
    await db().selectFrom('staff').select('id').where('staff_code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

/** Moves a case to an officer as the demo manager would, through the transfer page. */
async function transferTo(manager: Browser, crn: string, code: string) {
  const current = await db()
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .select('allocations.staff_id')
    .where('people.crn', '=', crn)
    .where('allocations.ended_at', 'is', null)
    .executeTakeFirst();
  if (current?.staff_id === (await staffId(code))) return;
  await manager.get(`/people/${crn}/allocation/transfer`);
  const expected = /name="expectedCurrentId" value="([^"]*)"/.exec(manager.lastHtml)![1]!;
  const response = await manager.post(`/people/${crn}/allocation/transfer`, {
    staffId: await staffId(code),
    reason: 'WORKLOAD',
    notes: '',
    expectedCurrentId: expected,
  });
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(302);
}

async function addRegistration(browser: Browser, crn: string, form: Record<string, string>) {
  await browser.get(`/people/${crn}/registrations/new`);
  return browser.post(`/people/${crn}/registrations/new`, {
    level: '',
    category: '',
    notes: '',
    ...dateFields('registeredOn', today),
    ...form,
  });
}

function registrationsOf(personId: string) {
  return db()
    .selectFrom('registrations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

function tiersOf(personId: string) {
  return db()
    .selectFrom('tier_calculations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('calculated_at')
    .execute();
}

describe('the done-when journey', () => {
  it('an officer adds a domestic abuse registration to a PSO’s case: the tier recalculates with its explanation and the manager gets the transfer task', async () => {
    const manager = await t.signIn('manager.demo');
    const person = await freshPerson();
    await transferTo(manager, person.crn, 'N01A002');

    const po = await t.signIn('po.demo');
    const response = await addRegistration(po, person.crn, {
      type: 'ADVP',
      notes: 'Partner disclosed abuse',
    });
    expect(response.statusCode).toBe(302);

    const [registration] = await registrationsOf(person.id);
    expect(registration).toMatchObject({
      type_code: 'ADVP',
      registered_on: today,
      next_review_on: addMonths(today, 12),
      registered_by_name: 'Priya Okonjo',
      notes: 'Partner disclosed abuse',
    });

    const tiers = await tiersOf(person.id);
    expect(tiers).toHaveLength(1);
    expect(tiers[0]!.reason).toBe('Registration ADVP added by Priya Okonjo');
    expect(JSON.stringify(tiers[0]!.explanation)).toContain('ADVP');

    const tierPage = await po.get(`/people/${person.crn}/tier`);
    expect(tierPage.statusCode).toBe(200);
    expect(tierPage.body).toContain('Domestic abuse perpetrator: not a complexity register');
    expect(tierPage.body).toContain('Registration ADVP added by Priya Okonjo');
    expect(tierPage.body).toContain('no signed assessment, so they are not recorded and give no points');

    const tasks = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'role-boundary-review', resolved_at: null });
    expect(tasks[0]!.reason).toContain('domestic abuse perpetrator specialism (registration ADVP)');

    const team = await manager.get('/team');
    const tasksSection = team.body.slice(
      team.body.indexOf('id="tasks"'),
      team.body.indexOf('All cases in the team'),
    );
    expect(tasksSection).toContain(person.crn);
    expect(tasksSection).toContain('Needs a probation officer');
    expect(tasksSection).toContain(`/team/tasks/${tasks[0]!.id}/resolve`);

    const overview = await po.get(`/people/${person.crn}`);
    expect(overview.body).toContain('Domestic abuse perpetrator');
    expect(overview.body).toContain('Needs a probation officer');
    expect(overview.body).toMatch(/Tier:.*>\w\d</s);

    const pso = await t.signIn('pso.demo');
    const caseload = await pso.get('/caseload');
    const row = caseload.body.slice(
      caseload.body.indexOf(person.crn) - 400,
      caseload.body.indexOf(person.crn) + 600,
    );
    expect(row).toContain('Needs a probation officer');
    expect(row).toContain(tiers[0]!.tier);
  });

  it('a complexity registration (RMDO) adds protect points, and the history keeps both calculations with reasons', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    expect((await addRegistration(po, person.crn, { type: 'ADVP' })).statusCode).toBe(302);
    expect((await addRegistration(po, person.crn, { type: 'RMDO' })).statusCode).toBe(302);
    const tiers = await tiersOf(person.id);
    expect(tiers.map((c) => c.protect_points)).toEqual([0, 2]);
    expect(tiers.map((c) => c.reason)).toEqual([
      'Registration ADVP added by Priya Okonjo',
      'Registration RMDO added by Priya Okonjo',
    ]);
    const page = await po.get(`/people/${person.crn}/tier`);
    expect(page.body).toContain('Mental health: complexity register');
    expect(page.body).toContain('Registration RMDO added by Priya Okonjo');
  });

  it('RoSH and MAPPA drive the protect level; a new RoSH replaces the current one', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    expect((await addRegistration(po, person.crn, { type: 'RMRH' })).statusCode).toBe(302);
    expect((await tiersOf(person.id)).at(-1)).toMatchObject({ protect_points: 10, protect_level: 'C' });
    expect((await addRegistration(po, person.crn, { type: 'RHRH' })).statusCode).toBe(302);
    const regs = await registrationsOf(person.id);
    expect(regs.find((r) => r.type_code === 'RMRH')).toMatchObject({
      deregistered_on: today,
      deregistration_reason: 'Replaced by RHRH',
    });
    expect((await tiersOf(person.id)).at(-1)).toMatchObject({ protect_points: 20, protect_level: 'B' });
    expect(
      (await addRegistration(po, person.crn, { type: 'MAPP', level: 'M2', category: 'M1' })).statusCode,
    ).toBe(302);
    expect((await tiersOf(person.id)).at(-1)).toMatchObject({ protect_points: 170, protect_level: 'A' });
    // RoSH and MAPPA registers count through their own inputs, not listed again as registers.
    const explanation = JSON.stringify((await tiersOf(person.id)).at(-1)!.explanation);
    expect(explanation).toContain('"input":"MAPPA level","value":2,"points":150');
    expect(explanation).not.toContain('"value":"RHRH"');
    const overview = await po.get(`/people/${person.crn}`);
    const flags = overview.body.slice(overview.body.indexOf('Current registrations'));
    expect(flags.indexOf('High RoSH')).toBeLessThan(flags.indexOf('MAPPA'));
    expect(flags).toContain('MAPPA, Level 2, Category 1');
  });
});

describe('bad input', () => {
  it.each([
    [{ type: 'RHRH', level: 'M2' }, 'High RoSH (RHRH) does not have a level: leave level empty'],
    [{ type: 'MAPP', level: '', category: 'M1' }, 'Select the MAPPA level'],
    [
      { type: 'MAPP', level: 'M4', category: 'M1' },
      'MAPPA has no level M4: choose Level 1, Level 2 or Level 3',
    ],
    [{ type: 'MAPP', level: 'M1', category: 'M9' }, 'MAPPA has no category M9'],
    [{ type: 'NOPE' }, 'Select the type of registration'],
    [
      { type: 'ADVP', ...dateFields('registeredOn', addMonths(today, 12)) },
      'Date of registration must be today or in the past',
    ],
    [
      { type: 'ADVP', 'registeredOn-day': '31', 'registeredOn-month': '2', 'registeredOn-year': '2025' },
      'Date of registration must be a real date',
    ],
  ])('refuses %j with a clear message, keeping what was typed, writing nothing', async (form, message) => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const response = await addRegistration(po, person.crn, { notes: 'typed notes kept', ...form });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(message);
    expect(response.body).toContain('typed notes kept');
    expect(await registrationsOf(person.id)).toEqual([]);
    expect(await tiersOf(person.id)).toEqual([]);
  });

  it('refuses a second current registration of the same type', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    expect((await addRegistration(po, person.crn, { type: 'WEAP' })).statusCode).toBe(302);
    const again = await addRegistration(po, person.crn, { type: 'WEAP' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already has a current Weapons registration');
    expect(await registrationsOf(person.id)).toHaveLength(1);
  });
});

describe('review and remove', () => {
  it('a review records itself and moves the next review date by the type’s period; due and overdue reviews show on the caseload', async () => {
    const person = await freshPerson();
    await transferTo(await t.signIn('manager.demo'), person.crn, 'N01A001');
    const po = await t.signIn('po.demo');
    const registeredOn = addDays(addMonths(today, -12), 10);
    await addRegistration(po, person.crn, { type: 'RMDO', ...dateFields('registeredOn', registeredOn) });
    await addRegistration(po, person.crn, {
      type: 'WEAP',
      ...dateFields('registeredOn', addMonths(today, -13)),
    });
    const registration = (await registrationsOf(person.id)).find((r) => r.type_code === 'RMDO');
    expect(registration!.next_review_on).toBe(addMonths(registeredOn, 12));
    const page = await po.get(`/people/${person.crn}/registrations`);
    expect(page.body).toContain('Review due');
    expect(page.body).toContain('Review overdue');
    const caseload = (await po.get('/caseload')).body;
    const row = caseload.slice(
      caseload.indexOf(person.crn),
      caseload.indexOf('</tr>', caseload.indexOf(person.crn)),
    );
    expect(row).toContain('1 overdue');
    expect(row).toContain('1 due');

    await po.get(`/people/${person.crn}/registrations/${registration!.id}/review`);
    const response = await po.post(`/people/${person.crn}/registrations/${registration!.id}/review`, {
      rowVersion: String(registration!.row_version),
      notes: 'Still under the mental health team',
      ...dateFields('reviewedOn', today),
    });
    expect(response.statusCode).toBe(302);
    const after = (await registrationsOf(person.id)).find((r) => r.type_code === 'RMDO');
    expect(after!.next_review_on).toBe(addMonths(today, 12));
    const reviews = await db()
      .selectFrom('registration_reviews')
      .selectAll()
      .where('registration_id', '=', registration!.id)
      .execute();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ reviewed_on: today, reviewed_by_name: 'Priya Okonjo' });

    // A form opened before that review is refused, and nothing more is written.
    const stale = await po.post(`/people/${person.crn}/registrations/${registration!.id}/review`, {
      rowVersion: String(registration!.row_version),
      notes: '',
      ...dateFields('reviewedOn', today),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed by someone else');
    expect(
      await db()
        .selectFrom('registration_reviews')
        .selectAll()
        .where('registration_id', '=', registration!.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses a review dated before the registration', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    await addRegistration(po, person.crn, { type: 'RMDO' });
    const [registration] = await registrationsOf(person.id);
    await po.get(`/people/${person.crn}/registrations/${registration!.id}/review`);
    const response = await po.post(`/people/${person.crn}/registrations/${registration!.id}/review`, {
      rowVersion: String(registration!.row_version),
      notes: '',
      ...dateFields('reviewedOn', addMonths(today, -1)),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Date of review must be on or after the date of registration');
  });

  it('removing needs a reason; removing the PSO case’s ADVP recalculates the tier and closes the task', async () => {
    const manager = await t.signIn('manager.demo');
    const person = await freshPerson();
    await transferTo(manager, person.crn, 'N01A002');
    const po = await t.signIn('po.demo');
    await addRegistration(po, person.crn, { type: 'ADVP' });
    await addRegistration(po, person.crn, { type: 'RMDO' });
    const registration = (await registrationsOf(person.id)).find((r) => r.type_code === 'ADVP')!;
    await po.get(`/people/${person.crn}/registrations/${registration.id}/remove`);
    const url = `/people/${person.crn}/registrations/${registration.id}/remove`;
    const noReason = await po.post(url, {
      rowVersion: String(registration.row_version),
      reason: '',
      ...dateFields('deregisteredOn', today),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the registration is being removed');
    expect(
      (await registrationsOf(person.id)).find((r) => r.id === registration.id)!.deregistered_on,
    ).toBeNull();

    // RMDO (mental health) still keeps the case over the boundary.
    let task = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const removed = await po.post(url, {
      rowVersion: String(registration.row_version),
      reason: 'Entered in error',
      ...dateFields('deregisteredOn', today),
    });
    expect(removed.statusCode).toBe(302);
    task = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(task.resolved_at).toBeNull();
    const mental = (await registrationsOf(person.id)).find((r) => r.type_code === 'RMDO')!;
    await po.get(`/people/${person.crn}/registrations/${mental.id}/remove`);
    await po.post(`/people/${person.crn}/registrations/${mental.id}/remove`, {
      rowVersion: String(mental.row_version),
      reason: 'Discharged by the mental health team',
      ...dateFields('deregisteredOn', today),
    });
    task = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(task.resolution).toContain('no longer meets any role boundary rule');
    const tiers = await tiersOf(person.id);
    expect(tiers.at(-1)!.reason).toBe('Registration RMDO removed by Priya Okonjo');
    const page = await po.get(`/people/${person.crn}/registrations`);
    expect(page.body).toContain('Entered in error');
    expect(page.body).toContain('Discharged by the mental health team');
  });
});

describe('who may do what', () => {
  it('lets every practitioner read the registrations tab, and only case editors change it', async () => {
    const person = await freshPerson();
    const facilitator = await t.signIn('facilitator.demo');
    expect((await facilitator.get(`/people/${person.crn}/registrations`)).statusCode).toBe(200);
    expect((await facilitator.get(`/people/${person.crn}/registrations/new`)).statusCode).toBe(403);
    const refused = await facilitator.post(`/people/${person.crn}/registrations/new`, {
      type: 'ADVP',
      ...dateFields('registeredOn', today),
    });
    expect(refused.statusCode).toBe(403);
    expect(await registrationsOf(person.id)).toEqual([]);
    const pso = await t.signIn('pso.demo');
    expect((await addRegistration(pso, person.crn, { type: 'WEAP' })).statusCode).toBe(302);
    const admin = await t.signIn('admin.demo');
    expect((await admin.get(`/people/${person.crn}/registrations`)).statusCode).toBe(403);
    expect((await admin.get(`/people/${person.crn}/tier`)).statusCode).toBe(403);
  });

  it('answers 404 for a registration of another person', async () => {
    const one = await freshPerson();
    const other = await freshPerson();
    const po = await t.signIn('po.demo');
    await addRegistration(po, one.crn, { type: 'WEAP' });
    const [registration] = await registrationsOf(one.id);
    expect((await po.get(`/people/${other.crn}/registrations/${registration!.id}/review`)).statusCode).toBe(
      404,
    );
    expect((await po.get(`/people/${other.crn}/registrations/not-a-uuid/review`)).statusCode).toBe(404);
  });
});
