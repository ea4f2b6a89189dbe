import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addFailure as addFailureTo,
  addOrder as addOrderTo,
  cleanPersonOf,
} from '../../test/support/case-fixtures.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { readPdf as readRawPdf } from '../platform/documents/index.js';
import { breachPackDue, decisionDue, evidenceWindowCloses, warningExpires } from './rules.js';

/**
 * Enforcement pages end to end on PGlite. Orders and failures are inserted directly
 * (test/support/case-fixtures.ts), as the sentence and appointment pages would have recorded them. The clock is
 * fixed on Monday 23 November 2026.
 */

const TODAY = '2026-11-23';
let t: TestApp;
let po: Browser;
let manager: Browser;
let person: { id: string; crn: string };
let licensee: { id: string; crn: string };
let order: string;
let licence: string;
let poStaffId: string;

const personOf = (staffId: string, offset: number) => cleanPersonOf(t.database.db, staffId, offset);
const addOrder = (personId: string, type: 'CO' | 'LIC', start: string) =>
  addOrderTo(t.database.db, personId, type, start);
const addFailure = (personId: string, orderId: string | null, date: string, outcome = 'UAAB') =>
  addFailureTo(t.database.db, poStaffId, personId, orderId, date, outcome);

const enforcementOf = (crn: string) => `/people/${crn}/enforcement`;

async function decide(browser: Browser, crn: string, contactId: string, form: Record<string, string>) {
  await browser.get(`${enforcementOf(crn)}/decisions/${contactId}`);
  return browser.post(`${enforcementOf(crn)}/decisions/${contactId}`, {
    officerReasons: '',
    overrideReason: '',
    ...form,
  });
}

/** The PDF's text with line wrapping undone, so sentences can be checked whole. */
async function readPdf(bytes: Uint8Array) {
  const read = await readRawPdf(bytes);
  return { ...read, text: read.text.replace(/\s+/g, ' ') };
}

/** The failure count on the person's overview and on the officer's caseload. */
async function failuresShown(crn: string) {
  const overview = (await po.get(`/people/${crn}`)).body;
  const caseload = (await po.get('/caseload')).body;
  const row = caseload.split(`<td class="govuk-table__cell">${crn}</td>`)[1]!.split('</tr>')[0]!;
  return {
    overview: Number(/data-figure="failures"><strong>(\d+)<\/strong>/.exec(overview)![1]),
    caseload: Number(/<strong data-figure="failures">(\d+)<\/strong>/.exec(row)![1]),
  };
}

/** Whether the person is marked as in breach on their overview, the officer's caseload and the team's. */
async function marks(crn: string) {
  const rowOf = (html: string) => html.split(`/people/${crn}"`)[1]!.split('</tr>')[0]!;
  const overview = (await po.get(`/people/${crn}`)).body;
  return {
    overview:
      /data-figure="in-progress">\s*<p[^>]*><strong class="govuk-tag govuk-tag--red">Order in breach/.test(
        overview,
      ),
    caseload: rowOf((await po.get('/caseload')).body).includes('Order in breach'),
    team: rowOf((await manager.get('/team')).body).includes('Order in breach'),
  };
}

const rowVersionFrom = (html: string) => /name="rowVersion" value="(\d+)"/.exec(html)![1]!;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date(`${TODAY}T10:00:00Z`);
  const user = await t.database.db
    .selectFrom('users')
    .select(['staff_id', 'password_hash'])
    .where('username', '=', 'po.demo')
    .executeTakeFirstOrThrow();
  poStaffId = user.staff_id!;
  person = await personOf(poStaffId, 0);
  licensee = await personOf(poStaffId, 1);
  order = await addOrder(person.id, 'CO', '2026-06-01');
  licence = await addOrder(licensee.id, 'LIC', '2026-07-01');
  // A second manager in the same team (a probation officer's grade, so not a senior manager).
  const managerUser = await t.database.db
    .selectFrom('users')
    .select(['password_hash'])
    .where('username', '=', 'manager.demo')
    .executeTakeFirstOrThrow();
  const otherStaff = await t.database.db
    .selectFrom('staff')
    .select('id')
    .where('staff_code', '=', 'N01A007')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('users')
    .values({
      username: 'manager2.test',
      staff_id: otherStaff.id,
      display_name: 'Gareth Pryce',
      password_hash: managerUser.password_hash,
      roles: ['manager'],
      must_change_password: false,
    })
    .execute();
  po = await t.signIn('po.demo');
  manager = await t.signIn('manager.demo');
});
afterAll(async () => t.close());

