/** Which database the integration suite runs on: PGlite by default, PostgreSQL for `npm run test:pg`. */
export function usePostgres(): boolean {
  return process.env.PROBITY_TEST_DB === 'pg';
}

export function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'npm run test:pg needs DATABASE_URL, for example postgres://postgres@127.0.0.1:5432/postgres',
    );
  return url;
}

/**
 * The template is named after the target database, so that two test runs on one
 * server, each with its own DATABASE_URL, never drop each other's template.
 */
export function templateDatabase(): string {
  const name = new URL(adminUrl()).pathname.replace(/^\//, '').replace(/[^a-z0-9_]/gi, '_');
  return `probity_template_${name || 'postgres'}`.toLowerCase();
}
