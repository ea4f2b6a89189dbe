import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, for the start-up message. */
  location: string;
  close(): Promise<void>;
}

// Calendar dates stay 'yyyy-mm-dd' strings: a JS Date would shift them across time zones.
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));

export function connectPostgres(databaseUrl: string, maxConnections = 10): DatabaseHandle {
  // JIT compilation pays off for long reports, not for pages: a search whose cost estimate
  // crossed the JIT threshold spent 600 ms compiling to answer in 50 ms.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections, options: '-c jit=off' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  // Nor may one that loses it while a request holds it: that request's query fails (a 503 page)
  // and the pool drops the client on release, but the client's 'error' event, with no
  // listener, would otherwise be thrown as an uncaught exception.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(databaseUrl);
  return {
    db,
    kind: 'postgres',
    location: `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`,
    close: () => db.destroy(),
  };
}

export const embeddedExtensions = { pg_trgm, fuzzystrmatch };

export function embeddedParsers(): PGliteOptions['parsers'] {
  return {
    [DATE_OID]: (value: string) => value,
    [INT8_OID]: (value: string) => Number(value),
    [NUMERIC_OID]: (value: string) => Number(value),
  };
}

export async function openEmbedded(options: PGliteOptions, location: string, onClose?: () => void) {
  const pglite = await PGlite.create({
    ...options,
    extensions: embeddedExtensions,
    parsers: embeddedParsers(),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const handle: DatabaseHandle & { pglite: PGlite } = {
    db,
    pglite,
    kind: 'embedded',
    location,
    close: async () => {
      await db.destroy();
      onClose?.();
    },
  };
  return handle;
}

export async function connectEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const release = lockDataDirectory(dataDir);
  try {
    return await openEmbedded({ dataDir: path.join(dataDir, 'pgdata') }, dataDir, release);
  } catch (error) {
    release();
    throw error;
  }
}

export async function connect(config: { databaseUrl: string | undefined; dataDir: string }) {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : connectEmbedded(config.dataDir);
}
