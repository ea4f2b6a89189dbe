import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LIMITED_ACCESS } from '../demo-data/seed.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function anyVisibleCrn(surnameLike = 'Smith') {
  const row = await t.database.db
    .selectFrom('people')
    .select(['crn', 'surname', 'forename', 'date_of_birth'])
    .where('surname', '=', surnameLike)
    .where('exclusion_message', 'is', null)
    .where('restriction_message', 'is', null)
    .orderBy('crn')
    .executeTakeFirstOrThrow();
  return row;
}

describe('search', () => {
  it('finds a person by a misspelt surname', async () => {
    const person = await anyVisibleCrn('Smith');
    const po = await t.signIn('po.demo');
    const response = await po.get('/search?q=Smyth');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(person.crn);
  });

  it('finds by CRN, and by date of birth in UK format', async () => {
    const person = await anyVisibleCrn('Jones');
    const po = await t.signIn('po.demo');
    expect((await po.get(`/search?q=${person.crn}`)).body).toContain(`/people/${person.crn}`);
    const [y, m, d] = person.date_of_birth.split('-');
    expect((await po.get(`/search?q=${d}/${m}/${y}`)).body).toContain(person.crn);
  });

  it('sorts results by the chosen column', async () => {
    const po = await t.signIn('po.demo');
    const body = (await po.get('/search?q=Smith&sort=crn&order=descending')).body;
    const crns = [...body.matchAll(/<td class="govuk-table__cell">([A-Z]\d{6})<\/td>/g)].map((m) => m[1]!);
    expect(crns.length).toBeGreaterThan(1);
    expect([...crns].sort().reverse()).toEqual(crns);
  });
});

