import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';
import { startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { todayInLondon, addDays } from '../platform/calendar/index.js';
import { addOrder } from '../../test/support/case-fixtures.js';
import { addWorkingDays } from '../platform/calendar/index.js';
import { formatDate } from '../platform/http/format.js';
import { planClocksFor } from './clocks.js';
import { addObjectivesFromReport } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const today = () => todayInLondon(new Date());
const used = new Set<string>();

/** A visible demo person held by po.demo with a current order that has a requirement, not used by another test here. */
async function freshPerson() {
  const holder = await db()
    .selectFrom('users')
    .select('staff_id')
    .where('username', '=', 'po.demo')
    .executeTakeFirstOrThrow();
  const row = await db()
    .selectFrom('people')
    .innerJoin('allocations', 'allocations.person_id', 'people.id')
    .innerJoin('requirements', 'requirements.person_id', 'people.id')
    .innerJoin('orders', 'orders.id', 'requirements.order_id')
    .select(['people.id', 'people.crn', 'requirements.id as requirementId'])
    .where('allocations.ended_at', 'is', null)
    .where('allocations.staff_id', '=', holder.staff_id!)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('requirements.terminated_on', 'is', null)
    .where('orders.terminated_on', 'is', null)
    .where('orders.start_date', '<=', today())
    .where('orders.expected_end_date', '>=', today())
    .where('people.crn', 'not in', used.size ? [...used] : ['-'])
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  used.add(row.crn);
  await withoutFlagsOrTier(db(), row.id);
  // The demo data gives most people plans: start from none.
  await db().deleteFrom('sentence_plans').where('person_id', '=', row.id).execute();
  await db().deleteFrom('risk_management_plans').where('person_id', '=', row.id).execute();
  return row;
}

/** A signed assessment with two needs, as the assessment capability leaves it (its snapshot holds the needs). */
async function signedAssessment(personId: string, completedOn = today()) {
  await db()
    .insertInto('assessments')
    .values({
      person_id: personId,
      assessment_type: 'initial',
      state: 'locked',
      assessor_name: 'Priya Okonjo',
      signed_at: new Date(),
      signed_by_name: 'Priya Okonjo',
      locked_at: new Date(),
      completed_on: completedOn,
      updated_by_name: 'Priya Okonjo',
      snapshot: JSON.stringify({
        needs: [
          {
            section: '3',
            title: 'Accommodation',
            need: 'accommodation',
            severity: 'none',
            score: 0,
            linkedToOffending: false,
            linkedToHarm: false,
            reason: 'score 0 of 8',
          },
          {
            section: '6',
            title: 'Relationships',
            need: 'relationships',
            severity: 'severe',
            score: 7,
            linkedToOffending: true,
            linkedToHarm: true,
            reason: 'score 7 of 8',
          },
          {
            section: '4',
            title: 'Education, training and employability',
            need: 'education-training-employability',
            severity: 'standard',
            score: 3,
            linkedToOffending: true,
            linkedToHarm: false,
            reason: 'score 3 of 8',
          },
        ],
      }),
    })
    .execute();
}

function rowVersion(html: string): string {
  return /name="rowVersion" value="(\d+)"/.exec(html)![1]!;
}

function dateForm(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

async function startPlan(browser: Browser, crn: string, on = today()) {
  await browser.get(`/people/${crn}/plans`);
  const response = await browser.post(`/people/${crn}/plans/sentence-plan`, dateForm('startedOn', on));
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(302);
}

async function addObjective(browser: Browser, crn: string, form: Record<string, string>) {
  await browser.get(`/people/${crn}/plans/sentence-plan/objectives/new`);
  return browser.post(`/people/${crn}/plans/sentence-plan/objectives/new`, {
    personsWords: 'I want to stop arguing with my partner',
    officersWords: 'Complete Building Better Relationships',
    source: 'officer',
    need: '',
    requirementId: '',
    interventions: '',
    ...form,
  });
}

/** The hidden fields of an objective's Move up or Move down button, as the plans page shows them. */
function moveForm(html: string, objectiveId: string, direction: 'up' | 'down'): Record<string, string> {
  const forms = [
    ...html.matchAll(
      /<form method="post" action="[^"]*\/objectives\/([0-9a-f-]+)\/move"[^>]*>([\s\S]*?)<\/form>/g,
    ),
  ];
  const form = forms.find(
    (f) => f[1] === objectiveId && f[2]!.includes(`name="direction" value="${direction}"`),
  );
  if (!form) throw new Error(`No Move ${direction} button for objective ${objectiveId}`);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form[2]!)![1]!;
  return {
    direction,
    rowVersion: field('rowVersion'),
    neighbourId: field('neighbourId'),
    neighbourVersion: field('neighbourVersion'),
  };
}