describe('who may use enforcement', () => {
  it('refuses an administrator the tab and the caseload, and a facilitator the forms and the caseload', async () => {
    const admin = await t.signIn('admin.demo');
    expect((await admin.get(enforcementOf(person.crn))).statusCode).toBe(403);
    expect((await admin.get('/enforcement')).statusCode).toBe(403);
    const facilitator = await t.signIn('facilitator.demo');
    expect((await facilitator.get(enforcementOf(person.crn))).statusCode).toBe(200);
    expect((await facilitator.get('/enforcement')).statusCode).toBe(403);
    const contact = await addFailure(person.id, order, '2026-01-05', 'ATTC');
    expect((await facilitator.get(`${enforcementOf(person.crn)}/decisions/${contact}`)).statusCode).toBe(403);
  });

  it('shows the Enforcement navigation item and tab to officers and managers', async () => {
    const page = await po.get(enforcementOf(person.crn));
    expect(page.body).toContain('href="/enforcement"');
    expect(page.body).toContain(`href="/people/${person.crn}/enforcement"`);
    expect((await manager.get('/search')).body).toContain('href="/enforcement"');
  });
});

let first: string;
let warningId: string;

describe('enforcement decisions, derived from contacts', () => {
  it('opens a decision for an enforceable outcome, with what the law requires and its clock', async () => {
    first = await addFailure(person.id, order, '2026-11-19');
    const page = await po.get(enforcementOf(person.crn));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Decisions needed');
    expect(page.body).toContain('Warn or breach');
    expect(page.body).toContain('No live warning on 19 November 2026');
    expect(page.body).toContain('Sentencing Code Sch 10 para 6');
    expect(decisionDue('2026-11-19')).toBe('2026-11-23');
    expect(page.body).toContain('Due today');
    expect(page.body).toMatch(/Failures to comply in 12 months[\s\S]*?<strong>1<\/strong>/);
  });

  it('counts down the evidence window for failed to attend, then opens the decision when it closes', async () => {
    await addFailure(person.id, order, '2026-11-20', 'AFTA');
    const closed = await addFailure(person.id, order, '2026-11-09', 'AFTA');
    const page = await po.get(enforcementOf(person.crn));
    expect(page.body).toContain('Waiting for evidence');
    expect(page.body).toContain('27 November 2026');
    expect(evidenceWindowCloses('2026-11-20').answer).toBe('2026-11-27');
    expect(page.body).toContain('Due in 4 working days');
    expect(page.body).toContain(`/decisions/${closed}`);
    // The closed window makes the failure on 9 November unacceptable everywhere it is counted,
    // without anyone opening a page first: the tab, the overview and the caseload agree.
    expect(page.body).toMatch(/Failures to comply in 12 months[\s\S]*?<strong>2<\/strong>/);
    expect(await failuresShown(person.crn)).toEqual({ overview: 2, caseload: 2 });
  });

  it('refuses a decision without an action or reasons, keeping what was typed and writing nothing', async () => {
    const response = await decide(po, person.crn, first, { action: '', officerReasons: 'Typed this' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Select what you have decided to do');
    expect(response.body).toContain('Typed this');
    const rows = await t.database.db
      .selectFrom('enforcement_decisions')
      .select('id')
      .where('contact_id', '=', first)
      .execute();
    expect(rows).toHaveLength(0);
    const bad = await decide(po, person.crn, first, { action: 'recall', officerReasons: 'x' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('warning letters', () => {
  it('previews the letter with the statutory elements, large print and a language note, then issues it as a PDF', async () => {
    await t.database.db
      .updateTable('people')
      .set({ interpreter_required: true, first_language: 'Polish' })
      .where('id', '=', person.id)
      .execute();
    await t.database.db
      .insertInto('person_disabilities')
      .values({
        person_id: person.id,
        disability: 'Visual impairment',
        reasonable_adjustments: 'Letters in large print',
      })
      .execute();
    const decided = await decide(po, person.crn, first, { action: 'warn', officerReasons: 'First failure.' });
    expect(decided.statusCode).toBe(302);
    expect(decided.headers.location).toBe(`${enforcementOf(person.crn)}/decisions/${first}/warning`);
    const preview = await po.get(String(decided.headers.location));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('On 19 November 2026 you were required to attend');
    expect(preview.body).toContain('is unacceptable');
    expect(preview.body).toContain('liable to be brought before the court');
    expect(preview.body).toContain('in large print');
    expect(preview.body).toContain('This letter is available in Polish');

    const issued = await po.post(String(decided.headers.location));
    expect(issued.statusCode).toBe(302);
    const warning = await t.database.db
      .selectFrom('warnings')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    warningId = warning.id;
    expect(warning.issued_on).toBe(TODAY);
    expect(warning.large_print).toBe(true);
    const pdf = await readPdf(warning.pdf);
    expect(pdf.tagged).toBe(true);
    expect(pdf.text).toContain('unacceptable absence');
    expect(pdf.text).toContain('is unacceptable');
    expect(pdf.text).toContain(
      `within 12 months of this warning (that is, by ${'22 November 2027'}), you will be liable to be brought before the court`,
    );
    expect(warningExpires(TODAY)).toBe('2027-11-22');
    expect(pdf.text).toContain('Polish');
    const address = await t.database.db
      .selectFrom('person_addresses')
      .select('postcode')
      .where('person_id', '=', person.id)
      .where('status', '=', 'main')
      .executeTakeFirst();
    if (address) expect(pdf.text).toContain(address.postcode);
    const letterContact = await t.database.db
      .selectFrom('contacts')
      .select(['contact_type'])
      .where('id', '=', warning.letter_contact_id!)
      .executeTakeFirstOrThrow();
    expect(letterContact.contact_type).toBe('EA02');

    const download = await po.get(`${enforcementOf(person.crn)}/warnings/${warning.id}/letter.pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.rawPayload, Buffer.from(warning.pdf))).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('person_id', '=', person.id)
      .where('action', 'in', [
        'issued-warning',
        'downloaded-enforcement-document',
        'recorded-enforcement-decision',
      ])
      .execute();
    expect(new Set(audit.map((a) => a.action)).size).toBe(3);

    const again = await po.post(`${enforcementOf(person.crn)}/decisions/${first}/warning`);
    expect(again.statusCode).toBe(409);
    const overview = await po.get(`/people/${person.crn}`);
    expect(overview.body).toContain('Enforcement at a glance');
    expect(overview.body).toContain('Warning given 23 November 2026, live until 22 November 2027');
  });

  it('requires breach after a live warning: refuses an officer another warning, lets a manager override with reasons', async () => {
    const second = await addFailure(person.id, order, TODAY);
    const page = await po.get(enforcementOf(person.crn));
    expect(page.body).toContain('Breach required');
    expect(page.body).toContain('Warning given on 23 November 2026');

    const refused = await decide(po, person.crn, second, {
      action: 'warn',
      officerReasons: 'Another chance',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('the law requires a referral for breach');
    expect(refused.body).toContain('Another chance');

    const noReason = await decide(manager, person.crn, second, {
      action: 'warn',
      officerReasons: 'Bereavement',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why you are overriding');

    const overridden = await decide(manager, person.crn, second, {
      action: 'warn',
      officerReasons: 'Bereavement',
      overrideReason: 'Close family bereavement the day before; a second warning is proportionate.',
    });
    expect(overridden.statusCode).toBe(302);
    const decision = await t.database.db
      .selectFrom('enforcement_decisions')
      .selectAll()
      .where('contact_id', '=', second)
      .executeTakeFirstOrThrow();
    expect(decision.required_action).toBe('breach-required');
    expect(decision.override_reason).toContain('bereavement');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', second)
      .where('action', '=', 'recorded-enforcement-decision')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      action: 'warn',
      requiredAction: 'breach-required',
      override: true,
      overrideReason: 'Close family bereavement the day before; a second warning is proportionate.',
    });
    const tab = await po.get(enforcementOf(person.crn));
    expect(tab.body).toContain('Decisions made');
    expect(tab.body).toContain(
      '<strong>Manager override:</strong> Close family bereavement the day before; a second warning is proportionate.',
    );
  });

  it('lets only one of two officers deciding the same failure at once succeed', async () => {
    const third = await addFailure(person.id, order, '2026-11-16');
    const pso = await t.signIn('pso.demo');
    await po.get(`${enforcementOf(person.crn)}/decisions/${third}`);
    await pso.get(`${enforcementOf(person.crn)}/decisions/${third}`);
    const form = { action: 'nfa', officerReasons: 'Evidence of a hospital appointment', overrideReason: '' };
    const [a, b] = await Promise.all([
      po.post(`${enforcementOf(person.crn)}/decisions/${third}`, form),
      pso.post(`${enforcementOf(person.crn)}/decisions/${third}`, form),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([302, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.body).toContain('Your decision was not saved');
    const rows = await t.database.db
      .selectFrom('enforcement_decisions')
      .select('id')
      .where('contact_id', '=', third)
      .execute();
    expect(rows).toHaveLength(1);
    const nfa = await t.database.db
      .selectFrom('contacts')
      .select('id')
      .where('person_id', '=', person.id)
      .where('contact_type', '=', 'NFA')
      .execute();
    expect(nfa).toHaveLength(1);
  });

  it('withdraws a warning with a reason, and the required action is worked out again', async () => {
    const later = await addFailure(person.id, order, TODAY);
    const before = await po.get(`${enforcementOf(person.crn)}/decisions/${later}`);
    expect(before.body).toContain('What the law requires: breach required');
    const url = `${enforcementOf(person.crn)}/warnings/${warningId}/withdraw`;
    const form = await po.get(url);
    const version = rowVersionFrom(form.body);
    const empty = await po.post(url, { reason: '', rowVersion: version });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter why the warning is being withdrawn');
    const done = await po.post(url, {
      reason: 'Evidence of a hospital admission arrived late',
      rowVersion: version,
    });
    expect(done.statusCode).toBe(302);
    const stale = await po.post(url, { reason: 'Again', rowVersion: version });
    expect(stale.statusCode).toBe(409);
    const row = await t.database.db
      .selectFrom('warnings')
      .select(['withdrawn_on', 'withdrawal_reason'])
      .where('id', '=', warningId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      withdrawn_on: TODAY,
      withdrawal_reason: 'Evidence of a hospital admission arrived late',
    });
    const ea06 = await t.database.db
      .selectFrom('contacts')
      .select('id')
      .where('person_id', '=', person.id)
      .where('contact_type', '=', 'EA06')
      .execute();
    expect(ea06).toHaveLength(1);
    const page = await po.get(enforcementOf(person.crn));
    expect(page.body).toContain('Withdrawn 23 November 2026');
    const after = await po.get(`${enforcementOf(person.crn)}/decisions/${later}`);
    expect(after.body).toContain('What the law requires: warn or breach');
  });
});

describe('breach', () => {
  let breachId: string;
  const breachUrl = () => `${enforcementOf(person.crn)}/breaches/${breachId}`;

  it('refers for breach with the pack due in 10 working days', async () => {
    const failure = await addFailure(person.id, order, '2026-11-18');
    const response = await decide(po, person.crn, failure, {
      action: 'breach',
      officerReasons: 'Pattern of absence',
    });
    expect(response.statusCode).toBe(302);
    breachId = /breaches\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
    const breach = await t.database.db
      .selectFrom('breaches')
      .selectAll()
      .where('id', '=', breachId)
      .executeTakeFirstOrThrow();
    expect(breach.state).toBe('requested');
    expect(breach.pack_due_on).toBe(breachPackDue(TODAY).answer);
    const page = await po.get(breachUrl());
    expect(page.body).toContain('Order in breach');
    expect(page.body).toContain('7 December 2026');
    expect((await po.get(enforcementOf(person.crn))).body).toContain('Order in breach');
    expect(await marks(person.crn)).toEqual({ overview: true, caseload: true, team: true });
  });

  it('refuses submission before a manager countersigns, and an officer countersigning', async () => {
    const page = await po.get(breachUrl());
    const version = rowVersionFrom(page.body);
    const early = await po.post(`${breachUrl()}/submit`, { rowVersion: version });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('A manager must countersign the breach pack before it is submitted');
    const empty = await po.post(`${breachUrl()}/pack`, {
      rowVersion: version,
      assessment: 'Typed',
      proposal: '',
      courtProcess: '',
      warrantReason: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your proposal to the court');
    expect(empty.body).toContain('Select whether you are asking for a summons or a warrant');
    expect(empty.body).toContain('Typed');
    expect((await po.post(`${breachUrl()}/countersign`, { rowVersion: version })).statusCode).toBe(403);
  });

  it('generates the breach report and the statement of facts from the record', async () => {
    const page = await po.get(breachUrl());
    const pack = {
      rowVersion: rowVersionFrom(page.body),
      assessment: 'Mr X has missed three appointments without explanation.',
      proposal: 'That the order continue with an additional 20 hours of unpaid work.',
      courtProcess: 'warrant',
      warrantReason: '',
    };
    const noReason = await po.post(`${breachUrl()}/pack`, pack);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why a warrant is needed rather than a summons');
    const response = await po.post(`${breachUrl()}/pack`, {
      ...pack,
      warrantReason: 'He has left his address and his whereabouts are unknown.',
    });
    expect(response.statusCode).toBe(302);
    const report = await po.get(`${breachUrl()}/documents/breach-report.pdf`);
    expect(report.statusCode).toBe(200);
    const reportText = (await readPdf(report.rawPayload)).text;
    expect(reportText).toContain('Breach report');
    expect(reportText).toContain('Unpaid work');
    expect(reportText).toContain('18 November 2026');
    expect(reportText).toContain('Unacceptable absence');
    expect(reportText).toContain('Warnings given');
    expect(reportText).toContain('Appointments kept');
    expect(reportText).toContain('missed three appointments');
    expect(reportText).toContain('additional 20 hours');
    expect(reportText).toContain('Awaiting countersignature');
    const statement = await readPdf(
      (await po.get(`${breachUrl()}/documents/statement-of-facts.pdf`)).rawPayload,
    );
    expect(statement.tagged).toBe(true);
    expect(statement.text).toContain('Statement of facts: witness statement');
    expect(statement.text).toContain('true to the best of my knowledge and belief');
    expect(statement.text).toContain('Priya Okonjo');

    const copies = await readPdf(
      (await po.get(`${breachUrl()}/documents/order-and-warnings.pdf`)).rawPayload,
    );
    expect(copies.tagged).toBe(true);
    expect(copies.text).toContain('The order and the warnings given');
    expect(copies.text).toContain('Chelmsford');
    expect(copies.text).toContain('Unpaid work');
    // The one warning letter issued was withdrawn, so there is none to copy.
    expect(copies.text).toContain('No warning letter was given under this order.');

    const extract = await readPdf((await po.get(`${breachUrl()}/documents/activity-log.pdf`)).rawPayload);
    expect(extract.tagged).toBe(true);
    expect(extract.text).toContain('Activity log extract');
    expect(extract.text).toContain('from 1 June 2026 to 23 November 2026');
    expect(extract.text).toContain('18 November 2026 | Office appointment | Unacceptable absence');
    expect(extract.text).toContain('Warning withdrawn');

    const application = await readPdf(
      (await po.get(`${breachUrl()}/documents/court-application.pdf`)).rawPayload,
    );
    expect(application.tagged).toBe(true);
    expect(application.text).toContain('Application for a warrant');
    expect(application.text).toContain('Sentencing Code, Schedule 10, Part 2');
    expect(application.text).toContain('apply for a warrant for the arrest of');
    expect(application.text).toContain('whereabouts are unknown');
    expect(reportText).toContain('A warrant is requested');
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', breachId)
      .where('action', '=', 'downloaded-enforcement-document')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(5);
  });

  it('takes a countersignature, submission, listing, adjournment and outcome; the failure count restarts', async () => {
    let page = await manager.get(breachUrl());
    expect(
      (await manager.post(`${breachUrl()}/countersign`, { rowVersion: rowVersionFrom(page.body) }))
        .statusCode,
    ).toBe(302);
    const report = await readPdf((await po.get(`${breachUrl()}/documents/breach-report.pdf`)).rawPayload);
    expect(report.text).toContain('Countersigned by Helen Brierley');
    // Two officers record the submission at once, from the same page: only one succeeds.
    page = await po.get(breachUrl());
    const pso = await t.signIn('pso.demo');
    const version = rowVersionFrom(page.body);
    const both = await Promise.all([
      po.post(`${breachUrl()}/submit`, { rowVersion: version }),
      pso.post(`${breachUrl()}/submit`, { rowVersion: version }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([302, 409]);
    expect(both.find((r) => r.statusCode === 409)!.body).toContain(
      'This breach was changed by someone else. Nothing was saved.',
    );
    const submitted = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject_id', '=', breachId)
      .where('action', '=', 'submitted-breach')
      .execute();
    expect(submitted).toHaveLength(1);
    page = await po.get(breachUrl());
    const bad = await po.post(`${breachUrl()}/listed`, {
      rowVersion: rowVersionFrom(page.body),
      court: 'CHELMC',
      'hearingOn-day': '31',
      'hearingOn-month': '2',
      'hearingOn-year': '2027',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Hearing date must be a real date');
    expect(bad.body).toContain('value="31"');
    const listed = await po.post(`${breachUrl()}/listed`, {
      rowVersion: rowVersionFrom(page.body),
      court: 'CHELMC',
      'hearingOn-day': '1',
      'hearingOn-month': '12',
      'hearingOn-year': '2026',
    });
    expect(listed.statusCode).toBe(302);
    page = await po.get(breachUrl());
    expect(page.body).toContain('Chelmsford Magistrates');
    expect(
      (
        await po.post(`${breachUrl()}/adjourned`, {
          rowVersion: rowVersionFrom(page.body),
          'hearingOn-day': '8',
          'hearingOn-month': '12',
          'hearingOn-year': '2026',
          adjournmentReason: 'Defence not ready',
        })
      ).statusCode,
    ).toBe(302);
    page = await po.get(breachUrl());
    expect(page.body).toContain('8 December 2026');
    const outcome = await po.post(`${breachUrl()}/outcome`, {
      rowVersion: rowVersionFrom(page.body),
      outcome: 'continued',
      'resolvedOn-day': '23',
      'resolvedOn-month': '11',
      'resolvedOn-year': '2026',
      outcomeNotes: '',
    });
    expect(outcome.statusCode).toBe(302);
    const breach = await t.database.db
      .selectFrom('breaches')
      .select(['state', 'outcome', 'resolved_on', 'countersigned_by_name'])
      .where('id', '=', breachId)
      .executeTakeFirstOrThrow();
    expect(breach).toEqual({
      state: 'resolved',
      outcome: 'continued',
      resolved_on: TODAY,
      countersigned_by_name: 'Helen Brierley',
    });
    const tab = await po.get(enforcementOf(person.crn));
    expect(tab.body).toMatch(/Failures to comply in 12 months[\s\S]*?<strong>0<\/strong>/);
    expect(tab.body).toContain('the day after the last breach ended');
    expect(await failuresShown(person.crn)).toEqual({ overview: 0, caseload: 0 });
    expect(await marks(person.crn)).toEqual({ overview: false, caseload: false, team: false });
    expect(tab.body).not.toContain('Order in breach');
    expect(tab.body).not.toContain('undefined');
    expect((await po.get(breachUrl())).body).not.toContain('undefined');
  });
});

describe('recall', () => {
  let recallId: string;
  const recallUrl = () => `${enforcementOf(licensee.crn)}/recalls/${recallId}`;

  it('offers a licence warning or recall, and a recall recommendation form that refuses bad input', async () => {
    const failure = await addFailure(licensee.id, licence, '2026-11-20');
    const page = await po.get(enforcementOf(licensee.crn));
    expect(page.body).toContain('Licence warning or recall');
    const decided = await decide(po, licensee.crn, failure, {
      action: 'recall',
      officerReasons: 'Curfew breaches',
    });
    expect(decided.statusCode).toBe(302);
    recallId = /recalls\/([0-9a-f-]{36})/.exec(String(decided.headers.location))![1]!;
    const form = await po.get(String(decided.headers.location));
    expect(form.body).toContain('Curfew arrangement');
    const bad = await po.post(String(decided.headers.location), {
      rowVersion: rowVersionFrom(form.body),
      circumstances: 'Out after curfew three nights',
      riskNow: '',
      alternatives: '',
      recallType: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the licence conditions breached');
    expect(bad.body).toContain('Select standard or emergency recall');
    expect(bad.body).toContain('Out after curfew three nights');
  });

  it('works out fixed-term eligibility with its checks, and needs two different managers for an emergency recall', async () => {
    const form = await po.get(`${recallUrl()}/recommendation`);
    const saved = await po.post(`${recallUrl()}/recommendation`, {
      rowVersion: rowVersionFrom(form.body),
      circumstances: 'Out after curfew three nights',
      conditionsBreached: ['ADD06', 'STD3'],
      riskNow: 'Risk to a former partner is rising',
      alternatives: 'Tighter curfew considered and rejected',
      recallType: 'emergency',
      schedule19AA: 'no',
      terrorist: 'no',
      charged: 'no',
    });
    expect(saved.statusCode).toBe(302);
    let page = await po.get(recallUrl());
    expect(page.body).toContain('Sentence under 4 years (18 months)');
    expect(page.body).toContain('Eligible for a 28-day fixed-term recall');
    expect(page.body).toContain('Criminal Justice Act 2003 s.255A');

    expect((await po.post(`${recallUrl()}/countersign`, { rowVersion: '1' })).statusCode).toBe(403);
    page = await manager.get(recallUrl());
    expect(
      (await manager.post(`${recallUrl()}/countersign`, { rowVersion: rowVersionFrom(page.body) }))
        .statusCode,
    ).toBe(302);
    page = await manager.get(recallUrl());
    const twice = await manager.post(`${recallUrl()}/countersign`, { rowVersion: rowVersionFrom(page.body) });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('two different people to countersign it: you have already signed');
    page = await po.get(recallUrl());
    expect(page.body).toContain('and a senior manager as well for an emergency recall');
    const early = await po.post(`${recallUrl()}/issue`, { rowVersion: rowVersionFrom(twice.body) });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('needs a manager and a senior manager to countersign it');

    // A second manager who is not a senior manager cannot complete an emergency recall.
    const second = await t.signIn('manager2.test');
    page = await second.get(recallUrl());
    const notSenior = await second.post(`${recallUrl()}/countersign`, {
      rowVersion: rowVersionFrom(page.body),
    });
    expect(notSenior.statusCode).toBe(400);
    expect(notSenior.body).toContain('An emergency recall also needs a senior manager to countersign it');
    const senior = await t.signIn('senior.demo');
    page = await senior.get(recallUrl());
    expect(
      (await senior.post(`${recallUrl()}/countersign`, { rowVersion: rowVersionFrom(page.body) })).statusCode,
    ).toBe(302);
    page = await po.get(recallUrl());
    expect(page.body).toContain('Helen Brierley, manager, on 23 November 2026');
    expect(page.body).toContain('Eleanor Voss, senior manager, on 23 November 2026');
    page = await po.get(recallUrl());
    expect(
      (await po.post(`${recallUrl()}/issue`, { rowVersion: rowVersionFrom(page.body) })).statusCode,
    ).toBe(302);
    const report = await readPdf((await po.get(`${recallUrl()}/document.pdf`)).rawPayload);
    expect(report.tagged).toBe(true);
    expect(report.text).toContain('Recall report: emergency recall');
    expect(report.text).toContain('Curfew arrangement');
    expect(report.text).toContain('Eligible for a 28-day fixed-term recall');
    expect(report.text).toContain('Countersigned by Helen Brierley');
    expect(report.text).toContain('Countersigned by Eleanor Voss, senior manager');

    page = await po.get(recallUrl());
    expect(
      (
        await po.post(`${recallUrl()}/returned`, {
          rowVersion: rowVersionFrom(page.body),
          'returnedOn-day': '23',
          'returnedOn-month': '11',
          'returnedOn-year': '2026',
        })
      ).statusCode,
    ).toBe(302);
    const recall = await t.database.db
      .selectFrom('recalls')
      .select(['state', 'decision', 'returned_to_custody_on', 'fixed_term_days'])
      .where('id', '=', recallId)
      .executeTakeFirstOrThrow();
    expect(recall).toEqual({
      state: 'returned',
      decision: 'recall',
      returned_to_custody_on: TODAY,
      fixed_term_days: 28,
    });
    const shown = await po.get(recallUrl());
    expect(shown.body).toContain('Returned to custody');
    expect(shown.body).not.toContain('undefined');
  });

  it('gives licence warnings first, second, final, with a licence compliance letter', async () => {
    const failure = await addFailure(licensee.id, licence, '2026-11-19');
    const decided = await decide(po, licensee.crn, failure, { action: 'warn', officerReasons: 'Late home' });
    expect(decided.statusCode).toBe(302);
    const preview = await po.get(String(decided.headers.location));
    expect(preview.body).toContain('First warning: you did not comply with your licence');
    expect(preview.body).toContain('you may be recalled to prison');
    expect((await po.post(String(decided.headers.location))).statusCode).toBe(302);
    const warning = await t.database.db
      .selectFrom('warnings')
      .innerJoin('contacts', 'contacts.id', 'warnings.letter_contact_id')
      .select(['warnings.level', 'contacts.contact_type'])
      .where('warnings.person_id', '=', licensee.id)
      .executeTakeFirstOrThrow();
    expect(warning).toEqual({ level: 'first', contact_type: 'LCL' });
  });

  it('records a manager’s decision not to recall with a letter', async () => {
    const failure = await addFailure(licensee.id, licence, '2026-11-23');
    const decided = await decide(po, licensee.crn, failure, {
      action: 'recall',
      officerReasons: 'Missed appointment',
    });
    const url = String(decided.headers.location);
    const form = await po.get(url);
    await po.post(url, {
      rowVersion: rowVersionFrom(form.body),
      circumstances: 'Missed an appointment',
      conditionsBreached: ['STD3'],
      riskNow: 'Unchanged',
      alternatives: 'A final warning',
      recallType: 'standard',
      schedule19AA: 'no',
      terrorist: 'no',
      charged: 'no',
    });
    const id = /recalls\/([0-9a-f-]{36})/.exec(url)![1]!;
    const recallPage = `${enforcementOf(licensee.crn)}/recalls/${id}`;
    const page = await manager.get(recallPage);
    const empty = await manager.post(`${recallPage}/not-recalled`, {
      rowVersion: rowVersionFrom(page.body),
      reason: '',
    });
    expect(empty.statusCode).toBe(400);
    const done = await manager.post(`${recallPage}/not-recalled`, {
      rowVersion: rowVersionFrom(page.body),
      reason: 'The risk is manageable in the community with a final warning.',
    });
    expect(done.statusCode).toBe(302);
    const letter = await readPdf((await po.get(`${recallPage}/document.pdf`)).rawPayload);
    expect(letter.text).toContain('Decision not to recall you to prison');
    expect(letter.text).toContain('manageable in the community');
  });
});

describe('the enforcement caseload', () => {
  it('shows an officer their cases’ open work with clocks, filterable by state and sortable by clock', async () => {
    const extra = await addFailure(person.id, order, '2026-11-12');
    const page = await po.get('/enforcement');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Enforcement: your cases');
    expect(page.body).toContain(`/people/${person.crn}/enforcement/decisions/${extra}`);
    expect(page.body).toContain('Overdue by');
    const dues = [...page.body.matchAll(/<td class="govuk-table__cell">(\d{1,2} \w+ \d{4}|None)<\/td>/g)].map(
      (m) => m[1]!,
    );
    const asDates = dues.map((d) =>
      d === 'None' ? '9999-12-31' : new Date(`${d} UTC`).toISOString().slice(0, 10),
    );
    expect(asDates.length).toBeGreaterThan(1);
    expect([...asDates].sort()).toEqual(asDates);
    expect(page.body).not.toContain('undefined');
    const decisionsOnly = await po.get('/enforcement?state=decision');
    expect(decisionsOnly.body).toContain('Decision needed');
    expect(decisionsOnly.body).not.toContain('Live warning');
    expect(decisionsOnly.body).not.toContain('Awaiting evidence');
    const evidence = await po.get('/enforcement?state=evidence');
    expect(evidence.body).toContain('Awaiting evidence');
    expect(evidence.body).not.toContain('Decision needed');
  });

  it('filters by clock and sorts by person', async () => {
    const clocks = (html: string) =>
      [...html.matchAll(/govuk-tag[^"]*">\s*(Overdue by|Due today|Due in)/g)].map((m) => m[1]);
    const overdue = await po.get('/enforcement?clock=overdue');
    expect(clocks(overdue.body).length).toBeGreaterThan(0);
    expect(new Set(clocks(overdue.body))).toEqual(new Set(['Overdue by']));
    const today = await po.get('/enforcement?clock=due-today');
    expect(new Set(clocks(today.body))).toEqual(new Set(['Due today']));
    expect(today.body).toContain('<option value="due-today" selected>');
    const byPerson = await po.get('/enforcement?sort=person');
    const names = [...byPerson.body.matchAll(/\/enforcement">([^<]+)<\/a><br>/g)].map((m) =>
      m[1]!.split(' ').reverse().join(' '),
    );
    expect(names.length).toBeGreaterThan(1);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
    expect((await po.get('/enforcement?state=nonsense&clock=<script>')).statusCode).toBe(200);
  });

  it('shows a manager their team’s work with the officer, filterable by officer', async () => {
    const page = await manager.get('/enforcement');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(person.crn);
    expect(page.body).toContain('Priya Okonjo');
    const hers = await manager.get(`/enforcement?officer=${poStaffId}&sort=officer`);
    expect(hers.body).toContain(person.crn);
    const other = await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('staff_code', '=', 'N01A002')
      .executeTakeFirstOrThrow();
    const his = await manager.get(`/enforcement?officer=${other.id}`);
    expect(his.statusCode).toBe(200);
    expect(his.body).not.toContain(person.crn);
  });
});
