import { sql } from 'kysely';
import type { Db } from '../platform/database/connect.js';
import { visibleTo, type Viewer } from './access.js';
import { currentEmployment, employmentKind, normalisePnc } from './rules.js';

export function findPersonByCrn(db: Db, crn: string) {
  return db.selectFrom('people').selectAll().where('crn', '=', crn.toUpperCase()).executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonByCrn>>>;

export function currentAllocation(db: Db, personId: string) {
  return db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .innerJoin('staff_grades', 'staff_grades.code', 'staff.grade_code')
    .innerJoin('teams', 'teams.id', 'allocations.team_id')
    .select([
      'allocations.id',
      'allocations.allocated_at',
      'allocations.reason',
      'staff.id as staff_id',
      'staff.forename as staff_forename',
      'staff.surname as staff_surname',
      'staff.grade_code',
      'staff_grades.description as grade',
      'teams.id as team_id',
      'teams.name as team_name',
    ])
    .where('allocations.person_id', '=', personId)
    .where('allocations.ended_at', 'is', null)
    .executeTakeFirst();
}

/** The person's employment statuses, latest first: the current one and its history. */
export function employmentHistory(db: Db, personId: string) {
  return db
    .selectFrom('employment_statuses')
    .leftJoin('reference_data as s', (join) =>
      join.onRef('s.code', '=', 'employment_statuses.status').on('s.set_code', '=', 'employment-status'),
    )
    .select([
      'employment_statuses.id',
      'employment_statuses.status',
      's.description',
      'employment_statuses.employer',
      'employment_statuses.from_date',
      'employment_statuses.to_date',
      'employment_statuses.notes',
      'employment_statuses.created_at',
      'employment_statuses.created_by_name',
    ])
    .where('employment_statuses.person_id', '=', personId)
    .orderBy('employment_statuses.from_date', 'desc')
    .orderBy('employment_statuses.created_at', 'desc')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, description: r.description ?? r.status })));
}

export type EmploymentRow = Awaited<ReturnType<typeof employmentHistory>>[number];

/** The person's current employment status and what it says about work, or null: what the assessment reads. */
export async function currentEmploymentOf(db: Db, personId: string) {
  const current = currentEmployment(await employmentHistory(db, personId));
  if (!current) return null;
  return {
    status: current.status,
    description: current.description,
    employer: current.employer,
    since: current.from_date,
    kind: employmentKind(current.status),
  };
}

/** The record as it stands: removed aliases, contacts and disabilities are left out. */
export async function personRecord(db: Db, personId: string) {
  const [addresses, aliases, disabilities, contacts, allocation, employment] = await Promise.all([
    db
      .selectFrom('person_addresses')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('status')
      .orderBy('from_date', 'desc')
      .execute(),
    db
      .selectFrom('person_aliases')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('surname')
      .execute(),
    db
      .selectFrom('person_disabilities')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_contacts')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('relationship')
      .orderBy('name')
      .execute(),
    currentAllocation(db, personId),
    employmentHistory(db, personId),
  ]);
  return {
    addresses,
    aliases,
    disabilities,
    contacts,
    allocation,
    mainAddress: addresses.find((a) => a.status === 'main'),
    employment,
    currentEmployment: currentEmployment(employment),
  };
}

/** Aliases, disabilities and personal contacts removed from the record, newest first: kept, with who removed them and why. */
export async function removedDetails(db: Db, personId: string) {
  const [aliases, disabilities, contacts] = await Promise.all([
    db
      .selectFrom('person_aliases')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is not', null)
      .orderBy('removed_at', 'desc')
      .execute(),
    db
      .selectFrom('person_disabilities')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is not', null)
      .orderBy('removed_at', 'desc')
      .execute(),
    db
      .selectFrom('person_contacts')
      .selectAll()
      .where('person_id', '=', personId)
      .where('removed_at', 'is not', null)
      .orderBy('removed_at', 'desc')
      .execute(),
  ]);
  return { aliases, disabilities, contacts };
}

export interface SearchRow {
  id: string;
  crn: string;
  forename: string;
  surname: string;
  date_of_birth: string;
  pnc_number: string | null;
  officer_forename: string | null;
  officer_surname: string | null;
  town: string | null;
}

const SORTS = {
  name: ['people.surname', 'people.forename'],
  crn: ['people.crn'],
  dateOfBirth: ['people.date_of_birth'],
  officer: ['staff.surname', 'staff.forename'],
} as const;

export type SearchSort = keyof typeof SORTS;

function searchBase(db: Db, viewer: Viewer) {
  return db
    .selectFrom('people')
    .leftJoin('allocations', (join) =>
      join.onRef('allocations.person_id', '=', 'people.id').on('allocations.ended_at', 'is', null),
    )
    .leftJoin('staff', 'staff.id', 'allocations.staff_id')
    .leftJoin('person_addresses as main_address', (join) =>
      join.onRef('main_address.person_id', '=', 'people.id').on('main_address.status', '=', 'main'),
    )
    .select([
      'people.id',
      'people.crn',
      'people.forename',
      'people.surname',
      'people.date_of_birth',
      'people.pnc_number',
      'staff.forename as officer_forename',
      'staff.surname as officer_surname',
      'main_address.town',
    ])
    .where(visibleTo(viewer));
}

