import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function visibleCrn() {
  return (
    await t.database.db
      .selectFrom('people')
      .select('crn')
      .where('exclusion_message', 'is', null)
      .where('restriction_message', 'is', null)
      .orderBy('crn')
      .executeTakeFirstOrThrow()
  ).crn;
}

describe('the audit trail', () => {
  it('shows administrators who looked at which record, when, and what they looked at', async () => {
    const crn = await visibleCrn();
    const po = await t.signIn('po.demo');
    expect((await po.get(`/people/${crn}/personal-details`)).statusCode).toBe(200);
    const admin = await t.signIn('admin.demo');
    const page = await admin.get(`/admin/audit?crn=${crn.toLowerCase()}`);
    expect(page.statusCode).toBe(200);
    const rows = page.body.slice(page.body.indexOf('<tbody'));
    expect(rows).toContain('Priya Okonjo');
    expect(rows).toContain('viewed-record');
    expect(rows).toContain('Page: personal details');
    // Administrators cannot open records, so the CRN is not a link to one.
    expect(rows).not.toContain(`href="/people/${crn}"`);
  });

  it('reads the from and to dates as days in London', async () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    await t.database.db
      .insertInto('audit_events')
      .values({
        occurred_at: new Date('2026-06-30T23:30:00Z'),
        actor_name: 'Test Auditor',
        action: 'signed-in',
      })
      .execute();
    const admin = await t.signIn('admin.demo');
    const search = (from: string, to: string) => {
      const [fd, fm, fy] = from.split('/');
      const [td, tm, ty] = to.split('/');
      return admin.get(
        `/admin/audit?actor=test+auditor&from-day=${fd}&from-month=${fm}&from-year=${fy}&to-day=${td}&to-month=${tm}&to-year=${ty}`,
      );
    };
    expect((await search('1/7/2026', '1/7/2026')).body).toContain('Test Auditor');
    expect((await search('30/6/2026', '30/6/2026')).body).not.toContain('Test Auditor');
  });

  it('takes the name as words, not a pattern', async () => {
    const admin = await t.signIn('admin.demo');
    const page = await admin.get('/admin/audit?actor=%25');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No events match.');
  });

  it('refuses bad input with GOV.UK messages, keeping what was typed', async () => {
    const admin = await t.signIn('admin.demo');
    const page = await admin.get(
      '/admin/audit?crn=123&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026',
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('Enter a CRN as a letter and six digits');
    expect(page.body).toContain('From date must be a real date');
    expect(page.body).toContain('value="123"');
    expect(page.body).toContain('value="31"');
    const backwards = await admin.get(
      '/admin/audit?from-day=2&from-month=1&from-year=2026&to-day=1&to-month=1&to-year=2026',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('To date must be the same as or after the from date');
  });

  it('is for administrators only', async () => {
    const po = await t.signIn('po.demo');
    expect((await po.get('/admin/audit')).statusCode).toBe(403);
  });
});
