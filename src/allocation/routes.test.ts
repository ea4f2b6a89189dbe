import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDateOf } from '../platform/calendar/london.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';

let t: TestApp;
const today = londonDateOf(new Date());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const used = new Set<string>();

function dateFields(name: string, iso: string) {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
}

/** A visible person held by a team-A probation officer other than the demo ones, unused so far. */
async function freshPerson() {
  const row = await db()
    .selectFrom('people')
    .innerJoin('allocations', 'allocations.person_id', 'people.id')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select(['people.id', 'people.crn', 'allocations.id as allocation_id', 'allocations.staff_id'])
    .where('allocations.ended_at', 'is', null)
    .where('staff.grade_code', '=', 'PO')
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('people.crn', 'not in', used.size ? [...used] : ['-'])
    .orderBy('people.crn', 'desc')
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

function currentAllocation(personId: string) {
  return db()
    .selectFrom('allocations')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
}

async function transfer(manager: Browser, crn: string, form: Record<string, string>) {
  await manager.get(`/people/${crn}/allocation/transfer`);
  const expected = /name="expectedCurrentId" value="([^"]*)"/.exec(manager.lastHtml)![1]!;
  return manager.post(`/people/${crn}/allocation/transfer`, {
    reason: 'WORKLOAD',
    notes: '',
    expectedCurrentId: expected,
    ...form,
  });
}

async function register(crn: string, type: string) {
  const po = await t.signIn('po.demo');
  await po.get(`/people/${crn}/registrations/new`);
  const response = await po.post(`/people/${crn}/registrations/new`, {
    type,
    level: '',
    category: '',
    notes: '',
    ...dateFields('registeredOn', today),
  });
  expect(response.statusCode).toBe(302);
}

describe('the role boundary on transfer', () => {
  it('refuses a case over the boundary to a PSO with the reason, writing nothing', async () => {
    const person = await freshPerson();
    await register(person.crn, 'ARSO');
    const manager = await t.signIn('manager.demo');
    const page = await manager.get(`/people/${person.crn}/allocation/transfer`);
    expect(page.body).toContain(
      'This case needs a probation officer: sexual offending specialism (registration ARSO)',
    );
    const response = await transfer(manager, person.crn, { staffId: await staffId('N01A002') });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      'This case needs a probation officer (sexual offending specialism (registration ARSO))',
    );
    expect((await currentAllocation(person.id)).id).toBe(person.allocation_id);
  });

  it('needs a reason for an override; with one, allocates to the PSO and records and audits why', async () => {
    const person = await freshPerson();
    await register(person.crn, 'IRMO');
    const manager = await t.signIn('manager.demo');
    const pso = await staffId('N01A002');
    const noReason = await transfer(manager, person.crn, {
      staffId: pso,
      override: 'yes',
      overrideReason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why this case may stay with a probation services officer');
    expect((await currentAllocation(person.id)).id).toBe(person.allocation_id);

    const response = await transfer(manager, person.crn, {
      staffId: pso,
      override: 'yes',
      overrideReason: 'Supervised weekly by Priya Okonjo, trained in hate crime',
    });
    expect(response.statusCode).toBe(302);
    const now = await currentAllocation(person.id);
    expect(now).toMatchObject({
      staff_id: pso,
      boundary_override_reason: 'Supervised weekly by Priya Okonjo, trained in hate crime',
      boundary_overridden: ['hate crime specialism (registration IRMO)'],
    });
    const audit = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('action', '=', 'role-boundary-overridden')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('Helen Brierley');
    const history = await manager.get(`/people/${person.crn}/allocation`);
    expect(history.body).toContain('Role boundary overridden:');

    // The override covers hate crime, so no task; a new reason (RoSH high) alerts the manager.
    expect(
      await db().selectFrom('case_tasks').selectAll().where('person_id', '=', person.id).execute(),
    ).toEqual([]);
    await register(person.crn, 'RHRH');
    const [task] = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(task!.reason).toContain('Needs a probation officer: RoSH is high');
    expect(task!.reason).not.toContain('hate crime');
  });

  it('lets a case inside the boundary go to a PSO without an override', async () => {
    const person = await freshPerson();
    const manager = await t.signIn('manager.demo');
    const response = await transfer(manager, person.crn, { staffId: await staffId('N01A008') });
    expect(response.statusCode).toBe(302);
    expect((await currentAllocation(person.id)).boundary_override_reason).toBeNull();
  });

  it('is for managers only', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    expect((await po.get(`/people/${person.crn}/allocation/transfer`)).statusCode).toBe(403);
    const refused = await po.post(`/people/${person.crn}/allocation/transfer`, {
      staffId: await staffId('N01A002'),
      reason: 'WORKLOAD',
      expectedCurrentId: person.allocation_id,
      override: 'yes',
      overrideReason: 'I say so',
    });
    expect(refused.statusCode).toBe(403);
    expect((await currentAllocation(person.id)).id).toBe(person.allocation_id);
  });
});