export function readSearchTerms(q: string) {
  const query = q.trim();
  if (/^[A-Za-z]\d{6}$/.test(query)) return { kind: 'crn' as const, crn: query.toUpperCase() };
  const pnc = normalisePnc(query);
  if (pnc) return { kind: 'pnc' as const, pnc };
  const ukDate = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(query);
  if (ukDate) {
    const [, d, m, y] = ukDate;
    return {
      kind: 'date-of-birth' as const,
      dateOfBirth: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`,
    };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(query)) return { kind: 'date-of-birth' as const, dateOfBirth: query };
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const surname = words.length > 1 ? words[words.length - 1]! : (words[0] ?? '');
  const forename = words.length > 1 ? words[0]! : null;
  return { kind: 'name' as const, surname, forename };
}

/**
 * Finds people by CRN, PNC, date of birth or name. Names match on trigram
 * similarity and sound (soundex), on the name or an alias, so "Smyth" finds
 * Smith and a slip of a letter still finds the person. Results are capped.
 */
export async function searchPeople(
  db: Db,
  viewer: Viewer,
  q: string,
  sort: SearchSort | undefined,
  descending: boolean,
  limit = 50,
): Promise<SearchRow[]> {
  const terms = readSearchTerms(q);
  let query = searchBase(db, viewer);
  if (terms.kind === 'crn') query = query.where('people.crn', '=', terms.crn);
  else if (terms.kind === 'pnc') query = query.where('people.pnc_number', '=', terms.pnc);
  else if (terms.kind === 'date-of-birth')
    query = query.where('people.date_of_birth', '=', terms.dateOfBirth);
  else {
    if (terms.surname.length < 2) return [];
    const surname = terms.surname;
    // Each way a surname can match is its own indexed lookup (trigram, soundex, prefix, alias);
    // one OR across them would read every person.
    query = query.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('people as by_trigram')
        .select('by_trigram.id')
        .where(sql<boolean>`lower(by_trigram.surname) % ${surname}`)
        .union(
          eb
            .selectFrom('people as by_sound')
            .select('by_sound.id')
            .where(sql<boolean>`soundex(by_sound.surname) = soundex(${surname})`),
        )
        .union(
          eb
            .selectFrom('people as by_prefix')
            .select('by_prefix.id')
            .where(sql<boolean>`lower(by_prefix.surname) like ${`${surname}%`}`),
        )
        .union(
          eb
            .selectFrom('person_aliases')
            .select('person_aliases.person_id as id')
            .where(sql<boolean>`lower(person_aliases.surname) % ${surname}`)
            .where('person_aliases.removed_at', 'is', null),
        ),
    );
    if (terms.forename) {
      const forename = terms.forename;
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`lower(people.forename) % ${forename}`,
          sql<boolean>`lower(people.forename) like ${`${forename}%`}`,
          sql<boolean>`soundex(people.forename) = soundex(${forename})`,
        ]),
      );
    }
    if (!sort) {
      query = query.orderBy(sql`similarity(lower(people.surname), ${surname})`, 'desc');
    }
  }
  for (const column of SORTS[sort ?? 'name']) query = query.orderBy(column, descending ? 'desc' : 'asc');
  return query.limit(limit).execute() as Promise<SearchRow[]>;
}

/**
 * Existing records that may be the person about to be created. Limited-access people
 * the viewer may not see are left out: the warning must not reveal them either.
 */
export async function likelyDuplicates(
  db: Db,
  viewer: Viewer,
  candidate: { forename: string; surname: string; dateOfBirth: string; pncNumber: string | null },
) {
  return db
    .selectFrom('people')
    .select(['id', 'crn', 'forename', 'surname', 'date_of_birth', 'pnc_number'])
    .where(visibleTo(viewer))
    .where((eb) =>
      eb.or([
        eb.and([
          sql<boolean>`lower(surname) = ${candidate.surname.toLowerCase()}`,
          sql<boolean>`lower(forename) = ${candidate.forename.toLowerCase()}`,
          eb('date_of_birth', '=', candidate.dateOfBirth),
        ]),
        ...(candidate.pncNumber ? [eb('pnc_number', '=', candidate.pncNumber)] : []),
      ]),
    )
    .limit(10)
    .execute();
}

export async function referenceCodes(db: Db) {
  const rows = await db
    .selectFrom('reference_data')
    .select(['set_code', 'code', 'description'])
    .where('active', '=', true)
    .orderBy('set_code')
    .orderBy('sort_order')
    .execute();
  const bySet = (set: string) => rows.filter((r) => r.set_code === set);
  return {
    options: {
      ethnicity: bySet('ethnicity'),
      religion: bySet('religion'),
      sexualOrientation: bySet('sexual-orientation'),
      language: bySet('language'),
      genderIdentity: bySet('gender-identity'),
      contactPreference: bySet('contact-preference'),
      disability: bySet('disability'),
      contactRelationship: bySet('contact-relationship'),
      employmentStatus: bySet('employment-status'),
      sex: bySet('sex'),
    },
    describe(set: string, code: string | null | undefined): string {
      if (!code) return '';
      return rows.find((r) => r.set_code === set && r.code === code)?.description ?? code;
    },
  };
}

export type ReferenceLists = Awaited<ReturnType<typeof referenceCodes>>;

export function nextCrnNumber(db: Db) {
  return sql<{ n: number }>`select nextval('crn_numbers')::int as n`.execute(db).then((r) => r.rows[0]!.n);
}

export function recordViewers(db: Db, personId: string, limit = 100) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'actor_name', 'action', 'detail'])
    .where('person_id', '=', personId)
    .orderBy('occurred_at', 'desc')
    .limit(limit)
    .execute();
}
