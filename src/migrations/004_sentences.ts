import { sql, type Kysely } from 'kysely';
import { runScript } from '../platform/database/sql-script.js';

/**
 * Offences: a broad list of common offences with their OGRS3 offence category
 * (the category codes of src/risk). Codes are Probity's own, in the Home Office
 * offence classification's shape (group and sub-code); administrators can add more.
 */
const OFFENCES: Array<[code: string, description: string, ogrs3Category: string]> = [
  ['00101', 'Murder', 'violence'],
  ['00400', 'Manslaughter', 'violence'],
  ['00501', 'Wounding or causing grievous bodily harm with intent', 'violence'],
  ['00801', 'Inflicting grievous bodily harm without intent', 'violence'],
  ['00802', 'Assault occasioning actual bodily harm', 'violence'],
  ['10400', 'Common assault and battery', 'violence'],
  ['10401', 'Assault on an emergency worker', 'violence'],
  ['00805', 'Controlling or coercive behaviour in an intimate or family relationship', 'violence'],
  ['00806', 'Stalking involving fear of violence or serious alarm or distress', 'violence'],
  ['00807', 'Harassment', 'public-order'],
  ['00901', 'Threats to kill', 'violence'],
  ['03400', 'Robbery', 'robbery'],
  ['03401', 'Assault with intent to rob', 'robbery'],
  ['01901', 'Rape of a woman aged 16 or over', 'sexual-not-against-child'],
  ['01902', 'Sexual assault on a female aged 13 or over', 'sexual-not-against-child'],
  ['02001', 'Sexual assault on a child under 13', 'sexual-against-child'],
  ['02201', 'Sexual activity with a child', 'sexual-against-child'],
  ['08601', 'Possession of indecent photographs of children', 'sexual-against-child'],
  ['08801', 'Exposure', 'sexual-not-against-child'],
  ['03300', 'Soliciting for the purpose of prostitution', 'soliciting-prostitution'],
  ['02801', 'Burglary in a dwelling', 'burglary-domestic'],
  ['02802', 'Aggravated burglary in a dwelling', 'burglary-domestic'],
  ['03001', 'Burglary in a building other than a dwelling', 'burglary-other'],
  ['04100', 'Theft from the person', 'theft-non-motor'],
  ['04600', 'Theft from a shop', 'theft-non-motor'],
  ['04700', 'Theft by an employee', 'theft-non-motor'],
  ['04900', 'Other theft', 'theft-non-motor'],
  ['05400', 'Handling stolen goods', 'handling-stolen-goods'],
  ['05300', 'Fraud by false representation', 'fraud-forgery'],
  ['06100', 'Forgery or use of a false instrument', 'fraud-forgery'],
  ['08000', 'Failing to surrender to bail', 'absconding-bail'],
  ['08001', 'Escape from lawful custody', 'absconding-bail'],
  ['04801', 'Taking a motor vehicle without consent', 'taking-driving-away'],
  ['04802', 'Aggravated vehicle taking', 'taking-driving-away'],
  ['04500', 'Theft from a motor vehicle', 'theft-from-vehicles'],
  ['12600', 'Interfering with a motor vehicle', 'theft-from-vehicles'],
  ['80301', 'Driving while disqualified', 'other-motoring'],
  ['80302', 'Driving without insurance', 'other-motoring'],
  ['80401', 'Dangerous driving', 'other-motoring'],
  ['80402', 'Careless driving', 'other-motoring'],
  ['80501', 'Driving with excess alcohol', 'drink-driving'],
  ['80502', 'Failing to provide a specimen for analysis', 'drink-driving'],
  ['80503', 'Driving while unfit through drink or drugs', 'drink-driving'],
  ['05800', 'Criminal damage (other than arson)', 'criminal-damage'],
  ['05600', 'Arson', 'criminal-damage'],
  ['09200', 'Importation of a controlled drug', 'drug-import-export-production'],
  ['09201', 'Production of a controlled drug (cannabis cultivation)', 'drug-import-export-production'],
  ['09202', 'Possession of a controlled drug with intent to supply', 'drug-possession-supply'],
  ['09203', 'Supplying a controlled drug', 'drug-possession-supply'],
  ['09204', 'Possession of a controlled drug', 'drug-possession-supply'],
  ['06600', 'Affray', 'public-order'],
  ['06601', 'Violent disorder', 'public-order'],
  ['12500', 'Using threatening, abusive or insulting words or behaviour', 'public-order'],
  ['12501', 'Racially or religiously aggravated public order offence', 'public-order'],
  ['10300', 'Possession of an offensive weapon in a public place', 'other-offence'],
  ['10301', 'Possession of a bladed article in a public place', 'other-offence'],
  ['08100', 'Breach of a restraining order', 'other-offence'],
  ['08101', 'Breach of a non-molestation order', 'other-offence'],
  ['08102', 'Breach of a sexual harm prevention order', 'other-offence'],
  ['08103', 'Failing to comply with notification requirements (sex offenders register)', 'other-offence'],
  ['19500', 'Perverting the course of justice', 'other-offence'],
  ['14900', 'Other offence not listed', 'other-offence'],
];

