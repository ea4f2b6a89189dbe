import { sql } from 'kysely';
import type { ContactFact, OrderPeriod, OutcomeCategory } from '../compliance/index.js';
import { evidenceWindowClosedUpTo, windowStart } from '../compliance/index.js';
import { visibleTo, type Viewer } from '../people/index.js';
import { addDays } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';

/** The SQL of the appointments capability: contacts, their types and outcomes. */

export function contactTypes(db: Db) {
  return db
    .selectFrom('contact_types')
    .selectAll()
    .where('active', '=', true)
    .orderBy('description')
    .execute();
}

export type ContactTypeRow = Awaited<ReturnType<typeof contactTypes>>[number];

export function outcomesForType(db: Db, typeCode: string) {
  return db
    .selectFrom('contact_type_outcomes as cto')
    .innerJoin('contact_outcomes as o', 'o.code', 'cto.outcome_code')
    .select(['o.code', 'o.description', 'o.category', 'o.enforceable', 'o.counts_as_kept'])
    .where('cto.contact_type', '=', typeCode)
    .orderBy('o.category')
    .orderBy('o.description')
    .execute();
}

export function allOutcomes(db: Db) {
  return db.selectFrom('contact_outcomes').selectAll().orderBy('description').execute();
}

const contactColumns = [
  'c.id',
  'c.person_id',
  'c.contact_type',
  'c.starts_at',
  'c.contact_date',
  'c.duration_minutes',
  'c.location',
  'c.staff_id',
  'c.order_id',
  'c.requirement_id',
  'c.rar_activity',
  'c.outcome_code',
  'c.outcome_recorded_at',
  'c.outcome_recorded_by_name',
  'c.minutes_credited',
  'c.notes',
  'c.sensitive',
  'c.created_by_name',
  'c.updated_by_name',
  'c.row_version',
  't.description as type_description',
  't.national_standards',
  't.enforceable as type_enforceable',
  't.attendance_required',
  't.rar_activity_allowed',
  'o.description as outcome_description',
  'o.category as outcome_category',
  'o.enforceable as outcome_enforceable',
  'o.counts_as_kept',
  's.forename as staff_forename',
  's.surname as staff_surname',
] as const;

function contactsWithFlags(db: Db) {
  return db
    .selectFrom('contacts as c')
    .innerJoin('contact_types as t', 't.code', 'c.contact_type')
    .leftJoin('contact_outcomes as o', 'o.code', 'c.outcome_code')
    .leftJoin('staff as s', 's.id', 'c.staff_id');
}

export type ContactRow = Awaited<ReturnType<typeof findContact>> & object;

export function findContact(db: Db, personId: string, contactId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return Promise.resolve(undefined);
  return contactsWithFlags(db)
    .select(contactColumns)
    .where('c.person_id', '=', personId)
    .where('c.id', '=', contactId)
    .executeTakeFirst();
}

/** A row with its type and outcome flags, as the compliance rules read it. */
export function toFact(row: {
  id: string;
  contact_date: string;
  starts_at: Date;
  duration_minutes: number | null;
  contact_type: string;
  national_standards: boolean;
  type_enforceable: boolean;
  attendance_required: boolean;
  outcome_code: string | null;
  outcome_category: OutcomeCategory | null;
  outcome_enforceable: boolean | null;
  counts_as_kept: boolean | null;
  requirement_id: string | null;
  rar_activity: boolean;
  minutes_credited: number | null;
}): ContactFact {
  return {
    id: row.id,
    date: row.contact_date,
    startsAt: new Date(row.starts_at),
    durationMinutes: row.duration_minutes,
    typeCode: row.contact_type,
    nationalStandards: row.national_standards,
    enforceableType: row.type_enforceable,
    attendanceRequired: row.attendance_required,
    outcome:
      row.outcome_code && row.outcome_category
        ? {
            code: row.outcome_code,
            category: row.outcome_category,
            enforceable: Boolean(row.outcome_enforceable),
            countsAsKept: Boolean(row.counts_as_kept),
          }
        : null,
    requirementId: row.requirement_id,
    rarActivity: row.rar_activity,
    minutesCredited: row.minutes_credited,
  };
}

/** Every contact of a person with its flags: a person holds a few hundred at most. */
export async function contactFactsOf(db: Db, personId: string): Promise<ContactFact[]> {
  const rows = await contactsWithFlags(db)
    .select(contactColumns)
    .where('c.person_id', '=', personId)
    .execute();
  return rows.map(toFact);
}

/**
 * The day the person's last breach ended: the latest breach resolved in the
 * enforcement workflow, or a breach hearing with an outcome recorded on the
 * court appearances. The failure count restarts after it.
 */
export async function lastBreachEndedOn(db: Db, personId: string): Promise<string | null> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('breaches')
        .select(sql<string | null>`max(resolved_on)`.as('ended'))
        .where('person_id', '=', personId)
        .where('resolved_on', 'is not', null)
        .as('resolved'),
      eb
        .selectFrom('court_appearances')
        .select(sql<string | null>`max(appearance_date)`.as('ended'))
        .where('person_id', '=', personId)
        .where('appearance_type', '=', 'BREACH')
        .where('outcome', 'is not', null)
        .as('heard'),
    ])
    .executeTakeFirst();
  const dates = [row?.resolved, row?.heard].filter((d): d is string => Boolean(d)).sort();
  return dates.at(-1) ?? null;
}

