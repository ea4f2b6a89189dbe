import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { DEMO_LIMITED_ACCESS } from '../demo-data/seed.js';
import { londonDateOf } from '../platform/calendar/london.js';
import { addDays, expectedEndDate } from './rules.js';

let t: TestApp;
let crn: string;
let personId: string;
const today = () => londonDateOf(new Date());

beforeAll(async () => {
  t = await startTestApp();
  const person = await t.database.db
    .selectFrom('people')
    .select(['id', 'crn'])
    .where('exclusion_message', 'is', null)
    .where('restriction_message', 'is', null)
    .orderBy('crn')
    .offset(50)
    .executeTakeFirstOrThrow();
  crn = person.crn;
  personId = person.id;
});
afterAll(async () => t.close());

const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

const count = async (
  table: 'events' | 'orders' | 'requirements' | 'licence_conditions' | 'court_appearances',
) =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow()
  ).n;

const base = () => `/people/${crn}/sentence`;

async function addEvent(po: Browser, convictionDate: string) {
  await po.get(`${base()}/events/new`);
  const response = await po.post(`${base()}/events/new`, {
    ...dateFields('convictionDate', convictionDate),
    court: 'CHELMC',
    mainOffence: '04600',
    additionalOffence1: '05800',
    additionalOffence2: '',
    additionalOffence3: '',
    notes: '',
  });
  expect(response.statusCode).toBe(302);
  const eventId = /events\/([0-9a-f-]{36})\/orders\/new/.exec(String(response.headers.location))![1]!;
  return eventId;
}

