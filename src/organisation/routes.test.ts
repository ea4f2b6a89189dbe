import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { listStaffForSelection } from './store.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const staffNamed = (code: string) =>
  t.database.db.selectFrom('staff').selectAll().where('staff_code', '=', code).executeTakeFirstOrThrow();
const teamNamed = (name: string) =>
  t.database.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

describe('adding staff and teams', () => {
  it('refuses bad input on the staff form with GOV.UK messages, keeps what was typed, and a code in use', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/staff');
    const bad = await admin.post('/admin/staff', {
      staffCode: 'x',
      forename: 'Ada',
      surname: '',
      grade: '',
      teamId: '',
      email: 'not-an-email',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    for (const message of [
      'Enter a staff code of 4 to 10 letters and numbers',
      'Enter the last name',
      'Select the grade',
      'Select the team',
      'Enter an email address in the correct format',
    ])
      expect(bad.body).toContain(message);
    expect(bad.body).toContain('value="Ada"');
    expect(bad.body).toContain('value="not-an-email"');
    const team = await teamNamed('Chelmsford North');
    const taken = await admin.post('/admin/staff', {
      staffCode: 'N01A001',
      forename: 'Ada',
      surname: 'Lovelace',
      grade: 'PO',
      teamId: team.id,
      email: '',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('That staff code is already in use');
    const added = await admin.post('/admin/staff', {
      staffCode: 'n01a099',
      forename: 'Ada',
      surname: 'Lovelace',
      grade: 'PO',
      teamId: team.id,
      email: '',
    });
    expect(added.statusCode).toBe(302);
    expect((await staffNamed('N01A099')).surname).toBe('Lovelace');
  });

  it('refuses bad input on the team form and a code in use', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/teams');
    const bad = await admin.post('/admin/teams', { code: '!', name: '', pduId: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a team code of 3 to 10 letters and numbers');
    expect(bad.body).toContain('Enter the team name');
    expect(bad.body).toContain('Select the probation delivery unit');
    expect(bad.body).toContain('value="!"');
  });
});

describe('changing a staff member', () => {
  it('moves them to another grade and team, audited, and refuses bad input keeping what was typed', async () => {
    const admin = await t.signIn('admin.demo');
    const member = await staffNamed('N01A008');
    const team = await teamNamed('Colchester East');
    const page = await admin.get(`/admin/staff/${member.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${member.forename}"`);
    const form = {
      forename: member.forename,
      surname: member.surname,
      grade: 'PO',
      teamId: team.id,
      email: '',
      active: 'yes',
      rowVersion: String(member.row_version),
    };
    const bad = await admin.post(`/admin/staff/${member.id}`, { ...form, surname: '', active: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the last name');
    expect(bad.body).toContain('Select whether they still work here');
    expect((await staffNamed('N01A008')).row_version).toBe(member.row_version);

    expect((await admin.post(`/admin/staff/${member.id}`, form)).statusCode).toBe(302);
    const moved = await staffNamed('N01A008');
    expect(moved.grade_code).toBe('PO');
    expect(moved.team_id).toBe(team.id);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('actor_name')
      .where('action', '=', 'staff-changed')
      .where('subject_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('Demo Administrator');
  });

  it('refuses a save that lost the race, saying who changed the record and when, with both versions', async () => {
    const member = await staffNamed('N01A004');
    const first = await t.signIn('admin.demo');
    const second = await t.signIn('admin.demo');
    await first.get(`/admin/staff/${member.id}`);
    await second.get(`/admin/staff/${member.id}`);
    const form = {
      forename: member.forename,
      surname: member.surname,
      grade: member.grade_code,
      teamId: member.team_id!,
      email: '',
      active: 'yes',
      rowVersion: String(member.row_version),
    };
    expect(
      (await first.post(`/admin/staff/${member.id}`, { ...form, surname: 'Raman-Smith' })).statusCode,
    ).toBe(302);
    const lost = await second.post(`/admin/staff/${member.id}`, { ...form, surname: 'Ramanathan' });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toMatch(/This record was changed by Demo Administrator at \d+ \w+ \d{4} at /);
    expect(lost.body).toContain(`${member.forename} Raman-Smith`);
    expect(lost.body).toContain('value="Ramanathan"');
    expect((await staffNamed('N01A004')).surname).toBe('Raman-Smith');
  });

  it('takes someone who has left out of the staff offered for allocation and appointments', async () => {
    const admin = await t.signIn('admin.demo');
    const member = await staffNamed('N01C005');
    await admin.get(`/admin/staff/${member.id}`);
    const left = await admin.post(`/admin/staff/${member.id}`, {
      forename: member.forename,
      surname: member.surname,
      grade: member.grade_code,
      teamId: member.team_id!,
      email: member.email ?? '',
      active: 'no',
      rowVersion: String(member.row_version),
    });
    expect(left.statusCode).toBe(302);
    expect((await listStaffForSelection(t.database.db)).map((s) => s.id)).not.toContain(member.id);
    expect((await admin.get('/admin/staff')).body).toContain('Has left');
  });

  it('refuses to mark someone as having left while they are still the responsible officer for anyone', async () => {
    const admin = await t.signIn('admin.demo');
    const member = await staffNamed('N01A001');
    const cases = await t.database.db
      .selectFrom('allocations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('staff_id', '=', member.id)
      .where('ended_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(cases.n)).toBeGreaterThan(1);
    await admin.get(`/admin/staff/${member.id}`);
    const refused = await admin.post(`/admin/staff/${member.id}`, {
      forename: member.forename,
      surname: member.surname,
      grade: member.grade_code,
      teamId: member.team_id!,
      email: member.email ?? '',
      active: 'no',
      rowVersion: String(member.row_version),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#active"');
    expect(refused.body).toContain(
      `Priya Okonjo is still the responsible officer for ${Number(cases.n)} people. ` +
        'A manager must transfer those cases to another officer (from the team caseload) before you can mark them as having left',
    );
    // What was typed is kept: the radio stays on "No, they have left".
    expect(refused.body).toMatch(/value="no" checked/);
    const after = await staffNamed('N01A001');
    expect(after.active).toBe(true);
    expect(after.row_version).toBe(member.row_version);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'staff-changed')
      .where('subject_id', '=', member.id)
      .execute();
    expect(audit).toHaveLength(0);

    // Other changes to someone with cases still save.
    const renamed = await admin.post(`/admin/staff/${member.id}`, {
      forename: member.forename,
      surname: member.surname,
      grade: member.grade_code,
      teamId: member.team_id!,
      email: 'priya.okonjo@example.com',
      active: 'yes',
      rowVersion: String(member.row_version),
    });
    expect(renamed.statusCode).toBe(302);
    expect((await staffNamed('N01A001')).email).toBe('priya.okonjo@example.com');
  });

  it('answers 404 for an unknown staff member and is for administrators only', async () => {
    const admin = await t.signIn('admin.demo');
    expect((await admin.get('/admin/staff/not-an-id')).statusCode).toBe(404);
    const member = await staffNamed('N01A001');
    const manager = await t.signIn('manager.demo');
    expect((await manager.get(`/admin/staff/${member.id}`)).statusCode).toBe(403);
  });
});