describe('manager tasks', () => {
  async function psoCaseWithTask() {
    const person = await freshPerson();
    const manager = await t.signIn('manager.demo');
    expect((await transfer(manager, person.crn, { staffId: await staffId('N01A002') })).statusCode).toBe(302);
    await register(person.crn, 'RCPR');
    const task = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { person, manager, task };
  }

  it('a manager resolves a task with a resolution; it leaves /team and the case stays marked no more', async () => {
    const { person, manager, task } = await psoCaseWithTask();
    await manager.get(`/team/tasks/${task.id}/resolve`);
    const empty = await manager.post(`/team/tasks/${task.id}/resolve`, { resolution: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter how the task was resolved');
    expect(
      (
        await db()
          .selectFrom('case_tasks')
          .select('resolved_at')
          .where('id', '=', task.id)
          .executeTakeFirstOrThrow()
      ).resolved_at,
    ).toBeNull();

    const done = await manager.post(`/team/tasks/${task.id}/resolve`, {
      resolution: 'Tom consults Priya fortnightly',
    });
    expect(done.statusCode).toBe(302);
    const row = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      resolved_by_name: 'Helen Brierley',
      resolution: 'Tom consults Priya fortnightly',
    });
    expect(row.resolved_at).not.toBeNull();
    const team = await manager.get('/team');
    expect(team.body).not.toContain(`/team/tasks/${task.id}/resolve`);
    const overview = await manager.get(`/people/${person.crn}`);
    expect(overview.body).not.toContain('Needs a probation officer');
    // Resolving while the PSO keeps the case is recorded as an override of the reasons it covered.
    expect((await currentAllocation(person.id)).boundary_override_reason).toBe(
      'Tom consults Priya fortnightly',
    );
  });

  it('transferring the case to a probation officer closes the task', async () => {
    const { person, manager, task } = await psoCaseWithTask();
    expect((await transfer(manager, person.crn, { staffId: await staffId('N01A007') })).statusCode).toBe(302);
    const row = await db()
      .selectFrom('case_tasks')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row.resolution).toContain('now held by Gareth Pryce (PO)');
  });

  it('only managers of the team may resolve', async () => {
    const { task } = await psoCaseWithTask();
    const po = await t.signIn('po.demo');
    expect((await po.get(`/team/tasks/${task.id}/resolve`)).statusCode).toBe(403);
    expect((await po.post(`/team/tasks/${task.id}/resolve`, { resolution: 'x' })).statusCode).toBe(403);
    const manager = await t.signIn('manager.demo');
    expect((await manager.get('/team/tasks/00000000-0000-0000-0000-000000000000/resolve')).statusCode).toBe(
      404,
    );
    expect(
      (
        await db()
          .selectFrom('case_tasks')
          .select('resolved_at')
          .where('id', '=', task.id)
          .executeTakeFirstOrThrow()
      ).resolved_at,
    ).toBeNull();
  });
});

describe('co-workers', () => {
  it('a probation officer adds a PSO co-worker and ends it; bad input and the wrong role are refused', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/allocation`);
    const bad = await po.post(`/people/${person.crn}/co-workers`, {
      staffId: '',
      notes: 'Deliver the ETE sessions',
      ...dateFields('fromDate', today),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the co-worker');
    expect(bad.body).toContain('Deliver the ETE sessions');
    const self = await po.post(`/people/${person.crn}/co-workers`, {
      staffId: person.staff_id,
      notes: '',
      ...dateFields('fromDate', today),
    });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('The responsible officer cannot also be a co-worker');
    expect(
      await db().selectFrom('co_workers').selectAll().where('person_id', '=', person.id).execute(),
    ).toEqual([]);

    const pso = await staffId('N01A002');
    const added = await po.post(`/people/${person.crn}/co-workers`, {
      staffId: pso,
      notes: 'Deliver the ETE sessions',
      ...dateFields('fromDate', today),
    });
    expect(added.statusCode).toBe(302);
    const [row] = await db()
      .selectFrom('co_workers')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(row).toMatchObject({
      staff_id: pso,
      from_date: today,
      to_date: null,
      notes: 'Deliver the ETE sessions',
      added_by_name: 'Priya Okonjo',
    });
    const again = await po.post(`/people/${person.crn}/co-workers`, {
      staffId: pso,
      notes: '',
      ...dateFields('fromDate', today),
    });
    expect(again.body).toContain('already a co-worker');
    const page = await po.get(`/people/${person.crn}/allocation`);
    expect(page.body).toContain('Deliver the ETE sessions');

    const psoBrowser = await t.signIn('pso.demo');
    await psoBrowser.get(`/people/${person.crn}/allocation`);
    expect((await psoBrowser.post(`/people/${person.crn}/co-workers/${row!.id}/end`)).statusCode).toBe(403);
    expect((await po.post(`/people/${person.crn}/co-workers/${row!.id}/end`)).statusCode).toBe(302);
    const ended = await db()
      .selectFrom('co_workers')
      .selectAll()
      .where('id', '=', row!.id)
      .executeTakeFirstOrThrow();
    expect(ended.to_date).toBe(today);
  });
});

describe('caseloads', () => {
  it('show the tier from one query for the whole list', async () => {
    const manager = await t.signIn('manager.demo');
    const team = await manager.get('/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('<th scope="col" class="govuk-table__header">Tier</th>');
    const po = await t.signIn('po.demo');
    const caseload = await po.get('/caseload');
    expect(caseload.body).toContain('Registration reviews');
  });
});
