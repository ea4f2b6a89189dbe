import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../platform/database/connect.js';

/** Who is looking: limited access is decided by their staff record. API clients and accounts without one have none. */
export interface Viewer {
  staffId: string | null;
}

/**
 * Limited-access people (LAO): hidden from staff on the exclusion list, and from
 * everyone not on the restriction list when there is one. Used by every query
 * that lists or loads people, so the rule lives in one place.
 */
export function visibleTo(viewer: Viewer, personIdColumn = 'people.id'): Expression<SqlBool> {
  const personId = sql.ref(personIdColumn);
  const staffId = viewer.staffId;
  return sql<SqlBool>`(
    not exists (select 1 from limited_access la where la.person_id = ${personId} and la.list = 'exclusion'
      and la.staff_id = ${staffId ?? null}::uuid)
    and (
      not exists (select 1 from limited_access la where la.person_id = ${personId} and la.list = 'restriction')
      or exists (select 1 from limited_access la where la.person_id = ${personId} and la.list = 'restriction'
        and la.staff_id = ${staffId ?? null}::uuid)
    )
  )`;
}

export type AccessDecision =
  { allowed: true } | { allowed: false; list: 'exclusion' | 'restriction'; message: string };

const DEFAULT_MESSAGES = {
  exclusion:
    'You are excluded from viewing this person’s record. Contact the responsible officer’s manager if you need access.',
  restriction:
    'This person’s record is restricted to named staff. Contact the responsible officer’s manager if you need access.',
};

export async function decideAccess(
  db: Db,
  person: { id: string; exclusion_message: string | null; restriction_message: string | null },
  viewer: Viewer,
): Promise<AccessDecision> {
  const rows = await db
    .selectFrom('limited_access')
    .select(['list', 'staff_id'])
    .where('person_id', '=', person.id)
    .execute();
  if (rows.length === 0) return { allowed: true };
  if (rows.some((r) => r.list === 'exclusion' && r.staff_id === viewer.staffId)) {
    return {
      allowed: false,
      list: 'exclusion',
      message: person.exclusion_message ?? DEFAULT_MESSAGES.exclusion,
    };
  }
  const restricted = rows.filter((r) => r.list === 'restriction');
  if (restricted.length > 0 && !restricted.some((r) => r.staff_id === viewer.staffId)) {
    return {
      allowed: false,
      list: 'restriction',
      message: person.restriction_message ?? DEFAULT_MESSAGES.restriction,
    };
  }
  return { allowed: true };
}
