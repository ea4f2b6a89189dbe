/**
 * Keeping PSO-held cases inside the role boundary: after a change to a case, the team's manager
 * is given a task to review and transfer it when it has gone over the boundary; the task closes
 * when a manager resolves it, the case moves to a probation officer, or the reason goes away.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Database } from '../platform/database/schema.js';
import { visibleTo, type Viewer } from '../people/index.js';
import { caseRiskFacts } from '../tiering/index.js';
import { boundaryAlert, isRestrictedGrade } from './role-boundary.js';

type Executor = Kysely<Database>;

export const ROLE_BOUNDARY_TASK = 'role-boundary-review';

export function openBoundaryTask(db: Executor, personId: string) {
  return db
    .selectFrom('case_tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', ROLE_BOUNDARY_TASK)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
}

function currentHolder(db: Executor, personId: string) {
  return db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'allocations.id',
      'allocations.team_id',
      'allocations.boundary_overridden',
      'staff.forename',
      'staff.surname',
      'staff.grade_code',
    ])
    .where('allocations.person_id', '=', personId)
    .where('allocations.ended_at', 'is', null)
    .executeTakeFirst();
}

export type BoundaryCheck =
  | { outcome: 'task-opened'; reasons: string[] }
  | { outcome: 'task-already-open'; reasons: string[] }
  | { outcome: 'task-closed'; reasons: string[] }
  | { outcome: 'nothing-to-do'; reasons: string[] };

/** Run inside the transaction of the change (a registration added or removed, a transfer). */
export async function checkRoleBoundary(
  trx: Executor,
  actor: Actor,
  input: { personId: string; today: string; now: Date; cause: string },
): Promise<BoundaryCheck> {
  const [holder, facts, open] = await Promise.all([
    currentHolder(trx, input.personId),
    caseRiskFacts(trx, input.personId, input.today),
    openBoundaryTask(trx, input.personId),
  ]);
  const alert = boundaryAlert({
    holderGrade: holder?.grade_code ?? null,
    facts,
    overriddenReasons: holder?.boundary_overridden ?? null,
  });
  if (alert.alert && holder) {
    if (open) return { outcome: 'task-already-open', reasons: alert.reasons };
    const reason = `Needs a probation officer: ${alert.uncovered.join('; ')}. Held by ${holder.forename} ${holder.surname} (${holder.grade_code}). ${input.cause}. Review and transfer`;
    const { id } = await trx
      .insertInto('case_tasks')
      .values({
        person_id: input.personId,
        team_id: holder.team_id,
        kind: ROLE_BOUNDARY_TASK,
        opened_at: input.now,
        reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'role-boundary-task-opened',
      personId: input.personId,
      subjectType: 'case-task',
      subjectId: id,
      detail: { reasons: alert.uncovered, cause: input.cause },
    });
    return { outcome: 'task-opened', reasons: alert.reasons };
  }
  if (open) {
    const why = !holder
      ? 'the case has no responsible officer'
      : !isRestrictedGrade(holder.grade_code)
        ? `now held by ${holder.forename} ${holder.surname} (${holder.grade_code})`
        : alert.reasons.length === 0
          ? 'the case no longer meets any role boundary rule'
          : 'a manager’s override covers every reason';
    await resolveTask(trx, actor, {
      taskId: open.id,
      now: input.now,
      resolution: `Closed automatically: ${why}`,
    });
    return { outcome: 'task-closed', reasons: alert.reasons };
  }
  return { outcome: 'nothing-to-do', reasons: alert.reasons };
}

/**
 * A manager resolving the task while a PSO keeps the case is an override: the reasons it covered
 * are kept on the allocation, so only a new reason alerts the manager again.
 */
export async function resolveTaskByManager(
  trx: Executor,
  actor: Actor,
  input: { taskId: string; personId: string; today: string; now: Date; resolution: string },
): Promise<boolean> {
  const task = await trx
    .selectFrom('case_tasks')
    .select('kind')
    .where('id', '=', input.taskId)
    .executeTakeFirst();
  const resolved = await resolveTask(trx, actor, input);
  if (!resolved) return false;
  // Only a role-boundary task is an override; other tasks (a RoSH rise) just close.
  if (task?.kind !== ROLE_BOUNDARY_TASK) return true;
  const [holder, facts] = await Promise.all([
    currentHolder(trx, input.personId),
    caseRiskFacts(trx, input.personId, input.today),
  ]);
  if (holder && isRestrictedGrade(holder.grade_code)) {
    const alert = boundaryAlert({ holderGrade: holder.grade_code, facts, overriddenReasons: null });
    await trx
      .updateTable('allocations')
      .set({ boundary_override_reason: input.resolution, boundary_overridden: JSON.stringify(alert.reasons) })
      .where('id', '=', holder.id)
      .execute();
  }
  return true;
}

export async function resolveTask(
  trx: Executor,
  actor: Actor,
  input: { taskId: string; now: Date; resolution: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('case_tasks')
    .set({ resolved_at: input.now, resolved_by_name: actor.name, resolution: input.resolution })
    .where('id', '=', input.taskId)
    .where('resolved_at', 'is', null)
    .returning(['id', 'person_id'])
    .executeTakeFirst();
  if (!updated) return false;
  await recordAudit(trx, actor, {
    action: 'case-task-resolved',
    personId: updated.person_id,
    subjectType: 'case-task',
    subjectId: updated.id,
    detail: { resolution: input.resolution },
  });
  return true;
}

/** A team's open tasks, oldest first, for the manager: limited-access people they may not see are left out. */
export function openTasksOfTeam(db: Executor, teamId: string, viewer: Viewer) {
  return db
    .selectFrom('case_tasks')
    .innerJoin('people', 'people.id', 'case_tasks.person_id')
    .select([
      'case_tasks.id',
      'case_tasks.kind',
      'case_tasks.opened_at',
      'case_tasks.reason',
      'people.crn',
      'people.forename',
      'people.surname',
    ])
    .where('case_tasks.team_id', '=', teamId)
    .where('case_tasks.resolved_at', 'is', null)
    .where(visibleTo(viewer))
    .orderBy('case_tasks.opened_at')
    .limit(200)
    .execute();
}

export function taskOfTeam(db: Executor, taskId: string, teamId: string, viewer: Viewer) {
  return db
    .selectFrom('case_tasks')
    .innerJoin('people', 'people.id', 'case_tasks.person_id')
    .select([
      'case_tasks.id',
      'case_tasks.person_id',
      'case_tasks.kind',
      'case_tasks.reason',
      'case_tasks.opened_at',
      'case_tasks.resolved_at',
      'people.crn',
      'people.forename',
      'people.surname',
    ])
    .where('case_tasks.id', '=', taskId)
    .where('case_tasks.team_id', '=', teamId)
    .where(visibleTo(viewer))
    .executeTakeFirst();
}

/** True for a person with an open role-boundary task: "Needs a probation officer". */
export const needsProbationOfficerMark = sql<boolean>`exists (select 1 from case_tasks ct where ct.person_id = people.id and ct.kind = ${ROLE_BOUNDARY_TASK} and ct.resolved_at is null)`;
