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

export const TEMPLATE_DATABASE = 'probity_test_template';
