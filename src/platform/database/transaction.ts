import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs a use case in one transaction: its own, or the caller's when it is given one
 * (the demo data loader records decisions inside the transaction that loads the rest,
 * so the demo data loads whole or not at all). In the caller's transaction a failed
 * statement fails the caller's transaction too.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
