import { sql, type Transaction } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import type { Database } from '../platform/database/schema.js';
import { decideAccess, type AccessDecision, type Viewer } from './access.js';
import { currentEmployment, endOfPreviousEmployment, formatCrn, newEmploymentProblem } from './rules.js';
import type {
  AddressForm,
  ContactSection,
  DetailsSection,
  EmploymentForm,
  EqualitySection,
  IdentifiersSection,
} from './schemas.js';
import * as store from './store.js';

export type PersonLookup =
  | { found: false }
  | { found: true; access: Extract<AccessDecision, { allowed: false }>; person: store.PersonRow }
  | { found: true; access: { allowed: true }; person: store.PersonRow };

/**
 * Opens a person's record for a viewer, auditing the look, and the refusal when
 * the person is limited-access and the viewer may not see them.
 */
export async function openPerson(
  db: Db,
  actor: Actor,
  viewer: Viewer,
  crn: string,
  page: string,
): Promise<PersonLookup> {
  const person = await store.findPersonByCrn(db, crn);
  if (!person) return { found: false };
  const access = await decideAccess(db, person, viewer);
  await recordAudit(db, actor, {
    action: access.allowed ? 'viewed-record' : 'refused-limited-access',
    personId: person.id,
    subjectType: 'person',
    subjectId: person.crn,
    detail: access.allowed ? { page } : { page, list: access.list },
  });
  return access.allowed ? { found: true, access, person } : { found: true, access, person };
}

export type SectionName = 'details' | 'identifiers' | 'contact' | 'equality';

type SectionValues = DetailsSection | IdentifiersSection | ContactSection | EqualitySection;

function detailsColumns(v: DetailsSection) {
  return {
    forename: v.forename,
    middle_names: v.middleNames,
    surname: v.surname,
    preferred_name: v.preferredName,
    date_of_birth: v.dateOfBirth!,
    sex: v.sex,
    gender_identity: v.genderIdentity,
  };
}

function identifierColumns(v: IdentifiersSection) {
  return {
    pnc_number: v.pncNumber,
    cro_number: v.croNumber,
    prison_number: v.prisonNumber,
    ni_number: v.niNumber,
  };
}

function contactColumns(v: ContactSection) {
  return {
    telephone: v.telephone,
    mobile: v.mobile,
    email: v.email,
    contact_preferences: v.contactPreferences,
  };
}

function equalityColumns(v: EqualitySection) {
  return {
    ethnicity: v.ethnicity,
    religion: v.religion,
    sexual_orientation: v.sexualOrientation,
    first_language: v.firstLanguage,
    interpreter_required: v.interpreterRequired === 'yes',
  };
}

/** Maps a validated section onto the columns it owns. */
export function sectionColumns(section: SectionName, values: SectionValues) {
  switch (section) {
    case 'details':
      return detailsColumns(values as DetailsSection);
    case 'identifiers':
      return identifierColumns(values as IdentifiersSection);
    case 'contact':
      return contactColumns(values as ContactSection);
    case 'equality':
      return equalityColumns(values as EqualitySection);
  }
}

export type SaveResult = { saved: true } | { saved: false; current: store.PersonRow };

/**
 * Saves one section of the record if nobody else saved the record since the
 * user opened it (optimistic locking on row_version); otherwise answers what is
 * there now so the page can show both versions.
 */
export async function updateSection(
  db: Db,
  actor: Actor,
  input: { personId: string; expectedVersion: number; section: SectionName; values: SectionValues },
): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const columns = sectionColumns(input.section, input.values);
    const updated = await trx
      .updateTable('people')
      .set({
        ...columns,
        updated_at: new Date(),
        updated_by_name: actor.name,
        row_version: sql`row_version + 1`,
      })
      .where('id', '=', input.personId)
      .where('row_version', '=', input.expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom('people')
        .selectAll()
        .where('id', '=', input.personId)
        .executeTakeFirstOrThrow();
      return { saved: false as const, current };
    }
    await recordAudit(trx, actor, {
      action: 'changed-record',
      personId: input.personId,
      subjectType: 'person',
      detail: { section: input.section, changes: columns },
    });
    return { saved: true as const };
  });
}

