import { readConfig } from './config.js';
import { createProbity } from './app.js';
import { hasAnyPeople, loadDemoData } from './demo-data/seed.js';
import { connect } from './platform/database/connect.js';
import { DataDirectoryInUseError } from './platform/database/data-dir-lock.js';
import { migrateToLatest } from './platform/database/migrate.js';

/** Start-up: config → database → migrations → demo data (first run) → HTTP. */
async function main() {
  const config = readConfig();
  const database = await connect(config);
  if (database.kind === 'embedded') {
    console.log(`Probity is using the embedded database in ${database.location}`);
    console.log(
      'The embedded database is for trying Probity out on one machine. In production, set DATABASE_URL to a PostgreSQL database.',
    );
  } else {
    console.log(`Probity is using ${database.location}`);
  }
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  const wantDemo =
    config.demoData === 'always' || (config.demoData === 'auto' && database.kind === 'embedded');
  if (wantDemo && !(await hasAnyPeople(database.db))) {
    console.log('Loading the demo data (synthetic people only) ...');
    await loadDemoData(database.db, new Date());
    console.log(
      'Demo data loaded. Sign in as po.demo, pso.demo, facilitator.demo, upw.demo, manager.demo or admin.demo with the password Probation-Demo-1.',
    );
  }

  const app = await createProbity(
    { db: database.db, config, now: () => new Date() },
    { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  );
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Probity is running at http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof DataDirectoryInUseError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