describe("a person's record", () => {
  it('shows the overview and records the look in the audit trail', async () => {
    const person = await anyVisibleCrn();
    const po = await t.signIn('po.demo');
    const response = await po.get(`/people/${person.crn}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(person.forename);
    const audit = await po.get(`/people/${person.crn}/audit`);
    expect(audit.body).toContain('Priya Okonjo');
    expect(audit.body).toContain('Viewed record');
  });

  it('answers 404 for an unknown CRN', async () => {
    const po = await t.signIn('po.demo');
    expect((await po.get('/people/Z999999')).statusCode).toBe(404);
  });

  it('refuses roles that may not open it', async () => {
    const admin = await t.signIn('admin.demo');
    const person = await anyVisibleCrn();
    const response = await admin.get(`/people/${person.crn}`);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You do not have permission');
  });
});

describe('limited-access people', () => {
  it('hides an excluded person from the excluded officer in search, by URL and in the caseload, and audits the attempt', async () => {
    const po = await t.signIn('po.demo');
    const person = await t.database.db
      .selectFrom('people')
      .selectAll()
      .where('crn', '=', DEMO_LIMITED_ACCESS.excludedCrn)
      .executeTakeFirstOrThrow();
    expect((await po.get(`/search?q=${person.crn}`)).body).not.toContain(`/people/${person.crn}`);
    expect((await po.get(`/search?q=${person.surname}`)).body).not.toContain(person.crn);
    const page = await po.get(`/people/${person.crn}`);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('conflict of interest');
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('person_id', '=', person.id)
      .where('action', '=', 'refused-limited-access')
      .executeTakeFirst();
    expect(refusal).toBeDefined();
  });

  it('lets other staff see the excluded person', async () => {
    const manager = await t.signIn('manager.demo');
    expect((await manager.get(`/people/${DEMO_LIMITED_ACCESS.excludedCrn}`)).statusCode).toBe(200);
  });

  it('hides a restricted person from everyone not named, including API clients', async () => {
    const manager = await t.signIn('manager.demo');
    expect((await manager.get(`/people/${DEMO_LIMITED_ACCESS.restrictedCrn}`)).statusCode).toBe(403);
  });
});

describe('creating a person', () => {
  const details = {
    forename: 'Testy',
    middleNames: '',
    surname: 'McTestface',
    preferredName: '',
    'dateOfBirth-day': '3',
    'dateOfBirth-month': '4',
    'dateOfBirth-year': '1990',
    sex: 'M',
    genderIdentity: '',
  };

  /** Walks the creation journey with someone's name and date of birth, the rest left empty, to check your answers. */
  async function walkToCheck(
    browser: Awaited<ReturnType<TestApp['signIn']>>,
    who: { forename: string; surname: string; date_of_birth: string },
  ) {
    const [y, m, d] = who.date_of_birth.split('-');
    await browser.get('/people/new');
    await browser.get('/people/new/details');
    await browser.post('/people/new/details', {
      ...details,
      forename: who.forename,
      surname: who.surname,
      'dateOfBirth-day': d!,
      'dateOfBirth-month': m!,
      'dateOfBirth-year': y!,
    });
    await browser.post('/people/new/identifiers', {
      pncNumber: '',
      croNumber: '',
      prisonNumber: '',
      niNumber: '',
    });
    await browser.post('/people/new/address', { noFixedAbode: 'yes' });
    await browser.post('/people/new/contact', {
      telephone: '',
      mobile: '',
      email: '',
      contactPreferences: '',
    });
    await browser.post('/people/new/equality', {
      ethnicity: '',
      religion: '',
      sexualOrientation: '',
      firstLanguage: '',
      interpreterRequired: 'no',
    });
    return browser.get('/people/new/check');
  }

  it('refuses bad input on a step with GOV.UK messages and keeps what was typed', async () => {
    const po = await t.signIn('po.demo');
    await po.get('/people/new');
    await po.get('/people/new/details');
    const response = await po.post('/people/new/details', {
      ...details,
      forename: '',
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter first name');
    expect(response.body).toContain('Date of birth must be a real date');
    expect(response.body).toContain('value="McTestface"');
    expect(response.body).toContain('href="#dateOfBirth-day"');
  });

  it('walks the journey to check your answers and creates the record', async () => {
    const po = await t.signIn('po.demo');
    await po.get('/people/new');
    await po.get('/people/new/details');
    expect((await po.post('/people/new/details', details)).headers.location).toBe('/people/new/identifiers');
    await po.get('/people/new/identifiers');
    const badPnc = await po.post('/people/new/identifiers', {
      pncNumber: '2012/0012345B',
      croNumber: '',
      prisonNumber: '',
      niNumber: '',
    });
    expect(badPnc.body).toContain('Enter a PNC number in the correct format');
    await po.post('/people/new/identifiers', {
      pncNumber: '2012/0012345A',
      croNumber: '',
      prisonNumber: '',
      niNumber: 'AB123456C',
    });
    await po.get('/people/new/address');
    await po.post('/people/new/address', {
      status: 'main',
      building: '1',
      street: 'Test Street',
      district: '',
      town: 'Chelmsford',
      county: '',
      postcode: 'cm11aa',
      'fromDate-day': '1',
      'fromDate-month': '1',
      'fromDate-year': '2024',
    });
    await po.get('/people/new/contact');
    await po.post('/people/new/contact', {
      telephone: '',
      mobile: '07700 900123',
      email: '',
      contactPreferences: '',
    });
    await po.get('/people/new/equality');
    expect(
      (
        await po.post('/people/new/equality', {
          ethnicity: '',
          religion: '',
          sexualOrientation: '',
          firstLanguage: 'ENG',
          interpreterRequired: 'no',
        })
      ).headers.location,
    ).toBe('/people/new/check');
    const check = await po.get('/people/new/check');
    expect(check.body).toContain('Check your answers');
    expect(check.body).toContain('CM1 1AA');
    const created = await po.post('/people/new/check');
    expect(created.statusCode).toBe(302);
    const crn = /\/people\/([A-Z]\d{6})/.exec(String(created.headers.location))![1]!;
    const row = await t.database.db
      .selectFrom('people')
      .selectAll()
      .where('crn', '=', crn)
      .executeTakeFirstOrThrow();
    expect(row.ni_number).toBe('AB123456C');
    expect(row.pnc_number).toBe('2012/0012345A');
  });

  it('warns of a likely duplicate by name and date of birth before saving', async () => {
    const existing = await anyVisibleCrn('Taylor');
    const po = await t.signIn('po.demo');
    const check = await walkToCheck(po, existing);
    expect(check.body).toContain('Likely duplicate records');
    expect(check.body).toContain(existing.crn);
    const before = await t.database.db
      .selectFrom('people')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await po.post('/people/new/check');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Confirm you have checked the likely duplicate records');
    const after = await t.database.db
      .selectFrom('people')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await po.post('/people/new/check', { confirmNotDuplicate: 'yes' })).statusCode).toBe(302);
  });

  it('does not reveal a limited-access person as a likely duplicate to staff who may not see them', async () => {
    const hidden = await t.database.db
      .selectFrom('people')
      .select(['crn', 'forename', 'surname', 'date_of_birth'])
      .where('crn', '=', DEMO_LIMITED_ACCESS.excludedCrn)
      .executeTakeFirstOrThrow();
    const po = await t.signIn('po.demo');
    const check = await walkToCheck(po, hidden);
    expect(check.statusCode).toBe(200);
    expect(check.body).not.toContain(hidden.crn);
    expect(check.body).not.toContain('Likely duplicate records');
    // Nothing to confirm either: a refusal would itself say that a hidden record matches.
    expect((await po.post('/people/new/check')).statusCode).toBe(302);

    // Staff allowed to see the person are warned as usual.
    const manager = await t.signIn('manager.demo');
    expect((await walkToCheck(manager, hidden)).body).toContain(hidden.crn);
  });
});

describe('changing the record', () => {
  it('refuses identity numbers in the wrong format with GOV.UK messages, keeping what was typed, writing nothing', async () => {
    const person = await anyVisibleCrn('Jones');
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${person.crn}/edit/identifiers`);
    const rowVersion = /name="rowVersion" value="(\d+)"/.exec(page.body)![1]!;
    const before = await t.database.db
      .selectFrom('people')
      .select(['row_version', 'pnc_number'])
      .where('crn', '=', person.crn)
      .executeTakeFirstOrThrow();
    const bad = await po.post(`/people/${person.crn}/edit/identifiers`, {
      pncNumber: 'ABC123',
      croNumber: '12/34',
      prisonNumber: '1234AB',
      niNumber: 'QQ 12 34 56 C',
      rowVersion,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter a PNC number in the correct format');
    expect(bad.body).toContain('Enter a CRO number in the correct format');
    expect(bad.body).toContain('Enter a prison number in the correct format');
    expect(bad.body).toContain('Enter a National Insurance number in the correct format');
    expect(bad.body).toContain('value="ABC123"');
    expect(bad.body).toContain('value="QQ 12 34 56 C"');
    const after = await t.database.db
      .selectFrom('people')
      .select(['row_version', 'pnc_number'])
      .where('crn', '=', person.crn)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);

    const saved = await po.post(`/people/${person.crn}/edit/identifiers`, {
      pncNumber: '12/12345X',
      croNumber: '123456/12A',
      prisonNumber: 'a1234bc',
      niNumber: 'ab 12 34 56 c',
      rowVersion,
    });
    // 2012/0012345 has the check letter A: X is refused, so the whole section is refused.
    expect(saved.statusCode).toBe(400);
    const good = await po.post(`/people/${person.crn}/edit/identifiers`, {
      pncNumber: '12/12345A',
      croNumber: '123456/12A',
      prisonNumber: 'a1234bc',
      niNumber: 'ab 12 34 56 c',
      rowVersion,
    });
    expect(good.statusCode).toBe(302);
    const row = await t.database.db
      .selectFrom('people')
      .select(['pnc_number', 'prison_number', 'ni_number'])
      .where('crn', '=', person.crn)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ pnc_number: '2012/0012345A', prison_number: 'A1234BC', ni_number: 'AB123456C' });
  });

  it('refuses a bad address, alias, disability or personal contact, keeping what was typed', async () => {
    const person = await anyVisibleCrn('Jones');
    const po = await t.signIn('po.demo');
    const count = async (
      table: 'person_addresses' | 'person_aliases' | 'person_disabilities' | 'person_contacts',
    ) =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .innerJoin('people', 'people.id', `${table}.person_id`)
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .where('people.crn', '=', person.crn)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cases: Array<{
      path: string;
      table: 'person_addresses' | 'person_aliases' | 'person_disabilities' | 'person_contacts';
      form: Record<string, string>;
      messages: string[];
      kept: string[];
    }> = [
      {
        path: 'addresses',
        table: 'person_addresses',
        form: {
          status: 'main',
          building: '12',
          street: '',
          district: '',
          town: 'Colchester',
          county: '',
          postcode: 'NOT A POSTCODE',
          'fromDate-day': '1',
          'fromDate-month': '1',
          'fromDate-year': '2099',
        },
        messages: ['Enter the street', 'Enter a real postcode', 'must be today or in the past'],
        kept: ['value="NOT A POSTCODE"', 'value="Colchester"'],
      },
      {
        path: 'aliases',
        table: 'person_aliases',
        form: {
          forename: 'J0hn',
          surname: '',
          'dateOfBirth-day': '',
          'dateOfBirth-month': '',
          'dateOfBirth-year': '',
        },
        messages: ['First name must only include letters', 'Enter last name'],
        kept: ['value="J0hn"'],
      },
      {
        path: 'disabilities',
        table: 'person_disabilities',
        form: { disability: '', reasonableAdjustments: 'Ground floor room' },
        messages: ['Select the disability'],
        kept: ['Ground floor room'],
      },
      {
        path: 'contacts',
        table: 'person_contacts',
        form: { relationship: '', name: '', telephone: '12', email: 'nope', address: '', notes: 'Keep me' },
        messages: [
          'Select the relationship',
          'Enter the name',
          'Enter a telephone number',
          'Enter an email address',
        ],
        kept: ['value="nope"', 'Keep me'],
      },
    ];
    for (const c of cases) {
      const before = await count(c.table);
      await po.get(`/people/${person.crn}/${c.path}/new`);
      const response = await po.post(`/people/${person.crn}/${c.path}/new`, c.form);
      expect(response.statusCode, c.path).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      for (const message of c.messages) expect(response.body, c.path).toContain(message);
      for (const typed of c.kept) expect(response.body, c.path).toContain(typed);
      expect(await count(c.table), c.path).toBe(before);
    }
  });

  it('keeps the address history: a new main address makes the old one previous, ending the day before', async () => {
    const person = await anyVisibleCrn('Jones');
    const oldMain = await t.database.db
      .selectFrom('person_addresses')
      .innerJoin('people', 'people.id', 'person_addresses.person_id')
      .select(['person_addresses.id', 'person_addresses.from_date'])
      .where('people.crn', '=', person.crn)
      .where('person_addresses.status', '=', 'main')
      .executeTakeFirstOrThrow();
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/addresses/new`);
    const moved = await po.post(`/people/${person.crn}/addresses/new`, {
      status: 'main',
      building: '3',
      street: 'New Road',
      district: '',
      town: 'Colchester',
      county: '',
      postcode: 'co11aa',
      'fromDate-day': '1',
      'fromDate-month': '2',
      'fromDate-year': '2026',
    });
    expect(moved.statusCode).toBe(302);
    const addresses = await t.database.db
      .selectFrom('person_addresses')
      .innerJoin('people', 'people.id', 'person_addresses.person_id')
      .select([
        'person_addresses.id',
        'person_addresses.status',
        'person_addresses.street',
        'person_addresses.to_date',
      ])
      .where('people.crn', '=', person.crn)
      .execute();
    expect(addresses.filter((a) => a.status === 'main').map((a) => [a.street, a.to_date])).toEqual([
      ['New Road', null],
    ]);
    // The day before the move, unless the old address began later than that.
    const expectedEnd = oldMain.from_date > '2026-01-31' ? oldMain.from_date : '2026-01-31';
    expect(addresses.find((a) => a.id === oldMain.id)).toMatchObject({
      status: 'previous',
      to_date: expectedEnd,
    });
    const page = await po.get(`/people/${person.crn}/personal-details`);
    expect(page.body).toContain('CO1 1AA');
    expect(page.body).toContain('Previous');
  });
});

describe('ending an address', () => {
  it('refuses a date before they moved in or in the future, then keeps the address as a previous one', async () => {
    const person = await anyVisibleCrn('Jones');
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/addresses/new`);
    await po.post(`/people/${person.crn}/addresses/new`, {
      status: 'other',
      building: '',
      street: 'Mill Lane',
      district: '',
      town: 'Witham',
      county: '',
      postcode: 'CM8 1AA',
      'fromDate-day': '1',
      'fromDate-month': '3',
      'fromDate-year': '2025',
    });
    const other = await t.database.db
      .selectFrom('person_addresses')
      .innerJoin('people', 'people.id', 'person_addresses.person_id')
      .select(['person_addresses.id'])
      .where('people.crn', '=', person.crn)
      .where('person_addresses.street', '=', 'Mill Lane')
      .executeTakeFirstOrThrow();
    const details = await po.get(`/people/${person.crn}/personal-details`);
    expect(details.body).toContain(`href="/people/${person.crn}/addresses/${other.id}/end"`);
    const path = `/people/${person.crn}/addresses/${other.id}/end`;
    await po.get(path);
    const early = await po.post(path, { 'toDate-day': '28', 'toDate-month': '2', 'toDate-year': '2025' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('govuk-error-summary');
    expect(early.body).toContain('must be on or after the date they started living there');
    expect(early.body).toContain('value="28"');
    const future = await po.post(path, { 'toDate-day': '1', 'toDate-month': '1', 'toDate-year': '2199' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date they stopped living here must be today or in the past');
    const saved = await po.post(path, { 'toDate-day': '30', 'toDate-month': '6', 'toDate-year': '2025' });
    expect(saved.statusCode).toBe(302);
    const ended = await t.database.db
      .selectFrom('person_addresses')
      .select(['status', 'to_date'])
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'previous', to_date: '2025-06-30' });
    // A previous address is history: it cannot be ended again.
    expect((await po.get(path)).statusCode).toBe(404);
  });
});