async function insertAddress(trx: Transaction<Database>, personId: string, address: AddressForm) {
  if (address.status === 'main') {
    // The old main address becomes a previous one, ending the day before the new one starts.
    await trx
      .updateTable('person_addresses')
      .set({ status: 'previous', to_date: sql`greatest(from_date, ${address.fromDate}::date - 1)` })
      .where('person_id', '=', personId)
      .where('status', '=', 'main')
      .execute();
  }
  await trx
    .insertInto('person_addresses')
    .values({
      person_id: personId,
      status: address.status,
      building: address.building,
      street: address.street,
      district: address.district,
      town: address.town,
      county: address.county,
      postcode: address.postcode,
      from_date: address.fromDate!,
    })
    .execute();
}

export interface NewPerson {
  details: DetailsSection;
  identifiers: IdentifiersSection;
  contact: ContactSection;
  equality: EqualitySection;
  address: AddressForm | null;
}

export async function createPerson(
  db: Db,
  actor: Actor,
  input: NewPerson,
): Promise<{ id: string; crn: string }> {
  return db.transaction().execute(async (trx) => {
    const crn = formatCrn(await store.nextCrnNumber(trx));
    const { id } = await trx
      .insertInto('people')
      .values({
        crn,
        ...detailsColumns(input.details),
        ...identifierColumns(input.identifiers),
        ...contactColumns(input.contact),
        ...equalityColumns(input.equality),
        updated_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.address) await insertAddress(trx, id, input.address);
    await recordAudit(trx, actor, {
      action: 'created-record',
      personId: id,
      subjectType: 'person',
      subjectId: crn,
    });
    return { id, crn };
  });
}

export async function addAddress(
  db: Db,
  actor: Actor,
  personId: string,
  address: AddressForm,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertAddress(trx, personId, address);
    await recordAudit(trx, actor, {
      action: 'added-address',
      personId,
      subjectType: 'address',
      detail: { ...address },
    });
  });
}

/**
 * Ends a main or other address: it becomes a previous one, to that date. Answers false when
 * the address had already been ended (by someone else since the page opened).
 */
export async function endAddress(
  db: Db,
  actor: Actor,
  input: { personId: string; addressId: string; toDate: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('person_addresses')
      .set({ status: 'previous', to_date: input.toDate })
      .where('id', '=', input.addressId)
      .where('person_id', '=', input.personId)
      .where('status', 'in', ['main', 'other'])
      .returning('id')
      .executeTakeFirst();
    if (!ended) return false;
    await recordAudit(trx, actor, {
      action: 'ended-address',
      personId: input.personId,
      subjectType: 'address',
      subjectId: input.addressId,
      detail: { toDate: input.toDate },
    });
    return true;
  });
}

export type EmploymentOutcome =
  { saved: true; id: string } | { saved: false; field: 'fromDate'; message: string };

/**
 * Records a new employment status. The current one ends the day before the new one starts and
 * stays in the history; a new one cannot start before the current one did. All or nothing, with
 * its audit row.
 */
export async function addEmployment(
  db: Db,
  actor: Actor,
  personId: string,
  employment: EmploymentForm,
): Promise<EmploymentOutcome> {
  return db.transaction().execute(async (trx) => {
    // One change of employment at a time for a person, so two cannot both end the same status.
    await trx.selectFrom('people').select('id').where('id', '=', personId).forUpdate().execute();
    const history = await store.employmentHistory(trx, personId);
    const current = currentEmployment(history);
    const fromDate = employment.fromDate!;
    const problem = newEmploymentProblem(fromDate, current);
    if (problem) return { saved: false as const, field: 'fromDate' as const, message: problem };
    const ended = history.filter((e) => e.to_date === null);
    for (const previous of ended) {
      await trx
        .updateTable('employment_statuses')
        .set({ to_date: endOfPreviousEmployment(previous.from_date, fromDate) })
        .where('id', '=', previous.id)
        .where('to_date', 'is', null)
        .execute();
    }
    const { id } = await trx
      .insertInto('employment_statuses')
      .values({
        person_id: personId,
        status: employment.status,
        employer: employment.employer,
        from_date: fromDate,
        notes: employment.notes,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'added-employment-status',
      personId,
      subjectType: 'employment-status',
      subjectId: id,
      detail: {
        ...employment,
        ended: ended.map((e) => ({
          id: e.id,
          status: e.status,
          toDate: endOfPreviousEmployment(e.from_date, fromDate),
        })),
      },
    });
    return { saved: true as const, id };
  });
}
