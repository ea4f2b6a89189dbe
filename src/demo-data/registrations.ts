import { sql, type Kysely } from 'kysely';
import { addDays } from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { recalculateTier } from '../tiering/index.js';
import { SeededRandom } from './random.js';

type Flag = { type: string; level?: string; category?: string; notes: string };

/** RoSH as the national caseload spreads it, roughly: most low or medium, a few high, fewer very high. */
const ROSH: Array<[string, number]> = [
  ['RLRH', 0.4],
  ['RMRH', 0.38],
  ['RHRH', 0.17],
  ['RVHR', 0.05],
];

/** Flags that take a case over the PSO/PO boundary (probation-domain.md): PSO cases never start with them. */
const PO_ONLY = new Set(['RHRH', 'RVHR', 'ADVP', 'ARSO', 'ANSO', 'RCPR', 'RMDO', 'IRMO']);

function roshFlag(random: SeededRandom): Flag {
  let roll = random.next();
  for (const [type, share] of ROSH) {
    if (roll < share) return { type, notes: 'From the last RoSH summary.' };
    roll -= share;
  }
  return { type: 'RLRH', notes: 'From the last RoSH summary.' };
}

function otherFlags(random: SeededRandom): Flag[] {
  const flags: Flag[] = [];
  if (random.chance(0.15))
    flags.push({ type: 'ADVP', notes: 'Police call-outs to the home address; MARAC referral considered.' });
  if (random.chance(0.08))
    flags.push({
      type: 'MAPP',
      level: random.pick(['M1', 'M1', 'M2', 'M3']),
      category: random.pick(['M1', 'M2']),
      notes: 'Managed under MAPPA; next meeting date with the police lead.',
    });
  if (random.chance(0.1)) flags.push({ type: 'ALSH', notes: 'History of self-harm when under stress.' });
  if (random.chance(0.06)) flags.push({ type: 'IIOM', notes: 'Integrated offender management nominal.' });
  if (random.chance(0.05)) flags.push({ type: 'RMDO', notes: 'Diagnosed depression; under the GP.' });
  return flags;
}

/**
 * Gives the demo caseload its flags (RoSH for everyone allocated, and some domestic abuse,
 * MAPPA, self-harm and IOM registrations), some with reviews due or overdue. A PSO's cases
 * stay within the PSO's grade.
 */
export async function loadDemoRegistrations(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(6006);
  const today = londonDateOf(now);
  const cases = await db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'allocations.person_id',
      'allocations.staff_id',
      'staff.grade_code',
      sql<string>`staff.forename || ' ' || staff.surname`.as('name'),
    ])
    .where('allocations.ended_at', 'is', null)
    .orderBy('allocations.person_id')
    .execute();
  const rows = cases.flatMap((c) => {
    const byPso = c.grade_code === 'PSO';
    const flags = [roshFlag(random), ...otherFlags(random)].filter((f) => !byPso || !PO_ONLY.has(f.type));
    if (byPso && !flags.some((f) => f.type.startsWith('R') && f.type.endsWith('RH')))
      flags.unshift({ type: 'RMRH', notes: 'From the last RoSH summary.' });
    return flags.map((f) => {
      const registeredOn = addDays(today, -random.integer(20, 400));
      const reviewPeriodDays = (f.type === 'MAPP' || f.type.endsWith('RH') ? 6 : 12) * 30;
      // About one in eight reviews is overdue, as on a real caseload.
      const nextReview = random.chance(0.12)
        ? addDays(today, -random.integer(1, 30))
        : addDays(today, random.integer(1, reviewPeriodDays));
      return {
        person_id: c.person_id,
        type_code: f.type,
        level: f.level ?? null,
        category: f.category ?? null,
        registered_on: registeredOn,
        registered_by_staff_id: c.staff_id,
        registered_by_name: c.name,
        notes: f.notes,
        next_review_on: nextReview,
      };
    });
  });
  if (rows.length) await db.insertInto('registrations').values(rows).execute();
}

/** Each allocated person's first tier, from their flags, sentence and assessment. */
export async function workOutDemoTiers(db: Kysely<Database>, now: Date): Promise<void> {
  const today = londonDateOf(now);
  const cases = await db
    .selectFrom('allocations')
    .select('person_id')
    .where('ended_at', 'is', null)
    .orderBy('person_id')
    .execute();
  for (const { person_id } of cases) await recalculateTier(db, person_id, 'Demo data loaded', today, now);
}
