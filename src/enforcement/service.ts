import type { Transaction, Updateable } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { inTransaction } from '../platform/database/transaction.js';
import type { EnforcementPolicy } from './policy.js';
import { breachPackDue, type Decision, type RequiredAction } from './rules.js';
import { recallRecommendationDue } from './picture.js';
import type { BreachState, DecidedAction, RecallState, WarningLevel } from './tables.js';

/** Enforcement use cases: each one transaction, audit row included. */

export interface Who {
  actor: Actor;
  userId: string | null;
  staffId: string | null;
  now: Date;
  today: string;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

async function addContact(
  trx: Transaction<Database>,
  who: Who,
  input: { personId: string; orderId: string | null; type: string; notes: string },
) {
  const row = await trx
    .insertInto('contacts')
    .values({
      person_id: input.personId,
      contact_type: input.type,
      starts_at: who.now,
      contact_date: who.today,
      staff_id: who.staffId,
      order_id: input.orderId,
      notes: input.notes,
      created_by_name: who.actor.name,
      updated_by_name: who.actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type DecisionResult =
  | { recorded: true; decisionId: string; breachId?: string; recallId?: string }
  | { recorded: false; decidedBy: string; decidedAt: Date | null };

/**
 * Records the officer's decision on a failure. The decision row is unique per
 * contact, so two officers deciding the same failure at once cannot both succeed:
 * the second is told who decided first.
 */
export async function recordDecision(
  db: Db,
  who: Who,
  input: {
    personId: string;
    contactId: string;
    orderId: string | null;
    action: DecidedAction;
    required: Decision<RequiredAction> | null;
    officerReasons: string;
    overrideReason: string | null;
    policy: EnforcementPolicy;
  },
): Promise<DecisionResult> {
  const conflict = async (): Promise<DecisionResult> => {
    const existing = await db
      .selectFrom('enforcement_decisions')
      .select(['decided_by_name', 'decided_at'])
      .where('contact_id', '=', input.contactId)
      .where('superseded_on', 'is', null)
      .executeTakeFirst();
    return {
      recorded: false,
      decidedBy: existing?.decided_by_name ?? 'someone else',
      decidedAt: existing?.decided_at ?? null,
    };
  };
  try {
    return await inTransaction(db, async (trx) => {
      const taken = await trx
        .selectFrom('enforcement_decisions')
        .select('id')
        .where('contact_id', '=', input.contactId)
        .where('superseded_on', 'is', null)
        .executeTakeFirst();
      if (taken) return { recorded: false as const, decidedBy: '', decidedAt: null };
      const decision = await trx
        .insertInto('enforcement_decisions')
        .values({
          person_id: input.personId,
          contact_id: input.contactId,
          order_id: input.orderId,
          action: input.action,
          required_action: input.required?.answer ?? 'no-order',
          reasons: JSON.stringify(input.required?.reasons ?? ['No order linked to the failure']),
          source: input.required?.source ?? '',
          officer_reasons: input.officerReasons,
          decided_by_user_id: who.userId,
          decided_by_name: who.actor.name,
          decided_on: who.today,
          decided_at: who.now,
          override_reason: input.overrideReason,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const result: DecisionResult = { recorded: true, decisionId: decision.id };
      if (input.action === 'breach') {
        const breach = await trx
          .insertInto('breaches')
          .values({
            person_id: input.personId,
            order_id: input.orderId!,
            decision_id: decision.id,
            state: 'requested',
            requested_on: who.today,
            pack_due_on: breachPackDue(who.today, input.policy).answer,
            created_by_name: who.actor.name,
            updated_by_name: who.actor.name,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        result.breachId = breach.id;
        await addContact(trx, who, {
          personId: input.personId,
          orderId: input.orderId,
          type: 'BRE01',
          notes: `Breach requested. ${input.officerReasons}`,
        });
      } else if (input.action === 'recall') {
        const recall = await trx
          .insertInto('recalls')
          .values({
            person_id: input.personId,
            order_id: input.orderId!,
            decision_id: decision.id,
            state: 'recommendation-due',
            requested_on: who.today,
            recommendation_due_on: recallRecommendationDue(who.today),
            created_by_name: who.actor.name,
            updated_by_name: who.actor.name,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        result.recallId = recall.id;
        await addContact(trx, who, {
          personId: input.personId,
          orderId: input.orderId,
          type: 'EA11',
          notes: `Recall requested. ${input.officerReasons}`,
        });
      } else if (input.action === 'nfa') {
        await addContact(trx, who, {
          personId: input.personId,
          orderId: input.orderId,
          type: 'NFA',
          notes: `No further action. ${input.officerReasons}`,
        });
      }
      await recordAudit(trx, who.actor, {
        action: 'recorded-enforcement-decision',
        personId: input.personId,
        subjectType: 'contact',
        subjectId: input.contactId,
        detail: {
          action: input.action,
          requiredAction: input.required?.answer ?? null,
          reasons: input.officerReasons,
          override: input.overrideReason !== null,
          ...(input.overrideReason !== null ? { overrideReason: input.overrideReason } : {}),
        },
      });
      return result;
    }).then(async (r) => (r.recorded ? r : conflict()));
  } catch (error) {
    if (isUniqueViolation(error)) return conflict();
    throw error;
  }
}

/** Issues a warning letter: the PDF is stored once and never changed; a letter contact is recorded. */
export async function issueWarning(
  db: Db,
  who: Who,
  input: {
    personId: string;
    orderId: string;
    contactId: string;
    decisionId: string;
    level: WarningLevel;
    letterType: 'EA02' | 'EA03' | 'LCL';
    letterText: string;
    pdf: Uint8Array;
    largePrint: boolean;
  },
): Promise<{ issued: true; warningId: string } | { issued: false }> {
  try {
    return await inTransaction(db, async (trx) => {
      const letterContact = await addContact(trx, who, {
        personId: input.personId,
        orderId: input.orderId,
        type: input.letterType,
        notes: `Warning letter (${input.level}) sent${input.largePrint ? ' in large print' : ''}`,
      });
      const warning = await trx
        .insertInto('warnings')
        .values({
          person_id: input.personId,
          order_id: input.orderId,
          contact_id: input.contactId,
          decision_id: input.decisionId,
          level: input.level,
          issued_on: who.today,
          issued_by_name: who.actor.name,
          letter_contact_id: letterContact,
          letter_text: input.letterText,
          pdf: input.pdf,
          large_print: input.largePrint,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, who.actor, {
        action: 'issued-warning',
        personId: input.personId,
        subjectType: 'warning',
        subjectId: warning.id,
        detail: { level: input.level, letter: input.letterType },
      });
      return { issued: true as const, warningId: warning.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { issued: false };
    throw error;
  }
}

export async function withdrawWarning(
  db: Db,
  who: Who,
  input: { personId: string; warningId: string; expectedVersion: number; reason: string },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('warnings')
      .set((eb) => ({
        withdrawn_on: who.today,
        withdrawal_reason: input.reason,
        withdrawn_by_name: who.actor.name,
        row_version: eb('row_version', '+', 1),
      }))
      .where('id', '=', input.warningId)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .where('withdrawn_on', 'is', null)
      .returning(['order_id'])
      .executeTakeFirst();
    if (!updated) return false;
    await addContact(trx, who, {
      personId: input.personId,
      orderId: updated.order_id,
      type: 'EA06',
      notes: `Warning withdrawn: ${input.reason}`,
    });
    await recordAudit(trx, who.actor, {
      action: 'withdrew-warning',
      personId: input.personId,
      subjectType: 'warning',
      subjectId: input.warningId,
      detail: { reason: input.reason },
    });
    return true;
  });
}

/**
 * Moves a breach on from one of the states it may be in, if nobody changed it
 * since the user opened it (row_version); false when the move lost the race.
 */
export async function advanceBreach(
  db: Db,
  who: Who,
  input: {
    personId: string;
    breachId: string;
    expectedVersion: number;
    from: readonly BreachState[];
    set: Updateable<Database['breaches']>;
    audit: string;
    detail?: Record<string, unknown>;
  },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('breaches')
      .set((eb) => ({
        ...input.set,
        updated_at: who.now,
        updated_by_name: who.actor.name,
        row_version: eb('row_version', '+', 1),
      }))
      .where('id', '=', input.breachId)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .where('state', 'in', [...input.from])
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, who.actor, {
      action: input.audit,
      personId: input.personId,
      subjectType: 'breach',
      subjectId: input.breachId,
      detail: { state: input.set.state, ...input.detail },
    });
    return true;
  });
}

export async function advanceRecall(
  db: Db,
  who: Who,
  input: {
    personId: string;
    recallId: string;
    expectedVersion: number;
    from: readonly RecallState[];
    set: Updateable<Database['recalls']>;
    audit: string;
    detail?: Record<string, unknown>;
  },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('recalls')
      .set((eb) => ({
        ...input.set,
        updated_at: who.now,
        updated_by_name: who.actor.name,
        row_version: eb('row_version', '+', 1),
      }))
      .where('id', '=', input.recallId)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .where('state', 'in', [...input.from])
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, who.actor, {
      action: input.audit,
      personId: input.personId,
      subjectType: 'recall',
      subjectId: input.recallId,
      detail: { state: input.set.state, ...input.detail },
    });
    return true;
  });
}

/** Records the reading of a stored document in the audit trail. */
export function auditDownload(
  db: Db,
  actor: Actor,
  personId: string,
  subjectType: string,
  subjectId: string,
  document: string,
) {
  return recordAudit(db, actor, {
    action: 'downloaded-enforcement-document',
    personId,
    subjectType,
    subjectId,
    detail: { document },
  });
}

/**
 * After an outcome is amended or withdrawn, in the caller's transaction: when the
 * contact no longer opens an enforcement decision (an acceptable absence, attended,
 * a reschedule, no outcome, or failed to attend and awaiting evidence again), its
 * decision is superseded with the reason, so the counts and the next step are worked
 * out again, and a warning given for it is withdrawn (EA06). A breach or recall it
 * started stays for the officer to withdraw or decide; its page says why.
 */
export async function reviewDecisionAfterOutcomeChange(
  trx: Transaction<Database>,
  who: Who,
  input: { personId: string; contactId: string; reason: string },
): Promise<{ superseded: boolean; warningsWithdrawn: number }> {
  const nothing = { superseded: false, warningsWithdrawn: 0 };
  const decision = await trx
    .selectFrom('enforcement_decisions')
    .select(['id', 'action'])
    .where('contact_id', '=', input.contactId)
    .where('person_id', '=', input.personId)
    .where('superseded_on', 'is', null)
    .executeTakeFirst();
  if (!decision) return nothing;
  const contact = await trx
    .selectFrom('contacts')
    .leftJoin('contact_outcomes as o', 'o.code', 'contacts.outcome_code')
    .select(['o.enforceable', 'o.description', 'contacts.outcome_code'])
    .where('contacts.id', '=', input.contactId)
    .executeTakeFirstOrThrow();
  if (contact.enforceable) return nothing;
  const change = contact.outcome_code
    ? `Outcome amended to ${contact.description} (${contact.outcome_code}): ${input.reason}`
    : `Outcome withdrawn: ${input.reason}`;
  await trx
    .updateTable('enforcement_decisions')
    .set((eb) => ({
      superseded_on: who.today,
      superseded_reason: change,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', decision.id)
    .execute();
  await recordAudit(trx, who.actor, {
    action: 'superseded-enforcement-decision',
    personId: input.personId,
    subjectType: 'contact',
    subjectId: input.contactId,
    detail: { decision: decision.action, reason: change },
  });
  const withdrawn = await trx
    .updateTable('warnings')
    .set((eb) => ({
      withdrawn_on: who.today,
      withdrawal_reason: change,
      withdrawn_by_name: who.actor.name,
      row_version: eb('row_version', '+', 1),
    }))
    .where('decision_id', '=', decision.id)
    .where('withdrawn_on', 'is', null)
    .returning(['id', 'order_id'])
    .execute();
  for (const warning of withdrawn) {
    await addContact(trx, who, {
      personId: input.personId,
      orderId: warning.order_id,
      type: 'EA06',
      notes: `Warning withdrawn: ${change}`,
    });
    await recordAudit(trx, who.actor, {
      action: 'withdrew-warning',
      personId: input.personId,
      subjectType: 'warning',
      subjectId: warning.id,
      detail: { reason: change },
    });
  }
  return { superseded: true, warningsWithdrawn: withdrawn.length };
}
