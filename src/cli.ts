import { pathToFileURL } from 'node:url';
import { readConfig } from './config.js';
import { connect } from './platform/database/connect.js';
import { DataDirectoryInUseError } from './platform/database/data-dir-lock.js';
import { migrateToLatest } from './platform/database/migrate.js';

/** The `probity` command, for operators: `npm run probity -- <command>`. */

const USAGE = `Usage: npm run probity -- <command>

Commands:
  migrate   bring the database's schema up to date (PostgreSQL when DATABASE_URL is set,
            otherwise the embedded database in PROBITY_DATA_DIR), then exit`;

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Runs one command and answers the process exit code. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: CliOutput = console,
): Promise<number> {
  const [command] = args;
  if (command !== 'migrate') {
    out.error(command ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return 64;
  }
  const config = readConfig(env);
  let database;
  try {
    database = await connect(config);
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      out.error(error.message);
      return 2;
    }
    throw error;
  }
  try {
    const applied = await migrateToLatest(database.db);
    out.log(
      applied.length
        ? `Applied migrations to ${database.location}: ${applied.join(', ')}`
        : `The schema of ${database.location} is up to date`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
