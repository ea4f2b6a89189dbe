import type { Kysely } from 'kysely';
import { londonInstant } from '../appointments/time.js';
import { addDays } from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { SeededRandom } from './random.js';

const ATTENDED = ['ATTC', 'ATTC', 'ATTC', 'ATTC', 'ATTC', 'APPK', 'AFDA'];
const ABSENT = ['AAME', 'AAFC', 'AAEM', 'RSOF', 'RSSR'];
const FAILED = ['UAAB', 'UAAB', 'AFTC', 'ATSH'];
const NOTES = [
  'Discussed employment and a referral to the education, training and employment service.',
  'Reported feeling settled at the address; no concerns raised.',
  'Talked through the thinking skills exercise on consequences.',
  'Arrived late but engaged well. Reminded of the need to be on time.',
  'Discussed alcohol use; agreed to a referral to the treatment provider.',
  'Reviewed the sentence plan objectives and progress made.',
  'Raised worries about debts; signposted to the citizens advice service.',
];
const CALL_NOTES = [
  'Phoned to confirm next appointment.',
  'Left a voicemail asking them to call back.',
  'Letter sent confirming the appointment time and place.',
  'Case note: information received from the police about a recent call-out.',
];

/**
 * Gives each allocated demo person a history of contacts: past appointments with
 * outcomes (some failures, some acceptable absences), RAR activities and unpaid
 * work sessions for their requirements, phone calls and case notes, one or two
 * appointments to come, and now and then a past appointment still awaiting its
 * outcome. Deterministic for a given `now`; a few thousand rows in a few inserts.
 */
export async function loadDemoContacts(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(5005);
  const today = londonDateOf(now);
  const [allocations, requirements] = await Promise.all([
    db
      .selectFrom('allocations')
      .select(['person_id', 'staff_id'])
      .where('ended_at', 'is', null)
      .orderBy('person_id')
      .execute(),
    db
      .selectFrom('requirements')
      .select(['id', 'person_id', 'order_id', 'type_code', 'start_date'])
      .where('terminated_on', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  const requirementsOf = new Map<string, typeof requirements>();
  for (const r of requirements)
    requirementsOf.set(r.person_id, [...(requirementsOf.get(r.person_id) ?? []), r]);

  const rows: Array<Record<string, unknown>> = [];
  for (const a of allocations) {
    const reqs = requirementsOf.get(a.person_id) ?? [];
    const rar = reqs.find((r) => r.type_code === 'F');
    const upw = reqs.find((r) => r.type_code === 'W');
    const earliest = reqs.reduce((min, r) => (r.start_date < min ? r.start_date : min), addDays(today, -180));
    const span = Math.max(
      14,
      Math.min(360, Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000)),
    );
    const contact = (
      daysAgo: number,
      type: string,
      outcome: string | null,
      extra: Record<string, unknown> = {},
    ) => {
      const date = addDays(today, -daysAgo);
      const hour = random.integer(9, 16);
      const call = ['CTEL', 'CLET', 'CEML', 'CTXT', 'CNOT'].includes(type);
      rows.push({
        person_id: a.person_id,
        contact_type: type,
        starts_at: londonInstant(date, hour, random.pick([0, 15, 30, 45])),
        contact_date: date,
        duration_minutes: call ? null : 60,
        location:
          type === 'CHVS'
            ? 'Home address'
            : type === 'CUPW'
              ? 'Community payback site, Chelmsford'
              : 'Probation office',
        staff_id: a.staff_id,
        order_id: null,
        requirement_id: null,
        rar_activity: false,
        outcome_code: outcome,
        outcome_recorded_at: outcome ? londonInstant(date, 17, 0) : null,
        outcome_recorded_by_name: outcome ? 'Demo data' : null,
        minutes_credited: null,
        notes: call ? random.pick(CALL_NOTES) : outcome ? random.pick(NOTES) : null,
        sensitive: random.chance(0.05),
        created_by_name: 'Demo data',
        updated_by_name: 'Demo data',
        ...extra,
      });
    };
    const appointments = random.integer(6, 14);
    for (let i = 0; i < appointments; i++) {
      const roll = random.next();
      const outcome =
        roll < 0.75 ? random.pick(ATTENDED) : roll < 0.9 ? random.pick(ABSENT) : random.pick(FAILED);
      contact(random.integer(3, span), random.pick(['COAP', 'COAP', 'CHVS', 'CVLI']), outcome);
    }
    if (rar) {
      for (let i = 0; i < random.integer(2, 8); i++) {
        contact(random.integer(3, span), 'CRAR', random.chance(0.85) ? 'ATTC' : 'UAAB', {
          requirement_id: rar.id,
          order_id: rar.order_id,
          rar_activity: true,
        });
      }
    }
    if (upw) {
      for (let i = 0; i < random.integer(2, 10); i++) {
        const attended = random.chance(0.85);
        contact(random.integer(3, span), 'CUPW', attended ? 'ATTC' : 'UAAB', {
          requirement_id: upw.id,
          order_id: upw.order_id,
          duration_minutes: 420,
          minutes_credited: attended ? random.pick([420, 420, 390, 360]) : null,
        });
      }
    }
    for (let i = 0; i < random.integer(1, 4); i++) {
      contact(random.integer(1, span), random.pick(['CTEL', 'CTEL', 'CLET', 'CNOT', 'CEML']), null);
    }
    if (random.chance(0.3)) contact(random.integer(1, 10), 'COAP', null);
    for (let i = 0; i < random.integer(1, 2); i++) contact(-random.integer(1, 21), 'COAP', null);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 1000) as never)
      .execute();
  }
}
