import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../platform/database/connect.js';
import { freshDatabase } from '../../test/support/test-database.js';
import { needsLargePrint } from './store.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database.close());

describe('large print letters', () => {
  it('follow a current disability’s reasonable adjustments, and stop once it is removed', async () => {
    const { db } = database;
    const person = await db
      .selectFrom('people')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('person_disabilities').select('id').whereRef('person_id', '=', 'people.id'),
          ),
        ),
      )
      .orderBy('crn')
      .executeTakeFirstOrThrow();
    expect(await needsLargePrint(db, person.id)).toBe(false);
    const { id } = await db
      .insertInto('person_disabilities')
      .values({ person_id: person.id, disability: 'VIS', reasonable_adjustments: 'Letters in large print' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await needsLargePrint(db, person.id)).toBe(true);
    await db
      .updateTable('person_disabilities')
      .set({ removed_at: new Date(), removed_by_name: 'Priya Okonjo', removal_reason: 'Recorded in error' })
      .where('id', '=', id)
      .execute();
    expect(await needsLargePrint(db, person.id)).toBe(false);
  });
});
