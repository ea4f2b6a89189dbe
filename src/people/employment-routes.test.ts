import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LIMITED_ACCESS } from '../demo-data/seed.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { addDays, longDate, todayInLondon } from '../platform/calendar/index.js';
import { employmentKind } from './rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const today = () => todayInLondon(new Date());
const used = new Set<string>();

/** A visible demo person not used by another test here, with no employment recorded yet. */
async function freshPerson() {
  const row = await db()
    .selectFrom('people')
    .select(['id', 'crn'])
    .where('exclusion_message', 'is', null)
    .where('restriction_message', 'is', null)
    .where('crn', 'not in', used.size ? [...used] : ['-'])
    .orderBy('crn')
    .executeTakeFirstOrThrow();
  used.add(row.crn);
  // The demo data gives everyone a status: start from none.
  await db().deleteFrom('employment_statuses').where('person_id', '=', row.id).execute();
  return row;
}

function dateForm(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

function statuses(personId: string) {
  return db()
    .selectFrom('employment_statuses')
    .select(['status', 'employer', 'from_date', 'to_date', 'notes', 'created_by_name'])
    .where('person_id', '=', personId)
    .orderBy('from_date')
    .execute();
}

function audits(personId: string) {
  return db()
    .selectFrom('audit_events')
    .select(['action', 'detail'])
    .where('person_id', '=', personId)
    .where('action', '=', 'added-employment-status')
    .execute();
}

describe('employment on the person’s record', () => {
  it('is added from the personal details page and shown there as current, audited with the change', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const details = await po.get(`/people/${person.crn}/personal-details`);
    expect(details.body).toContain('Employment');
    expect(details.body).toContain(`href="/people/${person.crn}/employment/new"`);
    expect(details.body).toContain('Add employment');
    const form = await po.get(`/people/${person.crn}/employment/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Unemployed and available for work');
    const since = addDays(today(), -30);
    const saved = await po.post(`/people/${person.crn}/employment/new`, {
      status: 'FULL-TIME',
      employer: 'Harlow Distribution',
      notes: 'Night shifts, Sunday to Thursday',
      ...dateForm('fromDate', since),
    });
    expect(saved.statusCode, saved.body.slice(0, 1500)).toBe(302);
    expect(saved.headers.location).toBe(`/people/${person.crn}/personal-details#employment`);
    expect(await statuses(person.id)).toEqual([
      {
        status: 'FULL-TIME',
        employer: 'Harlow Distribution',
        from_date: since,
        to_date: null,
        notes: 'Night shifts, Sunday to Thursday',
        created_by_name: 'Priya Okonjo',
      },
    ]);
    const page = await po.get(`/people/${person.crn}/personal-details`);
    expect(page.body).toContain('Employed full-time');
    expect(page.body).toContain('Harlow Distribution');
    expect(page.body).toContain(longDate(since));
    expect(page.body).toContain('Change employment');
    expect(await audits(person.id)).toMatchObject([
      { action: 'added-employment-status', detail: { status: 'FULL-TIME', employer: 'Harlow Distribution' } },
    ]);
  });

  it('refuses bad input with GOV.UK messages, keeping what was typed and writing nothing', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/employment/new`);
    const refused = await po.post(`/people/${person.crn}/employment/new`, {
      status: '',
      employer: 'Chelmsford College',
      notes: 'Level 2 plastering',
      'fromDate-day': '31',
      'fromDate-month': '2',
      'fromDate-year': '2025',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('Select the employment status');
    expect(refused.body).toContain('Date this started must be a real date');
    expect(refused.body).toContain('href="#fromDate-day"');
    expect(refused.body).toContain('value="Chelmsford College"');
    expect(refused.body).toContain('Level 2 plastering');
    expect(refused.body).toMatch(/name="fromDate-day" type="text" value="31"/);

    const future = await po.post(`/people/${person.crn}/employment/new`, {
      status: 'NOT-A-STATUS',
      employer: 'x'.repeat(101),
      notes: '',
      ...dateForm('fromDate', addDays(today(), 1)),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Select the employment status');
    expect(future.body).toContain('Employer or place of study must be 100 characters or fewer');
    expect(future.body).toContain('Date this started must be today or in the past');
    expect(await statuses(person.id)).toEqual([]);
    expect(await audits(person.id)).toEqual([]);
  });

  it('keeps the history: a new status ends the current one the day before, and cannot start before it', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const first = addDays(today(), -400);
    const second = addDays(today(), -10);
    await po.get(`/people/${person.crn}/employment/new`);
    expect(
      (
        await po.post(`/people/${person.crn}/employment/new`, {
          status: 'PART-TIME',
          employer: 'A café in Braintree',
          notes: '',
          ...dateForm('fromDate', first),
        })
      ).statusCode,
    ).toBe(302);
    const change = await po.get(`/people/${person.crn}/employment/new`);
    expect(change.body).toContain('Current status: Employed part-time, A café in Braintree');
    const early = await po.post(`/people/${person.crn}/employment/new`, {
      status: 'UNEMPLOYED',
      employer: '',
      notes: 'Café closed',
      ...dateForm('fromDate', addDays(first, -1)),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `The date this started must be on or after ${longDate(first)}, when the current status (employed part-time) started`,
    );
    expect(early.body).toContain('Café closed');
    expect(await statuses(person.id)).toHaveLength(1);

    expect(
      (
        await po.post(`/people/${person.crn}/employment/new`, {
          status: 'UNEMPLOYED',
          employer: '',
          notes: 'Café closed',
          ...dateForm('fromDate', second),
        })
      ).statusCode,
    ).toBe(302);
    expect(await statuses(person.id)).toMatchObject([
      { status: 'PART-TIME', from_date: first, to_date: addDays(second, -1) },
      { status: 'UNEMPLOYED', from_date: second, to_date: null, employer: null, notes: 'Café closed' },
    ]);
    const page = await po.get(`/people/${person.crn}/personal-details`);
    const card = page.body.slice(page.body.indexOf('id="employment"'));
    expect(card).toMatch(/Current status[\s\S]*Unemployed and available for work/);
    expect(card).toContain('Before that');
    expect(card).toContain(
      `Employed part-time, A café in Braintree, from ${longDate(first)} to ${longDate(addDays(second, -1))}`,
    );
    expect(await audits(person.id)).toHaveLength(2);
  });

  it('may be changed only by those who change the record, and not for a person hidden from them', async () => {
    const person = await freshPerson();
    const facilitator = await t.signIn('facilitator.demo');
    const page = await facilitator.get(`/people/${person.crn}/personal-details`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Employment');
    expect(page.body).not.toContain(`/people/${person.crn}/employment/new`);
    expect((await facilitator.get(`/people/${person.crn}/employment/new`)).statusCode).toBe(403);
    const refused = await facilitator.post(`/people/${person.crn}/employment/new`, {
      status: 'FULL-TIME',
      employer: '',
      notes: '',
      ...dateForm('fromDate', today()),
    });
    expect(refused.statusCode).toBe(403);
    expect(await statuses(person.id)).toEqual([]);

    const excluded = await db()
      .selectFrom('people')
      .select(['id', 'crn'])
      .where('crn', '=', DEMO_LIMITED_ACCESS.excludedCrn)
      .executeTakeFirstOrThrow();
    const before = await statuses(excluded.id);
    const po = await t.signIn('po.demo');
    const visible = await po.get(`/people/${person.crn}/employment/new`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(visible.body)![1]!;
    const hidden = await po.get(`/people/${excluded.crn}/employment/new`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.body).toContain('conflict of interest');
    const post = await po.post(`/people/${excluded.crn}/employment/new`, {
      _csrf: csrf,
      status: 'FULL-TIME',
      employer: '',
      notes: '',
      ...dateForm('fromDate', today()),
    });
    expect(post.statusCode).toBe(403);
    expect(await statuses(excluded.id)).toEqual(before);
  });

  it('offers only statuses whose meaning for the assessment is known', async () => {
    const codes = await db()
      .selectFrom('reference_data')
      .select('code')
      .where('set_code', '=', 'employment-status')
      .execute();
    expect(codes.length).toBe(9);
    expect(codes.filter((c) => employmentKind(c.code) === null)).toEqual([]);
  });
});
