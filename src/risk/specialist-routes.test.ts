import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { londonDateOf } from '../platform/calendar/london.js';
import { createTemplateEnvironment } from '../platform/http/views.js';
import { specialistAssessmentsOf, specialistAssessmentsPanel } from './index.js';
import { completedYearsBetween } from './age.js';
import { calculateRm2000 } from './rm2000.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
import { SARA_ITEMS, SARA_RATINGS } from './sara.js';
import * as specialist from './specialist-service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const today = londonDateOf(new Date());
let made = 0;

/** A new person with nothing on their record, born on 10 May 1980. */
async function freshPerson(sex: 'M' | 'F' = 'M') {
  made += 1;
  return db()
    .insertInto('people')
    .values({
      crn: `T${String(900000 + made)}`,
      forename: sex === 'M' ? 'Adam' : 'Beth',
      surname: `Specialist${String.fromCharCode(64 + made)}`,
      date_of_birth: '1980-05-10',
      sex,
      updated_by_name: 'Test',
    })
    .returning(['id', 'crn', 'forename', 'surname'])
    .executeTakeFirstOrThrow();
}

/** Adds an event on the record with one offence, as the sentence pages would. */
async function addConviction(personId: string, convictionDate: string, offenceCode: string) {
  const { next } = await db()
    .selectFrom('events')
    .select((eb) => eb.fn.coalesce(eb.fn.max('event_number'), eb.lit(0)).as('next'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const event = await db()
    .insertInto('events')
    .values({
      person_id: personId,
      event_number: Number(next) + 1,
      conviction_date: convictionDate,
      court_code: 'CHELMC',
      updated_by_name: 'Test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('event_offences')
    .values({ person_id: personId, event_id: event.id, offence_code: offenceCode, main: true })
    .execute();
}

/** A man with a rape conviction and nothing else on the record. */
async function eligibleMan() {
  const person = await freshPerson('M');
  await addConviction(person.id, '2021-03-03', '01901');
  return person;
}

function auditsOf(personId: string, action: string) {
  return db()
    .selectFrom('audit_events')
    .selectAll()
    .where('person_id', '=', personId)
    .where('action', '=', action)
    .orderBy('occurred_at')
    .execute();
}

function saraOf(id: string) {
  return db().selectFrom('sara_assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function itemsOf(id: string) {
  return db()
    .selectFrom('sara_items')
    .select(['item', 'code', 'critical', 'evidence'])
    .where('sara_id', '=', id)
    .orderBy('item')
    .execute();
}

function rm2000Of(id: string) {
  return db().selectFrom('rm2000_assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function rowVersionOn(html: string): string {
  return /name="rowVersion" value="(\d+)"/.exec(html)![1]!;
}

async function startSara(browser: Browser, crn: string): Promise<string> {
  await browser.get(`/people/${crn}/assessments/sara/new`);
  const response = await browser.post(`/people/${crn}/assessments/sara`);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(302);
  return /\/sara\/([0-9a-f-]{36})$/.exec(String(response.headers.location))![1]!;
}

type Form = Record<string, string>;

/** A SARA page's form: each item of the page coded `code` unless `values` says otherwise. */
function itemsForm(numbers: number[], code: string, values: Form = {}): Form {
  const form: Form = {};
  for (const n of numbers) {
    form[`item-${n}-code`] = code;
    form[`item-${n}-critical`] = '';
    form[`item-${n}-evidence`] = '';
  }
  return { ...form, ...values };
}

const PARTS: Array<[string, number[]]> = [
  ['criminal-history', [1, 2, 3]],
  ['psychosocial-adjustment', [4, 5, 6, 7, 8, 9, 10]],
  ['spousal-assault-history', [11, 12, 13, 14, 15, 16, 17]],
  ['index-offence', [18, 19, 20]],
];

async function savePart(browser: Browser, base: string, part: string, form: Form) {
  await browser.get(`${base}/${part}`);
  return browser.post(`${base}/${part}`, {
    rowVersion: rowVersionOn(browser.lastHtml),
    then: 'sara',
    ...form,
  });
}

async function codeEverything(browser: Browser, base: string, code: string) {
  for (const [part, numbers] of PARTS) {
    const response = await savePart(browser, base, part, itemsForm(numbers, code));
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(302);
  }
}

async function rate(browser: Browser, base: string, partner: string, others: string) {
  const response = await savePart(browser, base, 'summary-ratings', {
    riskToPartner: partner,
    riskToPartnerReasons: `Partner: ${partner}, my judgement`,
    riskToOthers: others,
    riskToOthersReasons: `Others: ${others}, my judgement`,
  });
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(302);
}

async function complete(browser: Browser, base: string) {
  await browser.get(base);
  return browser.post(base, { rowVersion: rowVersionOn(browser.lastHtml) });
}

describe('who may use the SARA and RM2000 pages', () => {
  it('lets practitioners read an assessment, refuses them changes, and refuses administrators everything', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await startSara(po, person.crn);
    const base = `/people/${person.crn}/assessments/sara/${id}`;

    const facilitator = await t.signIn('facilitator.demo');
    const read = await facilitator.get(base);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Past assault of family members');
    expect(read.body).not.toContain('Complete the SARA');
    expect((await facilitator.get(`${base}/criminal-history`)).statusCode).toBe(403);
    expect((await facilitator.post(base, { rowVersion: '1' })).statusCode).toBe(403);
    expect((await facilitator.post(`/people/${person.crn}/assessments/sara`)).statusCode).toBe(403);

    const admin = await t.signIn('admin.demo');
    expect((await admin.get(base)).statusCode).toBe(403);
    expect((await admin.post(`${base}/criminal-history`, itemsForm([1, 2, 3], '2'))).statusCode).toBe(403);
    expect((await itemsOf(id)).every((i) => i.code === null)).toBe(true);
  });

  it('answers 404 for an assessment of another person and for a page that does not exist', async () => {
    const [a, b] = [await freshPerson(), await freshPerson()];
    const po = await t.signIn('po.demo');
    const id = await startSara(po, a.crn);
    expect((await po.get(`/people/${b.crn}/assessments/sara/${id}`)).statusCode).toBe(404);
    expect((await po.get(`/people/${a.crn}/assessments/sara/${id}/item-21`)).statusCode).toBe(404);
    expect((await po.get(`/people/${a.crn}/assessments/sara/not-a-uuid`)).statusCode).toBe(404);
  });
});

describe('a SARA over two sittings', () => {
  it('is started once, saved half done without losing a word, completed, then locked, every change audited', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await startSara(po, person.crn);
    const base = `/people/${person.crn}/assessments/sara/${id}`;
    expect(await auditsOf(person.id, 'sara-started')).toHaveLength(1);
    // Starting again while one is in progress answers the same SARA.
    expect(await startSara(po, person.crn)).toBe(id);
    expect(
      await db().selectFrom('sara_assessments').select('id').where('person_id', '=', person.id).execute(),
    ).toHaveLength(1);

    const evidence = 'Two call-outs to the family home (2019, 2021).\n  Her sister confirms a third.';
    const half = await savePart(po, base, 'criminal-history', {
      ...itemsForm([1, 2, 3], ''),
      'item-1-code': '2',
      'item-1-critical': 'yes',
      'item-1-evidence': evidence,
      then: 'next',
    });
    expect(half.statusCode).toBe(302);
    expect(half.headers.location).toBe(`${base}/psychosocial-adjustment`);
    expect((await itemsOf(id)).slice(0, 3)).toEqual([
      { item: 1, code: 2, critical: true, evidence },
      { item: 2, code: null, critical: false, evidence: null },
      { item: 3, code: null, critical: false, evidence: null },
    ]);
    const [saved] = await auditsOf(person.id, 'sara-saved');
    expect(saved!.detail).toEqual({
      part: 'criminal-history',
      changes: [
        { field: 'item 1 code', from: null, to: 2 },
        { field: 'item 1 critical', from: false, to: true },
        { field: 'item 1 evidence', from: 'text', to: 'text' },
      ],
    });

    // The second sitting: the page shows what was saved.
    const again = await t.signIn('po.demo');
    const page = await again.get(`${base}/criminal-history`);
    expect(page.body).toContain(
      'Two call-outs to the family home (2019, 2021).\n  Her sister confirms a third.',
    );
    expect(page.body).toMatch(/value="2" checked/);
    const tasks = await again.get(base);
    expect(tasks.body).toMatch(/Criminal history[\s\S]*?In progress/);

    // Completing too early says what is missing, with links to the pages, and writes nothing.
    const versionBefore = (await saraOf(id)).row_version;
    const early = await complete(again, base);
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('There is a problem');
    expect(early.body).toContain(`href="${base}/criminal-history#item-2-code"`);
    expect(early.body).toContain(`href="${base}/summary-ratings#riskToPartner"`);
    expect(await saraOf(id)).toMatchObject({ state: 'in-progress', row_version: versionBefore });

    await savePart(
      again,
      base,
      'criminal-history',
      itemsForm([2, 3], '1', { 'item-1-code': '2', 'item-1-critical': 'yes', 'item-1-evidence': evidence }),
    );
    for (const [part, numbers] of PARTS.slice(1)) await savePart(again, base, part, itemsForm(numbers, '0'));
    await rate(again, base, 'high', 'medium');
    const done = await complete(again, base);
    expect(done.statusCode).toBe(302);
    expect(await saraOf(id)).toMatchObject({
      state: 'complete',
      risk_to_partner: 'high',
      risk_to_others: 'medium',
      completed_by_name: 'Priya Okonjo',
    });
    const [completed] = await auditsOf(person.id, 'sara-completed');
    expect(completed!.detail).toEqual({
      riskToPartner: 'high',
      riskToOthers: 'medium',
      items: { present: 1, partlyPresent: 2, absent: 17, notCoded: 0, critical: 1 },
    });

    // Locked: read-only page, no edit pages, changes refused with nothing written.
    const view = await again.get(base);
    expect(view.body).toContain('Complete');
    expect(view.body).toContain('Critical');
    expect(view.body).not.toContain('Complete the SARA');
    expect((await again.get(`${base}/criminal-history`)).headers.location).toBe(base);
    const version = (await saraOf(id)).row_version;
    const refused = await again.post(`${base}/criminal-history`, {
      rowVersion: String(version),
      ...itemsForm([1, 2, 3], '0'),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This SARA was completed by Priya Okonjo');
    expect((await itemsOf(id))[0]).toMatchObject({ code: 2 });
    expect((await saraOf(id)).row_version).toBe(version);
    // A new one may be started now that none is in progress.
    expect(await startSara(again, person.crn)).not.toBe(id);
  });

  it('refuses bad input with GOV.UK errors, keeps what was typed and writes nothing', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await startSara(po, person.crn);
    const base = `/people/${person.crn}/assessments/sara/${id}`;
    const before = await saraOf(id);
    await po.get(`${base}/criminal-history`);
    const response = await po.post(`${base}/criminal-history`, {
      rowVersion: rowVersionOn(po.lastHtml),
      ...itemsForm([1, 2, 3], ''),
      'item-1-code': '0',
      'item-1-critical': 'yes',
      'item-1-evidence': 'Denies it; “nothing happened” <b>ever</b>',
      'item-2-code': '1',
      'item-3-evidence': 'x'.repeat(10_001),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#item-1-critical"');
    expect(response.body).toContain('Item 1 is coded absent, so it cannot be critical');
    expect(response.body).toContain('The evidence for item 3 must be 10,000 characters or fewer');
    expect(response.body).toContain('Denies it; “nothing happened” &lt;b&gt;ever&lt;/b&gt;');
    expect(response.body).toMatch(/name="item-2-code" type="radio" value="1" checked/);
    expect((await itemsOf(id)).every((i) => i.code === null && i.evidence === null)).toBe(true);
    expect(await saraOf(id)).toMatchObject({ row_version: before.row_version });
    expect(await auditsOf(person.id, 'sara-saved')).toEqual([]);

    const rating = await savePart(po, base, 'summary-ratings', {
      riskToPartner: 'extreme',
      riskToPartnerReasons: 'Kept',
      riskToOthers: '',
      riskToOthersReasons: '',
    });
    expect(rating.statusCode).toBe(400);
    expect(rating.body).toContain('Select the risk to partner: low, medium or high');
    expect(rating.body).toContain('>Kept</textarea>');
    expect((await saraOf(id)).risk_to_partner).toBeNull();
  });

  it('keeps the ratings exactly as the assessor chose them, whatever the items', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    // The extremes through the pages: every item present rated low, every item absent rated high.
    for (const [code, partner, others] of [
      ['2', 'low', 'low'],
      ['0', 'high', 'high'],
    ] as const) {
      const id = await startSara(po, person.crn);
      const base = `/people/${person.crn}/assessments/sara/${id}`;
      await codeEverything(po, base, code);
      await rate(po, base, partner, others);
      expect((await complete(po, base)).statusCode).toBe(302);
      expect(await saraOf(id)).toMatchObject({
        state: 'complete',
        risk_to_partner: partner,
        risk_to_others: others,
      });
    }
    // And any coding with any ratings, through the use cases.
    const actor = { userId: null, name: 'Property test', address: null, requestId: null, apiClientId: null };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(0, 1, 2), { minLength: 20, maxLength: 20 }),
        fc.constantFrom(...SARA_RATINGS),
        fc.constantFrom(...SARA_RATINGS),
        async (codes, partner, others) => {
          const { id } = await specialist.startSara(db(), actor, person.id);
          const items = Object.fromEntries(
            SARA_ITEMS.map((item, i) => [
              item.number,
              { code: codes[i] as 0 | 1 | 2, critical: false, evidence: null },
            ]),
          );
          let version = (await saraOf(id)).row_version;
          for (const [part] of PARTS) {
            await specialist.saveSaraPart(db(), actor, {
              personId: person.id,
              saraId: id,
              expectedVersion: version++,
              part: part as never,
              items,
              now: new Date(),
            });
          }
          await specialist.saveSaraPart(db(), actor, {
            personId: person.id,
            saraId: id,
            expectedVersion: version++,
            part: 'summary-ratings',
            ratings: {
              riskToPartner: partner,
              riskToPartnerReasons: 'r',
              riskToOthers: others,
              riskToOthersReasons: 'r',
            },
            now: new Date(),
          });
          const result = await specialist.completeSara(db(), actor, {
            personId: person.id,
            saraId: id,
            expectedVersion: version,
            now: new Date(),
          });
          expect(result).toEqual({ saved: true });
          expect(await saraOf(id)).toMatchObject({ risk_to_partner: partner, risk_to_others: others });
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('two people editing one SARA', () => {
  it('refuses the second save, saying who changed it and when, with both versions of what differs', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const id = await startSara(po, person.crn);
    const base = `/people/${person.crn}/assessments/sara/${id}`;

    await po.get(`${base}/criminal-history`);
    const poVersion = rowVersionOn(po.lastHtml);
    await manager.get(`${base}/criminal-history`);
    const managerSave = await manager.post(`${base}/criminal-history`, {
      rowVersion: rowVersionOn(manager.lastHtml),
      ...itemsForm([1, 2, 3], '', { 'item-1-code': '2', 'item-1-evidence': 'Manager’s evidence' }),
    });
    expect(managerSave.statusCode).toBe(302);

    const lost = await po.post(`${base}/criminal-history`, {
      rowVersion: poVersion,
      ...itemsForm([1, 2, 3], '', { 'item-1-code': '1', 'item-3-code': '0' }),
    });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toMatch(
      /This SARA was changed by Helen Brierley at \d+ \w+ \d{4} at \d+:\d{2}(am|pm), after you opened it/,
    );
    const table = lost.body.slice(lost.body.indexOf('What differs on this page'));
    expect(table).toMatch(
      /Item 1 code<\/th>\s*<td class="govuk-table__cell">Present<\/td>\s*<td class="govuk-table__cell">Partly or possibly present<\/td>/,
    );
    expect(table).toMatch(
      /Item 1 evidence<\/th>\s*<td class="govuk-table__cell">Manager’s evidence<\/td>\s*<td class="govuk-table__cell">None<\/td>/,
    );
    expect(table).toMatch(
      /Item 3 code<\/th>\s*<td class="govuk-table__cell">Not coded<\/td>\s*<td class="govuk-table__cell">Absent<\/td>/,
    );
    expect(table).not.toContain('Item 2 code');
    // The manager's version stands.
    expect((await itemsOf(id))[0]).toMatchObject({ code: 2, evidence: 'Manager’s evidence' });

    // The officer saves their version deliberately, from the conflict page.
    const mine = await po.post(`${base}/criminal-history`, {
      rowVersion: rowVersionOn(lost.body),
      ...itemsForm([1, 2, 3], '', { 'item-1-code': '1', 'item-3-code': '0' }),
    });
    expect(mine.statusCode).toBe(302);
    expect((await itemsOf(id))[0]).toMatchObject({ code: 1, evidence: null });
  });
});

describe('saving a page unchanged', () => {
  it('writes nothing, so someone editing another page does not lose their save', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const id = await startSara(po, person.crn);
    const base = `/people/${person.crn}/assessments/sara/${id}`;
    await po.get(`${base}/index-offence`);
    const poVersion = rowVersionOn(po.lastHtml);
    const unchanged = await savePart(manager, base, 'criminal-history', itemsForm([1, 2, 3], ''));
    expect(unchanged.statusCode).toBe(302);
    expect(await saraOf(id)).toMatchObject({ row_version: 1 });
    expect(await auditsOf(person.id, 'sara-saved')).toEqual([]);
    const mine = await po.post(`${base}/index-offence`, {
      rowVersion: poVersion,
      ...itemsForm([18, 19, 20], '2'),
    });
    expect(mine.statusCode).toBe(302);
    expect(await saraOf(id)).toMatchObject({ row_version: 2, updated_by_name: 'Priya Okonjo' });
    // Even from a page opened before that save: there is nothing of the officer's it could overwrite.
    const stale = await manager.post(`${base}/index-offence`, {
      rowVersion: '1',
      ...itemsForm([18, 19, 20], '2'),
    });
    expect(stale.statusCode).toBe(302);
    expect(await saraOf(id)).toMatchObject({ row_version: 2, updated_by_name: 'Priya Okonjo' });
  });
});

describe('Risk Matrix 2000 on a record', () => {
  it('refuses to start for someone it does not apply to, saying why, and writes nothing', async () => {
    const woman = await freshPerson('F');
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${woman.crn}/assessments/rm2000/new`);
    expect(page.body).toContain('Risk Matrix 2000 is for men: the record gives this person’s sex as female');
    expect(page.body).toContain(RM2000_APPROXIMATE_NOTICE);
    expect(page.body).not.toContain('Start the Risk Matrix 2000');
    const refused = await po.post(`/people/${woman.crn}/assessments/rm2000`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The Risk Matrix 2000 was not started');
    expect(
      await db().selectFrom('rm2000_assessments').select('id').where('person_id', '=', woman.id).execute(),
    ).toEqual([]);
  });

  it('fills in the record, takes corrections with reasons, refuses bad input, scores on completion and locks', async () => {
    const man = await eligibleMan();
    await addConviction(man.id, '2015-06-01', '03001');
    const po = await t.signIn('po.demo');
    await po.get(`/people/${man.crn}/assessments/rm2000/new`);
    const start = await po.post(`/people/${man.crn}/assessments/rm2000`);
    expect(start.statusCode).toBe(302);
    const base = String(start.headers.location);
    const id = base.split('/').at(-1)!;
    const [started] = await auditsOf(man.id, 'rm2000-started');
    expect(started!.detail).toEqual({
      eligibility: [
        'The record gives their sex as male',
        `Aged ${completedYearsBetween('1980-05-10', today)} today`,
        expect.stringMatching(
          /^Sexual conviction: Rape of a woman aged 16 or over \(event \d+, convicted 3 March 2021\)$/,
        ),
      ],
    });

    const page = await po.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('approximate tables');
    expect(page.body).toContain('Conviction dates with a sexual offence: 3 March 2021 (event');
    expect(page.body).toContain('Burglary in a building other than a dwelling (event');
    expect(page.body).toContain('From the record');

    const form = (values: Form = {}): Form => ({
      rowVersion: values.rowVersion ?? rowVersionOn(po.lastHtml),
      'riskCommencementDate-day': '1',
      'riskCommencementDate-month': '6',
      'riskCommencementDate-year': '2025',
      sexualOffenceAgainstMale: 'no',
      sexualOffenceAgainstStranger: 'yes',
      nonContactSexualConviction: 'no',
      neverLivedWithAdultPartnerForTwoYears: 'yes',
      criminalAppearancesCorrection: '4',
      criminalAppearancesCorrectionReason: 'PNC: two earlier thefts',
      action: 'save',
      ...values,
    });

    // A correction without its reason: refused, typed values kept, nothing written.
    const bad = await po.post(
      base,
      form({ criminalAppearancesCorrectionReason: '', violentAppearancesCorrection: 'lots' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the reason for correcting the number of criminal appearances');
    expect(bad.body).toContain(
      'The corrected number of violent appearances must be a whole number from 0 to 200, like 2',
    );
    expect(bad.body).toContain('value="lots"');
    expect(bad.body).toContain('approximate tables');
    expect(await rm2000Of(id)).toMatchObject({
      row_version: 1,
      risk_commencement_date: null,
      corrections: {},
    });

    // Completing without every answer: refused field by field, nothing written.
    await po.get(base);
    const early = await po.post(base, form({ sexualOffenceAgainstMale: '', action: 'complete' }));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Say whether any sexual offence was against a male');
    expect(await rm2000Of(id)).toMatchObject({ state: 'in-progress', row_version: 1 });

    // Saved, then shown with the correction beside the record and what completing would give.
    await po.get(base);
    const saved = await po.post(base, form());
    expect(saved.statusCode).toBe(302);
    expect(await rm2000Of(id)).toMatchObject({
      risk_commencement_date: '2025-06-01',
      corrections: { criminalAppearances: { value: 4, reason: 'PNC: two earlier thefts' } },
    });
    const [change] = await auditsOf(man.id, 'rm2000-saved');
    expect(change!.detail).toMatchObject({
      changes: expect.arrayContaining([{ field: 'criminalAppearances correction', from: null, to: 4 }]),
    });
    const shown = await po.get(base);
    expect(shown.body).toContain('The record says 2:');
    expect(shown.body).toContain('Your reason: PNC: two earlier thefts');
    expect(shown.body).toContain('If you complete it now');

    const done = await po.post(base, form({ action: 'complete' }));
    expect(done.statusCode).toBe(302);
    const row = await rm2000Of(id);
    const expected = calculateRm2000({
      sex: 'male',
      dateOfBirth: '1980-05-10',
      riskCommencementDate: '2025-06-01',
      sexualAppearances: 1,
      criminalAppearances: 4,
      violentAppearances: 0,
      burglaryConviction: true,
      sexualOffenceAgainstMale: false,
      sexualOffenceAgainstStranger: true,
      nonContactSexualConviction: false,
      neverLivedWithAdultPartnerForTwoYears: true,
    });
    if (!expected.eligible) throw new Error('expected RM2000 to apply');
    expect(row).toMatchObject({
      state: 'complete',
      completed_by_name: 'Priya Okonjo',
      sexual_category: expected.sexual.category,
      sexual_step1_category: expected.sexual.step1Category,
      sexual_aggravating_factors: 2,
      violence_category: expected.violence.category,
      combined_category: expected.combined.category,
    });
    expect(row.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(row.inputs).toMatchObject({
      lines: expect.arrayContaining([
        expect.objectContaining({
          field: 'criminalAppearances',
          value: 4,
          source: 'corrected',
          recordValue: 2,
        }),
      ]),
    });
    expect(await auditsOf(man.id, 'rm2000-completed')).toHaveLength(1);

    const view = await po.get(base);
    expect(view.body).toContain('How this was worked out');
    expect(view.body).toContain('RM2000/S step 1 points');
    expect(view.body).toContain('approximate tables');
    expect(view.body).not.toContain('Save and complete');

    // Locked: a later change, even with the right version, is refused and nothing changes.
    const refused = await po.post(
      base,
      form({ rowVersion: String(row.row_version), sexualOffenceAgainstMale: 'yes' }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This Risk Matrix 2000 was completed by Priya Okonjo');
    expect(refused.body).toContain('approximate tables');
    expect((await rm2000Of(id)).row_version).toBe(row.row_version);
  });

  it('refuses the loser of a race, saying who changed it and when, with both versions', async () => {
    const man = await eligibleMan();
    const po = await t.signIn('po.demo');
    const pso = await t.signIn('pso.demo');
    await po.get(`/people/${man.crn}/assessments/rm2000/new`);
    const start = await po.post(`/people/${man.crn}/assessments/rm2000`);
    const base = String(start.headers.location);
    await po.get(base);
    await pso.get(base);
    const common = {
      rowVersion: '1',
      action: 'save',
      sexualOffenceAgainstStranger: '',
      nonContactSexualConviction: '',
      neverLivedWithAdultPartnerForTwoYears: '',
    };
    expect((await pso.post(base, { ...common, sexualOffenceAgainstMale: 'yes' })).statusCode).toBe(302);
    const lost = await po.post(base, { ...common, sexualOffenceAgainstMale: 'no' });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toMatch(/This Risk Matrix 2000 was changed by Tom Ashworth at .*, after you opened it/);
    expect(lost.body).toMatch(
      /A sexual offence against a male<\/th>\s*<td class="govuk-table__cell">Yes<\/td>\s*<td class="govuk-table__cell">No<\/td>/,
    );
    expect(lost.body).toContain('approximate tables');
    expect((await rm2000Of(base.split('/').at(-1)!)).sexual_offence_against_male).toBe(true);
  });
});

describe('the view audit and the list for the Assessments tab', () => {
  it('audits every look at an assessment page as a look at the record', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await startSara(po, person.crn);
    const before = (await auditsOf(person.id, 'viewed-record')).length;
    await po.get(`/people/${person.crn}/assessments/sara/${id}`);
    await po.get(`/people/${person.crn}/assessments/sara/${id}/index-offence`);
    const views = (await auditsOf(person.id, 'viewed-record')).slice(before);
    expect(views.map((v) => v.detail)).toEqual([{ page: 'sara' }, { page: 'sara-index-offence' }]);
  });

  it('lists SARAs and RM2000s newest first, and renders them with the start buttons for an editor', async () => {
    const man = await eligibleMan();
    const po = await t.signIn('po.demo');
    const saraId = await startSara(po, man.crn);
    t.clock.now = new Date(Date.now() + 60_000);
    await po.get(`/people/${man.crn}/assessments/rm2000/new`);
    const rm2000 = String((await po.post(`/people/${man.crn}/assessments/rm2000`)).headers.location)
      .split('/')
      .at(-1)!;
    t.clock.now = null;

    const list = await specialistAssessmentsOf(db(), man.id);
    expect(list.map((a) => [a.kind, a.id, a.state])).toEqual([
      ['rm2000', rm2000, 'in-progress'],
      ['sara', saraId, 'in-progress'],
    ]);
    expect(list[1]).toMatchObject({
      startedBy: 'Priya Okonjo',
      summary: 'Risk to partner not rated yet, risk to others not rated yet',
    });

    const panel = await specialistAssessmentsPanel(db(), man.id, today);
    const env = createTemplateEnvironment();
    const render = (canEdit: boolean) =>
      env.render('risk/views/specialist-assessments.njk', {
        specialist: panel,
        person: man,
        csrfToken: 'token-1',
        canEdit,
      });
    const html = render(true);
    expect(html).toContain(`href="/people/${man.crn}/assessments/rm2000/${rm2000}"`);
    expect(html).toContain(`href="/people/${man.crn}/assessments/sara/${saraId}"`);
    expect(html).toContain('Continue the SARA in progress');
    expect(html).toContain('Continue the Risk Matrix 2000 in progress');
    expect(html).toContain('approximate tables');
    expect(render(false)).not.toContain('Continue the SARA in progress');

    const woman = await freshPerson('F');
    const herPanel = await specialistAssessmentsPanel(db(), woman.id, today);
    const hers = env.render('risk/views/specialist-assessments.njk', {
      specialist: herPanel,
      person: woman,
      csrfToken: 'token-2',
      canEdit: true,
    });
    expect(hers).toContain('<input type="hidden" name="_csrf" value="token-2">');
    expect(hers).toMatch(new RegExp(`formaction="/people/${woman.crn}/assessments/sara"[^>]*>Start a SARA<`));
    expect(hers).not.toContain('Start a Risk Matrix 2000');
    expect(hers).toContain('Risk Matrix 2000 is for men: the record gives this person’s sex as female');
    expect(hers).toContain('No SARA or Risk Matrix 2000 has been started');
  });
});
