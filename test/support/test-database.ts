import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { connectPostgres, openEmbedded, type DatabaseHandle } from '../../src/platform/database/connect.js';
import { adminUrl, templateDatabase, usePostgres } from './database-target.js';

/**
 * A fresh database for one test file, copied from the migrated template with the demo data.
 * On PostgreSQL, `url` says where it is, for tests that connect another way.
 */
export async function freshDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (usePostgres()) {
    const name = `probity_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = connectPostgres(adminUrl(), 1);
    await admin.db.executeQuery({
      sql: `create database ${name} template ${templateDatabase()}`,
      parameters: [],
    } as never);
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const handle = connectPostgres(url.toString(), 5);
    return {
      ...handle,
      url: url.toString(),
      close: async () => {
        await handle.close();
        await admin.db.executeQuery({
          sql: `drop database if exists ${name} with (force)`,
          parameters: [],
        } as never);
        await admin.close();
      },
    };
  }
  const file = inject('embeddedTemplate');
  const blob = new Blob([fs.readFileSync(file)]);
  return openEmbedded({ loadDataDir: blob }, 'memory');
}
