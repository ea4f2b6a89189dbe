import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { addDays, longDate, todayInLondon } from '../platform/calendar/index.js';
import { ROSH_QUESTIONS, ROSH_RATING_KEYS, SECTIONS } from './sections.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const used = new Set<string>();

/** A visible, allocated demo person with an event, not used by another test in this file, with no flags or tier. */
async function freshPerson(holderUsername = 'po.demo', orderStartedBy?: string) {
  const holder = await db()
    .selectFrom('users')
    .select('staff_id')
    .where('username', '=', holderUsername)
    .executeTakeFirstOrThrow();
  const row = await db()
    .selectFrom('people')
    .innerJoin('allocations', 'allocations.person_id', 'people.id')
    .select(['people.id', 'people.crn'])
    .where('allocations.ended_at', 'is', null)
    .where('allocations.staff_id', '=', holder.staff_id!)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('events').select('events.id').whereRef('events.person_id', '=', 'people.id')),
    )
    .where('people.crn', 'not in', used.size ? [...used] : ['-'])
    .where((eb) =>
      orderStartedBy
        ? eb.exists(
            eb
              .selectFrom('orders')
              .select('orders.id')
              .whereRef('orders.person_id', '=', 'people.id')
              .where('orders.terminated_on', 'is', null)
              .where('orders.start_date', '<=', orderStartedBy)
              .where('orders.expected_end_date', '>', new Date().toISOString().slice(0, 10)),
          )
        : eb.lit(true),
    )
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  used.add(row.crn);
  await withoutFlagsOrTier(db(), row.id);
  return row;
}

async function start(browser: Browser, crn: string, type = 'initial') {
  await browser.get(`/people/${crn}/assessments`);
  const response = await browser.post(`/people/${crn}/assessments`, { type });
  expect(response.statusCode, response.body.slice(0, 1500)).toBe(302);
  return /assessments\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;
}

function rowVersion(html: string): string {
  return /name="rowVersion" value="(\d+)"/.exec(html)![1]!;
}

/** A complete answer to every question of a section. */
function completeForm(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  const def = SECTIONS.find((s) => s.code === code)!;
  const form: Record<string, string> = { action: 'complete' };
  for (const item of def.items)
    form[item.code] =
      item.scale === 'problem'
        ? '1'
        : item.scale === 'motivation'
          ? 'partial'
          : item.scale === 'awareness'
            ? 'sometimes'
            : item.scale === 'injected'
              ? 'never'
              : 'yes';
  // The record says "no fixed abode: no" where there is a main address: a yes corrects it.
  if (code === '3') form['reason-3.3'] = 'Evicted last week; the address on the record is out of date';
  // Where the record has the person in work, "unemployed: yes" corrects it.
  if (code === '4')
    form['reason-4.2'] = 'Lost the job last week; the employment on the record is out of date';
  if (code === '1') {
    Object.assign(form, {
      nonContactSexualSanctions: '0',
      indecentImageSanctions: '0',
    });
  }
  if (def.kind === 'rosh') {
    for (const key of ROSH_RATING_KEYS) form[key] = 'low';
    for (const q of ROSH_QUESTIONS) form[q.code] = `Answer to ${q.label}`;
  } else {
    form.evidence = `Evidence for section ${code}`;
  }
  if (def.asksLinks) Object.assign(form, { linkedToOffending: 'yes', linkedToHarm: 'no' });
  return { ...form, ...overrides };
}

async function saveSection(
  browser: Browser,
  crn: string,
  id: string,
  code: string,
  form: Record<string, string>,
) {
  const page = await browser.get(`/people/${crn}/assessments/${id}/sections/${code}`);
  expect(page.statusCode).toBe(200);
  return browser.post(`/people/${crn}/assessments/${id}/sections/${code}`, {
    rowVersion: rowVersion(page.body),
    ...form,
  });
}

async function completeAll(browser: Browser, crn: string, id: string, rosh: Record<string, string> = {}) {
  for (const def of SECTIONS) {
    const response = await saveSection(
      browser,
      crn,
      id,
      def.code,
      completeForm(def.code, def.kind === 'rosh' ? rosh : {}),
    );
    expect(response.statusCode, `section ${def.code}: ${response.body.slice(0, 3000)}`).toBe(302);
  }
}

async function sign(browser: Browser, crn: string, id: string) {
  const page = await browser.get(`/people/${crn}/assessments/${id}`);
  return browser.post(`/people/${crn}/assessments/${id}/sign`, {
    rowVersion: rowVersion(page.body),
    declaration: 'yes',
  });
}