const ORDER_TYPES: Array<[string, string]> = [
  ['CO', 'Community order'],
  ['SSO', 'Suspended sentence order'],
  ['LIC', 'Licence'],
  ['PSS', 'Post-sentence supervision'],
];

/**
 * Requirement types with their units and statutory limits. W, F and RM38 are nDelius
 * codes; the others have no confirmed public code, so Probity gives them its own (P-prefixed).
 */
const REQUIREMENT_TYPES: Array<
  [code: string, description: string, unit: string | null, min: number | null, max: number | null]
> = [
  ['W', 'Unpaid work', 'hours', 40, 300],
  ['F', 'Rehabilitation activity requirement (RAR)', 'days', 1, null],
  ['RM38', 'Accredited programme', 'sessions', 1, null],
  ['PDRR', 'Drug rehabilitation requirement', 'months', 6, 36],
  ['PATR', 'Alcohol treatment requirement', 'months', 1, 36],
  ['PMHT', 'Mental health treatment requirement', 'months', 1, 36],
  ['PCUR', 'Curfew', 'hours-per-day', 2, 20],
  ['PEXC', 'Exclusion', 'months', 1, 24],
  ['PPRO', 'Prohibited activity', 'months', 1, 36],
  ['PRES', 'Residence', 'months', 1, 36],
  ['PFTP', 'Foreign travel prohibition', 'months', 1, 12],
  ['PATC', 'Attendance centre', 'hours', 12, 36],
  ['PAAM', 'Alcohol abstinence and monitoring', 'days', 1, 120],
];

const LICENCE_CONDITIONS: Array<[string, string, boolean]> = [
  [
    'STD1',
    'Be of good behaviour and not behave in a way which undermines the purpose of the licence period',
    true,
  ],
  ['STD2', 'Not commit any offence', true],
  ['STD3', 'Keep in touch with the supervising officer as instructed', true],
  ['STD4', 'Receive visits from the supervising officer as instructed', true],
  ['STD5', 'Reside permanently at an address approved by the supervising officer', true],
  ['STD6', 'Not undertake work, or a particular type of work, unless approved', true],
  ['STD7', 'Not travel outside the United Kingdom without permission', true],
  [
    'STD8',
    'Tell the supervising officer if you use a name which is different to the name on your licence',
    true,
  ],
  ['STD9', 'Tell the supervising officer if you change or add any contact details', true],
  ['ADD01', 'Residence at a specified place (approved premises)', false],
  ['ADD02', 'Restriction of residency (not to live in the same household as a child under 18)', false],
  ['ADD03', 'Making or maintaining contact with a person (no contact with a named victim)', false],
  ['ADD04', 'Participation in, or co-operation with, a programme or set of activities', false],
  ['ADD05', 'Possession, ownership, control or inspection of specified items', false],
  ['ADD06', 'Curfew arrangement', false],
  ['ADD07', 'Freedom of movement (exclusion zone)', false],
  ['ADD08', 'Supervision in the community by the supervising officer (reporting)', false],
  ['ADD09', 'Drug testing', false],
  ['ADD10', 'Electronic monitoring (location or curfew)', false],
  ['ADD11', 'Polygraph', false],
  ['ADD12', 'Alcohol monitoring', false],
];

const TERMINATION_REASONS: Array<[string, string]> = [
  ['COMPLETED', 'Ran its course'],
  ['EARLY', 'Terminated early for good progress'],
  ['REVOKED', 'Revoked and re-sentenced'],
  ['BREACH', 'Revoked following breach'],
  ['NEWCONV', 'Revoked following a new conviction'],
  ['DECEASED', 'Person died'],
  ['TRANSFER', 'Transferred to another jurisdiction'],
  ['AMENDED', 'Amended by the court'],
  ['OTHER', 'Other reason'],
];

const APPEARANCE_TYPES: Array<[string, string]> = [
  ['TRIAL', 'Trial or adjudication'],
  ['SENTENCE', 'Sentence'],
  ['REMAND', 'Remand hearing'],
  ['BREACH', 'Breach hearing'],
  ['REVIEW', 'Review hearing'],
  ['APPEAL', 'Appeal'],
];

