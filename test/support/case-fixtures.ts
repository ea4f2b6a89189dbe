import type { Db } from '../../src/platform/database/connect.js';

/**
 * Case records for integration tests, inserted directly as the sentence and
 * appointment pages would have recorded them.
 */

/**
 * A person allocated to the officer, not limited-access, with no failure to comply
 * yet and no MAPPA registration (which would change recall eligibility).
 */
export async function cleanPersonOf(db: Db, staffId: string, offset: number) {
  return db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .select(['people.id', 'people.crn'])
    .where('allocations.staff_id', '=', staffId)
    .where('allocations.ended_at', 'is', null)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contacts')
            .select('contacts.id')
            .whereRef('contacts.person_id', '=', 'people.id')
            .where('contacts.outcome_code', 'in', ['AFTC', 'ATSH', 'ATFI', 'UAAB', 'AFTA']),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('registrations')
            .select('registrations.id')
            .whereRef('registrations.person_id', '=', 'people.id')
            .where('registrations.type_code', '=', 'MAPP'),
        ),
      ),
    )
    .orderBy('people.crn')
    .offset(offset)
    .executeTakeFirstOrThrow();
}

/** A 12-month community order with 120 hours of unpaid work, or an 18-month licence with two conditions. */
export async function addOrder(db: Db, personId: string, type: 'CO' | 'LIC', start: string) {
  const event = await db
    .insertInto('events')
    .values({
      person_id: personId,
      event_number: 90 + Math.floor(Math.random() * 900),
      conviction_date: start,
      court_code: 'CHELMC',
      updated_by_name: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('orders')
    .values({
      person_id: personId,
      event_id: event.id,
      order_type: type,
      sentence_date: start,
      start_date: start,
      length_months: type === 'CO' ? 12 : null,
      custodial_term_months: type === 'LIC' ? 18 : null,
      expected_end_date: '2027-11-01',
      release_date: type === 'LIC' ? start : null,
      licence_expiry_date: type === 'LIC' ? '2027-11-01' : null,
      updated_by_name: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (type === 'CO') {
    await db
      .insertInto('requirements')
      .values({
        person_id: personId,
        order_id: row.id,
        type_code: 'W',
        units: 120,
        start_date: start,
        updated_by_name: 'test',
      })
      .execute();
  } else {
    for (const code of ['STD3', 'ADD06']) {
      await db
        .insertInto('licence_conditions')
        .values({ person_id: personId, order_id: row.id, condition_code: code, start_date: start })
        .execute();
    }
  }
  return row.id;
}

/** An office appointment at 10:00 on `date` with the outcome given (an unacceptable absence by default). */
export async function addFailure(
  db: Db,
  staffId: string,
  personId: string,
  orderId: string | null,
  date: string,
  outcome = 'UAAB',
) {
  const row = await db
    .insertInto('contacts')
    .values({
      person_id: personId,
      contact_type: 'COAP',
      starts_at: `${date}T10:00:00Z`,
      contact_date: date,
      staff_id: staffId,
      order_id: orderId,
      outcome_code: outcome,
      notes: outcome === 'UAAB' ? 'Did not attend and did not call.' : null,
      created_by_name: 'test',
      updated_by_name: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