describe('editing with optimistic locking', () => {
  it('refuses a save that lost the race, naming who changed it, and keeps both versions', async () => {
    const person = await anyVisibleCrn('Brown');
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    await po.get(`/people/${person.crn}/edit/contact`);
    const poToken = po.lastHtml;
    await manager.get(`/people/${person.crn}/edit/contact`);
    const first = await manager.post(`/people/${person.crn}/edit/contact`, {
      rowVersion: /name="rowVersion" value="(\d+)"/.exec(manager.lastHtml)![1]!,
      telephone: '01632 960 001',
      mobile: '',
      email: '',
      contactPreferences: '',
    });
    expect(first.statusCode).toBe(302);
    po.lastHtml = poToken;
    const second = await po.post(`/people/${person.crn}/edit/contact`, {
      rowVersion: /name="rowVersion" value="(\d+)"/.exec(poToken)![1]!,
      telephone: '01632 960 999',
      mobile: '',
      email: '',
      contactPreferences: 'TEXT',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('This record was changed by Helen Brierley');
    // Both versions, field by field, in words.
    const table = second.body.slice(second.body.indexOf('Both versions'), second.body.indexOf('</table>'));
    expect(table).toMatch(
      /<th scope="row" class="govuk-table__header">Telephone<\/th>\s*<td[^>]*>01632 960 001<\/td>\s*<td[^>]*>01632 960 999<\/td>/,
    );
    expect(table).toContain('How they prefer to be contacted');
    expect(table).toContain('Text message');
    expect(table).not.toContain('contactPreferences');
    const row = await t.database.db
      .selectFrom('people')
      .select('telephone')
      .where('crn', '=', person.crn)
      .executeTakeFirstOrThrow();
    expect(row.telephone).toBe('01632 960 001');
  });
});

describe('allocation', () => {
  it('lets a manager transfer a case and keeps the history', async () => {
    const person = await anyVisibleCrn('Wilson');
    const manager = await t.signIn('manager.demo');
    await manager.get(`/people/${person.crn}/allocation/transfer`);
    const staff = await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('staff_code', '=', 'N01A007')
      .executeTakeFirstOrThrow();
    const bad = await manager.post(`/people/${person.crn}/allocation/transfer`, {
      staffId: '',
      reason: '',
      notes: '',
      expectedCurrentId: /name="expectedCurrentId" value="([^"]*)"/.exec(manager.lastHtml)![1]!,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the new responsible officer');
    const response = await manager.post(`/people/${person.crn}/allocation/transfer`, {
      staffId: staff.id,
      reason: 'WORKLOAD',
      notes: 'Balancing',
      expectedCurrentId: /name="expectedCurrentId" value="([^"]*)"/.exec(manager.lastHtml)![1]!,
    });
    expect(response.statusCode).toBe(302);
    const history = await manager.get(`/people/${person.crn}/allocation`);
    expect(history.body).toContain('Gareth Pryce');
    expect(history.body).toContain('Current');
  });

  it('refuses a transfer by a probation officer', async () => {
    const person = await anyVisibleCrn('Wilson');
    const po = await t.signIn('po.demo');
    expect((await po.get(`/people/${person.crn}/allocation/transfer`)).statusCode).toBe(403);
  });
});

describe('limited access administration', () => {
  it('lets a manager exclude a staff member, who then cannot open the record', async () => {
    const person = await anyVisibleCrn('Evans');
    const manager = await t.signIn('manager.demo');
    await manager.get(`/people/${person.crn}/limited-access`);
    const pso = await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('staff_code', '=', 'N01A002')
      .executeTakeFirstOrThrow();
    const bad = await manager.post(`/people/${person.crn}/limited-access`, {
      list: '',
      staffId: '',
      message: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the list');
    const added = await manager.post(`/people/${person.crn}/limited-access`, {
      list: 'exclusion',
      staffId: pso.id,
      message: 'Excluded: a relative of the person.',
    });
    expect(added.statusCode).toBe(302);
    const officer = await t.signIn('pso.demo');
    const refused = await officer.get(`/people/${person.crn}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Excluded: a relative of the person.');
  });
});