/** Orders of the person (not terminated, or terminated ones too when asked) as periods for the rules. */
export async function orderPeriods(db: Db, personId: string): Promise<Array<OrderPeriod & { id: string }>> {
  const rows = await db
    .selectFrom('orders')
    .leftJoin('reference_data as t', (join) =>
      join.onRef('t.code', '=', 'orders.order_type').on('t.set_code', '=', 'order-type'),
    )
    .select([
      'orders.id',
      'orders.start_date',
      'orders.expected_end_date',
      'orders.terminated_on',
      't.description',
    ])
    .where('orders.person_id', '=', personId)
    .orderBy('orders.start_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startDate: r.start_date,
    expectedEndDate: r.expected_end_date,
    terminatedOn: r.terminated_on,
    label: `the ${(r.description ?? 'order').toLowerCase()} starting ${r.start_date}`,
  }));
}

/**
 * Bookings of an officer or a person between two instants, for clash detection.
 * `visible` says whether the viewer may see the booked person: a warning about
 * someone they may not see must not name them.
 */
export function bookingsBetween(
  db: Db,
  who: { staffId?: string | null; personId?: string },
  from: Date,
  to: Date,
  viewer: Viewer,
) {
  let query = contactsWithFlags(db)
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.staff_id',
      'c.starts_at',
      'c.duration_minutes',
      'o.category as outcome_category',
      't.description as type_description',
      'p.forename',
      'p.surname',
      'p.crn',
    ])
    .select(sql<boolean>`${visibleTo(viewer, 'p.id')}`.as('visible'))
    .where('t.attendance_required', '=', true)
    .where('c.starts_at', '>=', from)
    .where('c.starts_at', '<', to);
  if (who.staffId) query = query.where('c.staff_id', '=', who.staffId);
  if (who.personId) query = query.where('c.person_id', '=', who.personId);
  return query.orderBy('c.starts_at').execute();
}

export interface ActivityFilters {
  type?: string;
  outcome?: string;
  requirement?: string;
  from?: string | null;
  to?: string | null;
  words?: string;
}

function filtered(db: Db, personId: string, f: ActivityFilters) {
  let query = contactsWithFlags(db).where('c.person_id', '=', personId);
  if (f.type) query = query.where('c.contact_type', '=', f.type);
  if (f.outcome === 'none') query = query.where('c.outcome_code', 'is', null);
  else if (f.outcome) query = query.where('c.outcome_code', '=', f.outcome);
  if (f.requirement) query = query.where('c.requirement_id', '=', f.requirement);
  if (f.from) query = query.where('c.contact_date', '>=', f.from);
  if (f.to) query = query.where('c.contact_date', '<=', f.to);
  if (f.words) {
    for (const word of f.words.split(/\s+/).filter(Boolean).slice(0, 10)) {
      const escaped = word.replace(/[\\%_]/g, (m) => `\\${m}`);
      query = query.where('c.notes', 'ilike', `%${escaped}%`);
    }
  }
  return query;
}

/** One page of a person's contacts, newest first, with the total matching the filters. */
export async function activityPage(
  db: Db,
  personId: string,
  filters: ActivityFilters,
  page: number,
  pageSize: number,
) {
  const [rows, total] = await Promise.all([
    filtered(db, personId, filters)
      .select(contactColumns)
      .select(sql<string | null>`r_t.description`.as('requirement_description'))
      .leftJoin('requirements as r', 'r.id', 'c.requirement_id')
      .leftJoin('requirement_types as r_t', 'r_t.code', 'r.type_code')
      .orderBy('c.starts_at', 'desc')
      .orderBy('c.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, personId, filters)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n),
  ]);
  return { rows, total };
}

/** An officer's appointments between two instants, people they may not see left out. */
export function diaryOf(db: Db, staffId: string, from: Date, to: Date, viewer: Viewer) {
  return contactsWithFlags(db)
    .innerJoin('people', 'people.id', 'c.person_id')
    .select(contactColumns)
    .select(['people.crn', 'people.forename', 'people.surname'])
    .where('c.staff_id', '=', staffId)
    .where('t.attendance_required', '=', true)
    .where('c.starts_at', '>=', from)
    .where('c.starts_at', '<', to)
    .where(visibleTo(viewer))
    .orderBy('c.starts_at')
    .execute();
}

/**
 * Past appointments without an outcome for some officers. The partial index
 * contacts_awaiting_outcome (staff_id, starts_at) where outcome_code is null serves it.
 * The rule's "ended before now" is applied to the rows: an appointment ends at its start plus its duration.
 */
export function awaitingOutcome(db: Db, staffIds: string[], now: Date, viewer: Viewer, limit = 500) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return contactsWithFlags(db)
    .innerJoin('people', 'people.id', 'c.person_id')
    .select(contactColumns)
    .select(['people.crn', 'people.forename', 'people.surname'])
    .where('c.staff_id', 'in', staffIds)
    .where('c.outcome_code', 'is', null)
    .where('c.starts_at', '<=', now)
    .where('t.attendance_required', '=', true)
    .where(visibleTo(viewer))
    .orderBy('c.starts_at')
    .limit(limit)
    .execute();
}

