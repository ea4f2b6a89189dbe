/**
 * Assessment use cases. Each runs in one transaction with its audit row; a section save that lost
 * a race to someone else's is refused with who saved it and when, never silently overwritten.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { addRegistrationWithin } from '../registrations/index.js';
import { recalculateTier } from '../tiering/index.js';
import { ASSESSMENT_POLICY } from './policy.js';
import { recordValuesOf } from './record.js';
import {
  completionProblems,
  countersignatureRequired,
  overallRosh,
  roshRiseNeedsManager,
  type FieldMessage,
  type SectionState,
} from './rules.js';
import { SECTIONS, sectionDefinition, type RoshRating } from './sections.js';
import * as store from './store.js';
import { summarise, type AssessmentSnapshot } from './summary.js';
import type { AssessmentType, Correction } from './tables.js';

type Trx = Kysely<Database>;

export interface Clock {
  today: string;
  now: Date;
}

export const ROSH_REGISTER: Record<RoshRating, string> = {
  low: 'RLRH',
  medium: 'RMRH',
  high: 'RHRH',
  'very-high': 'RVHR',
};

export const ROSH_RAISED_TASK = 'rosh-raised';

const CHANGED_BY_SOMEONE_ELSE = 'changed';

async function lockPerson(trx: Trx, personId: string) {
  await trx
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- start

export type StartOutcome =
  | { started: true; id: string }
  | { started: false; existingId: string }
  | { started: false; problems: FieldMessage[] };

/**
 * Starts an assessment; a review or termination starts from a copy of the last locked one. Only
 * one assessment is open at a time: a second start finds the open one.
 */
export async function startAssessment(
  db: Db,
  actor: Actor,
  input: { personId: string; type: AssessmentType; userId: string | null; staffId: string | null } & Clock,
): Promise<StartOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockPerson(trx, input.personId);
    const open = await store.openAssessment(trx, input.personId);
    if (open) return { started: false as const, existingId: open.id };
    const previous = await store.latestLocked(trx, input.personId);
    if (input.type !== 'initial' && !previous)
      return {
        started: false as const,
        problems: [
          {
            field: 'type',
            message: 'There is no completed assessment to start from: start an initial assessment',
          },
        ],
      };
    const { id } = await trx
      .insertInto('assessments')
      .values({
        person_id: input.personId,
        assessment_type: input.type,
        previous_assessment_id: input.type === 'initial' ? null : previous!.id,
        assessor_user_id: input.userId,
        assessor_staff_id: input.staffId,
        assessor_name: actor.name,
        started_at: input.now,
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const copied = input.type === 'initial' ? [] : await store.sectionRows(trx, previous!.id);
    // What the record says now wins over an answer copied from the last assessment, unless the
    // assessor corrected the record then: a registration added since shows as the record's value.
    const record = copied.length
      ? recordValuesOf(await store.caseRecordFacts(trx, input.personId, input.today))
      : {};
    const withoutStale = (answers: Record<string, string>, corrections: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(answers).filter(([code]) => !record[code] || code in corrections));
    await trx
      .insertInto('assessment_sections')
      .values(
        SECTIONS.map((def) => {
          const from = copied.find((r) => r.section_code === def.code);
          return {
            assessment_id: id,
            person_id: input.personId,
            section_code: def.code,
            status: from ? ('in-progress' as const) : ('not-started' as const),
            answers: JSON.stringify(from ? withoutStale(from.answers, from.corrections) : {}),
            corrections: JSON.stringify(from?.corrections ?? {}),
            linked_to_offending: from?.linked_to_offending ?? null,
            linked_to_harm: from?.linked_to_harm ?? null,
            evidence: from?.evidence ?? null,
            persons_view: from?.persons_view ?? null,
          };
        }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment-started',
      personId: input.personId,
      subjectType: 'assessment',
      subjectId: id,
      detail: { type: input.type, copiedFrom: input.type === 'initial' ? null : previous!.id },
    });
    return { started: true as const, id };
  });
}

// ---------------------------------------------------------------- save a section

export interface SectionChange {
  answers: Record<string, string>;
  /** Reasons for answers that differ from the record, by code. */
  correctionReasons: Record<string, string>;
  linkedToOffending: boolean | null;
  linkedToHarm: boolean | null;
  evidence: string | null;
  personsView: string | null;
  markComplete: boolean;
}

export type SaveOutcome =
  | { saved: true; rosh: RoshRegistrationChange | null; rowVersion: number }
  | { saved: false; problems: FieldMessage[] }
  | { saved: false; conflict: { by: string | null; at: Date; theirs: SectionState } };