const COURTS: Array<[string, string]> = [
  ['CHELMC', "Chelmsford Magistrates' Court"],
  ['CHELCC', 'Chelmsford Crown Court'],
  ['COLCMC', "Colchester Magistrates' Court"],
  ['BASLMC', "Basildon Magistrates' Court"],
  ['BASLCC', 'Basildon Crown Court'],
  ['SOUTMC', "Southend Magistrates' Court"],
  ['IPSWCC', 'Ipswich Crown Court'],
  ['CAMBCC', 'Cambridge Crown Court'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table offences (
  code text primary key,
  description text not null,
  ogrs3_category text not null,
  active boolean not null default true
);

create table courts (
  code text primary key,
  name text not null,
  active boolean not null default true
);

create table requirement_types (
  code text primary key,
  description text not null,
  unit text,
  minimum_units integer,
  maximum_units integer,
  sort_order integer not null default 0
);

create table licence_condition_types (
  code text primary key,
  description text not null,
  standard boolean not null
);

create table events (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  event_number integer not null,
  conviction_date date not null,
  court_code text not null references courts(code),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  unique (person_id, event_number)
);

create table event_offences (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  offence_code text not null references offences(code),
  offence_date date,
  main boolean not null,
  offence_count integer not null default 1 check (offence_count >= 1)
);
create index event_offences_event on event_offences(event_id);
create unique index event_offences_one_main on event_offences(event_id) where main;

create table court_appearances (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  appearance_date date not null,
  court_code text not null references courts(code),
  appearance_type text not null,
  outcome text,
  created_at timestamptz not null default now()
);
create index court_appearances_event on court_appearances(event_id, appearance_date);

create table orders (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  order_type text not null check (order_type in ('CO', 'SSO', 'LIC', 'PSS')),
  sentence_date date not null,
  start_date date not null,
  length_months integer check (length_months > 0),
  expected_end_date date not null,
  custodial_term_months integer,
  release_date date,
  licence_expiry_date date,
  sentence_expiry_date date,
  pss_end_date date,
  terminated_on date,
  termination_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check (expected_end_date >= start_date),
  check (terminated_on is null or terminated_on >= start_date)
);
create index orders_person on orders(person_id);
create index orders_event on orders(event_id);

create table requirements (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  order_id uuid not null references orders(id) on delete cascade,
  type_code text not null references requirement_types(code),
  units integer,
  electronic_monitoring boolean,
  detail text,
  start_date date not null,
  expected_end_date date,
  terminated_on date,
  termination_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_name text not null,
  row_version integer not null default 1,
  check (expected_end_date is null or expected_end_date >= start_date)
);
create index requirements_person on requirements(person_id);
create index requirements_order on requirements(order_id);

create table licence_conditions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  order_id uuid not null references orders(id) on delete cascade,
  condition_code text not null references licence_condition_types(code),
  detail text,
  start_date date not null,
  terminated_on date,
  created_at timestamptz not null default now()
);
create index licence_conditions_order on licence_conditions(order_id);
`,
  );
  for (const [code, description, category] of OFFENCES) {
    await sql`insert into offences (code, description, ogrs3_category) values (${code}, ${description}, ${category})`.execute(
      db,
    );
  }
  for (const [code, name] of COURTS) {
    await sql`insert into courts (code, name) values (${code}, ${name})`.execute(db);
  }
  for (const [index, [code, description, unit, min, max]] of REQUIREMENT_TYPES.entries()) {
    await sql`insert into requirement_types (code, description, unit, minimum_units, maximum_units, sort_order)
      values (${code}, ${description}, ${unit}, ${min}, ${max}, ${index * 10})`.execute(db);
  }
  for (const [code, description, standard] of LICENCE_CONDITIONS) {
    await sql`insert into licence_condition_types (code, description, standard) values (${code}, ${description}, ${standard})`.execute(
      db,
    );
  }
  const sets: Record<string, Array<[string, string]>> = {
    'order-type': ORDER_TYPES,
    'termination-reason': TERMINATION_REASONS,
    'appearance-type': APPEARANCE_TYPES,
  };
  for (const [setCode, rows] of Object.entries(sets)) {
    for (const [index, [code, description]] of rows.entries()) {
      await sql`insert into reference_data (set_code, code, description, sort_order)
        values (${setCode}, ${code}, ${description}, ${index * 10})`.execute(db);
    }
  }
}
