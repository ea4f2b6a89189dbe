import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { DEMO_LIMITED_ACCESS } from '../demo-data/seed.js';
import { failuresToComply } from '../compliance/rules.js';
import { addDays, londonDateOf } from '../platform/calendar/index.js';
import { complianceSummary } from './service.js';
import { complianceForPeople, contactFactsOf, lastBreachEndedOn } from './store.js';
import { londonInstant } from './time.js';

let t: TestApp;
let person: { id: string; crn: string };
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  today = londonDateOf(new Date());
  // A person on the demo officer's caseload, visible to everyone, with a current order.
  const row = await t.database.db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .innerJoin('orders', 'orders.person_id', 'people.id')
    .select(['people.id', 'people.crn'])
    .where('staff.staff_code', '=', 'N01A001')
    .where('allocations.ended_at', 'is', null)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('orders.terminated_on', 'is', null)
    .where('orders.start_date', '<=', today)
    .where('orders.expected_end_date', '>=', addDays(today, 40))
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  person = row;
});
afterAll(async () => t.close());

const contactCount = async () =>
  (
    await t.database.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow()
  ).n;

async function staffIdOf(code: string) {
  return (
    await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('staff_code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;
}

function arrangeForm(date: string, hour: string, extra: Record<string, string> = {}) {
  const [y, m, d] = date.split('-');
  return {
    type: 'COAP',
    'date-day': String(Number(d)),
    'date-month': String(Number(m)),
    'date-year': y!,
    'time-hour': hour,
    'time-minute': '30',
    'time-period': '',
    duration: '60',
    location: 'Office',
    staffId: '',
    requirementId: '',
    rarActivity: '',
    notes: 'Arranged in a test',
    ...extra,
  };
}

async function insertAppointment(startsAt: Date, extra: Record<string, unknown> = {}) {
  const staffId = await staffIdOf('N01A001');
  return await t.database.db
    .insertInto('contacts')
    .values({
      person_id: person.id,
      contact_type: 'COAP',
      starts_at: startsAt,
      contact_date: londonDateOf(startsAt),
      duration_minutes: 60,
      staff_id: staffId,
      created_by_name: 'Test',
      updated_by_name: 'Test',
      ...extra,
    })
    .returning(['id', 'row_version'])
    .executeTakeFirstOrThrow();
}

describe('who may use the pages', () => {
  it('refuses administrators everywhere and lets facilitators read but not arrange', async () => {
    const admin = await t.signIn('admin.demo');
    for (const url of [
      `/people/${person.crn}/activity`,
      `/people/${person.crn}/compliance`,
      `/people/${person.crn}/appointments/new`,
      '/diary',
      '/overdue',
      '/team/overdue',
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(403);
    }
    const facilitator = await t.signIn('facilitator.demo');
    expect((await facilitator.get(`/people/${person.crn}/activity`)).statusCode).toBe(200);
    expect((await facilitator.get(`/people/${person.crn}/appointments/new`)).statusCode).toBe(403);
    expect((await facilitator.get(`/people/${person.crn}/activity/new`)).statusCode).toBe(403);
    const before = await contactCount();
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const refused = await facilitator.post(`/people/${person.crn}/appointments/new`, {
      _csrf: 'wrong',
      ...arrangeForm(addDays(today, 5), '10'),
    });
    expect([403]).toContain(refused.statusCode);
    expect(await contactCount()).toBe(before);
    expect((await po.get('/team/overdue')).statusCode).toBe(403);
  });

  it('sends the signed-out to sign in', async () => {
    const response = await t.anonymous().get(`/people/${person.crn}/activity`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toContain('/sign-in');
  });
});

describe('arranging an appointment', () => {
  it('refuses bad input with messages, keeps what was typed and writes nothing', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const before = await contactCount();
    const response = await po.post(`/people/${person.crn}/appointments/new`, {
      ...arrangeForm(addDays(today, -3), '25', { type: '', duration: 'an hour', location: 'Room 12' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Select the type of appointment');
    expect(response.body).toContain('Date of the appointment must be today or in the future');
    expect(response.body).toContain('hour from 0 to 23');
    expect(response.body).toContain('Duration must be a whole number of minutes');
    expect(response.body).toContain('Select the officer');
    expect(response.body).toContain('value="Room 12"');
    expect(response.body).toContain('href="#time"');
    expect(await contactCount()).toBe(before);
  });

  it('refuses a RAR activity on a type that cannot be one', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const staffId = await staffIdOf('N01A001');
    const before = await contactCount();
    const response = await po.post(
      `/people/${person.crn}/appointments/new`,
      arrangeForm(addDays(today, 5), '10', { type: 'CHVS', staffId, rarActivity: 'yes' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('cannot be a RAR activity');
    expect(await contactCount()).toBe(before);
  });

  it('arranges an appointment with am/pm time, audited; a second one at the same time warns of the clash first', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const staffId = await staffIdOf('N01A001');
    const date = addDays(today, 9);
    const form = arrangeForm(date, '2', { staffId, 'time-period': 'pm' });
    const first = await po.post(`/people/${person.crn}/appointments/new`, form);
    // The demo data may already hold a booking then; if so the warning page shows first.
    if (first.statusCode === 200) {
      expect(first.body).toContain('Check the appointment');
      const go = await po.post(`/people/${person.crn}/appointments/new`, { ...form, confirmed: 'yes' });
      expect(go.statusCode).toBe(302);
    } else {
      expect(first.statusCode).toBe(302);
      expect(first.headers.location).toBe(`/people/${person.crn}/activity?done=arranged`);
    }
    const saved = await t.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('notes', '=', 'Arranged in a test')
      .where('contact_date', '=', date)
      .executeTakeFirstOrThrow();
    expect(saved.starts_at.getTime()).toBe(londonInstant(date, 14, 30).getTime());
    expect(saved.duration_minutes).toBe(60);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('subject_id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'arranged-appointment', actor_name: 'Priya Okonjo' });

    const before = await contactCount();
    await po.get(`/people/${person.crn}/appointments/new`);
    const again = await po.post(`/people/${person.crn}/appointments/new`, { ...form, notes: 'The clash' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('the person is already booked');
    expect(again.body).toContain('Arrange it anyway');
    expect(await contactCount()).toBe(before);
    // Changing keeps what was typed.
    const change = await po.post(`/people/${person.crn}/appointments/new`, {
      ...form,
      notes: 'The clash',
      confirmed: 'yes',
      action: 'change',
    });
    expect(change.statusCode).toBe(200);
    expect(change.body).toContain('The clash');
    expect(await contactCount()).toBe(before);
    const anyway = await po.post(`/people/${person.crn}/appointments/new`, {
      ...form,
      notes: 'The clash',
      confirmed: 'yes',
    });
    expect(anyway.statusCode).toBe(302);
    expect(await contactCount()).toBe(before + 1);
    const accepted = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('person_id', '=', person.id)
      .where('action', '=', 'arranged-appointment')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(accepted.detail)).toContain('warningsAccepted');
  });

  it('warns of the officer’s clash with a person the user may not see without naming them', async () => {
    const hidden = await t.database.db
      .selectFrom('people')
      .select(['id', 'crn', 'forename', 'surname'])
      .where('crn', '=', DEMO_LIMITED_ACCESS.excludedCrn)
      .executeTakeFirstOrThrow();
    const officer = await staffIdOf('N01A007');
    const date = addDays(today, 11);
    await t.database.db
      .insertInto('contacts')
      .values({
        person_id: hidden.id,
        contact_type: 'COAP',
        starts_at: londonInstant(date, 10, 30),
        contact_date: date,
        duration_minutes: 60,
        staff_id: officer,
        created_by_name: 'Test',
        updated_by_name: 'Test',
      })
      .execute();
    // po.demo is on the hidden person's exclusion list.
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const warned = await po.post(
      `/people/${person.crn}/appointments/new`,
      arrangeForm(date, '10', { staffId: officer }),
    );
    expect(warned.statusCode).toBe(200);
    expect(warned.body).toContain('the officer is already booked');
    expect(warned.body).not.toContain(hidden.crn);
    expect(warned.body).not.toContain(hidden.surname);
  });

  it('warns when the appointment falls outside the order', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/appointments/new`);
    const staffId = await staffIdOf('N01A001');
    const response = await po.post(
      `/people/${person.crn}/appointments/new`,
      arrangeForm(addDays(today, 3650), '10', { staffId }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Outside the order');
  });
});

describe('recording an outcome', () => {
  it('refuses an attended outcome for a future appointment, and allows an acceptable absence', async () => {
    const future = await insertAppointment(new Date(Date.now() + 5 * 86_400_000));
    const po = await t.signIn('po.demo');
    const url = `/people/${person.crn}/activity/${future.id}/outcome`;
    const form = await po.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Attended – complied');
    const refused = await po.post(url, {
      outcome: 'ATTC',
      notes: '',
      sensitive: '',
      minutesCredited: '',
      rowVersion: '1',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This appointment is in the future');
    const unchanged = await t.database.db
      .selectFrom('contacts')
      .select(['outcome_code', 'row_version'])
      .where('id', '=', future.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ outcome_code: null, row_version: 1 });
    const ok = await po.post(url, {
      outcome: 'AAHO',
      notes: 'On holiday',
      sensitive: '',
      minutesCredited: '',
      rowVersion: '1',
    });
    expect(ok.statusCode).toBe(302);
  });

  it('refuses an outcome the type does not allow and minutes on a non-unpaid-work appointment', async () => {
    const past = await insertAppointment(new Date(Date.now() - 2 * 86_400_000));
    const po = await t.signIn('po.demo');
    const url = `/people/${person.crn}/activity/${past.id}/outcome`;
    await po.get(url);
    const bad = await po.post(url, {
      outcome: 'ABNS',
      notes: '',
      sensitive: '',
      minutesCredited: '',
      rowVersion: '1',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the outcome');
    const minutes = await po.post(url, {
      outcome: 'ATTC',
      notes: 'x',
      sensitive: '',
      minutesCredited: '60',
      rowVersion: '1',
    });
    expect(minutes.statusCode).toBe(400);
    expect(minutes.body).toContain('Minutes are credited only for unpaid work sessions');
    const row = await t.database.db
      .selectFrom('contacts')
      .select('outcome_code')
      .where('id', '=', past.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome_code).toBeNull();
  });

  it('credits unpaid work minutes only within the session plus travel', async () => {
    const session = await insertAppointment(new Date(Date.now() - 3 * 86_400_000), {
      contact_type: 'CUPW',
      duration_minutes: 420,
    });
    const po = await t.signIn('po.demo');
    const url = `/people/${person.crn}/activity/${session.id}/outcome`;
    const page = await po.get(url);
    expect(page.body).toContain('value="420"');
    const tooMany = await po.post(url, {
      outcome: 'ATTC',
      notes: '',
      sensitive: '',
      minutesCredited: '700',
      rowVersion: '1',
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('Minutes credited must be 600 or fewer');
    const ok = await po.post(url, {
      outcome: 'ATTC',
      notes: '',
      sensitive: '',
      minutesCredited: '400',
      rowVersion: '1',
    });
    expect(ok.statusCode).toBe(302);
    const row = await t.database.db
      .selectFrom('contacts')
      .select(['outcome_code', 'minutes_credited'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome_code: 'ATTC', minutes_credited: 400 });
  });

  it('lets only one of two officers record: the second sees who changed it', async () => {
    const past = await insertAppointment(new Date(Date.now() - 86_400_000));
    const url = `/people/${person.crn}/activity/${past.id}/outcome`;
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    await po.get(url);
    await manager.get(url);
    const first = await po.post(url, {
      outcome: 'ATTC',
      notes: 'Came on time',
      sensitive: 'yes',
      minutesCredited: '',
      rowVersion: '1',
    });
    expect(first.statusCode).toBe(302);
    const second = await manager.post(url, {
      outcome: 'UAAB',
      notes: 'Did not come',
      sensitive: '',
      minutesCredited: '',
      rowVersion: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Priya Okonjo changed this appointment');
    expect(second.body).toContain('Did not come');
    const row = await t.database.db
      .selectFrom('contacts')
      .select(['outcome_code', 'notes', 'sensitive', 'row_version', 'outcome_recorded_by_name'])
      .where('id', '=', past.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      outcome_code: 'ATTC',
      notes: 'Came on time',
      sensitive: true,
      row_version: 2,
      outcome_recorded_by_name: 'Priya Okonjo',
    });
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', past.id)
      .where('action', '=', 'recorded-outcome')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('answers 404 for an unknown appointment', async () => {
    const po = await t.signIn('po.demo');
    expect(
      (await po.get(`/people/${person.crn}/activity/00000000-0000-4000-a000-000000000000/outcome`))
        .statusCode,
    ).toBe(404);
    expect((await po.get(`/people/${person.crn}/activity/not-a-uuid/outcome`)).statusCode).toBe(404);
  });
});

describe('adding a contact', () => {
  it('refuses bad input and writes nothing, then adds a sensitive phone call', async () => {
    const po = await t.signIn('po.demo');
    await po.get(`/people/${person.crn}/activity/new`);
    const before = await contactCount();
    const [y, m, d] = addDays(today, 2).split('-');
    const bad = await po.post(`/people/${person.crn}/activity/new`, {
      type: 'COAP',
      'date-day': d!,
      'date-month': m!,
      'date-year': y!,
      'time-hour': '10',
      'time-minute': '00',
      'time-period': '',
      requirementId: '',
      notes: '',
      sensitive: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the type of contact');
    expect(bad.body).toContain('Date of the contact must be today or in the past');
    expect(bad.body).toContain('Enter what happened');
    expect(await contactCount()).toBe(before);
    const [py, pm, pd] = addDays(today, -1).split('-');
    const ok = await po.post(`/people/${person.crn}/activity/new`, {
      type: 'CTEL',
      'date-day': pd!,
      'date-month': pm!,
      'date-year': py!,
      'time-hour': '9',
      'time-minute': '15',
      'time-period': 'am',
      requirementId: '',
      notes: 'Discussed the zebra crossing incident',
      sensitive: 'yes',
    });
    expect(ok.statusCode).toBe(302);
    expect(await contactCount()).toBe(before + 1);
    const log = await po.get(`/people/${person.crn}/activity?words=zebra`);
    expect(log.body).toContain('Discussed the zebra crossing incident');
    expect(log.body).toContain('Sensitive');
    expect(log.body).toContain('1 contact,');
  });
});

describe('the activity log', () => {
  it('lists contacts newest first, filters them and paginates', async () => {
    const po = await t.signIn('po.demo');
    const all = await po.get(`/people/${person.crn}/activity`);
    expect(all.statusCode).toBe(200);
    const total = await contactCount();
    expect(all.body).toContain(`${total} contacts`);
    const firstPageDates = [
      ...all.body.matchAll(/govuk-body-s govuk-!-margin-bottom-1">(\d+ \w+ \d{4})/g),
    ].map((m) => Date.parse(m[1]!));
    expect(firstPageDates.length).toBe(Math.min(20, total));
    expect([...firstPageDates].sort((a, b) => b - a)).toEqual(firstPageDates);
    if (total > 20) {
      expect(all.body).toContain('govuk-pagination');
      const page2 = await po.get(`/people/${person.crn}/activity?page=2`);
      expect(page2.statusCode).toBe(200);
      expect(page2.body).toContain('page 2 of');
    }
    const phone = await po.get(`/people/${person.crn}/activity?type=CTEL`);
    const phoneCount = await t.database.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', person.id)
      .where('contact_type', '=', 'CTEL')
      .executeTakeFirstOrThrow();
    expect(phone.body).toMatch(new RegExp(`${phoneCount.n} contacts?[,.]`));
    const [y, m, d] = today.split('-');
    const range = await po.get(
      `/people/${person.crn}/activity?from-day=${d}&from-month=${m}&from-year=${y}&outcome=none`,
    );
    expect(range.statusCode).toBe(200);
    const bad = await po.get(`/people/${person.crn}/activity?from-day=31&from-month=2&from-year=2026`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('From date must be a real date');
  });
});

describe('compliance at a glance', () => {
  it('shows the same failure count on the overview, the compliance tab and the caseload, counted the national way', async () => {
    // Two failures on one day and one on another, within 12 months: 2 failures.
    const at = (days: number) => londonInstant(addDays(today, -days), 11, 0);
    await insertAppointment(at(40), { outcome_code: 'UAAB' });
    await insertAppointment(at(40), { contact_type: 'CRAR', outcome_code: 'AFTC' });
    await insertAppointment(at(60), { outcome_code: 'UAAB' });
    const facts = await contactFactsOf(t.database.db, person.id);
    const expected = failuresToComply(facts, {
      today,
      lastBreachEndedOn: await lastBreachEndedOn(t.database.db, person.id),
      evidenceWindowWorkingDays: 5,
    }).answer.count;
    expect(expected).toBeGreaterThanOrEqual(2);
    const map = await complianceForPeople(t.database.db, [person.id], today, new Date(), 5);
    expect(map.get(person.id)?.failures).toBe(expected);

    const po = await t.signIn('po.demo');
    const overview = await po.get(`/people/${person.crn}`);
    expect(overview.body).toContain('Compliance at a glance');
    expect(overview.body).toMatch(new RegExp(`data-figure="failures"><strong>${expected}</strong>`));
    const tab = await po.get(`/people/${person.crn}/compliance`);
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toMatch(new RegExp(`data-figure="failures"><strong>${expected}</strong>`));
    expect(tab.body).toContain('Sch 10');
    const caseload = await po.get('/caseload');
    expect(caseload.body).toContain('Compliance (12 months)');
    const row = caseload.body
      .split(`<td class="govuk-table__cell">${person.crn}</td>`)[1]!
      .split('</tr>')[0]!;
    expect(row).toContain(`<strong data-figure="failures">${expected}</strong> failures to comply`);
    // The rest of compliance at a glance, as the overview counts it.
    const summary = await complianceSummary(t.database.db, person.id, today, new Date(), 5);
    expect(row).toContain(`${summary.kept.answer.count} kept`);
    expect(row).toMatch(new RegExp(`${summary.absences.answer.count} acceptable absences?<`));
    for (const r of summary.requirements.filter((x) => !x.terminated)) {
      if (r.typeCode === 'F') expect(row).toContain(`RAR ${r.used} of ${r.of} days`);
      if (r.typeCode === 'W') expect(row).toContain(`UPW ${Math.floor(r.used / 60)} of ${r.of! / 60} hours`);
    }
  });

  it('agrees with the per-person rules for the whole caseload in one query', async () => {
    const people = await t.database.db
      .selectFrom('allocations')
      .innerJoin('staff', 'staff.id', 'allocations.staff_id')
      .select('allocations.person_id')
      .where('staff.staff_code', '=', 'N01A001')
      .where('allocations.ended_at', 'is', null)
      .execute();
    const now = new Date();
    const map = await complianceForPeople(
      t.database.db,
      people.map((p) => p.person_id),
      today,
      now,
      5,
    );
    for (const p of people) {
      const summary = await complianceSummary(t.database.db, p.person_id, today, now, 5);
      expect(map.get(p.person_id)?.failures ?? 0).toBe(summary.failures.answer.count);
      expect(map.get(p.person_id)?.nextAppointment?.getTime() ?? null).toBe(
        summary.next.answer?.startsAt.getTime() ?? null,
      );
    }
  });
});

describe('diary and overdue outcomes', () => {
  it("shows the officer's day and week, and past appointments without an outcome", async () => {
    const when = londonInstant(addDays(today, -1), 8, 5);
    const overdue = await insertAppointment(when);
    const po = await t.signIn('po.demo');
    const day = await po.get(`/diary?date=${addDays(today, -1)}&view=day`);
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain('8:05am');
    expect(day.body).toContain(person.crn);
    const week = await po.get(`/diary?date=${addDays(today, -1)}&view=week`);
    expect(week.body).toContain('week of');
    expect(week.body).toContain('8:05am');
    expect((await po.get('/diary?date=nonsense&view=year')).statusCode).toBe(200);
    const mine = await po.get('/overdue');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`/activity/${overdue.id}/outcome`);
    const manager = await t.signIn('manager.demo');
    const team = await manager.get('/team/overdue');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain(`/activity/${overdue.id}/outcome`);
    expect(team.body).toContain('Priya Okonjo');
    // Recording from the overdue list goes back to it, and the appointment leaves the list.
    const url = `/people/${person.crn}/activity/${overdue.id}/outcome`;
    await po.get(`${url}?returnTo=%2Foverdue`);
    const done = await po.post(url, {
      outcome: 'ATTC',
      notes: '',
      sensitive: '',
      minutesCredited: '',
      rowVersion: '1',
      returnTo: '/overdue',
    });
    expect(done.headers.location).toBe('/overdue');
    expect((await po.get('/overdue')).body).not.toContain(`/activity/${overdue.id}/outcome`);
  });
});