export interface RoshRegistrationChange {
  level: RoshRating;
  previous: RoshRating | null;
  registered: boolean;
  managerAlerted: boolean;
}

function notOpenProblem(state: string): FieldMessage[] {
  return [
    {
      field: 'form',
      message:
        state === 'awaiting-countersignature'
          ? 'This assessment is signed and waiting for countersignature: it cannot be changed'
          : 'This assessment is locked: it cannot be changed. Start a review to record what has changed',
    },
  ];
}

/** Keeps a correction for every answer that differs from what the record says, with its reason. */
function correctionsFor(
  change: SectionChange,
  record: ReturnType<typeof recordValuesOf>,
  existing: Record<string, Correction>,
  actor: Actor,
  now: Date,
): Record<string, Correction> {
  const corrections: Record<string, Correction> = {};
  for (const [code, value] of Object.entries(change.answers)) {
    const fromRecord = record[code];
    if (!fromRecord || fromRecord.value === value || value === '') continue;
    const reason = change.correctionReasons[code] ?? existing[code]?.reason ?? '';
    corrections[code] =
      existing[code]?.value === value && existing[code]?.reason === reason
        ? existing[code]!
        : { value, reason, by: actor.name, at: now.toISOString() };
  }
  return corrections;
}

export async function saveSection(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    assessmentId: string;
    code: string;
    expectedVersion: number;
    change: SectionChange;
    staffId: string | null;
    /** Saved by the page's script as the officer typed, rather than by a button. */
    autosaved?: boolean;
  } & Clock,
): Promise<SaveOutcome> {
  const def = sectionDefinition(input.code);
  if (!def) throw new RangeError(`No section ${input.code}`);
  return db.transaction().execute(async (trx) => {
    const assessment = await trx
      .selectFrom('assessments')
      .select(['id', 'state', 'rosh_level'])
      .where('id', '=', input.assessmentId)
      .where('person_id', '=', input.personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (assessment.state !== 'in-progress')
      return { saved: false as const, problems: notOpenProblem(assessment.state) };
    const row = await trx
      .selectFrom('assessment_sections')
      .selectAll()
      .where('assessment_id', '=', input.assessmentId)
      .where('section_code', '=', input.code)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.row_version !== input.expectedVersion)
      return {
        saved: false as const,
        conflict: { by: row.updated_by_name, at: row.updated_at, theirs: store.toSectionState(row) },
      };
    const record = recordValuesOf(await store.caseRecordFacts(trx, input.personId, input.today));
    // Answers equal to the record are not stored: the record stays the source until someone corrects it.
    const answers = Object.fromEntries(
      Object.entries(input.change.answers).filter(
        ([code, value]) => value !== '' && record[code]?.value !== value,
      ),
    );
    const next: SectionState = {
      code: input.code,
      status: input.change.markComplete ? 'complete' : 'in-progress',
      answers,
      corrections: correctionsFor(input.change, record, row.corrections, actor, input.now),
      linkedToOffending: input.change.linkedToOffending,
      linkedToHarm: input.change.linkedToHarm,
      evidence: input.change.evidence,
      personsView: input.change.personsView,
    };
    const missingReasons = Object.entries(next.corrections)
      .filter(([, c]) => !c.reason.trim())
      .map(([code]) => ({
        field: `reason-${code}`,
        message: `Say why the answer differs from the record (${record[code]!.source})`,
      }));
    if (missingReasons.length) return { saved: false as const, problems: missingReasons };
    if (input.change.markComplete) {
      const problems = completionProblems(def, next, record);
      if (problems.length) return { saved: false as const, problems };
    }
    const updated = await trx
      .updateTable('assessment_sections')
      .set({
        status: next.status,
        answers: JSON.stringify(next.answers),
        corrections: JSON.stringify(next.corrections),
        linked_to_offending: next.linkedToOffending,
        linked_to_harm: next.linkedToHarm,
        evidence: next.evidence,
        persons_view: next.personsView,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', row.id)
      .returning('row_version')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('assessments')
      .set({ updated_at: input.now, updated_by_name: actor.name })
      .where('id', '=', input.assessmentId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment-section-saved',
      personId: input.personId,
      subjectType: 'assessment',
      subjectId: input.assessmentId,
      detail: {
        section: input.code,
        status: next.status,
        ...(input.autosaved ? { autosaved: true } : {}),
        before: sectionForAudit(store.toSectionState(row)),
        after: sectionForAudit(next),
      },
    });
    const rosh =
      def.kind === 'rosh' && input.change.markComplete
        ? await registerRosh(trx, actor, {
            ...input,
            previousLevel: assessment.rosh_level,
            answers: next.answers,
          })
        : null;
    return { saved: true as const, rosh, rowVersion: updated.row_version };
  });
}

function sectionForAudit(section: SectionState) {
  return {
    status: section.status,
    answers: section.answers,
    corrections: section.corrections,
    linkedToOffending: section.linkedToOffending,
    linkedToHarm: section.linkedToHarm,
    evidence: section.evidence,
    personsView: section.personsView,
  };
}

/**
 * Completing the RoSH summary registers the overall level (replacing the previous RoSH flag), and a
 * rise to high or very high gives the team's manager a task, unless the role boundary already did.
 */
async function registerRosh(
  trx: Trx,
  actor: Actor,
  input: {
    personId: string;
    assessmentId: string;
    staffId: string | null;
    previousLevel: RoshRating | null;
    answers: Record<string, string>;
  } & Clock,
): Promise<RoshRegistrationChange> {
  const overall = overallRosh(input.answers)!;
  await trx
    .updateTable('assessments')
    .set({ rosh_level: overall.level })
    .where('id', '=', input.assessmentId)
    .execute();
  const current = await trx
    .selectFrom('registrations')
    .select('type_code')
    .where('person_id', '=', input.personId)
    .where('deregistered_on', 'is', null)
    .where('type_code', 'in', Object.values(ROSH_REGISTER))
    .executeTakeFirst();
  const registeredLevel =
    (Object.entries(ROSH_REGISTER).find(([, code]) => code === current?.type_code)?.[0] as
      RoshRating | undefined) ?? null;
  if (registeredLevel === overall.level)
    return { level: overall.level, previous: registeredLevel, registered: false, managerAlerted: false };
  const outcome = await addRegistrationWithin(trx, actor, {
    personId: input.personId,
    typeCode: ROSH_REGISTER[overall.level],
    level: null,
    category: null,
    registeredOn: input.today,
    notes: 'From the risk of serious harm summary of the assessment',
    staffId: input.staffId,
    today: input.today,
    now: input.now,
  });
  if (!outcome.saved)
    throw new Error(`RoSH registration refused: ${outcome.problems.map((p) => p.message).join('; ')}`);
  let managerAlerted = outcome.boundary.outcome === 'task-opened';
  if (!managerAlerted && roshRiseNeedsManager(registeredLevel, overall.level)) {
    managerAlerted = await alertManager(trx, actor, {
      personId: input.personId,
      now: input.now,
      reason: `RoSH raised to ${overall.level === 'very-high' ? 'very high' : overall.level}${registeredLevel ? ` from ${registeredLevel === 'very-high' ? 'very high' : registeredLevel}` : ''} by ${actor.name}’s risk of serious harm summary. Review the case and its risk management plan`,
    });
  }
  return { level: overall.level, previous: registeredLevel, registered: true, managerAlerted };
}

/** A task for the manager of the team holding the case; false when the case is not allocated. */
async function alertManager(trx: Trx, actor: Actor, input: { personId: string; now: Date; reason: string }) {
  const holder = await trx
    .selectFrom('allocations')
    .select('team_id')
    .where('person_id', '=', input.personId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!holder) return false;
  const { id } = await trx
    .insertInto('case_tasks')
    .values({
      person_id: input.personId,
      team_id: holder.team_id,
      kind: ROSH_RAISED_TASK,
      opened_at: input.now,
      reason: input.reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'rosh-raised-task-opened',
    personId: input.personId,
    subjectType: 'case-task',
    subjectId: id,
    detail: { reason: input.reason },
  });
  return true;
}

// ---------------------------------------------------------------- sign, countersign, return

export type StateChangeOutcome = { saved: true; state: string } | { saved: false; problems: FieldMessage[] };

async function lockAssessment(trx: Trx, personId: string, id: string, expectedVersion: number) {
  const row = await trx
    .selectFrom('assessments')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.row_version === expectedVersion ? row : CHANGED_BY_SOMEONE_ELSE;
}

const CHANGED_PROBLEM: FieldMessage[] = [
  {
    field: 'form',
    message:
      'This assessment was changed by someone else while you were looking at it. Check it and try again',
  },
];

/** The assessor signs: every section complete, the summary kept as the snapshot, countersignature decided. */
export async function signAssessment(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    assessmentId: string;
    expectedVersion: number;
    roles: readonly string[];
  } & Clock,
): Promise<StateChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await lockAssessment(trx, input.personId, input.assessmentId, input.expectedVersion);
    if (row === CHANGED_BY_SOMEONE_ELSE) return { saved: false as const, problems: CHANGED_PROBLEM };
    if (row.state !== 'in-progress') return { saved: false as const, problems: notOpenProblem(row.state) };
    const sections = (await store.sectionRows(trx, input.assessmentId)).map(store.toSectionState);
    const unfinished = SECTIONS.filter(
      (def) => sections.find((s) => s.code === def.code)?.status !== 'complete',
    );
    if (unfinished.length)
      return {
        saved: false as const,
        problems: unfinished.map((def) => ({
          field: `section-${def.code}`,
          message: `Complete section ${def.kind === 'rosh' ? '' : `${def.code}: `}${def.title} before signing`,
        })),
      };
    const [person, facts] = await Promise.all([
      store.personFacts(trx, input.personId),
      store.caseRecordFacts(trx, input.personId, input.today),
    ]);
    const summary = summarise(person, sections, recordValuesOf(facts), input.today);
    const snapshot: AssessmentSnapshot = { ...summary, workedOutOn: input.today };
    const countersign = countersignatureRequired(
      { assessorRoles: input.roles, rosh: summary.rosh?.level ?? null },
      ASSESSMENT_POLICY,
    );
    const state = countersign.required ? ('awaiting-countersignature' as const) : ('locked' as const);
    await trx
      .updateTable('assessments')
      .set({
        state,
        signed_at: input.now,
        signed_by_name: actor.name,
        completed_on: input.today,
        countersignature_required: countersign.required,
        countersignature_reason: countersign.reason,
        locked_at: countersign.required ? null : input.now,
        snapshot: JSON.stringify(snapshot),
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.assessmentId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment-signed',
      personId: input.personId,
      subjectType: 'assessment',
      subjectId: input.assessmentId,
      detail: { state, countersignature: countersign, rosh: summary.rosh?.level ?? null },
    });
    await recalculateTier(trx, input.personId, `Assessment signed by ${actor.name}`, input.today, input.now);
    return { saved: true as const, state };
  });
}

