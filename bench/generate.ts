/**
 * `npm run generate -- --people N [--contacts-per-person 100]`: a synthetic dataset of
 * any size on PostgreSQL (DATABASE_URL, required): people with an address, an
 * allocation, an event, a community order with a RAR and an unpaid work
 * requirement, a signed assessment, and about 100 contacts each (appointments with outcomes, RAR
 * activities, unpaid work sessions, calls and notes, a few to come and a few
 * overdue an outcome). Bulk inserts with INSERT … SELECT generate_series, in
 * batches, so 100,000 people and 10 million contacts fit in minutes. The demo
 * data (sign-ins, staff) is loaded first when the database holds no people.
 */
import { sql } from 'kysely';
import { loadDemoData, hasAnyPeople } from '../src/demo-data/seed.js';
import { connectPostgres } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';

const CASES_PER_OFFICER = 45;

/** The needs every generated assessment records, in the shape the assessment keeps (SectionNeed). */
const BENCH_NEEDS = JSON.stringify([
  {
    section: '3',
    title: 'Accommodation',
    need: 'accommodation',
    severity: 'standard',
    score: 3,
    linkedToOffending: true,
    linkedToHarm: false,
    reason: 'Score 3 of 8: a need from 2, severe from 7',
  },
  {
    section: '9',
    title: 'Alcohol misuse',
    need: 'alcohol',
    severity: 'severe',
    score: 7,
    linkedToOffending: true,
    linkedToHarm: true,
    reason: 'Score 7 of 8: a need from 4, severe from 7',
  },
]);
const BATCH = 5_000;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number`);
  return value;
}

const CONTACT_INDEXES = [
  ['contacts_person_time', 'create index contacts_person_time on contacts(person_id, starts_at desc)'],
  ['contacts_staff_time', 'create index contacts_staff_time on contacts(staff_id, starts_at)'],
  [
    'contacts_requirement',
    'create index contacts_requirement on contacts(requirement_id) where requirement_id is not null',
  ],
  [
    'contacts_awaiting_outcome',
    'create index contacts_awaiting_outcome on contacts(staff_id, starts_at) where outcome_code is null',
  ],
] as const;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required: npm run generate writes to PostgreSQL only.');
    process.exit(2);
  }
  const people = argument('people', 1_000);
  const perPerson = argument('contacts-per-person', 100);
  if (people > 999_999) throw new Error('At most 999,999 people (CRNs have six digits)');
  const handle = connectPostgres(url, 1);
  const db = handle.db;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  try {
    await migrateToLatest(db);
    if (!(await hasAnyPeople(db))) {
      await loadDemoData(db, new Date());
      console.log(`demo data loaded (${elapsed()})`);
    }
    await sql`set synchronous_commit = off`.execute(db);
    // The generated rows are consistent by construction: where the role allows it (a superuser),
    // skip the per-row foreign-key triggers, which cost more than the inserts themselves.
    const fastLoad = await sql`set session_replication_role = replica`
      .execute(db)
      .then(() => true)
      .catch(() => false);
    console.log(fastLoad ? 'foreign-key checks off for the load' : 'foreign-key checks on (not a superuser)');
    const first = Number(
      (
        await sql<{
          n: number;
        }>`select coalesce(max(substr(crn, 2)::int), 0) as n from people where crn like 'B%'`.execute(db)
      ).rows[0]!.n,
    );

    // Officers for the new cases, in new teams of ten, so caseloads stay realistic.
    const officers = Math.max(1, Math.ceil(people / CASES_PER_OFFICER));
    const runTag = `${Date.now().toString(36)}`.toUpperCase();
    await sql`
      insert into teams (pdu_id, code, name)
      select (select id from probation_delivery_units order by code limit 1),
        'BT' || ${runTag} || lpad(g::text, 5, '0'), 'Bench team ' || g
      from generate_series(1, ${Math.ceil(officers / 10)}) g`.execute(db);
    await sql`
      insert into staff (staff_code, forename, surname, grade_code, team_id)
      select 'BS' || ${runTag} || lpad(g::text, 6, '0'), 'Bench', 'Officer ' || g,
        case when g % 3 = 0 then 'PSO' else 'PO' end,
        (select id from teams where code = 'BT' || ${runTag} || lpad((1 + (g - 1) / 10)::text, 5, '0'))
      from generate_series(1, ${officers}) g`.execute(db);
    await sql`create temp table bench_staff as
      select row_number() over (order by staff_code) - 1 as k, id, team_id
      from staff where staff_code like ${`BS${runTag}%`}`.execute(db);
    await sql`create unique index on bench_staff(k)`.execute(db);

    const dropIndexes = people * perPerson >= 1_000_000;
    if (dropIndexes) {
      for (const [name] of CONTACT_INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
    }

    const surnames = sql.raw(
      `array['Smith','Jones','Williams','Taylor','Brown','Davies','Evans','Wilson','Thomas','Johnson','Roberts','Robinson','Thompson','Wright','Walker','White','Edwards','Hughes','Green','Hall','Lewis','Harris','Clarke','Patel','Jackson','Wood','Turner','Martin','Cooper','Hill','Ward','Morris','Moore','Clark','Lee','King','Baker','Harrison','Morgan','Allen','James','Scott','Phillips','Watson','Davis','Parker','Price','Bennett','Young','Griffiths','Mitchell','Kelly','Cook','Carter','Richardson','Bailey','Collins','Bell','Shaw','Murphy','Miller','Cox','Richards','Khan','Marshall','Anderson','Simpson','Ellis','Adams','Singh','Begum','Wilkinson','Foster','Chapman','Powell','Webb','Rogers','Gray','Mason','Ali','Hunt','Hussain','Campbell','Matthews','Owen','Palmer','Holmes','Mills','Barnes','Knight','Lloyd','Butler','Russell','Barker','Fisher','Stevens','Jenkins','Murray','Dixon','Harvey','Nowak','Kowalski','Popescu']`,
    );
    const forenames = sql.raw(
      `array['Jack','Harry','George','Oliver','James','Thomas','Daniel','Liam','Ryan','Connor','Callum','Jordan','Kyle','Lewis','Adam','Mohammed','Aaron','Jamie','Ben','Luke','Sophie','Chloe','Emma','Jessica','Amy','Lauren','Megan','Hannah','Kayleigh','Stacey','Piotr','Andrei','David','Michael','Paul','Mark','Lee','Craig','Dean','Wayne']`,
    );
    const notes = sql.raw(
      `array['Discussed employment and a referral to education, training and employment.','Reported feeling settled at the address; no concerns raised.','Worked through the consequences exercise.','Arrived late; reminded of the need to be on time.','Discussed alcohol use and a referral to the treatment provider.','Reviewed the sentence plan objectives.','Raised worries about debts; signposted to advice.',null,null,null]`,
    );

    for (let from = 1; from <= people; from += BATCH) {
      const to = Math.min(people, from + BATCH - 1);
      const n0 = first + from - 1;
      await sql`drop table if exists bench_people`.execute(db);
      await sql`create temp table bench_people (n int primary key, id uuid, staff_id uuid, team_id uuid,
        event_id uuid, order_id uuid, rar_id uuid, upw_id uuid, start_date date)`.execute(db);
      await sql`
        with p as (
          insert into people (crn, forename, surname, date_of_birth, sex, gender_identity, updated_by_name, awaiting_allocation)
          select 'B' || lpad((${n0} + g)::text, 6, '0'),
            (${forenames})[1 + ((${n0} + g) * 7) % 40],
            (${surnames})[1 + ((${n0} + g) * 13) % 102],
            date '1960-01-01' + ((${n0} + g) * 37) % 16000,
            case when g % 7 = 0 then 'F' else 'M' end, 'SAME', 'Bench data', false
          from generate_series(1, ${to - from + 1}) g
          returning id, crn
        )
        insert into bench_people (n, id, staff_id, team_id, start_date)
        select substr(p.crn, 2)::int, p.id, s.id, s.team_id,
          current_date - (200 + substr(p.crn, 2)::int % 400)
        from p join bench_staff s on s.k = (substr(p.crn, 2)::int % ${officers})`.execute(db);
      await sql`
        insert into person_addresses (person_id, status, building, street, town, postcode, from_date)
        select id, 'main', (n % 200 + 1)::text, 'High Street', 'Chelmsford', 'CM' || (n % 20 + 1) || ' 1AB', date '2020-01-01'
        from bench_people`.execute(db);
      // A current employment status each: the personal details page and the assessment read it.
      await sql`
        insert into employment_statuses (person_id, status, employer, from_date, created_by_name)
        select id, (array['FULL-TIME','PART-TIME','UNEMPLOYED','UNEMPLOYED','LONG-TERM-SICK','STUDENT'])[1 + n % 6],
          case when n % 6 < 2 then 'Bench Logistics' end, date '2024-01-01' + n % 600, 'Bench data'
        from bench_people`.execute(db);
      await sql`
        insert into allocations (person_id, staff_id, team_id, allocated_at, reason, allocated_by_name)
        select id, staff_id, team_id, now() - interval '100 days', 'INITIAL', 'Bench data' from bench_people`.execute(
        db,
      );
      await sql`
        with e as (
          insert into events (person_id, event_number, conviction_date, court_code, updated_by_name)
          select id, 1, start_date - 14, 'CHELMC', 'Bench data' from bench_people returning id, person_id
        )
        update bench_people b set event_id = e.id from e where e.person_id = b.id`.execute(db);
      await sql`
        with o as (
          insert into orders (person_id, event_id, order_type, sentence_date, start_date, length_months, expected_end_date, updated_by_name)
          select id, event_id, 'CO', start_date, start_date, 24, (start_date + interval '24 months' - interval '1 day')::date, 'Bench data'
          from bench_people returning id, person_id
        )
        update bench_people b set order_id = o.id from o where o.person_id = b.id`.execute(db);
      await sql`
        with r as (
          insert into requirements (person_id, order_id, type_code, units, start_date, expected_end_date, updated_by_name)
          select id, order_id, t.code, t.units, start_date, (start_date + interval '24 months' - interval '1 day')::date, 'Bench data'
          from bench_people cross join (values ('F', 30), ('W', 120)) as t(code, units)
          returning id, person_id, type_code
        )
        update bench_people b set rar_id = g.rar_id, upw_id = g.upw_id
        from (select person_id, (array_agg(id) filter (where type_code = 'F'))[1] as rar_id,
            (array_agg(id) filter (where type_code = 'W'))[1] as upw_id
          from r group by person_id) g
        where g.person_id = b.id`.execute(db);
      // A signed assessment each, with a section row per section, as a real caseload has: the
      // caseload's assessment column and the overview read these.
      await sql`
        with a as (
          insert into assessments (person_id, assessment_type, state, assessor_staff_id, assessor_name,
            started_at, signed_at, signed_by_name, completed_on, locked_at, rosh_level, snapshot, updated_by_name)
          select id, 'review', 'locked', staff_id, 'Bench Officer', current_date - (n % 170) - 3,
            current_date - (n % 170), 'Bench Officer', current_date - (n % 170), current_date - (n % 170),
            case when n % 4 = 0 then 'medium' else 'low' end,
            jsonb_build_object('workedOutOn', current_date - (n % 170), 'scores', '[]'::jsonb, 'predictors', '[]'::jsonb,
              'facts', '[]'::jsonb, 'rsrPercent', null,
              'rosh', jsonb_build_object('level', case when n % 4 = 0 then 'medium' else 'low' end, 'from', '["community.public"]'::jsonb),
              'needs', ${sql.lit(BENCH_NEEDS)}::jsonb,
              'tierInputs', jsonb_build_object('needs', jsonb_build_object('accommodation', 'standard', 'alcohol', 'severe'),
                'ogrsPercent', 20 + n % 60, 'rsr', null, 'parentingConcerns', false, 'impulsivityOrTemper', n % 3 = 0)),
            'Bench data'
          from bench_people returning id, person_id
        )
        insert into assessment_sections (assessment_id, person_id, section_code, status, answers, corrections,
          linked_to_offending, linked_to_harm, evidence, updated_by_name)
        select a.id, a.person_id, s.code, 'complete', '{}'::jsonb, '{}'::jsonb, s.code not in ('1', 'rosh'), false,
          'Bench data', 'Bench data'
        from a cross join unnest(array['1','2','3','4','5','6','7','8','9','10','11','12','13','rosh']) as s(code)`.execute(
        db,
      );
      const beforeContacts = Date.now();
      // About perPerson contacts each: every 5th day back from 20 days ahead, mostly appointments.
      await sql`
        insert into contacts (person_id, contact_type, starts_at, contact_date, duration_minutes, location,
          staff_id, order_id, requirement_id, rar_activity, outcome_code, outcome_recorded_at,
          outcome_recorded_by_name, minutes_credited, notes, sensitive, created_by_name, updated_by_name)
        select b.id, x.t, x.ts, (x.ts at time zone 'Europe/London')::date,
          case when x.t in ('CTEL','CNOT','CLET') then null when x.t = 'CUPW' then 420 else 60 end,
          case when x.t in ('CTEL','CNOT','CLET') then null else 'Probation office' end,
          b.staff_id, b.order_id,
          case x.t when 'CRAR' then b.rar_id when 'CUPW' then b.upw_id end,
          x.t = 'CRAR', y.outcome,
          case when y.outcome is not null then x.ts + interval '2 hours' end,
          case when y.outcome is not null then 'Bench data' end,
          case when x.t = 'CUPW' and y.outcome = 'ATTC' then 420 end,
          (${notes})[1 + (b.n + k) % 10], (b.n + k) % 50 = 0, 'Bench data', 'Bench data'
        from bench_people b
        cross join generate_series(1, ${perPerson}) k
        cross join lateral (select
          (array['COAP','COAP','CHVS','CRAR','CUPW','CTEL','CNOT','COAP','CVLI','CLET'])[1 + (k + b.n) % 10] as t,
          date_trunc('day', now()) + interval '20 days' - make_interval(days => k * 5) + make_interval(hours => 9 + (k + b.n) % 8) as ts,
          (k * 31 + b.n * 17) % 40 as h) x
        cross join lateral (select case
          when x.t in ('CTEL','CNOT','CLET') or x.ts > now() then null
          when x.h = 0 then 'UAAB' when x.h = 1 then 'AFTC' when x.h in (2, 3) then 'AAME'
          when x.h in (4, 5) and x.ts > now() - interval '60 days' then null
          else 'ATTC' end as outcome) y`.execute(db);
      console.log(
        `${to} of ${people} people, ${to * perPerson} contacts (${elapsed()}; contacts ${((Date.now() - beforeContacts) / 1000).toFixed(1)}s)`,
      );
    }
    await sql`select setval('crn_numbers', greatest((select last_value from crn_numbers), 100000))`.execute(
      db,
    );
    if (dropIndexes) {
      for (const [name, ddl] of CONTACT_INDEXES) {
        await sql.raw(ddl).execute(db);
        console.log(`index ${name} rebuilt (${elapsed()})`);
      }
    }
    if (fastLoad) await sql`set session_replication_role = origin`.execute(db);
    await sql`analyze`.execute(db);
    console.log(`done: ${people} people, ${people * perPerson} contacts in ${elapsed()}`);
  } finally {
    await handle.close();
  }
}

await main();
