import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LIMITED_ACCESS } from '../demo-data/seed.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Browser = Awaited<ReturnType<TestApp['signIn']>>;

/** A person everyone in the demo team may see, a different one for each test. */
async function visiblePerson(offset: number) {
  return t.database.db
    .selectFrom('people')
    .select(['id', 'crn'])
    .where('exclusion_message', 'is', null)
    .where('restriction_message', 'is', null)
    .orderBy('crn')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

const noDate = { 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '' };

async function addAlias(browser: Browser, person: { id: string; crn: string }, surname: string) {
  await browser.get(`/people/${person.crn}/aliases/new`);
  const added = await browser.post(`/people/${person.crn}/aliases/new`, {
    forename: 'Jo',
    surname,
    ...noDate,
  });
  expect(added.statusCode).toBe(302);
  return t.database.db
    .selectFrom('person_aliases')
    .selectAll()
    .where('person_id', '=', person.id)
    .where('surname', '=', surname)
    .executeTakeFirstOrThrow();
}

async function addContact(browser: Browser, person: { id: string; crn: string }, name: string) {
  await browser.get(`/people/${person.crn}/contacts/new`);
  const added = await browser.post(`/people/${person.crn}/contacts/new`, {
    relationship: 'NOK',
    name,
    telephone: '01632 960 111',
    email: '',
    address: '',
    notes: '',
  });
  expect(added.statusCode).toBe(302);
  return t.database.db
    .selectFrom('person_contacts')
    .selectAll()
    .where('person_id', '=', person.id)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
}

async function addDisability(browser: Browser, person: { id: string; crn: string }, adjustments: string) {
  await browser.get(`/people/${person.crn}/disabilities/new`);
  const added = await browser.post(`/people/${person.crn}/disabilities/new`, {
    disability: 'VIS',
    reasonableAdjustments: adjustments,
  });
  expect(added.statusCode).toBe(302);
  return t.database.db
    .selectFrom('person_disabilities')
    .selectAll()
    .where('person_id', '=', person.id)
    .where('reasonable_adjustments', '=', adjustments)
    .executeTakeFirstOrThrow();
}

const auditOf = (action: string, subjectId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_name', 'detail', 'subject_type'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute();

const rowVersionOn = (html: string) => /name="rowVersion" value="(\d+)"/.exec(html)![1]!;

describe('changing an alias, a personal contact or a disability', () => {
  it('offers Change and Remove for each one, naming it for screen readers', async () => {
    const person = await visiblePerson(1);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Linkworth');
    const contact = await addContact(po, person, 'Ann Linkworth');
    const disability = await addDisability(po, person, 'Appointments on the ground floor');
    const details = (await po.get(`/people/${person.crn}/personal-details`)).body;
    expect(details).toMatch(
      new RegExp(
        `href="/people/${person.crn}/aliases/${alias.id}/change">Change<span class="govuk-visually-hidden"> alias Jo Linkworth</span>`,
      ),
    );
    expect(details).toContain(`href="/people/${person.crn}/aliases/${alias.id}/remove"`);
    expect(details).toContain(
      'Remove<span class="govuk-visually-hidden"> disability Visual impairment</span>',
    );
    expect(details).toContain(`href="/people/${person.crn}/disabilities/${disability.id}/change"`);
    const contacts = (await po.get(`/people/${person.crn}/contacts`)).body;
    expect(contacts).toContain(`href="/people/${person.crn}/contacts/${contact.id}/change"`);
    expect(contacts).toContain(
      'Remove<span class="govuk-visually-hidden"> personal contact (Next of kin: Ann Linkworth)</span>',
    );
  });

  it('prefills the form, saves the change, and audits what changed in the same transaction', async () => {
    const person = await visiblePerson(2);
    const po = await t.signIn('po.demo');
    const contact = await addContact(po, person, 'Bea Changer');
    const path = `/people/${person.crn}/contacts/${contact.id}/change`;
    const form = await po.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change a personal contact');
    expect(form.body).toContain('value="Bea Changer"');
    expect(form.body).toContain('value="01632 960 111"');
    expect(form.body).toMatch(/<option value="NOK" selected>/);
    expect(rowVersionOn(form.body)).toBe('1');

    const saved = await po.post(path, {
      rowVersion: '1',
      relationship: 'GP',
      name: 'Dr Bea Changer',
      telephone: '01632 960 111',
      email: 'surgery@example.com',
      address: '',
      notes: '',
    });
    expect(saved.statusCode).toBe(302);
    expect(saved.headers.location).toBe(`/people/${person.crn}/contacts`);
    const row = await t.database.db
      .selectFrom('person_contacts')
      .selectAll()
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      relationship: 'GP',
      name: 'Dr Bea Changer',
      email: 'surgery@example.com',
      row_version: 2,
      updated_by_name: 'Priya Okonjo',
      removed_at: null,
    });
    expect((await po.get(`/people/${person.crn}/contacts`)).body).toContain('GP: Dr Bea Changer');
    const [audit] = await auditOf('changed-personal-contact', contact.id);
    expect(audit?.actor_name).toBe('Priya Okonjo');
    expect(audit?.detail).toEqual({
      changes: {
        relationship: { from: 'NOK', to: 'GP' },
        name: { from: 'Bea Changer', to: 'Dr Bea Changer' },
        email: { from: null, to: 'surgery@example.com' },
      },
    });
  });

  it('changes an alias date of birth and a disability’s reasonable adjustments', async () => {
    const person = await visiblePerson(3);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Datewell');
    await po.get(`/people/${person.crn}/aliases/${alias.id}/change`);
    const aliasSaved = await po.post(`/people/${person.crn}/aliases/${alias.id}/change`, {
      rowVersion: '1',
      forename: 'Joanne',
      surname: 'Datewell',
      'dateOfBirth-day': '27',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1990',
    });
    expect(aliasSaved.statusCode).toBe(302);
    const details = (await po.get(`/people/${person.crn}/personal-details`)).body;
    expect(details).toContain('Joanne Datewell');
    expect(details).toContain('Born 27 March 1990');

    const disability = await addDisability(po, person, 'Large print letters');
    await po.get(`/people/${person.crn}/disabilities/${disability.id}/change`);
    const changed = await po.post(`/people/${person.crn}/disabilities/${disability.id}/change`, {
      rowVersion: '1',
      disability: 'HEAR',
      reasonableAdjustments: 'A hearing loop in interview rooms',
    });
    expect(changed.statusCode).toBe(302);
    const row = await t.database.db
      .selectFrom('person_disabilities')
      .select(['disability', 'reasonable_adjustments', 'row_version'])
      .where('id', '=', disability.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      disability: 'HEAR',
      reasonable_adjustments: 'A hearing loop in interview rooms',
      row_version: 2,
    });
  });

  it('refuses bad input with the GOV.UK error summary, keeping what was typed and writing nothing', async () => {
    const person = await visiblePerson(4);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Typedkeep');
    const path = `/people/${person.crn}/aliases/${alias.id}/change`;
    await po.get(path);
    const bad = await po.post(path, {
      rowVersion: '1',
      forename: 'J0anne',
      surname: '',
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1990',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('<title>Error: Change an alias');
    expect(bad.body).toContain('First name must only include letters');
    expect(bad.body).toContain('Enter last name');
    expect(bad.body).toContain('href="#dateOfBirth-day"');
    expect(bad.body).toContain('value="J0anne"');
    expect(bad.body).toContain('value="31"');
    expect(rowVersionOn(bad.body)).toBe('1');
    const row = await t.database.db
      .selectFrom('person_aliases')
      .select(['forename', 'surname', 'row_version'])
      .where('id', '=', alias.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ forename: 'Jo', surname: 'Typedkeep', row_version: 1 });
    expect(await auditOf('changed-alias', alias.id)).toHaveLength(0);
  });

  it('refuses a save that lost the race, naming who changed it, with both versions, writing nothing', async () => {
    const person = await visiblePerson(5);
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const contact = await addContact(po, person, 'Cal Racer');
    const path = `/people/${person.crn}/contacts/${contact.id}/change`;
    const form = {
      relationship: 'NOK',
      name: 'Cal Racer',
      email: '',
      address: '',
      notes: '',
    };
    await po.get(path);
    const poPage = po.lastHtml;
    await manager.get(path);
    const first = await manager.post(path, {
      ...form,
      rowVersion: rowVersionOn(manager.lastHtml),
      telephone: '01632 960 001',
    });
    expect(first.statusCode).toBe(302);

    po.lastHtml = poPage;
    const lost = await po.post(path, {
      ...form,
      rowVersion: rowVersionOn(poPage),
      relationship: 'FRIEND',
      telephone: '01632 960 999',
    });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toMatch(/This record was changed by Helen Brierley at \d+ \w+ \d{4} at /);
    const table = lost.body.slice(lost.body.indexOf('Both versions'), lost.body.indexOf('</table>'));
    expect(table).toMatch(
      /<th scope="row" class="govuk-table__header">Telephone<\/th>\s*<td[^>]*>01632 960 001<\/td>\s*<td[^>]*>01632 960 999<\/td>/,
    );
    expect(table).toMatch(
      /<th scope="row" class="govuk-table__header">Relationship<\/th>\s*<td[^>]*>Next of kin<\/td>\s*<td[^>]*>Friend<\/td>/,
    );
    // The form holds the user's version, at the version now saved, to save again if they choose.
    expect(lost.body).toContain('value="01632 960 999"');
    expect(rowVersionOn(lost.body)).toBe('2');
    expect(lost.body).toContain('Save my version');
    const row = await t.database.db
      .selectFrom('person_contacts')
      .select(['telephone', 'relationship', 'row_version'])
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ telephone: '01632 960 001', relationship: 'NOK', row_version: 2 });
    expect(await auditOf('changed-personal-contact', contact.id)).toHaveLength(1);
  });
});