export async function countersignAssessment(
  db: Db,
  actor: Actor,
  input: { personId: string; assessmentId: string; expectedVersion: number } & Clock,
): Promise<StateChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await lockAssessment(trx, input.personId, input.assessmentId, input.expectedVersion);
    if (row === CHANGED_BY_SOMEONE_ELSE) return { saved: false as const, problems: CHANGED_PROBLEM };
    if (row.state !== 'awaiting-countersignature')
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'This assessment is not waiting for a countersignature' }],
      };
    if (actor.userId !== null && row.assessor_user_id === actor.userId)
      return {
        saved: false as const,
        problems: [
          { field: 'form', message: 'You signed this assessment: another manager must countersign it' },
        ],
      };
    await trx
      .updateTable('assessments')
      .set({
        state: 'locked',
        countersigned_at: input.now,
        countersigned_by_name: actor.name,
        locked_at: input.now,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.assessmentId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment-countersigned',
      personId: input.personId,
      subjectType: 'assessment',
      subjectId: input.assessmentId,
      detail: { signedBy: row.signed_by_name },
    });
    return { saved: true as const, state: 'locked' };
  });
}

/** The manager sends the assessment back to the assessor instead of countersigning, with why. */
export async function returnAssessment(
  db: Db,
  actor: Actor,
  input: { personId: string; assessmentId: string; expectedVersion: number; reason: string } & Clock,
): Promise<StateChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await lockAssessment(trx, input.personId, input.assessmentId, input.expectedVersion);
    if (row === CHANGED_BY_SOMEONE_ELSE) return { saved: false as const, problems: CHANGED_PROBLEM };
    if (row.state !== 'awaiting-countersignature')
      return {
        saved: false as const,
        problems: [{ field: 'form', message: 'This assessment is not waiting for a countersignature' }],
      };
    await trx
      .updateTable('assessments')
      .set({
        state: 'in-progress',
        signed_at: null,
        signed_by_name: null,
        completed_on: null,
        snapshot: null,
        returned_at: input.now,
        returned_by_name: actor.name,
        return_reason: input.reason,
        updated_at: input.now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.assessmentId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment-returned',
      personId: input.personId,
      subjectType: 'assessment',
      subjectId: input.assessmentId,
      detail: { reason: input.reason, signedBy: row.signed_by_name },
    });
    await recalculateTier(
      trx,
      input.personId,
      `Assessment returned to the assessor by ${actor.name}`,
      input.today,
      input.now,
    );
    return { saved: true as const, state: 'in-progress' };
  });
}
