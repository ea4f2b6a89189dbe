import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadDemoData } from '../src/demo-data/seed.js';
import { connectPostgres, openEmbedded } from '../src/platform/database/connect.js';
import { migrateToLatest } from '../src/platform/database/migrate.js';
import { adminUrl, templateDatabase, usePostgres } from './support/database-target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}

/**
 * Builds one migrated database with the demo data, once per run. Each test file
 * then starts from a copy of it: a PGlite data-directory dump, or a PostgreSQL
 * database created from a template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (usePostgres()) {
    const admin = connectPostgres(adminUrl(), 1);
    await admin.db.executeQuery({
      sql: `drop database if exists ${templateDatabase()} with (force)`,
      parameters: [],
    } as never);
    await admin.db.executeQuery({ sql: `create database ${templateDatabase()}`, parameters: [] } as never);
    const url = new URL(adminUrl());
    url.pathname = `/${templateDatabase()}`;
    const template = connectPostgres(url.toString(), 1);
    await migrateToLatest(template.db);
    await loadDemoData(template.db, new Date());
    await template.close();
    project.provide('embeddedTemplate', '');
    // The README promises the run leaves nothing behind: the template goes too.
    return async () => {
      await admin.db.executeQuery({
        sql: `drop database if exists ${templateDatabase()} with (force)`,
        parameters: [],
      } as never);
      await admin.close();
    };
  }
  const embedded = await openEmbedded({}, 'memory');
  await migrateToLatest(embedded.db);
  await loadDemoData(embedded.db, new Date());
  const dump = await embedded.pglite.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'probity-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide('embeddedTemplate', file);
  return async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  };
}