async function auditActions(personId: string) {
  const rows = await db()
    .selectFrom('audit_events')
    .select('action')
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => r.action);
}

describe('an assessment over several sittings', () => {
  it('saves a draft, keeps every word, and works the section score out', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const draft = await saveSection(po, person.crn, id, '3', {
      action: 'save',
      '3.3': 'yes',
      'reason-3.3': 'Evicted in October',
      '3.4': '2',
      evidence: 'Sofa-surfing with a friend since the eviction in October.',
    });
    expect(draft.statusCode).toBe(302);
    // Another sitting: the answers and the words are still there, and the score is partial.
    const again = await t.signIn('po.demo');
    const page = await again.get(`/people/${person.crn}/assessments/${id}/sections/3`);
    expect(page.body).toContain('Sofa-surfing with a friend since the eviction in October.');
    expect(page.body).toMatch(/value="yes" checked/);
    expect(page.body).toContain('not worked out until every scored item is answered (2 of 4)');
    const list = await again.get(`/people/${person.crn}/assessments/${id}`);
    expect(list.body).toMatch(/3\. Accommodation<\/span>[\s\S]*?In progress/);
  });

  it('refuses to mark a section complete while something is unanswered, keeping what was typed', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const response = await saveSection(po, person.crn, id, '7', {
      action: 'complete',
      '7.2': '2',
      evidence: 'Drinks with co-defendants',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Answer 7.3: easily influenced by criminal associates');
    expect(response.body).toContain('Select whether this section is linked to offending');
    expect(response.body).toContain('Drinks with co-defendants');
    const row = await db()
      .selectFrom('assessment_sections')
      .select(['status', 'answers'])
      .where('assessment_id', '=', id)
      .where('section_code', '=', '7')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'not-started', answers: {} });
  });

  it('refuses a bad value in a draft with a clear message', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const response = await saveSection(po, person.crn, id, '1', {
      action: 'save',
      totalSanctions: 'lots',
      'firstSanctionDate-day': '31',
      'firstSanctionDate-month': '2',
      'firstSanctionDate-year': '2020',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      'Total sanctions, the current one included must be a whole number, 0 or more',
    );
    expect(response.body).toContain('Date of the first sanction must be a real date');
    expect(response.body).toContain('value="lots"');
  });

  it('fills section 1 in from the record and needs a reason to correct it', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const page = await po.get(`/people/${person.crn}/assessments/${id}/sections/1`);
    expect(page.body).toContain('From the record:');
    const events = await db().selectFrom('events').select('id').where('person_id', '=', person.id).execute();
    expect(page.body).toMatch(
      new RegExp(`id="totalSanctions" name="totalSanctions" type="text" value="${events.length}"`),
    );
    const noReason = await po.post(`/people/${person.crn}/assessments/${id}/sections/1`, {
      rowVersion: rowVersion(page.body),
      action: 'save',
      totalSanctions: String(events.length + 4),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the answer differs from the record');
    const withReason = await po.post(`/people/${person.crn}/assessments/${id}/sections/1`, {
      rowVersion: rowVersion(page.body),
      action: 'save',
      totalSanctions: String(events.length + 4),
      'reason-totalSanctions': 'The PNC shows four cautions before the first conviction',
    });
    expect(withReason.statusCode).toBe(302);
    const row = await db()
      .selectFrom('assessment_sections')
      .select(['answers', 'corrections'])
      .where('assessment_id', '=', id)
      .where('section_code', '=', '1')
      .executeTakeFirstOrThrow();
    expect(row.answers.totalSanctions).toBe(String(events.length + 4));
    expect(row.corrections.totalSanctions).toMatchObject({
      value: String(events.length + 4),
      reason: 'The PNC shows four cautions before the first conviction',
      by: 'Priya Okonjo',
    });
  });

  it('fills "unemployed" in from the employment status on the record, correctable with a reason', async () => {
    const person = await freshPerson();
    await db().deleteFrom('employment_statuses').where('person_id', '=', person.id).execute();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const url = `/people/${person.crn}/assessments/${id}/sections/4`;
    const before = await po.get(url);
    expect(before.body).not.toContain('From the record: Employment status');
    expect(before.body).not.toMatch(/name="4\.2" type="radio" value="(yes|no)" checked/);

    // Entered once, on the person's record.
    await po.get(`/people/${person.crn}/employment/new`);
    const since = addDays(todayInLondon(new Date()), -60);
    const [y, m, d] = since.split('-');
    const added = await po.post(`/people/${person.crn}/employment/new`, {
      status: 'FULL-TIME',
      employer: 'Essex Building Supplies',
      notes: '',
      'fromDate-day': String(Number(d)),
      'fromDate-month': String(Number(m)),
      'fromDate-year': y!,
    });
    expect(added.statusCode).toBe(302);
    const page = await po.get(url);
    expect(page.body).toContain(
      `From the record: Employment status since ${longDate(since)}: Employed full-time, Essex Building Supplies.`,
    );
    expect(page.body).toMatch(/name="4\.2" type="radio" value="no" checked/);
    // Only what the status settles: the employment history and skills stay the assessor's.
    expect(page.body).not.toMatch(/name="4\.3" type="radio" value="\d" checked/);

    const noReason = await po.post(url, { rowVersion: rowVersion(page.body), action: 'save', '4.2': 'yes' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(
      `Say why the answer differs from the record (Employment status since ${longDate(since)}: Employed full-time, Essex Building Supplies)`,
    );
    const corrected = await po.post(url, {
      rowVersion: rowVersion(page.body),
      action: 'save',
      '4.2': 'yes',
      'reason-4.2': 'Dismissed on Friday; the record is not updated yet',
    });
    expect(corrected.statusCode).toBe(302);
    const row = await db()
      .selectFrom('assessment_sections')
      .select(['answers', 'corrections'])
      .where('assessment_id', '=', id)
      .where('section_code', '=', '4')
      .executeTakeFirstOrThrow();
    expect(row.answers['4.2']).toBe('yes');
    expect(row.corrections['4.2']).toMatchObject({
      value: 'yes',
      reason: 'Dismissed on Friday; the record is not updated yet',
      by: 'Priya Okonjo',
    });
  });

  it('leaves "unemployed" to the assessor when the status does not settle it', async () => {
    const person = await freshPerson();
    await db().deleteFrom('employment_statuses').where('person_id', '=', person.id).execute();
    await db()
      .insertInto('employment_statuses')
      .values({
        person_id: person.id,
        status: 'STUDENT',
        employer: 'Colchester Institute',
        from_date: '2025-09-01',
        created_by_name: 'Test',
      })
      .execute();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const page = await po.get(`/people/${person.crn}/assessments/${id}/sections/4`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('From the record: Employment status');
    expect(page.body).not.toMatch(/name="4\.2" type="radio" value="(yes|no)" checked/);
  });

  it('does not let two people overwrite each other’s section', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    const id = await start(po, person.crn);
    const mine = await po.get(`/people/${person.crn}/assessments/${id}/sections/9`);
    const theirs = await manager.get(`/people/${person.crn}/assessments/${id}/sections/9`);
    const first = await manager.post(`/people/${person.crn}/assessments/${id}/sections/9`, {
      rowVersion: rowVersion(theirs.body),
      action: 'save',
      '9.1': '2',
      evidence: 'Drinks daily, says the manager',
    });
    expect(first.statusCode).toBe(302);
    const second = await po.post(`/people/${person.crn}/assessments/${id}/sections/9`, {
      rowVersion: rowVersion(mine.body),
      action: 'save',
      '9.1': '0',
      evidence: 'Abstinent for a year',
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('This section was changed by Helen Brierley');
    expect(second.body).toContain('Drinks daily, says the manager');
    expect(second.body).toContain('Abstinent for a year');
    const row = await db()
      .selectFrom('assessment_sections')
      .select('evidence')
      .where('assessment_id', '=', id)
      .where('section_code', '=', '9')
      .executeTakeFirstOrThrow();
    expect(row.evidence).toBe('Drinks daily, says the manager');
  });

  it('finds the open assessment instead of starting a second one', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const again = await po.post(`/people/${person.crn}/assessments`, { type: 'initial' });
    expect(again.headers.location).toBe(`/people/${person.crn}/assessments/${id}?existing=yes`);
    const count = await db()
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});

describe('completing an assessment', () => {
  it('signs only when every section is complete, then works out needs, locks and feeds the tier', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const early = await sign(po, person.crn, id);
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Complete section 1: Offending information before signing');

    await completeAll(po, person.crn, id);
    const signed = await sign(po, person.crn, id);
    expect(signed.statusCode, signed.body.slice(0, 2000)).toBe(302);
    const row = await db()
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('locked');
    expect(row.countersignature_required).toBe(false);
    // Every scored item answered 1 (or yes, partial, sometimes): accommodation 2 + 1 + 1 + 1 = 5, a need (2), not severe (7).
    const snapshot = row.snapshot as { needs: Array<{ need: string; severity: string }> };
    expect(snapshot.needs.find((n) => n.need === 'accommodation')?.severity).toBe('standard');

    // The tier now counts the needs and the valid assessment.
    const tier = await db()
      .selectFrom('tier_calculations')
      .select(['inputs', 'reason'])
      .where('person_id', '=', person.id)
      .orderBy('calculated_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(tier.reason).toBe('Assessment signed by Priya Okonjo');
    expect(
      (tier.inputs as { tierInput: { validAssessment: boolean; needs: Record<string, string> } }).tierInput,
    ).toMatchObject({
      validAssessment: true,
      needs: { accommodation: 'standard' },
    });

    // Locked: no more changes.
    const late = await saveSection(po, person.crn, id, '3', completeForm('3', { '3.3': 'no' }));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('This assessment is locked: it cannot be changed');
    expect(await auditActions(person.id)).toEqual(
      expect.arrayContaining(['assessment-started', 'assessment-section-saved', 'assessment-signed']),
    );
  });

  it('registers the RoSH level from the summary and alerts the manager when it rises to high', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const response = await saveSection(
      po,
      person.crn,
      id,
      'rosh',
      completeForm('rosh', { 'community.knownAdult': 'high' }),
    );
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toContain('rosh=high&manager=alerted');
    const registration = await db()
      .selectFrom('registrations')
      .select(['type_code', 'notes'])
      .where('person_id', '=', person.id)
      .where('deregistered_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect(registration).toEqual({
      type_code: 'RHRH',
      notes: 'From the risk of serious harm summary of the assessment',
    });
    const task = await db()
      .selectFrom('case_tasks')
      .select(['kind', 'reason'])
      .where('person_id', '=', person.id)
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(task.kind).toBe('rosh-raised');
    expect(task.reason).toContain('RoSH raised to high by Priya Okonjo’s risk of serious harm summary');
    const manager = await t.signIn('manager.demo');
    const team = await manager.get('/team');
    expect(team.body).toContain('RoSH raised');
    expect(team.body).toContain(person.crn);
  });

  it('waits for a manager’s countersignature when a PSO assesses a medium RoSH case, and the manager may return it', async () => {
    const person = await freshPerson('pso.demo');
    const pso = await t.signIn('pso.demo');
    const id = await start(pso, person.crn);
    await completeAll(pso, person.crn, id, { 'community.public': 'medium' });
    const signed = await sign(pso, person.crn, id);
    expect(signed.statusCode).toBe(302);
    const waiting = await db()
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(waiting.state).toBe('awaiting-countersignature');
    expect(waiting.countersignature_reason).toContain('RoSH medium');

    // The PSO cannot countersign (not a manager).
    const refused = await pso.post(`/people/${person.crn}/assessments/${id}/countersign`, {
      rowVersion: String(waiting.row_version),
      decision: 'countersign',
      reason: '',
    });
    expect(refused.statusCode).toBe(403);

    const manager = await t.signIn('manager.demo');
    const page = await manager.get(`/people/${person.crn}/assessments/${id}`);
    expect(page.body).toContain('Record your decision');
    const noReason = await manager.post(`/people/${person.crn}/assessments/${id}/countersign`, {
      rowVersion: rowVersion(page.body),
      decision: 'return',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why you are returning the assessment');
    const returned = await manager.post(`/people/${person.crn}/assessments/${id}/countersign`, {
      rowVersion: rowVersion(page.body),
      decision: 'return',
      reason: 'Section 9 evidence does not support the score',
    });
    expect(returned.statusCode).toBe(302);
    expect(
      (await db().selectFrom('assessments').select('state').where('id', '=', id).executeTakeFirstOrThrow())
        .state,
    ).toBe('in-progress');

    // Signed again, then countersigned.
    expect((await sign(pso, person.crn, id)).statusCode).toBe(302);
    const again = await manager.get(`/people/${person.crn}/assessments/${id}`);
    const countersigned = await manager.post(`/people/${person.crn}/assessments/${id}/countersign`, {
      rowVersion: rowVersion(again.body),
      decision: 'countersign',
      reason: '',
    });
    expect(countersigned.statusCode).toBe(302);
    const done = await db()
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ state: 'locked', countersigned_by_name: 'Helen Brierley' });
    expect(await auditActions(person.id)).toEqual(
      expect.arrayContaining(['assessment-returned', 'assessment-countersigned']),
    );
  });

  it('starts a review from a copy of the last assessment and highlights what changed', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const first = await start(po, person.crn);
    await completeAll(po, person.crn, first);
    expect((await sign(po, person.crn, first)).statusCode).toBe(302);
    const review = await start(po, person.crn, 'review');
    const page = await po.get(`/people/${person.crn}/assessments/${review}/sections/3`);
    expect(page.body).toContain('Evidence for section 3');
    const changed = await saveSection(po, person.crn, review, '3', {
      ...completeForm('3'),
      '3.3': 'no',
      action: 'save',
    });
    expect(changed.statusCode).toBe(302);
    const after = await po.get(`/people/${person.crn}/assessments/${review}/sections/3`);
    expect(after.body).toContain('Changed since the last assessment: was “Yes”');
    const overview = await po.get(`/people/${person.crn}/assessments/${review}`);
    expect(overview.body).toContain('1 answer changed since the last assessment');
  });
});

describe('a review after the record changed', () => {
  it('shows what the record says now instead of the last assessment’s answer, needing no reason', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const first = await start(po, person.crn);
    await completeAll(po, person.crn, first);
    // No self-harm concerns at the first assessment.
    expect(
      (await saveSection(po, person.crn, first, '10', { ...completeForm('10'), '10.5': 'no' })).statusCode,
    ).toBe(302);
    expect((await sign(po, person.crn, first)).statusCode).toBe(302);
    const copied = await db()
      .selectFrom('assessment_sections')
      .select('answers')
      .where('assessment_id', '=', first)
      .where('section_code', '=', '10')
      .executeTakeFirstOrThrow();
    expect(copied.answers['10.5']).toBe('no');

    // A self-harm flag added since the assessment: the record now answers 10.5.
    await db()
      .insertInto('registrations')
      .values({
        person_id: person.id,
        type_code: 'ALSH',
        registered_on: todayInLondon(new Date()),
        registered_by_name: 'Priya Okonjo',
        next_review_on: addDays(todayInLondon(new Date()), 90),
      })
      .execute();
    const review = await start(po, person.crn, 'review');
    const section = await db()
      .selectFrom('assessment_sections')
      .select('answers')
      .where('assessment_id', '=', review)
      .where('section_code', '=', '10')
      .executeTakeFirstOrThrow();
    expect(section.answers).not.toHaveProperty('10.5');
    const saved = await saveSection(po, person.crn, review, '10', {
      ...completeForm('10'),
      '10.5': 'yes',
      action: 'complete',
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(302);
  });
});

describe('who may do what', () => {
  it('lets a facilitator read an assessment but not start or change one', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, person.crn);
    const facilitator = await t.signIn('facilitator.demo');
    expect((await facilitator.get(`/people/${person.crn}/assessments/${id}`)).statusCode).toBe(200);
    expect(
      (await facilitator.post(`/people/${person.crn}/assessments`, { type: 'initial' })).statusCode,
    ).toBe(403);
    expect(
      (
        await facilitator.post(`/people/${person.crn}/assessments/${id}/sections/3`, {
          rowVersion: '1',
          action: 'save',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('answers 404 for an assessment of someone else', async () => {
    const a = await freshPerson();
    const b = await freshPerson();
    const po = await t.signIn('po.demo');
    const id = await start(po, a.crn);
    expect((await po.get(`/people/${b.crn}/assessments/${id}`)).statusCode).toBe(404);
    expect((await po.get(`/people/${a.crn}/assessments/${id}/sections/99`)).statusCode).toBe(404);
  });
});

describe('due and overdue assessments on the caseloads', () => {
  it('shows an overdue initial assessment on the officer’s and the team’s caseload, and on the overview', async () => {
    // A case of po.demo's whose current order began well over 15 working days ago, with no assessment.
    const longAgo = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const person = await freshPerson('po.demo', longAgo);
    const po = await t.signIn('po.demo');
    const caseload = await po.get('/caseload');
    const row = new RegExp(`${person.crn}[\\s\\S]*?</tr>`).exec(caseload.body)![0];
    expect(row).toContain('Overdue');
    expect(row).toMatch(/Initial by \d{1,2} \w+ \d{4}/);
    const overview = await po.get(`/people/${person.crn}`);
    expect(overview.body).toMatch(/Initial assessment due by [\s\S]*?Overdue/);
    const manager = await t.signIn('manager.demo');
    const team = await manager.get('/team');
    const teamRow = new RegExp(`${person.crn}[\\s\\S]*?</tr>`).exec(team.body)![0];
    expect(teamRow).toContain('Overdue');
  });
});