describe('removing an alias, a personal contact or a disability', () => {
  it('asks for confirmation and a reason, then keeps the row with the reason but lists it no more', async () => {
    const person = await visiblePerson(6);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Goneaway');
    const path = `/people/${person.crn}/aliases/${alias.id}/remove`;
    const confirm = await po.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to remove the alias Jo Goneaway?');

    const noReason = await po.post(path, { rowVersion: '1', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('govuk-error-summary');
    expect(noReason.body).toContain('Enter why you are removing this alias');
    expect(
      (
        await t.database.db
          .selectFrom('person_aliases')
          .select('removed_at')
          .where('id', '=', alias.id)
          .executeTakeFirstOrThrow()
      ).removed_at,
    ).toBeNull();

    const removed = await po.post(path, { rowVersion: '1', reason: 'Recorded in error: another person' });
    expect(removed.statusCode).toBe(302);
    expect(removed.headers.location).toBe(`/people/${person.crn}/personal-details`);
    const row = await t.database.db
      .selectFrom('person_aliases')
      .selectAll()
      .where('id', '=', alias.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).toBeInstanceOf(Date);
    expect(row).toMatchObject({
      surname: 'Goneaway',
      removed_by_name: 'Priya Okonjo',
      removal_reason: 'Recorded in error: another person',
      row_version: 2,
    });
    // Gone from the aliases, kept in the removed ones with who removed it and why.
    const [current, history] = (await po.get(`/people/${person.crn}/personal-details`)).body.split(
      'Removed aliases (1)',
    );
    expect(current).not.toContain('Goneaway');
    expect(history).toMatch(/Jo Goneaway<\/td>\s*<td[^>]*>\d+ \w+ \d{4} by Priya Okonjo<\/td>/);
    expect(history).toContain('Recorded in error: another person');
    expect((await po.get('/search?q=Jo Goneaway')).body).not.toContain(person.crn);
    const [audit] = await auditOf('removed-alias', alias.id);
    expect(audit?.detail).toEqual({
      reason: 'Recorded in error: another person',
      removed: { forename: 'Jo', surname: 'Goneaway', date_of_birth: null },
    });
    // A removed alias cannot be changed or removed again.
    expect((await po.get(`/people/${person.crn}/aliases/${alias.id}/change`)).statusCode).toBe(404);
    expect((await po.get(path)).statusCode).toBe(404);
  });

  it('takes a removed disability off the overview and personal details', async () => {
    const person = await visiblePerson(7);
    const po = await t.signIn('po.demo');
    const disability = await addDisability(po, person, 'Letters in large print');
    expect((await po.get(`/people/${person.crn}`)).body).toContain('Letters in large print');
    const path = `/people/${person.crn}/disabilities/${disability.id}/remove`;
    const confirm = await po.get(path);
    expect(confirm.body).toContain('letters will no longer follow its reasonable adjustments');
    expect(
      (await po.post(path, { rowVersion: '1', reason: 'Sight restored after surgery' })).statusCode,
    ).toBe(302);
    expect((await po.get(`/people/${person.crn}`)).body).not.toContain('Letters in large print');
    const [current, history] = (await po.get(`/people/${person.crn}/personal-details`)).body.split(
      'Removed disabilities (1)',
    );
    expect(current).not.toContain('Letters in large print');
    expect(history).toContain('Letters in large print');
    expect(history).toContain('Sight restored after surgery');
  });

  it('refuses a removal when the item changed since the page opened, and a change after it was removed', async () => {
    const person = await visiblePerson(8);
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const contact = await addContact(po, person, 'Dee Stale');
    const removePath = `/people/${person.crn}/contacts/${contact.id}/remove`;
    const changePath = `/people/${person.crn}/contacts/${contact.id}/change`;
    await po.get(removePath);
    const poRemovePage = po.lastHtml;
    await manager.get(changePath);
    const changed = await manager.post(changePath, {
      rowVersion: '1',
      relationship: 'NOK',
      name: 'Dee Stale',
      telephone: '01632 960 222',
      email: '',
      address: '',
      notes: '',
    });
    expect(changed.statusCode).toBe(302);

    po.lastHtml = poRemovePage;
    const stale = await po.post(removePath, { rowVersion: '1', reason: 'Moved away' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toMatch(
      /This personal contact was changed by Helen Brierley at .* It has not been removed/,
    );
    expect(stale.body).toContain('01632 960 222');
    expect(stale.body).toContain('Moved away');
    expect(rowVersionOn(stale.body)).toBe('2');
    const kept = await t.database.db
      .selectFrom('person_contacts')
      .select(['removed_at', 'row_version'])
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ removed_at: null, row_version: 2 });

    // Now the manager opens a change while the officer removes it: the change is refused, naming who removed it.
    await manager.get(changePath);
    const managerPage = manager.lastHtml;
    expect((await po.post(removePath, { rowVersion: '2', reason: 'Moved away' })).statusCode).toBe(302);
    manager.lastHtml = managerPage;
    const tooLate = await manager.post(changePath, {
      rowVersion: '2',
      relationship: 'NOK',
      name: 'Dee Stale',
      telephone: '01632 960 333',
      email: '',
      address: '',
      notes: '',
    });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.body).toMatch(
      /This personal contact was removed by Priya Okonjo at .*after you opened it/,
    );
    expect(tooLate.body).toContain('The reason they gave: Moved away');
    const row = await t.database.db
      .selectFrom('person_contacts')
      .select(['telephone', 'removal_reason'])
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ telephone: '01632 960 222', removal_reason: 'Moved away' });
    const contacts = (await po.get(`/people/${person.crn}/contacts`)).body;
    expect(contacts).toContain('Removed personal contacts (1)');
    expect(contacts.split('Removed personal contacts (1)')[1]).toContain('Moved away');
  });
});

