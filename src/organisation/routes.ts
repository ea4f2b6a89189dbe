import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit, actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { NO_ERRORS, singleError, text, toFormErrors, type FormErrors } from '../platform/http/forms.js';
import { ADMINISTRATORS } from './roles.js';
import { isUuid } from '../platform/database/ids.js';
import { editStaffForm, newStaffForm, newTeamForm } from './schemas.js';
import { updateStaff, type StaffChange } from './service.js';
import { listGrades, listPdus, listTeams } from './store.js';

export function organisationRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const admin = { allow: ADMINISTRATORS };

  const staffPage = async (
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [staff, grades, teams] = await Promise.all([
      db
        .selectFrom('staff')
        .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
        .leftJoin('teams', 'teams.id', 'staff.team_id')
        .select([
          'staff.id',
          'staff.staff_code',
          'staff.forename',
          'staff.surname',
          'staff_grades.description as grade',
          'teams.name as team_name',
          'staff.active',
        ])
        .orderBy('staff.surname')
        .execute(),
      listGrades(db),
      listTeams(db),
    ]);
    return reply
      .code(errors.summary.length ? 400 : 200)
      .render('organisation/views/staff.njk', { staff, grades, teams, values, errors });
  };

  app.get('/admin/staff', { config: admin }, async (_request, reply) => staffPage(reply, {}));

  app.post('/admin/staff', { config: admin }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const values = Object.fromEntries(
      ['staffCode', 'forename', 'surname', 'grade', 'teamId', 'email'].map((f) => [f, text(body, f)]),
    );
    const [grades, teams] = await Promise.all([listGrades(db), listTeams(db)]);
    const parsed = newStaffForm(
      grades.map((g) => g.code),
      teams.map((t) => t.id),
    ).safeParse(values);
    if (!parsed.success) return staffPage(reply, values, toFormErrors(parsed.error));
    const taken = await db
      .selectFrom('staff')
      .select('id')
      .where('staff_code', '=', parsed.data.staffCode)
      .executeTakeFirst();
    if (taken) return staffPage(reply, values, singleError('staffCode', 'That staff code is already in use'));
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('staff')
        .values({
          staff_code: parsed.data.staffCode,
          forename: parsed.data.forename,
          surname: parsed.data.surname,
          grade_code: parsed.data.grade,
          team_id: parsed.data.teamId,
          email: parsed.data.email,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(request), {
        action: 'staff-created',
        subjectType: 'staff',
        subjectId: id,
        detail: parsed.data,
      });
    });
    return reply.redirect('/admin/staff');
  });

  // ---------------------------------------------------------------- changing a staff member

  type StaffParams = { Params: { id: string } };
  const staffToEdit = (id: string) =>
    isUuid(id)
      ? db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
      : Promise.resolve(undefined);

  const editStaffPage = async (
    reply: FastifyReply,
    member: { id: string; staff_code: string },
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
    conflict?: { changedBy: string; changedAt: Date; theirs: StaffChange },
  ) => {
    const [grades, teams] = await Promise.all([listGrades(db), listTeams(db)]);
    const gradeName = (code: string) => grades.find((g) => g.code === code)?.description ?? code;
    const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? 'None';
    const status = (active: boolean) => (active ? 'Works here' : 'Has left');
    return reply
      .code(conflict ? 409 : errors.summary.length ? 400 : 200)
      .render('organisation/views/edit-staff.njk', {
        member,
        grades,
        teams,
        values,
        errors,
        conflict: conflict && {
          changedBy: conflict.changedBy,
          changedAt: conflict.changedAt,
          rows: [
            {
              field: 'Name',
              theirs: `${conflict.theirs.forename} ${conflict.theirs.surname}`,
              yours: `${values.forename} ${values.surname}`,
            },
            {
              field: 'Grade',
              theirs: gradeName(conflict.theirs.grade),
              yours: gradeName(values.grade ?? ''),
            },
            { field: 'Team', theirs: teamName(conflict.theirs.teamId), yours: teamName(values.teamId ?? '') },
            { field: 'Email', theirs: conflict.theirs.email ?? '', yours: values.email ?? '' },
            {
              field: 'Status',
              theirs: status(conflict.theirs.active),
              yours: status(values.active === 'yes'),
            },
          ],
        },
      });
  };

  app.get<StaffParams>('/admin/staff/:id', { config: admin }, async (request, reply) => {
    const member = await staffToEdit(request.params.id);
    if (!member) return reply.callNotFound();
    return editStaffPage(reply, member, {
      forename: member.forename,
      surname: member.surname,
      grade: member.grade_code,
      teamId: member.team_id ?? '',
      email: member.email ?? '',
      active: member.active ? 'yes' : 'no',
      rowVersion: String(member.row_version),
    });
  });

  app.post<StaffParams>('/admin/staff/:id', { config: admin }, async (request, reply) => {
    const member = await staffToEdit(request.params.id);
    if (!member) return reply.callNotFound();
    const body = request.body as Record<string, unknown>;
    const values = Object.fromEntries(
      ['forename', 'surname', 'grade', 'teamId', 'email', 'active', 'rowVersion'].map((f) => [
        f,
        text(body, f),
      ]),
    );
    const [grades, teams] = await Promise.all([listGrades(db), listTeams(db)]);
    const parsed = editStaffForm(
      grades.map((g) => g.code),
      teams.map((t) => t.id),
    ).safeParse(values);
    if (!parsed.success) return editStaffPage(reply, member, values, toFormErrors(parsed.error));
    const { rowVersion, active, ...rest } = parsed.data;
    const result = await updateStaff(db, actorOf(request), {
      staffId: member.id,
      expectedVersion: rowVersion,
      change: { ...rest, active: active === 'yes' },
    });
    if (!result.saved && 'stillResponsibleFor' in result) {
      const cases = result.stillResponsibleFor;
      const message =
        `${member.forename} ${member.surname} is still the responsible officer for ${cases} ` +
        `${cases === 1 ? 'person' : 'people'}. A manager must transfer ${cases === 1 ? 'that case' : 'those cases'} ` +
        'to another officer (from the team caseload) before you can mark them as having left';
      return editStaffPage(reply, member, values, singleError('active', message));
    }
    if (!result.saved) {
      return editStaffPage(
        reply,
        member,
        { ...values, rowVersion: String(result.current.rowVersion) },
        NO_ERRORS,
        {
          changedBy: result.changedBy,
          changedAt: result.changedAt,
          theirs: result.current,
        },
      );
    }
    return reply.redirect('/admin/staff');
  });

  const teamsPage = async (
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors = NO_ERRORS,
  ) => {
    const [teams, pdus] = await Promise.all([listTeams(db), listPdus(db)]);
    return reply
      .code(errors.summary.length ? 400 : 200)
      .render('organisation/views/teams.njk', { teams, pdus, values, errors });
  };

  app.get('/admin/teams', { config: admin }, async (_request, reply) => teamsPage(reply, {}));

  app.post('/admin/teams', { config: admin }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const values = Object.fromEntries(['code', 'name', 'pduId'].map((f) => [f, text(body, f)]));
    const pdus = await listPdus(db);
    const parsed = newTeamForm(pdus.map((p) => p.id)).safeParse(values);
    if (!parsed.success) return teamsPage(reply, values, toFormErrors(parsed.error));
    const taken = await db
      .selectFrom('teams')
      .select('id')
      .where('code', '=', parsed.data.code)
      .executeTakeFirst();
    if (taken) return teamsPage(reply, values, singleError('code', 'That team code is already in use'));
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('teams')
        .values({ code: parsed.data.code, name: parsed.data.name, pdu_id: parsed.data.pduId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(request), {
        action: 'team-created',
        subjectType: 'team',
        subjectId: id,
        detail: parsed.data,
      });
    });
    return reply.redirect('/admin/teams');
  });
}
