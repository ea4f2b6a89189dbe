import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { connectEmbedded } from './platform/database/connect.js';

function recorder() {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
}

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run migrate', () => {
  it('creates the embedded database and brings its schema up to date, then says it is up to date', async () => {
    const dir = tempDataDir();
    const env = { PROBITY_DATA_DIR: dir, NODE_ENV: 'test' };
    const first = recorder();
    expect(await runCli(['migrate'], env, first.out)).toBe(0);
    expect(first.lines.join('\n')).toMatch(/Applied migrations to .*001_platform/);
    const second = recorder();
    expect(await runCli(['migrate'], env, second.out)).toBe(0);
    expect(second.lines.join('\n')).toContain('is up to date');
    // The lock is released: the database opens again and holds the schema.
    const database = await connectEmbedded(dir);
    const people = await database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await database.close();
    expect(Number(people.n)).toBe(0);
  }, 60_000);

  it('explains its usage for an unknown command', async () => {
    const r = recorder();
    expect(await runCli(['frobnicate'], {}, r.out)).toBe(64);
    expect(r.lines.join('\n')).toContain('Unknown command: frobnicate');
    expect(r.lines.join('\n')).toContain('migrate');
  });
});