describe('who may change and remove', () => {
  it('refuses roles that may not add them, and offers them no links', async () => {
    const person = await visiblePerson(9);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Guarded');
    const change = `/people/${person.crn}/aliases/${alias.id}/change`;
    const remove = `/people/${person.crn}/aliases/${alias.id}/remove`;
    for (const username of ['facilitator.demo', 'upw.demo', 'admin.demo']) {
      const browser = await t.signIn(username);
      expect((await browser.get(change)).statusCode, username).toBe(403);
      expect((await browser.get(remove)).statusCode, username).toBe(403);
      const changed = await browser.post(change, {
        rowVersion: '1',
        forename: 'Hacked',
        surname: 'Guarded',
        ...noDate,
      });
      expect(changed.statusCode, username).toBe(403);
      expect((await browser.post(remove, { rowVersion: '1', reason: 'No' })).statusCode, username).toBe(403);
    }
    const facilitator = await t.signIn('facilitator.demo');
    const details = await facilitator.get(`/people/${person.crn}/personal-details`);
    expect(details.statusCode).toBe(200);
    expect(details.body).toContain('Jo Guarded');
    expect(details.body).not.toContain(change);
    const row = await t.database.db
      .selectFrom('person_aliases')
      .select(['forename', 'removed_at', 'row_version'])
      .where('id', '=', alias.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ forename: 'Jo', removed_at: null, row_version: 1 });
  });

  it('keeps a limited-access person hidden from an excluded officer, who can change and remove nothing', async () => {
    const person = await t.database.db
      .selectFrom('people')
      .select(['id', 'crn'])
      .where('crn', '=', DEMO_LIMITED_ACCESS.excludedCrn)
      .executeTakeFirstOrThrow();
    const { id } = await t.database.db
      .insertInto('person_aliases')
      .values({ person_id: person.id, forename: 'Hidden', surname: 'Person' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const po = await t.signIn('po.demo');
    const change = `/people/${person.crn}/aliases/${id}/change`;
    const remove = `/people/${person.crn}/aliases/${id}/remove`;
    const page = await po.get(change);
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('Hidden');
    expect((await po.get(remove)).statusCode).toBe(403);
    await po.get('/search');
    expect(
      (await po.post(change, { rowVersion: '1', forename: 'Changed', surname: 'Person', ...noDate }))
        .statusCode,
    ).toBe(403);
    expect((await po.post(remove, { rowVersion: '1', reason: 'Gone' })).statusCode).toBe(403);
    const row = await t.database.db
      .selectFrom('person_aliases')
      .select(['forename', 'removed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ forename: 'Hidden', removed_at: null });
  });

  it('answers 404 for an item of another person or an id that is not one', async () => {
    const person = await visiblePerson(10);
    const other = await visiblePerson(11);
    const po = await t.signIn('po.demo');
    const alias = await addAlias(po, person, 'Elsewhere');
    expect((await po.get(`/people/${other.crn}/aliases/${alias.id}/change`)).statusCode).toBe(404);
    expect((await po.get(`/people/${person.crn}/aliases/not-an-id/remove`)).statusCode).toBe(404);
    expect((await po.get(`/people/${person.crn}/contacts/${alias.id}/change`)).statusCode).toBe(404);
  });
});