export function staffOfTeam(db: Db, teamId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'forename', 'surname'])
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .orderBy('surname')
    .execute();
}

/**
 * The failure count and next appointment for many people in one query (the
 * caseload), counted as failuresToComply and nextAppointment count them: distinct
 * dates of enforceable national standards contacts with an enforceable outcome (or
 * a failure to attend whose evidence window has closed) in the 12 months to today,
 * after the last breach ended (resolved in the enforcement workflow, or a breach
 * hearing with an outcome).
 */
export interface CaseloadCompliance {
  failures: number;
  acceptableAbsences: number;
  kept: number;
  nextAppointment: Date | null;
  /** Current RAR and unpaid work requirements: RAR days used, or unpaid work minutes credited. */
  requirements: Array<{ id: string; typeCode: 'F' | 'W'; used: number; of: number | null }>;
}

export async function complianceForPeople(
  db: Db,
  personIds: readonly string[],
  today: string,
  now: Date,
  evidenceWindowWorkingDays: number,
): Promise<Map<string, CaseloadCompliance>> {
  const result = new Map<string, CaseloadCompliance>();
  if (personIds.length === 0) return result;
  const from = windowStart(today);
  const evidenceClosedUpTo = evidenceWindowClosedUpTo(today, evidenceWindowWorkingDays);
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`));
  // The same window for every count, as countFrom has it: the 12 months to today, after the last breach.
  const inWindow = sql`c.contact_date >= ${from}::date and c.contact_date <= ${today}::date
          and (b.ended is null or c.contact_date > b.ended)`;
  const [counts, requirements] = await Promise.all([
    sql<{
      person_id: string;
      failures: number;
      absences: number;
      kept: number;
      next_appointment: Date | null;
    }>`
    with last_breach as (
      select person_id, max(ended) as ended from (
        select person_id, resolved_on as ended
        from breaches
        where person_id in (${ids}) and resolved_on is not null
        union all
        select person_id, appearance_date
        from court_appearances
        where person_id in (${ids}) and appearance_type = 'BREACH' and outcome is not null
      ) ended_breaches
      group by person_id
    )
    select c.person_id,
      count(distinct c.contact_date) filter (
        where t.national_standards and t.enforceable
          and (o.enforceable or (c.outcome_code = 'AFTA' and c.contact_date <= ${evidenceClosedUpTo}::date))
          and ${inWindow}
      )::int as failures,
      count(*) filter (where o.category = 'acceptable-absence' and ${inWindow})::int as absences,
      count(*) filter (where o.counts_as_kept and ${inWindow})::int as kept,
      min(c.starts_at) filter (
        where c.outcome_code is null and t.attendance_required and c.starts_at >= ${now}
      ) as next_appointment
    from contacts c
    join contact_types t on t.code = c.contact_type
    left join contact_outcomes o on o.code = c.outcome_code
    left join last_breach b on b.person_id = c.person_id
    where c.person_id in (${ids}) and c.starts_at >= ${new Date(`${addDays(from, -1)}T00:00:00Z`)}
    group by c.person_id`.execute(db),
    // RAR days (a day counts once) and unpaid work minutes, as rarDaysUsed and unpaidWorkMinutesCredited count them.
    sql<{ id: string; person_id: string; type_code: 'F' | 'W'; units: number | null; used: number }>`
    select r.id, r.person_id, r.type_code, r.units,
      case when r.type_code = 'F'
        then count(distinct c.contact_date) filter (where c.rar_activity and o.category = 'attended')
        else coalesce(sum(c.minutes_credited) filter (where o.category = 'attended'), 0)
      end::int as used
    from requirements r
    left join contacts c on c.requirement_id = r.id
    left join contact_outcomes o on o.code = c.outcome_code
    where r.person_id in (${ids}) and r.type_code in ('F', 'W') and r.terminated_on is null
    group by r.id, r.person_id, r.type_code, r.units, r.start_date
    order by r.start_date`.execute(db),
  ]);
  const entry = (personId: string) => {
    let e = result.get(personId);
    if (!e) {
      e = { failures: 0, acceptableAbsences: 0, kept: 0, nextAppointment: null, requirements: [] };
      result.set(personId, e);
    }
    return e;
  };
  for (const r of counts.rows) {
    Object.assign(entry(r.person_id), {
      failures: r.failures,
      acceptableAbsences: r.absences,
      kept: r.kept,
      nextAppointment: r.next_appointment ? new Date(r.next_appointment) : null,
    });
  }
  for (const r of requirements.rows) {
    entry(r.person_id).requirements.push({
      id: r.id,
      typeCode: r.type_code,
      used: r.used,
      of: r.units === null ? null : r.type_code === 'W' ? r.units * 60 : r.units,
    });
  }
  return result;
}