async function objectiveIds(personId: string) {
  const rows = await db()
    .selectFrom('plan_objectives')
    .select(['id', 'officers_words'])
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
  return rows;
}

async function auditActions(personId: string) {
  const rows = await db()
    .selectFrom('audit_events')
    .select('action')
    .where('person_id', '=', personId)
    .where('action', '<>', 'viewed-record')
    .execute();
  return rows.map((r) => r.action);
}

describe('the sentence plan', () => {
  it('refuses an objective linked to neither a need nor a requirement, keeping what was typed and writing nothing', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    const before = await auditActions(person.id);
    const response = await addObjective(po, person.crn, { personsWords: 'I want my own flat' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(
      'Link the objective to a need from the assessment or to a requirement of the order or a licence condition: an objective with none of these cannot be added',
    );
    expect(response.body).toContain('I want my own flat');
    expect(await objectiveIds(person.id)).toEqual([]);
    expect(await auditActions(person.id)).toEqual(before);
  });

  it('lists the needs of the latest signed assessment, severe and standard first, and says when there is none', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    const none = await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/new`);
    expect(none.body).toContain('There is no signed assessment, so no need can be linked yet');
    const refused = await addObjective(po, person.crn, { need: 'relationships' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is no signed assessment to take a need from');
    await signedAssessment(person.id);
    const page = await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/new`);
    const order = ['relationships', 'education-training-employability', 'accommodation'].map((need) =>
      page.body.indexOf(`value="${need}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.body).toContain('Severe need: score 7 of 8');
  });

  it('refuses an action with a target date before the plan started', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    expect((await addObjective(po, person.crn, { need: 'relationships' })).statusCode).toBe(302);
    const [objective] = await objectiveIds(person.id);
    await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}/actions/new`);
    const response = await po.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}/actions/new`,
      {
        description: 'Attend the programme assessment',
        owner: 'partner-agency',
        ownerName: 'Essex Domestic Abuse Service',
        ...dateForm('targetDate', addDays(today(), -1)),
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The target date must be on or after the day the plan started');
    expect(response.body).toContain('Essex Domestic Abuse Service');
    const actions = await db()
      .selectFrom('plan_actions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(actions).toEqual([]);
  });

  it('is written, sequenced, agreed and reviewed, each change audited', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    expect(
      (
        await addObjective(po, person.crn, {
          need: 'education-training-employability',
          officersWords: 'Find work',
        })
      ).statusCode,
    ).toBe(302);
    expect(
      (
        await addObjective(po, person.crn, {
          need: 'relationships',
          requirementId: person.requirementId,
          officersWords: 'Complete Building Better Relationships',
          interventions: 'Building Better Relationships, then a relationships worker',
        })
      ).statusCode,
    ).toBe(302);
    let objectives = await objectiveIds(person.id);
    // What must happen first comes first: the relationships work before the job search.
    const before = await po.get(`/people/${person.crn}/plans`);
    const moved = await po.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${objectives[1]!.id}/move`,
      moveForm(before.body, objectives[1]!.id, 'up'),
    );
    expect(moved.statusCode).toBe(302);
    objectives = await objectiveIds(person.id);
    expect(objectives.map((o) => o.officers_words)).toEqual([
      'Complete Building Better Relationships',
      'Find work',
    ]);

    // The agreement needs actions and strengths first.
    const plansPage = await po.get(`/people/${person.crn}/plans`);
    expect(plansPage.body).toMatch(/1\. Complete Building Better Relationships[\s\S]*2\. Find work/);
    const agreementPage = await po.get(`/people/${person.crn}/plans/sentence-plan/agreement`);
    const early = await po.post(`/people/${person.crn}/plans/sentence-plan/agreement`, {
      rowVersion: rowVersion(agreementPage.body),
      agreement: 'agreed',
      ...dateForm('agreementOn', today()),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Add an action to the objective “Find work” before recording the agreement');

    for (const o of objectives) {
      await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/${o.id}/actions/new`);
      const added = await po.post(
        `/people/${person.crn}/plans/sentence-plan/objectives/${o.id}/actions/new`,
        {
          description: `First step for ${o.officers_words}`,
          owner: 'person',
          ...dateForm('targetDate', addDays(today(), 14)),
        },
      );
      expect(added.statusCode, added.body.slice(0, 1500)).toBe(302);
    }
    const strengthsPage = await po.get(`/people/${person.crn}/plans/sentence-plan/strengths`);
    expect(
      (
        await po.post(`/people/${person.crn}/plans/sentence-plan/strengths`, {
          rowVersion: rowVersion(strengthsPage.body),
          strengths: 'Close to his sister; worked as a plasterer',
          desistanceFactors: 'Wants to see his daughter; away from old friends',
        })
      ).statusCode,
    ).toBe(302);
    const again = await po.get(`/people/${person.crn}/plans/sentence-plan/agreement`);
    const notAgreedNoReason = await po.post(`/people/${person.crn}/plans/sentence-plan/agreement`, {
      rowVersion: rowVersion(again.body),
      agreement: 'not-agreed',
      ...dateForm('agreementOn', today()),
    });
    expect(notAgreedNoReason.statusCode).toBe(400);
    expect(notAgreedNoReason.body).toContain('Say why the person does not agree with the plan');
    const agreed = await po.post(`/people/${person.crn}/plans/sentence-plan/agreement`, {
      rowVersion: rowVersion(again.body),
      agreement: 'agreed',
      comments: 'Happy with it, worried about the course times',
      ...dateForm('agreementOn', today()),
    });
    expect(agreed.statusCode).toBe(302);
    const plan = await db()
      .selectFrom('sentence_plans')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ agreement: 'agreed', completed_on: today() });

    const reviewPage = await po.get(`/people/${person.crn}/plans/sentence-plan/reviews/new`);
    const review = await po.post(`/people/${person.crn}/plans/sentence-plan/reviews/new`, {
      rowVersion: rowVersion(reviewPage.body),
      ...dateForm('reviewedOn', today()),
      [`progress-${objectives[0]!.id}`]: 'in-progress',
      [`notes-${objectives[0]!.id}`]: 'Attended 4 of 6 sessions',
      [`progress-${objectives[1]!.id}`]: 'achieved',
      notes: 'Good progress',
    });
    expect(review.statusCode, review.body.slice(0, 2000)).toBe(302);
    const progress = await db()
      .selectFrom('plan_objectives')
      .select(['officers_words', 'progress', 'progress_notes'])
      .where('person_id', '=', person.id)
      .orderBy('position')
      .execute();
    expect(progress).toEqual([
      {
        officers_words: 'Complete Building Better Relationships',
        progress: 'in-progress',
        progress_notes: 'Attended 4 of 6 sessions',
      },
      { officers_words: 'Find work', progress: 'achieved', progress_notes: null },
    ]);
    const after = await po.get(`/people/${person.crn}/plans`);
    expect(after.body).toContain(
      `Review of ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today()}T00:00:00Z`))} by Priya Okonjo`,
    );
    expect(await auditActions(person.id)).toEqual(
      expect.arrayContaining([
        'sentence-plan-started',
        'sentence-plan-objective-added',
        'sentence-plan-objective-moved',
        'sentence-plan-action-added',
        'sentence-plan-strengths-saved',
        'sentence-plan-agreement-recorded',
        'sentence-plan-reviewed',
      ]),
    );
  });

  it('shows overdue actions and marks an action done', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn, addDays(today(), -30));
    await addObjective(po, person.crn, { requirementId: person.requirementId, need: '' });
    const [objective] = await objectiveIds(person.id);
    await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}/actions/new`);
    await po.post(`/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}/actions/new`, {
      description: 'Book the housing appointment',
      owner: 'responsible-officer',
      ...dateForm('targetDate', addDays(today(), -3)),
    });
    const page = await po.get(`/people/${person.crn}/plans`);
    expect(page.body).toContain('1 overdue action: target date passed and not done');
    const overview = await po.get(`/people/${person.crn}`);
    expect(overview.body).toContain('1 sentence plan action past the target date');
    const action = await db()
      .selectFrom('plan_actions')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const form = await po.get(`/people/${person.crn}/plans/sentence-plan/actions/${action.id}`);
    const done = await po.post(`/people/${person.crn}/plans/sentence-plan/actions/${action.id}`, {
      rowVersion: rowVersion(form.body),
      description: 'Book the housing appointment',
      owner: 'responsible-officer',
      ...dateForm('targetDate', action.target_date),
      ...dateForm('doneOn', today()),
    });
    expect(done.statusCode).toBe(302);
    expect((await po.get(`/people/${person.crn}/plans`)).body).not.toContain('overdue action');
  });

  it('refuses a lost race on an objective, showing who changed it and both versions', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    await startPlan(po, person.crn);
    await addObjective(po, person.crn, { need: 'relationships' });
    const [objective] = await objectiveIds(person.id);
    const url = `/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}`;
    const mine = await po.get(url);
    const theirs = await manager.get(url);
    const base = {
      personsWords: 'I want to stop arguing',
      need: 'relationships',
      requirementId: '',
      source: 'officer',
    };
    expect(
      (
        await manager.post(url, {
          ...base,
          rowVersion: rowVersion(theirs.body),
          officersWords: 'Manager’s wording',
        })
      ).statusCode,
    ).toBe(302);
    const lost = await po.post(url, {
      ...base,
      rowVersion: rowVersion(mine.body),
      officersWords: 'Officer’s wording',
    });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toContain('This was changed by Helen Brierley');
    expect(lost.body).toContain('Manager’s wording');
    expect(lost.body).toContain('Officer’s wording');
    const row = await db()
      .selectFrom('plan_objectives')
      .select('officers_words')
      .where('id', '=', objective!.id)
      .executeTakeFirstOrThrow();
    expect(row.officers_words).toBe('Manager’s wording');
  });

  it('refuses a move made on a stale page, naming who changed the order, and writes nothing', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    const manager = await t.signIn('manager.demo');
    await startPlan(po, person.crn);
    for (const officersWords of ['Find work', 'Complete Building Better Relationships', 'Stay sober'])
      expect((await addObjective(po, person.crn, { need: 'relationships', officersWords })).statusCode).toBe(
        302,
      );
    const [first, second, third] = await objectiveIds(person.id);
    const mine = await po.get(`/people/${person.crn}/plans`);
    const theirs = await manager.get(`/people/${person.crn}/plans`);
    // The manager puts the relationships work first.
    const moved = await manager.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${second!.id}/move`,
      moveForm(theirs.body, second!.id, 'up'),
    );
    expect(moved.statusCode).toBe(302);
    const afterTheirs = (await objectiveIds(person.id)).map((o) => o.officers_words);
    expect(afterTheirs).toEqual(['Complete Building Better Relationships', 'Find work', 'Stay sober']);
    const movesBefore = (await auditActions(person.id)).filter((a) => a === 'sentence-plan-objective-moved');

    // The officer, on the page as it was, moves "Find work" down: it would now swap with "Stay sober".
    const stale = await po.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${first!.id}/move`,
      moveForm(mine.body, first!.id, 'down'),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('There is a problem');
    expect(stale.body).toContain('The objectives were changed by Helen Brierley');
    expect(stale.body).toContain('so nothing was moved');
    expect((await objectiveIds(person.id)).map((o) => o.officers_words)).toEqual(afterTheirs);
    // The same with the third objective: its neighbour is the one seen, but that one was moved.
    const staleUp = await po.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${third!.id}/move`,
      moveForm(mine.body, third!.id, 'up'),
    );
    expect(staleUp.statusCode).toBe(409);
    expect((await objectiveIds(person.id)).map((o) => o.officers_words)).toEqual(afterTheirs);
    // A move without the versions the page gives is refused the same way.
    const blind = await po.post(`/people/${person.crn}/plans/sentence-plan/objectives/${third!.id}/move`, {
      direction: 'up',
    });
    expect(blind.statusCode).toBe(409);
    expect((await objectiveIds(person.id)).map((o) => o.officers_words)).toEqual(afterTheirs);
    expect((await auditActions(person.id)).filter((a) => a === 'sentence-plan-objective-moved')).toEqual(
      movesBefore,
    );

    // From the page as it is now, the move goes through.
    const fresh = await po.get(`/people/${person.crn}/plans`);
    const ok = await po.post(
      `/people/${person.crn}/plans/sentence-plan/objectives/${first!.id}/move`,
      moveForm(fresh.body, first!.id, 'down'),
    );
    expect(ok.statusCode).toBe(302);
    expect((await objectiveIds(person.id)).map((o) => o.officers_words)).toEqual([
      'Complete Building Better Relationships',
      'Stay sober',
      'Find work',
    ]);
  });

  it('links an objective to an additional licence condition of a current licence, as to a requirement', async () => {
    const person = await freshPerson();
    await addOrder(db(), person.id, 'LIC', addDays(today(), -30));
    const conditions = await db()
      .selectFrom('licence_conditions')
      .select(['id', 'condition_code'])
      .where('person_id', '=', person.id)
      .where('condition_code', 'in', ['STD3', 'ADD06'])
      .execute();
    const curfew = conditions.find((c) => c.condition_code === 'ADD06')!;
    const standard = conditions.find((c) => c.condition_code === 'STD3')!;
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    const form = await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/new`);
    expect(form.body).toContain('Additional licence condition');
    expect(form.body).toContain(`value="${curfew.id}"`);
    expect(form.body).toContain('Curfew arrangement');
    // Standard conditions are on every licence: they are not offered.
    expect(form.body).not.toContain(`value="${standard.id}"`);

    const refused = await addObjective(po, person.crn, {
      licenceConditionId: standard.id,
      officersWords: 'Keep to the curfew every night',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose an additional condition of a current licence');
    expect(refused.body).toContain('Keep to the curfew every night');
    expect(await objectiveIds(person.id)).toEqual([]);

    const added = await addObjective(po, person.crn, {
      licenceConditionId: curfew.id,
      officersWords: 'Keep to the curfew every night',
    });
    expect(added.statusCode, added.body.slice(0, 1500)).toBe(302);
    const row = await db()
      .selectFrom('plan_objectives')
      .select(['need', 'requirement_id', 'licence_condition_id', 'licence_condition_text'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      need: null,
      requirement_id: null,
      licence_condition_id: curfew.id,
      licence_condition_text: 'Curfew arrangement',
    });
    const plans = await po.get(`/people/${person.crn}/plans`);
    expect(plans.body).toContain('Licence condition: Curfew arrangement');
    const [objective] = await objectiveIds(person.id);
    const change = await po.get(`/people/${person.crn}/plans/sentence-plan/objectives/${objective!.id}`);
    expect(change.body).toMatch(new RegExp(`value="${curfew.id}" checked`));
  });

  it('lets a facilitator read the plans but not change them', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    const facilitator = await t.signIn('facilitator.demo');
    const page = await facilitator.get(`/people/${person.crn}/plans`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add an objective');
    expect(
      (await facilitator.get(`/people/${person.crn}/plans/sentence-plan/objectives/new`)).statusCode,
    ).toBe(403);
    expect(
      (await facilitator.post(`/people/${person.crn}/plans/sentence-plan/objectives/new`, {})).statusCode,
    ).toBe(403);
    expect(
      (
        await facilitator.post(`/people/${person.crn}/plans/risk-management-plan/parts/supervision`, {
          text: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(await objectiveIds(person.id)).toEqual([]);
  });
});

describe('the initial sentence plan’s deadline', () => {
  async function tier(personId: string, value: string) {
    await db().deleteFrom('tier_calculations').where('person_id', '=', personId).execute();
    await db()
      .insertInto('tier_calculations')
      .values({
        person_id: personId,
        calculated_at: new Date(),
        protect_points: 0,
        protect_level: value.charAt(0),
        change_points: 0,
        change_level: Number(value.charAt(1)),
        tier: value,
        explanation: JSON.stringify([]) as never,
        inputs: JSON.stringify({}) as never,
        reason: 'Test',
      })
      .execute();
  }

  async function supervisionStart(personId: string) {
    const orders = await db()
      .selectFrom('orders')
      .select(['start_date', 'expected_end_date', 'pss_end_date'])
      .where('person_id', '=', personId)
      .where('terminated_on', 'is', null)
      .where('start_date', '<=', today())
      .execute();
    return orders
      .filter((o) => o.expected_end_date >= today() || (o.pss_end_date ?? '') >= today())
      .map((o) => o.start_date)
      .sort()
      .at(-1)!;
  }

  it('is 5 working days after sentence in the highest tier, A3, and the page says why', async () => {
    const person = await freshPerson();
    await tier(person.id, 'A3');
    const start = await supervisionStart(person.id);
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${person.crn}/plans`);
    const clock = page.body.slice(page.body.indexOf('id="sentence-plan-clock"'));
    expect(clock).toContain(`Initial sentence plan due by ${formatDate(addWorkingDays(start, 5))}`);
    expect(clock).toContain(
      `due 5 working days after sentence or release (${formatDate(start)}), not 15, because the case is in the highest tier, A3`,
    );
    expect(clock).toContain('the initial plan within 15 working days (5 for the highest tier, A3)');

    await tier(person.id, 'B3');
    const other = await po.get(`/people/${person.crn}/plans`);
    const otherClock = other.body.slice(other.body.indexOf('id="sentence-plan-clock"'));
    expect(otherClock).toContain(`Initial sentence plan due by ${formatDate(addWorkingDays(start, 15))}`);
    expect(otherClock).not.toContain('highest tier, A3 (');
  });
});

