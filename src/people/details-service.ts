import { sql, type Transaction } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { detailColumns, type DetailDefinition, type DetailRow } from './details.js';

/*
 * The three tables share the columns these use cases touch; Kysely cannot type a
 * table chosen at run time, so one table's type stands for the three here.
 */
type AnyDetailTable = 'person_aliases';
const tableOf = (definition: DetailDefinition) => definition.table as AnyDetailTable;

/** One alias, personal contact or disability of a person, removed or not. */
export async function findDetail(
  db: Db,
  definition: DetailDefinition,
  personId: string,
  id: string,
): Promise<DetailRow | undefined> {
  const row = await db
    .selectFrom(tableOf(definition))
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row as DetailRow | undefined;
}

const currentRow = async (trx: Transaction<Database>, definition: DetailDefinition, id: string) =>
  (await trx
    .selectFrom(tableOf(definition))
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as DetailRow;

export async function addDetail(
  db: Db,
  actor: Actor,
  definition: DetailDefinition,
  personId: string,
  values: Record<string, unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto(tableOf(definition))
      .values({
        person_id: personId,
        ...detailColumns(definition, values),
        updated_by_name: actor.name,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: `added-${definition.kind}`,
      personId,
      subjectType: definition.kind,
      subjectId: id,
      detail: values,
    });
  });
}

export type DetailSave = { saved: true } | { saved: false; current: DetailRow };

/**
 * Changes one alias, personal contact or disability if nobody changed or removed it
 * since the user opened it (optimistic locking on row_version); otherwise answers what
 * is there now so the page can show both versions. The audit row says what changed.
 */
export async function changeDetail(
  db: Db,
  actor: Actor,
  definition: DetailDefinition,
  input: { personId: string; id: string; expectedVersion: number; values: Record<string, unknown> },
): Promise<DetailSave> {
  return db.transaction().execute(async (trx) => {
    const before = await currentRow(trx, definition, input.id);
    const after = detailColumns(definition, input.values);
    const updated = await trx
      .updateTable(tableOf(definition))
      .set({
        ...after,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      } as never)
      .where('id', '=', input.id)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .where('removed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return { saved: false as const, current: await currentRow(trx, definition, input.id) };
    const changes = Object.fromEntries(
      Object.entries(after)
        .filter(([column, value]) => (before[column] ?? null) !== value)
        .map(([column, value]) => [column, { from: before[column] ?? null, to: value }]),
    );
    await recordAudit(trx, actor, {
      action: `changed-${definition.kind}`,
      personId: input.personId,
      subjectType: definition.kind,
      subjectId: input.id,
      detail: { changes },
    });
    return { saved: true as const };
  });
}

/**
 * Removes one alias, personal contact or disability from the current record, keeping the
 * row with when, by whom and why, if nobody changed or removed it since the user opened it.
 */
export async function removeDetail(
  db: Db,
  actor: Actor,
  definition: DetailDefinition,
  input: { personId: string; id: string; expectedVersion: number; reason: string },
): Promise<DetailSave> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const removed = await trx
      .updateTable(tableOf(definition))
      .set({
        removed_at: now,
        removed_by_name: actor.name,
        removal_reason: input.reason,
        updated_at: now,
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.id)
      .where('person_id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .where('removed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!removed) return { saved: false as const, current: await currentRow(trx, definition, input.id) };
    await recordAudit(trx, actor, {
      action: `removed-${definition.kind}`,
      personId: input.personId,
      subjectType: definition.kind,
      subjectId: input.id,
      detail: {
        reason: input.reason,
        removed: Object.fromEntries(
          Object.values(definition.columns).map((column) => [
            column,
            (removed as Record<string, unknown>)[column] ?? null,
          ]),
        ),
      },
    });
    return { saved: true as const };
  });
}