async function addCommunityOrder(po: Browser, eventId: string, start: string, lengthMonths = '12') {
  await po.get(`${base()}/events/${eventId}/orders/new/CO`);
  const response = await po.post(`${base()}/events/${eventId}/orders/new/CO`, {
    ...dateFields('sentenceDate', start),
    ...dateFields('startDate', start),
    lengthMonths,
  });
  expect(response.statusCode).toBe(302);
  return t.database.db
    .selectFrom('orders')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

describe('who may use the sentence pages', () => {
  it('refuses an administrator the sentence page and the forms', async () => {
    const admin = await t.signIn('admin.demo');
    expect((await admin.get(base())).statusCode).toBe(403);
    expect((await admin.get(`${base()}/events/new`)).statusCode).toBe(403);
  });

  it('lets a programme facilitator read the sentence but not change it', async () => {
    const facilitator = await t.signIn('facilitator.demo');
    const page = await facilitator.get(base());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add an event');
    expect((await facilitator.get(`${base()}/events/new`)).statusCode).toBe(403);
    const before = await count('events');
    const post = await facilitator.post(`${base()}/events/new`, {
      ...dateFields('convictionDate', '2026-01-05'),
      court: 'CHELMC',
      mainOffence: '04600',
    });
    expect(post.statusCode).toBe(403);
    expect(await count('events')).toBe(before);
  });

  it('hides the sentence of a person the officer is excluded from', async () => {
    const po = await t.signIn('po.demo');
    const response = await po.get(`/people/${DEMO_LIMITED_ACCESS.excludedCrn}/sentence`);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Event 1');
  });

  it('refuses a probation officer the offences administration', async () => {
    const po = await t.signIn('po.demo');
    expect((await po.get('/admin/offences')).statusCode).toBe(403);
  });

  it('answers 404 for an unknown order or event', async () => {
    const po = await t.signIn('po.demo');
    expect((await po.get(`${base()}/orders/00000000-0000-4000-a000-000000000000/terminate`)).statusCode).toBe(
      404,
    );
    expect((await po.get(`${base()}/events/not-a-uuid/orders/new`)).statusCode).toBe(404);
  });

  it('adds a Sentence tab to the record and shows the demo sentence', async () => {
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${crn}`);
    expect(page.body).toContain(`href="/people/${crn}/sentence"`);
    const sentence = await po.get(base());
    expect(sentence.statusCode).toBe(200);
    expect(sentence.body).toContain('Event 1');
  });
});

describe('adding an event', () => {
  it('refuses bad input with GOV.UK messages, keeps what was typed, writes nothing', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`${base()}/events/new`);
    const before = await count('events');
    const future = addDays(today(), 3);
    const response = await po.post(`${base()}/events/new`, {
      ...dateFields('convictionDate', future),
      court: '',
      mainOffence: '04600',
      additionalOffence1: '04600',
      additionalOffence2: '',
      additionalOffence3: '',
      notes: 'Two counts',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Conviction date must be today or in the past');
    expect(response.body).toContain('Select the convicting court');
    expect(response.body).toContain('href="#convictionDate-day"');
    expect(response.body).toContain('Two counts');
    expect(await count('events')).toBe(before);
  });

  it('refuses an offence given twice', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`${base()}/events/new`);
    const response = await po.post(`${base()}/events/new`, {
      ...dateFields('convictionDate', '2026-01-05'),
      court: 'CHELMC',
      mainOffence: '04600',
      additionalOffence1: '04600',
      additionalOffence2: '',
      additionalOffence3: '',
      notes: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Each offence can only be added once');
  });

  it('records the conviction with its offences, numbers it, audits it, and goes on to the order', async () => {
    const po = await t.signIn('po.demo');
    const before = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('event_number').as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const eventId = await addEvent(po, addDays(today(), -10));
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(event.event_number).toBe(Number(before.n ?? 0) + 1);
    const offences = await t.database.db
      .selectFrom('event_offences')
      .select(['offence_code', 'main'])
      .where('event_id', '=', eventId)
      .orderBy('main', 'desc')
      .execute();
    expect(offences).toEqual([
      { offence_code: '04600', main: true },
      { offence_code: '05800', main: false },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', eventId)
      .executeTakeFirst();
    expect(audit?.action).toBe('event-added');
    const next = await po.get(`${base()}/events/${eventId}/orders/new`);
    expect(next.body).toContain('What order did the court impose?');
    const page = await po.get(base());
    expect(page.body).toContain(`Event ${event.event_number}: Theft from a shop`);
    expect(page.body).toContain('Criminal damage (other than arson)');
  });
});

describe('court appearances', () => {
  it('refuses a missing type and adds a valid appearance', async () => {
    const po = await t.signIn('po.demo');
    const eventId = await addEvent(po, addDays(today(), -30));
    const path = `${base()}/events/${eventId}/appearances/new`;
    await po.get(path);
    const before = await count('court_appearances');
    const bad = await po.post(path, {
      ...dateFields('appearanceDate', '2026-02-30'),
      court: 'COLCMC',
      appearanceType: '',
      outcome: 'Adjourned',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Date of the appearance must be a real date');
    expect(bad.body).toContain('Select the type of appearance');
    expect(bad.body).toContain('Adjourned');
    expect(await count('court_appearances')).toBe(before);
    const good = await po.post(path, {
      ...dateFields('appearanceDate', addDays(today(), -25)),
      court: 'COLCMC',
      appearanceType: 'REVIEW',
      outcome: 'Progress reviewed: good',
    });
    expect(good.statusCode).toBe(302);
    expect(await count('court_appearances')).toBe(before + 1);
    expect((await po.get(base())).body).toContain('Progress reviewed: good');
  });
});

describe('adding an order', () => {
  it('asks for the type first and refuses no choice', async () => {
    const po = await t.signIn('po.demo');
    const eventId = await addEvent(po, addDays(today(), -5));
    await po.get(`${base()}/events/${eventId}/orders/new`);
    const none = await po.post(`${base()}/events/${eventId}/orders/new`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the type of order');
    const chosen = await po.post(`${base()}/events/${eventId}/orders/new`, { orderType: 'SSO' });
    expect(chosen.headers.location).toBe(`${base()}/events/${eventId}/orders/new/SSO`);
    expect((await po.get(`${base()}/events/${eventId}/orders/new/XYZ`)).statusCode).toBe(404);
  });

  it('refuses a community order over 3 years, and a sentence before the conviction', async () => {
    const po = await t.signIn('po.demo');
    const conviction = addDays(today(), -5);
    const eventId = await addEvent(po, conviction);
    await po.get(`${base()}/events/${eventId}/orders/new/CO`);
    const before = await count('orders');
    const response = await po.post(`${base()}/events/${eventId}/orders/new/CO`, {
      ...dateFields('sentenceDate', addDays(conviction, -1)),
      ...dateFields('startDate', conviction),
      lengthMonths: '37',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A community order can last no more than 3 years (36 months)');
    expect(response.body).toContain('Sentence date must be on or after the conviction date');
    expect(response.body).toContain('value="37"');
    expect(await count('orders')).toBe(before);
  });

  it('works out the expected end date of a community order from its length', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const eventId = await addEvent(po, start);
    const order = await addCommunityOrder(po, eventId, start, '18');
    expect(order.expected_end_date).toBe(expectedEndDate(start, 18));
    expect(order.length_months).toBe(18);
    const page = await po.get(base());
    expect(page.body).toContain('Community order');
    expect(page.body).toContain('18 months');
  });

  it('refuses a suspended sentence outside the limits and saves one within them', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -2);
    const eventId = await addEvent(po, start);
    const path = `${base()}/events/${eventId}/orders/new/SSO`;
    await po.get(path);
    const before = await count('orders');
    const bad = await po.post(path, {
      ...dateFields('sentenceDate', start),
      ...dateFields('startDate', start),
      custodialTermAmount: '13',
      custodialTermUnit: 'days',
      lengthMonths: '25',
      supervisionMonths: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The custodial term must be between 14 days and');
    expect(bad.body).toContain('The operational period must be between 6 months and 2 years (24 months)');
    expect(await count('orders')).toBe(before);
    const longer = await po.post(path, {
      ...dateFields('sentenceDate', start),
      ...dateFields('startDate', start),
      custodialTermAmount: '16',
      custodialTermUnit: 'weeks',
      lengthMonths: '12',
      supervisionMonths: '18',
    });
    expect(longer.body).toContain(
      'The supervision period must not be longer than the operational period (12 months)',
    );
    const good = await po.post(path, {
      ...dateFields('sentenceDate', start),
      ...dateFields('startDate', start),
      custodialTermAmount: '16',
      custodialTermUnit: 'weeks',
      lengthMonths: '18',
      supervisionMonths: '12',
    });
    expect(good.statusCode).toBe(302);
    const order = await t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      order_type: 'SSO',
      custodial_term_days: 112,
      custodial_term_months: null,
      length_months: 18,
      supervision_months: 12,
      expected_end_date: expectedEndDate(start, 18),
    });
    expect((await po.get(base())).body).toContain('16 weeks');
  });

  it('checks a licence’s key dates are in order and saves them', async () => {
    const po = await t.signIn('po.demo');
    const conviction = addDays(today(), -400);
    const eventId = await addEvent(po, conviction);
    const path = `${base()}/events/${eventId}/orders/new/LIC`;
    await po.get(path);
    const release = addDays(today(), -20);
    const before = await count('orders');
    const bad = await po.post(path, {
      ...dateFields('sentenceDate', addDays(conviction, 20)),
      ...dateFields('releaseDate', release),
      ...dateFields('licenceExpiryDate', addDays(release, -1)),
      ...dateFields('sentenceExpiryDate', addDays(release, 100)),
      'pssEndDate-day': '',
      'pssEndDate-month': '',
      'pssEndDate-year': '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Licence expiry date must be on or after the release date');
    expect(await count('orders')).toBe(before);
    const led = addDays(release, 200);
    const good = await po.post(path, {
      ...dateFields('sentenceDate', addDays(conviction, 20)),
      ...dateFields('releaseDate', release),
      ...dateFields('licenceExpiryDate', led),
      ...dateFields('sentenceExpiryDate', led),
      'pssEndDate-day': '',
      'pssEndDate-month': '',
      'pssEndDate-year': '',
    });
    expect(good.statusCode).toBe(302);
    const order = await t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      order_type: 'LIC',
      start_date: release,
      release_date: release,
      licence_expiry_date: led,
      sentence_expiry_date: led,
      expected_end_date: led,
      pss_end_date: null,
    });
    const page = await po.get(base());
    expect(page.body).toContain('Licence expiry date (LED)');
    expect(page.body).toContain('No post-sentence supervision');
  });
});

describe('post-sentence supervision', () => {
  it('refuses an end before the start and saves the supervision period', async () => {
    const po = await t.signIn('po.demo');
    const conviction = addDays(today(), -200);
    const eventId = await addEvent(po, conviction);
    const path = `${base()}/events/${eventId}/orders/new/PSS`;
    expect((await po.get(path)).body).toContain('Post-sentence supervision end date');
    const start = addDays(today(), -10);
    const before = await count('orders');
    const bad = await po.post(path, {
      ...dateFields('sentenceDate', conviction),
      ...dateFields('startDate', start),
      ...dateFields('pssEndDate', addDays(start, -1)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Post-sentence supervision end date must be on or after the start date');
    expect(await count('orders')).toBe(before);
    const end = addDays(start, 300);
    expect(
      (
        await po.post(path, {
          ...dateFields('sentenceDate', conviction),
          ...dateFields('startDate', start),
          ...dateFields('pssEndDate', end),
        })
      ).statusCode,
    ).toBe(302);
    const order = await t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      order_type: 'PSS',
      start_date: start,
      pss_end_date: end,
      expected_end_date: end,
    });
  });
});

describe('requirements', () => {
  it('refuses unpaid work outside 40 to 300 hours, stating the limit, and writes nothing', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    const path = `${base()}/orders/${order.id}/requirements/new/W`;
    await po.get(path);
    const before = await count('requirements');
    const bad = await po.post(path, { units: '301', ...dateFields('startDate', start), detail: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Unpaid work must be between 40 hours and 300 hours');
    expect(bad.body).toContain('value="301"');
    const early = await po.post(path, {
      units: '120',
      ...dateFields('startDate', addDays(start, -1)),
      detail: '',
    });
    expect(early.body).toContain('Start date must be on or after the order started');
    expect(await count('requirements')).toBe(before);
    const good = await po.post(path, { units: '120', ...dateFields('startDate', start), detail: '' });
    expect(good.statusCode).toBe(302);
    const requirement = await t.database.db
      .selectFrom('requirements')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(requirement).toMatchObject({
      type_code: 'W',
      units: 120,
      start_date: start,
      expected_end_date: order.expected_end_date,
    });
    expect((await po.get(base())).body).toContain('120 hours');
  });

  it('asks for the type first', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    const path = `${base()}/orders/${order.id}/requirements/new`;
    await po.get(path);
    const none = await po.post(path, { typeCode: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the type of requirement');
    expect((await po.post(path, { typeCode: 'PCUR' })).headers.location).toBe(`${path}/PCUR`);
  });

  it('checks a curfew against the limits for its conviction date, with electronic monitoring and length', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const order = await addCommunityOrder(po, await addEvent(po, start), start, '24');
    const path = `${base()}/orders/${order.id}/requirements/new/PCUR`;
    await po.get(path);
    const before = await count('requirements');
    const bad = await po.post(path, {
      units: '17',
      daysPerWeek: '7',
      lengthMonths: '25',
      electronicMonitoring: '',
      ...dateFields('startDate', start),
      detail: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select yes if the curfew is electronically monitored');
    const limits = await po.post(path, {
      units: '17',
      daysPerWeek: '7',
      lengthMonths: '25',
      electronicMonitoring: 'yes',
      ...dateFields('startDate', start),
      detail: '',
    });
    expect(limits.body).toContain(
      'Curfew can be no more than 112 hours in 7 days: 17 hours on 7 days is 119',
    );
    expect(limits.body).toContain('Curfew can last no more than 2 years');
    expect(await count('requirements')).toBe(before);
    const good = await po.post(path, {
      units: '12',
      daysPerWeek: '7',
      lengthMonths: '6',
      electronicMonitoring: 'yes',
      ...dateFields('startDate', start),
      detail: '7pm to 7am',
    });
    expect(good.statusCode).toBe(302);
    const curfew = await t.database.db
      .selectFrom('requirements')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(curfew).toMatchObject({
      units: 12,
      days_per_week: 7,
      length_months: 6,
      electronic_monitoring: true,
      expected_end_date: expectedEndDate(start, 6),
    });
    expect((await po.get(base())).body).toContain('12 hours a day, 7 days a week, for 6 months');
  });

  it('refuses a requirement that would outlast its order', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const order = await addCommunityOrder(po, await addEvent(po, start), start, '6');
    const path = `${base()}/orders/${order.id}/requirements/new/PDRR`;
    await po.get(path);
    const response = await po.post(path, { units: '12', ...dateFields('startDate', start), detail: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('after the order ends');
  });

  it('refuses a requirement on a terminated order, and on a licence', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -30);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    await po.get(`${base()}/orders/${order.id}/terminate`);
    await po.post(`${base()}/orders/${order.id}/terminate`, {
      ...dateFields('terminatedOn', addDays(today(), -1)),
      reason: 'REVOKED',
      rowVersion: String(order.row_version),
    });
    const form = await po.get(`${base()}/orders/${order.id}/requirements/new/W`);
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain('This order has been terminated: requirements cannot be added');
    const before = await count('requirements');
    const post = await po.post(`${base()}/orders/${order.id}/requirements/new/W`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec((await po.get(base())).body)![1]!,
      units: '100',
      ...dateFields('startDate', start),
      detail: '',
    });
    expect(post.statusCode).toBe(409);
    expect(await count('requirements')).toBe(before);

    const licence = await t.database.db
      .selectFrom('orders')
      .select('id')
      .where('person_id', '=', personId)
      .where('order_type', '=', 'LIC')
      .executeTakeFirstOrThrow();
    const onLicence = await po.get(`${base()}/orders/${licence.id}/requirements/new`);
    expect(onLicence.body).toContain(
      'Requirements can only be added to a community order or a suspended sentence order',
    );
  });

  it('terminates a requirement with a reason, once, refusing a date before it started', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -20);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    await po.get(`${base()}/orders/${order.id}/requirements/new/F`);
    await po.post(`${base()}/orders/${order.id}/requirements/new/F`, {
      units: '20',
      ...dateFields('startDate', start),
      detail: '',
    });
    const requirement = await t.database.db
      .selectFrom('requirements')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    const path = `${base()}/requirements/${requirement.id}/terminate`;
    await po.get(path);
    const bad = await po.post(path, {
      ...dateFields('terminatedOn', addDays(start, -1)),
      reason: '',
      rowVersion: String(requirement.row_version),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Termination date must be on or after the requirement started');
    expect(bad.body).toContain('Select why the requirement is ending');
    const good = await po.post(path, {
      ...dateFields('terminatedOn', addDays(today(), -1)),
      reason: 'AMENDED',
      rowVersion: String(requirement.row_version),
    });
    expect(good.statusCode).toBe(302);
    const after = await t.database.db
      .selectFrom('requirements')
      .selectAll()
      .where('id', '=', requirement.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      terminated_on: addDays(today(), -1),
      termination_reason: 'AMENDED',
      row_version: requirement.row_version + 1,
    });
    expect((await po.get(base())).body).toContain('Amended by the court');
  });
});

describe('terminating an order', () => {
  it('refuses a future date, then ends the order and its running requirements', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -60);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    await po.get(`${base()}/orders/${order.id}/requirements/new/W`);
    await po.post(`${base()}/orders/${order.id}/requirements/new/W`, {
      units: '100',
      ...dateFields('startDate', start),
      detail: '',
    });
    const path = `${base()}/orders/${order.id}/terminate`;
    await po.get(path);
    const bad = await po.post(path, {
      ...dateFields('terminatedOn', addDays(today(), 1)),
      reason: 'BREACH',
      rowVersion: String(order.row_version),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Termination date must be today or in the past');
    const unchanged = await t.database.db
      .selectFrom('orders')
      .select('terminated_on')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.terminated_on).toBeNull();
    const good = await po.post(path, {
      ...dateFields('terminatedOn', today()),
      reason: 'BREACH',
      rowVersion: String(order.row_version),
    });
    expect(good.statusCode).toBe(302);
    const ended = await t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(ended).toMatchObject({ terminated_on: today(), termination_reason: 'BREACH' });
    const requirements = await t.database.db
      .selectFrom('requirements')
      .select(['terminated_on', 'termination_reason'])
      .where('order_id', '=', order.id)
      .execute();
    expect(requirements).toEqual([{ terminated_on: today(), termination_reason: 'BREACH' }]);
    expect((await po.get(base())).body).toContain('Revoked following breach');
  });

  it('refuses a termination when someone else changed the order since the page opened', async () => {
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const start = addDays(today(), -60);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    const path = `${base()}/orders/${order.id}/terminate`;
    await po.get(path);
    await manager.get(path);
    expect(
      (
        await manager.post(path, {
          ...dateFields('terminatedOn', today()),
          reason: 'EARLY',
          rowVersion: String(order.row_version),
        })
      ).statusCode,
    ).toBe(302);
    const late = await po.post(path, {
      ...dateFields('terminatedOn', today()),
      reason: 'COMPLETED',
      rowVersion: String(order.row_version),
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('This order was changed by Helen Brierley since you opened it');
    const row = await t.database.db
      .selectFrom('orders')
      .select('termination_reason')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.termination_reason).toBe('EARLY');
  });
});

describe('licence conditions', () => {
  async function newLicence(po: Browser) {
    const conviction = addDays(today(), -300);
    const eventId = await addEvent(po, conviction);
    const path = `${base()}/events/${eventId}/orders/new/LIC`;
    await po.get(path);
    const release = addDays(today(), -10);
    await po.post(path, {
      ...dateFields('sentenceDate', conviction),
      ...dateFields('releaseDate', release),
      ...dateFields('licenceExpiryDate', addDays(release, 180)),
      ...dateFields('sentenceExpiryDate', addDays(release, 180)),
      ...dateFields('pssEndDate', addDays(release, 365)),
    });
    return t.database.db
      .selectFrom('orders')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
  }

  it('adds all the standard conditions at once, and only once', async () => {
    const po = await t.signIn('po.demo');
    const licence = await newLicence(po);
    await po.get(`${base()}/orders/${licence.id}/licence-conditions/new`);
    const standard = `${base()}/orders/${licence.id}/licence-conditions/standard`;
    expect((await po.post(standard)).statusCode).toBe(302);
    await po.get(base());
    await po.post(standard);
    const conditions = await t.database.db
      .selectFrom('licence_conditions')
      .select(['condition_code', 'start_date'])
      .where('order_id', '=', licence.id)
      .execute();
    expect(conditions).toHaveLength(9);
    expect(conditions.every((c) => c.start_date === licence.start_date)).toBe(true);
    expect((await po.get(base())).body).toContain('Not commit any offence');
  });

  it('refuses an additional condition without detail, then adds it with its detail', async () => {
    const po = await t.signIn('po.demo');
    const licence = await newLicence(po);
    const path = `${base()}/orders/${licence.id}/licence-conditions/new`;
    await po.get(path);
    const before = await count('licence_conditions');
    const bad = await po.post(path, {
      conditionCode: 'ADD03',
      detail: '',
      ...dateFields('startDate', licence.start_date),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the detail of the condition');
    const standardCode = await po.post(path, {
      conditionCode: 'STD1',
      detail: 'x',
      ...dateFields('startDate', licence.start_date),
    });
    expect(standardCode.body).toContain('Select the additional condition');
    expect(await count('licence_conditions')).toBe(before);
    const good = await po.post(path, {
      conditionCode: 'ADD03',
      detail: 'No contact with Jane Doe',
      ...dateFields('startDate', licence.start_date),
    });
    expect(good.statusCode).toBe(302);
    expect(await count('licence_conditions')).toBe(before + 1);
    expect((await po.get(base())).body).toContain('No contact with Jane Doe');
  });

  it('refuses licence conditions on a community order', async () => {
    const po = await t.signIn('po.demo');
    const start = addDays(today(), -3);
    const order = await addCommunityOrder(po, await addEvent(po, start), start);
    const page = await po.get(`${base()}/orders/${order.id}/licence-conditions/new`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Licence conditions can only be added to a licence');
  });
});

describe('the offences reference list', () => {
  it('refuses bad input and a duplicate code, and adds an offence for administrators', async () => {
    const admin = await t.signIn('admin.demo');
    const page = await admin.get('/admin/offences');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Theft from a shop');
    const bad = await admin.post('/admin/offences', { code: 'a!', description: '', category: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Offence code must be 3 to 10 letters or numbers');
    expect(bad.body).toContain('Enter the description of the offence');
    expect(bad.body).toContain('Select the OGRS3 offence category');
    const duplicate = await admin.post('/admin/offences', {
      code: '04600',
      description: 'Shoplifting',
      category: 'theft-non-motor',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('Offence code 04600 is already in the list');
    const row = await t.database.db
      .selectFrom('offences')
      .select('description')
      .where('code', '=', '04600')
      .executeTakeFirstOrThrow();
    expect(row.description).toBe('Theft from a shop');
    const good = await admin.post('/admin/offences', {
      code: 'x9001',
      description: 'Fly-tipping',
      category: 'other-offence',
    });
    expect(good.statusCode).toBe(302);
    const added = await t.database.db
      .selectFrom('offences')
      .selectAll()
      .where('code', '=', 'X9001')
      .executeTakeFirstOrThrow();
    expect(added).toMatchObject({
      description: 'Fly-tipping',
      ogrs3_category: 'other-offence',
      active: true,
    });
    const po = await t.signIn('po.demo');
    expect((await po.get(`${base()}/events/new`)).body).toContain('Fly-tipping');
  });
});

describe('the public surface for other capabilities', () => {
  it('lists current orders and requirements', async () => {
    const { currentOrdersOf, requirementsOf } = await import('./index.js');
    const orders = await currentOrdersOf(t.database.db, personId);
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.expectedEndDate >= o.startDate)).toBe(true);
    const running = await currentOrdersOf(t.database.db, personId, today());
    expect(running.every((o) => o.startDate <= today())).toBe(true);
    expect(running.length).toBeLessThanOrEqual(orders.length);
    const requirements = await requirementsOf(t.database.db, personId);
    expect(requirements.length).toBeGreaterThan(0);
    expect(requirements[0]).toHaveProperty('typeDescription');
  });
});
