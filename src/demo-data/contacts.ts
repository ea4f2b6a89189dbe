import type { Kysely } from 'kysely';
import { londonInstant } from '../appointments/time.js';
import { addDays, isWorkingDay } from '../platform/calendar/index.js';
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
/** What the officer noted on a recent failure, in the demo's last fortnight. */
const FAILURE_NOTES = [
  'Did not attend. Phoned and texted: no reply.',
  'Did not attend and did not call ahead. A message was left on their mobile.',
  'Failed to attend. Their partner said they were at work; no evidence yet.',
  'Did not arrive. Said afterwards they had forgotten: asked to bring evidence if there was a reason.',
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
 * outcome; then a few failures in the last working days for every officer (see
 * recentFailures). Deterministic for a given `now`; a few thousand rows in a few inserts.
 */
export async function loadDemoContacts(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(5005);
  const today = londonDateOf(now);
  const [allocations, requirements, orders] = await Promise.all([
    // In CRN order, and requirements by their (seeded) order: not by uuids made afresh on every load.
    db
      .selectFrom('allocations')
      .innerJoin('people', 'people.id', 'allocations.person_id')
      .select(['allocations.person_id', 'allocations.staff_id'])
      .where('allocations.ended_at', 'is', null)
      .orderBy('people.crn')
      .execute(),
    db
      .selectFrom('requirements')
      .select(['id', 'person_id', 'order_id', 'type_code', 'start_date'])
      .where('terminated_on', 'is', null)
      .orderBy('order_id')
      .orderBy('type_code')
      .execute(),
    db.selectFrom('orders').select(['person_id', 'start_date', 'terminated_on']).execute(),
  ]);
  const supervision = supervisionPeriods(orders);
  const requirementsOf = new Map<string, typeof requirements>();
  for (const r of requirements)
    requirementsOf.set(r.person_id, [...(requirementsOf.get(r.person_id) ?? []), r]);

  const rows: Array<Record<string, unknown>> = [];
  const failed = new Set<string>();
  const staffOf = new Map(allocations.map((a) => [a.person_id, a.staff_id]));
  for (const a of allocations) {
    const reqs = requirementsOf.get(a.person_id) ?? [];
    const rar = reqs.find((r) => r.type_code === 'F');
    const upw = reqs.find((r) => r.type_code === 'W');
    const supervised = supervision.get(a.person_id);
    const earliest =
      supervised?.since ??
      reqs.reduce((min, r) => (r.start_date < min ? r.start_date : min), addDays(today, -180));
    const daysSince = (date: string) => Math.round((Date.parse(today) - Date.parse(date)) / 86_400_000);
    // The most recent day an appointment can have been: 3 days ago, or the day before the last order ended.
    const from = supervised?.until ? Math.max(3, daysSince(supervised.until) + 1) : 3;
    const span = Math.max(from + 11, Math.min(360, daysSince(earliest)));
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
      if (FAILED.includes(outcome)) failed.add(a.person_id);
      contact(random.integer(from, span), random.pick(['COAP', 'COAP', 'CHVS', 'CVLI']), outcome);
    }
    if (rar) {
      for (let i = 0; i < random.integer(2, 8); i++) {
        const daysAgo = random.integer(from, span);
        const outcome = random.chance(0.85) ? 'ATTC' : 'UAAB';
        if (outcome === 'UAAB') failed.add(a.person_id);
        contact(daysAgo, 'CRAR', outcome, {
          requirement_id: rar.id,
          order_id: rar.order_id,
          rar_activity: true,
        });
      }
    }
    if (upw) {
      for (let i = 0; i < random.integer(2, 10); i++) {
        const attended = random.chance(0.85);
        if (!attended) failed.add(a.person_id);
        contact(random.integer(from, span), 'CUPW', attended ? 'ATTC' : 'UAAB', {
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
  rows.push(...recentFailures(today, [...failed], staffOf));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 1000) as never)
      .execute();
  }
}

/** The working day `n` working days before `today`. */
function workingDaysAgo(today: string, n: number): string {
  let date = today;
  for (let left = n; left > 0;) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * A few failures in the last working days for every officer, among people who have
 * failed before, so each enforcement caseload shows decisions due, due today and
 * overdue, and failures to attend waiting for evidence (AFTA); and one older failure to
 * attend whose evidence never came. The demo officer, with the largest caseload, gets
 * one of each. A generator of its own leaves the rest of the contacts unchanged.
 */
function recentFailures(
  today: string,
  /** In CRN order, so the same people are chosen on every load. */
  failedPeople: readonly string[],
  staffOf: ReadonlyMap<string, string>,
): Array<Record<string, unknown>> {
  const random = new SeededRandom(5006);
  const byOfficer = new Map<string, string[]>();
  for (const personId of failedPeople) {
    const staffId = staffOf.get(personId)!;
    byOfficer.set(staffId, [...(byOfficer.get(staffId) ?? []), personId]);
  }
  const biggest = Math.max(...[...byOfficer.values()].map((people) => people.length));
  const rows: Array<Record<string, unknown>> = [];
  for (const [staffId, people] of byOfficer) {
    // [outcome, working days ago]: due tomorrow, awaiting evidence, due today, overdue, awaiting evidence.
    const kinds: Array<[string, number]> =
      people.length === biggest
        ? [
            ['UAAB', 1],
            ['AFTA', 3],
            ['UAAB', 2],
            ['UAAB', 4],
            ['AFTA', 1],
          ]
        : [
            ['UAAB', random.integer(1, 4)],
            ['AFTA', random.integer(1, 4)],
          ];
    kinds.push(['AFTA', random.integer(20, 150)]);
    const chosen = [...people];
    for (const [outcome, ago] of kinds) {
      if (chosen.length === 0) break;
      const personId = chosen.splice(random.integer(0, chosen.length - 1), 1)[0]!;
      const date = workingDaysAgo(today, ago);
      rows.push({
        person_id: personId,
        contact_type: 'COAP',
        starts_at: londonInstant(date, random.integer(9, 15), random.pick([0, 15, 30, 45])),
        contact_date: date,
        duration_minutes: 60,
        location: 'Probation office',
        staff_id: staffId,
        order_id: null,
        requirement_id: null,
        rar_activity: false,
        outcome_code: outcome,
        outcome_recorded_at: londonInstant(date, 17, 0),
        outcome_recorded_by_name: 'Demo data',
        minutes_credited: null,
        notes: random.pick(FAILURE_NOTES),
        sensitive: false,
        created_by_name: 'Demo data',
        updated_by_name: 'Demo data',
      });
    }
  }
  return rows;
}

/**
 * When each person was under supervision, for their appointments to fall within: from the start
 * of the earliest order still running, or, where every order has ended, the last one's span.
 */
function supervisionPeriods(
  orders: ReadonlyArray<{ person_id: string; start_date: string; terminated_on: string | null }>,
): Map<string, { since: string; until: string | null }> {
  const ordersOf = new Map<string, typeof orders>();
  for (const o of orders) ordersOf.set(o.person_id, [...(ordersOf.get(o.person_id) ?? []), o]);
  const periods = new Map<string, { since: string; until: string | null }>();
  for (const [personId, theirs] of ordersOf) {
    const running = theirs.filter((o) => o.terminated_on === null);
    if (running.length) {
      periods.set(personId, { since: running.map((o) => o.start_date).sort()[0]!, until: null });
    } else {
      const last = [...theirs].sort((a, b) => a.terminated_on!.localeCompare(b.terminated_on!)).at(-1)!;
      periods.set(personId, { since: last.start_date, until: last.terminated_on });
    }
  }
  return periods;
}