describe('objectives from a post-programme report', () => {
  it('are added at the end with the report’s date and author, all or none', async () => {
    const person = await freshPerson();
    await signedAssessment(person.id);
    const po = await t.signIn('po.demo');
    await startPlan(po, person.crn);
    await addObjective(po, person.crn, { need: 'relationships' });
    const actor = { userId: null, apiClientId: null, name: 'Programmes', address: null, requestId: null };
    const refused = await addObjectivesFromReport(db(), actor, {
      personId: person.id,
      today: today(),
      now: new Date(),
      report: {
        date: today(),
        author: 'Sam Facilitator',
        objectives: [
          {
            personsWords: 'Use my time-out plan',
            officersWords: 'Use the time-out plan',
            need: 'relationships',
            requirementId: null,
            interventions: null,
          },
          {
            personsWords: 'Nothing',
            officersWords: 'Unlinked',
            need: null,
            requirementId: null,
            interventions: null,
          },
        ],
      },
    });
    expect(refused).toMatchObject({
      saved: false,
      problems: [{ message: expect.stringContaining('Objective 2: Link the objective') }],
    });
    expect(await objectiveIds(person.id)).toHaveLength(1);
    const added = await addObjectivesFromReport(db(), actor, {
      personId: person.id,
      today: today(),
      now: new Date(),
      report: {
        date: today(),
        author: 'Sam Facilitator',
        objectives: [
          {
            personsWords: 'Use my time-out plan',
            officersWords: 'Use the time-out plan',
            need: 'relationships',
            requirementId: null,
            interventions: 'Booster sessions',
          },
        ],
      },
    });
    expect(added.saved).toBe(true);
    const rows = await db()
      .selectFrom('plan_objectives')
      .select(['position', 'source', 'report_author'])
      .where('person_id', '=', person.id)
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      { position: 1, source: 'officer', report_author: null },
      { position: 2, source: 'post-programme-report', report_author: 'Sam Facilitator' },
    ]);
    expect((await po.get(`/people/${person.crn}/plans`)).body).toContain('Post-programme report of');
  });
});

