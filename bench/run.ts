/**
 * `npm run bench [-- --requests 200 --concurrency 8]`: measures, on PostgreSQL
 * (DATABASE_URL, required; fill it with `npm run generate` first), the latency
 * (p50, p95, sequential requests) and throughput (concurrent requests) of the
 * pages officers use most, through the real app (Fastify inject, signed in as
 * po.demo): my caseload, a person's overview, the first page of the activity
 * log, search by surname, and recording an outcome. Prints a table and writes it
 * to bench/results/<date>.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createProbity } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo-data/seed.js';
import { connectPostgres } from '../src/platform/database/connect.js';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** A signed-in browser over inject: cookies and the session's CSRF token. */
class Session {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(response: Awaited<ReturnType<FastifyInstance['inject']>>) {
    for (const c of response.cookies) this.cookies.set(c.name, c.value);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1]!;
    return response;
  }
  async get(url: string) {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }
  async post(url: string, form: Record<string, string>) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Result {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  throughput: number;
  errors: number;
}

async function measure(
  name: string,
  requests: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<Result> {
  let errors = 0;
  const ok = (status: number) => {
    if (status >= 400) errors++;
  };
  for (let i = 0; i < 5; i++) ok(await request(i)); // warm up
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    ok(await request(5 + i));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) ok(await request(5 + requests + next++));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    name,
    requests,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1]!,
    throughput: requests / seconds,
    errors,
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is required: the benchmark runs on PostgreSQL (fill it with npm run generate).',
    );
    process.exit(2);
  }
  const requests = argument('requests', 200);
  const concurrency = argument('concurrency', 8);
  const handle = connectPostgres(url, 10);
  const db = handle.db;
  const config = readConfig({
    ...process.env,
    NODE_ENV: 'test',
    PROBITY_SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
  });
  const app = await createProbity({ db, config, now: () => new Date() });
  await app.ready();
  try {
    const counts = (
      await sql<{ people: number; contacts: number }>`
        select (select count(*)::int from people) as people, (select count(*)::int from contacts) as contacts`.execute(
        db,
      )
    ).rows[0]!;
    const session = new Session(app);
    await session.get('/sign-in');
    const signedIn = await session.post('/sign-in', { username: 'po.demo', password: DEMO_PASSWORD });
    if (signedIn.statusCode !== 302) throw new Error(`Sign-in failed: ${signedIn.statusCode}`);
    await session.get('/search');

    const visible = await db
      .selectFrom('people')
      .select('crn')
      .where('exclusion_message', 'is', null)
      .where('restriction_message', 'is', null)
      .orderBy(sql`md5(crn)`)
      .limit(1000)
      .execute();
    const crns = visible.map((p) => p.crn);
    const untiered = await db
      .selectFrom('people')
      .select('crn')
      .where('exclusion_message', 'is', null)
      .where('restriction_message', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('tier_calculations as t').select('t.id').whereRef('t.person_id', '=', 'people.id'),
          ),
        ),
      )
      .orderBy(sql`md5(crn)`)
      .limit(5 + 2 * requests)
      .execute();
    const firstViewCrns = untiered.map((p) => p.crn);
    const surnames = [
      'Smith',
      'Jones',
      'Patel',
      'Khan',
      'Taylor',
      'Nowak',
      'Brown',
      'Wilson',
      'Smyth',
      'Robinson',
    ];
    const caseloadSize = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from allocations a join users u on u.staff_id = a.staff_id
        where u.username = 'po.demo' and a.ended_at is null`.execute(db)
    ).rows[0]!.n;
    const results: Result[] = [];
    results.push(
      await measure(
        'My caseload',
        requests,
        concurrency,
        async () => (await session.get('/caseload')).statusCode,
      ),
    );
    // A generated person has no tier yet: the first view of them works it out and stores it,
    // once, as a real record does when the sentence is entered. Measured apart from the views after.
    const overview = async (i: number) =>
      (await session.get(`/people/${firstViewCrns[i % firstViewCrns.length]}`)).statusCode;
    if (firstViewCrns.length >= 5 + 2 * requests)
      results.push(
        await measure(
          'A person’s overview, first view (works out the tier)',
          requests,
          concurrency,
          overview,
        ),
      );
    results.push(
      await measure(
        'A person’s overview',
        requests,
        concurrency,
        async (i) => (await session.get(`/people/${crns[i % crns.length]}`)).statusCode,
      ),
    );
    results.push(
      await measure(
        'Activity log, first page',
        requests,
        concurrency,
        async (i) => (await session.get(`/people/${crns[(i * 7) % crns.length]}/activity`)).statusCode,
      ),
    );
    results.push(
      await measure(
        'Search by surname',
        requests,
        concurrency,
        async (i) => (await session.get(`/search?q=${surnames[i % surnames.length]}`)).statusCode,
      ),
    );
    // The pages this work added for one person: the Assessments tab, an assessment's task list with
    // its needs and predictors worked out, and the Plans tab; and the manager's team caseload.
    results.push(
      await measure(
        'Assessments tab',
        requests,
        concurrency,
        async (i) => (await session.get(`/people/${crns[(i * 3) % crns.length]}/assessments`)).statusCode,
      ),
    );
    const assessed = await db
      .selectFrom('assessments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['p.crn', 'a.id'])
      .where('p.exclusion_message', 'is', null)
      .where('p.restriction_message', 'is', null)
      .orderBy(sql`md5(a.id::text)`)
      .limit(1000)
      .execute();
    results.push(
      await measure('An assessment (sections, needs, predictors)', requests, concurrency, async (i) => {
        const a = assessed[i % assessed.length]!;
        return (await session.get(`/people/${a.crn}/assessments/${a.id}`)).statusCode;
      }),
    );
    results.push(
      await measure(
        'Plans tab',
        requests,
        concurrency,
        async (i) => (await session.get(`/people/${crns[(i * 5) % crns.length]}/plans`)).statusCode,
      ),
    );
    results.push(
      await measure(
        'Personal details (employment, aliases, disabilities)',
        requests,
        concurrency,
        async (i) =>
          (await session.get(`/people/${crns[(i * 11) % crns.length]}/personal-details`)).statusCode,
      ),
    );
    results.push(
      await measure(
        'A person’s enforcement tab',
        requests,
        concurrency,
        async (i) => (await session.get(`/people/${crns[(i * 13) % crns.length]}/enforcement`)).statusCode,
      ),
    );
    results.push(
      await measure(
        'Enforcement caseload (officer)',
        requests,
        concurrency,
        async () => (await session.get('/enforcement')).statusCode,
      ),
    );
    const manager = new Session(app);
    await manager.get('/sign-in');
    await manager.post('/sign-in', { username: 'manager.demo', password: DEMO_PASSWORD });
    await manager.get('/search');
    results.push(
      await measure(
        'Team caseload (manager)',
        requests,
        concurrency,
        async () => (await manager.get('/team')).statusCode,
      ),
    );
    const needed = 5 + requests * 2;
    const pending = await db
      .selectFrom('contacts as c')
      .innerJoin('contact_types as t', 't.code', 'c.contact_type')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.id', 'p.crn', 'c.row_version'])
      .where('c.outcome_code', 'is', null)
      .where('t.attendance_required', '=', true)
      .where('c.starts_at', '<', new Date())
      .where('p.exclusion_message', 'is', null)
      .where('p.restriction_message', 'is', null)
      .limit(needed)
      .execute();
    // Each outcome is recorded once: fewer requests when fewer appointments await one.
    const outcomeRequests = Math.min(requests, Math.floor((pending.length - 5) / 2));
    if (outcomeRequests < 10) throw new Error(`Only ${pending.length} appointments await an outcome`);
    results.push(
      await measure('Record an outcome (POST)', outcomeRequests, concurrency, async (i) => {
        const c = pending[i]!;
        const response = await session.post(`/people/${c.crn}/activity/${c.id}/outcome`, {
          outcome: 'ATTC',
          notes: 'Recorded by the benchmark',
          sensitive: '',
          minutesCredited: '',
          rowVersion: String(c.row_version),
        });
        return response.statusCode === 302 ? 200 : response.statusCode;
      }),
    );

    const date = new Date().toISOString().slice(0, 10);
    const lines = [
      `# Probity benchmark, ${new Date().toISOString()}`,
      '',
      `PostgreSQL at ${new URL(url).host}${new URL(url).pathname}: ${counts.people.toLocaleString('en-GB')} people, ${counts.contacts.toLocaleString('en-GB')} contacts.`,
      `Signed in as po.demo (caseload of ${caseloadSize} people). Through the real app with Fastify inject (no network).`,
      `Latency: ${requests} sequential requests after 5 warm-up requests. Throughput: ${requests} requests, ${concurrency} at a time.`,
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node.js ${process.version}.`,
      '',
      '| page | requests | p50 ms | p95 ms | max ms | requests/s | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.throughput.toFixed(0)} | ${r.errors} |`,
      ),
      '',
    ];
    const report = lines.join('\n');
    console.log(report);
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${date}.md`);
    fs.appendFileSync(file, `${report}\n`);
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await handle.close();
  }
}

await main();
