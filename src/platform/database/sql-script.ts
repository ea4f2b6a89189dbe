import { sql, type Kysely } from 'kysely';

/** Splits a script at semicolons that end a line, except inside $$-quoted bodies. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let insideDollarQuote = false;
  for (const line of script.split('\n')) {
    if (line.trimStart().startsWith('--') && !insideDollarQuote) continue;
    current += `${line}\n`;
    const dollarQuotes = line.match(/\$\$/g)?.length ?? 0;
    if (dollarQuotes % 2 === 1) insideDollarQuote = !insideDollarQuote;
    if (!insideDollarQuote && line.trimEnd().endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/**
 * Runs a script of DDL statements one at a time: both drivers send queries
 * through the extended protocol, which takes one statement per query.
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