describe('the risk management plan', () => {
  async function mediumRosh(personId: string) {
    await db()
      .insertInto('registrations')
      .values({
        person_id: personId,
        type_code: 'RMRH',
        registered_on: addDays(today(), -10),
        registered_by_name: 'Priya Okonjo',
        next_review_on: addDays(today(), 170),
      })
      .execute();
  }

  it('is flagged missing for medium RoSH, completes only with every part, and keeps its review history', async () => {
    const person = await freshPerson();
    await mediumRosh(person.id);
    const po = await t.signIn('po.demo');
    const page = await po.get(`/people/${person.crn}/plans`);
    expect(page.body).toContain('A risk management plan is needed');
    expect(page.body).toContain('RoSH is medium: a plan is needed from medium up');
    const caseload = await po.get('/caseload');
    expect(caseload.body).toMatch(new RegExp(`${person.crn}[\\s\\S]*?RMP missing`));

    const part = await po.get(`/people/${person.crn}/plans/risk-management-plan/parts/supervision`);
    expect(part.body).toContain('Part 1 of 5');
    const empty = await po.post(`/people/${person.crn}/plans/risk-management-plan/parts/supervision`, {
      rowVersion: rowVersion(part.body),
      text: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write the supervision part of the plan');
    const first = await po.post(`/people/${person.crn}/plans/risk-management-plan/parts/supervision`, {
      rowVersion: rowVersion(part.body),
      text: 'Weekly office reporting; monthly home visit',
      action: 'next',
    });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe(
      `/people/${person.crn}/plans/risk-management-plan/parts/monitoring-and-control`,
    );

    const plans = await po.get(`/people/${person.crn}/plans`);
    const early = await po.post(`/people/${person.crn}/plans/risk-management-plan/complete`, {
      rowVersion: rowVersion(plans.body),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Write the victim safety planning part before completing the plan');

    for (const [key, words] of [
      ['monitoring-and-control', 'Police intelligence checks monthly'],
      ['interventions-and-treatment', 'Building Better Relationships'],
      ['victim-safety-planning', 'Victim liaison officer informed; MARAC referral made'],
      ['contingency', 'Any contact with the victim: recall or breach, tell the police the same day'],
    ]) {
      const form = await po.get(`/people/${person.crn}/plans/risk-management-plan/parts/${key}`);
      const saved = await po.post(`/people/${person.crn}/plans/risk-management-plan/parts/${key}`, {
        rowVersion: rowVersion(form.body),
        text: words!,
        action: 'return',
      });
      expect(saved.statusCode).toBe(302);
    }
    const ready = await po.get(`/people/${person.crn}/plans`);
    const completed = await po.post(`/people/${person.crn}/plans/risk-management-plan/complete`, {
      rowVersion: rowVersion(ready.body.slice(ready.body.indexOf('risk-management-plan/complete'))),
    });
    expect(completed.statusCode, completed.body.slice(0, 2000)).toBe(302);
    const row = await db()
      .selectFrom('risk_management_plans')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ completed_on: today(), next_review_on: addDays(today(), 16 * 7) });

    // A completed plan keeps every part.
    const cleared = await po.get(`/people/${person.crn}/plans/risk-management-plan/parts/contingency`);
    expect(
      (
        await po.post(`/people/${person.crn}/plans/risk-management-plan/parts/contingency`, {
          rowVersion: rowVersion(cleared.body),
          text: '',
        })
      ).statusCode,
    ).toBe(400);

    const reviewForm = await po.get(`/people/${person.crn}/plans/risk-management-plan/reviews/new`);
    const review = await po.post(`/people/${person.crn}/plans/risk-management-plan/reviews/new`, {
      rowVersion: rowVersion(reviewForm.body),
      ...dateForm('reviewedOn', today()),
      notes: 'No change in risk after the MARAC',
    });
    expect(review.statusCode).toBe(302);
    const history = await db()
      .selectFrom('risk_plan_reviews')
      .select(['kind', 'notes'])
      .where('person_id', '=', person.id)
      .orderBy('created_at')
      .execute();
    expect(history).toEqual([
      { kind: 'completed', notes: null },
      { kind: 'reviewed', notes: 'No change in risk after the MARAC' },
    ]);
    expect(await auditActions(person.id)).toEqual(
      expect.arrayContaining([
        'risk-management-plan-part-saved',
        'risk-management-plan-completed',
        'risk-management-plan-reviewed',
      ]),
    );
  });

  it('refuses a lost race on a part, with who saved it', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const pso = await t.signIn('pso.demo');
    const url = `/people/${person.crn}/plans/risk-management-plan/parts/contingency`;
    const mine = await po.get(url);
    const theirs = await pso.get(url);
    expect(
      (await pso.post(url, { rowVersion: rowVersion(theirs.body), text: 'Call the police' })).statusCode,
    ).toBe(302);
    const lost = await po.post(url, { rowVersion: rowVersion(mine.body), text: 'Recall at once' });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toContain('This was changed by Tom Ashworth');
    expect(lost.body).toContain('Call the police');
    expect(lost.body).toContain('Recall at once');
    const row = await db()
      .selectFrom('risk_management_plans')
      .select('contingency')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.contingency).toBe('Call the police');
  });
});

describe('the caseload column', () => {
  it('answers a whole caseload in a fixed number of queries', async () => {
    const people = await db().selectFrom('people').select('id').orderBy('crn').limit(40).execute();
    let queries = 0;
    const counting = db().withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const few = await planClocksFor(
      counting,
      people.slice(0, 2).map((p) => p.id),
      today(),
    );
    const forFew = queries;
    queries = 0;
    const many = await planClocksFor(
      counting,
      people.map((p) => p.id),
      today(),
    );
    expect(few.size).toBe(2);
    expect(many.size).toBe(40);
    expect(queries).toBe(forFew);
    // Orders, plans, assessments, risk plans, RoSH and the latest tiers (for the highest tier's timescale).
    expect(queries).toBeLessThanOrEqual(6);
  });

  it('shows the plans on the caseload', async () => {
    const po = await t.signIn('po.demo');
    const caseload = await po.get('/caseload');
    // A line of the Due column, labelled with the column's heading.
    expect(caseload.body).toMatch(
      /Plans: (<strong[^>]*>[^<]*<\/strong> )?[^<]*Initial plan by \d{1,2} \w+ \d{4}/,
    );
  });
});
