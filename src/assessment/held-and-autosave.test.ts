import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutFlagsOrTier } from '../../test/support/clean-slate.js';
import { csrfFrom, startTestApp, type Browser, type TestApp } from '../../test/support/test-app.js';
import { DEMO_PASSWORD } from '../demo-data/seed.js';
import { hashToken, SESSION_COOKIE } from '../platform/http/sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const used = new Set<string>();

const HELD_BANNER = 'We kept what you typed before your session timed out. Check it and save.';
const SIGN_IN_AGAIN = 'Your session timed out. Sign in again to get back what you typed.';

/** A visible demo person allocated to po.demo, not used by another test here, with no assessment. */
async function freshPerson() {
  const holder = await db()
    .selectFrom('users')
    .select('staff_id')
    .where('username', '=', 'po.demo')
    .executeTakeFirstOrThrow();
  const row = await db()
    .selectFrom('people')
    .innerJoin('allocations', 'allocations.person_id', 'people.id')
    .select(['people.id', 'people.crn'])
    .where('allocations.ended_at', 'is', null)
    .where('allocations.staff_id', '=', holder.staff_id!)
    .where('people.exclusion_message', 'is', null)
    .where('people.restriction_message', 'is', null)
    .where('people.crn', 'not in', used.size ? [...used] : ['-'])
    .orderBy('people.crn')
    .executeTakeFirstOrThrow();
  used.add(row.crn);
  await withoutFlagsOrTier(db(), row.id);
  return row;
}

/** po.demo starts an initial assessment; answers the section 2 page's path. */
async function sectionTwoOfNewAssessment(browser: Browser, crn: string) {
  await browser.get(`/people/${crn}/assessments`);
  const started = await browser.post(`/people/${crn}/assessments`, { type: 'initial' });
  expect(started.statusCode, started.body.slice(0, 500)).toBe(302);
  const id = /assessments\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
  return { id, path: `/people/${crn}/assessments/${id}/sections/2` };
}

function rowVersionOn(html: string): string {
  return /name="rowVersion" value="(\d+)"/.exec(html)![1]!;
}

function evidenceOn(html: string): string {
  return /<textarea[^>]*name="evidence"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!.trim();
}

/** The session this browser's cookie names, aged past the idle time-out (30 minutes by default). */
async function idleTooLong(browser: Browser) {
  await db()
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
    .where('id', '=', hashToken(browser.cookies.get(SESSION_COOKIE)!))
    .execute();
}

async function sectionRow(assessmentId: string, code = '2') {
  return db()
    .selectFrom('assessment_sections')
    .select(['evidence', 'status', 'row_version'])
    .where('assessment_id', '=', assessmentId)
    .where('section_code', '=', code)
    .executeTakeFirstOrThrow();
}

function heldRows(path: string) {
  return db()
    .selectFrom('held_submissions')
    .innerJoin('users', 'users.id', 'held_submissions.user_id')
    .select(['users.username', 'held_submissions.fields', 'held_submissions.person_id'])
    .where('path', '=', path)
    .execute();
}

/** Signs in on the sign-in form the redirect led to, as a person would, in the same browser. */
async function signInFrom(browser: Browser, location: string, username: string) {
  const page = await browser.get(location);
  expect(page.statusCode).toBe(200);
  const returnTo = /name="returnTo" value="([^"]*)"/.exec(page.body)![1]!;
  const timedOut = /name="timedOut" value="([^"]*)"/.exec(page.body)?.[1];
  return browser.post('/sign-in', {
    username,
    password: DEMO_PASSWORD,
    returnTo,
    ...(timedOut ? { timedOut } : {}),
  });
}

describe('a section posted after the session timed out', () => {
  it('is held, not saved, and the officer is sent to sign in with a message', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    const before = await sectionRow(id);
    await idleTooLong(po);

    const words = 'Sofa-surfing with his cousin since March; the tenancy fell through after arrears.';
    const response = await po.post(path, {
      rowVersion: rowVersionOn(form.body),
      '2.8': 'yes',
      evidence: words,
      action: 'save',
    });

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}&timedOut=kept`);
    expect(await sectionRow(id)).toEqual(before);
    const held = await heldRows(path);
    expect(held).toHaveLength(1);
    expect(held[0]!.username).toBe('po.demo');
    expect(held[0]!.person_id).toBe(person.id);
    expect(held[0]!.fields).toMatchObject({ evidence: words, '2.8': 'yes', action: 'save' });
    expect(held[0]!.fields).not.toHaveProperty('_csrf');
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'actor_name', 'detail'])
      .where('person_id', '=', person.id)
      .where('action', '=', 'form-held-after-time-out')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain('Sofa-surfing');

    const signInPage = await po.get(String(response.headers.location));
    expect(signInPage.body).toContain(SIGN_IN_AGAIN);
  });

  it('comes back into the form, unsaved, when the same officer signs in again, once', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    await idleTooLong(po);
    const words = 'Living in a hostel; wants a flat near his daughter’s school.';
    const held = await po.post(path, {
      rowVersion: rowVersionOn(form.body),
      evidence: words,
      action: 'save',
    });

    const signedIn = await signInFrom(po, String(held.headers.location), 'po.demo');
    expect(signedIn.statusCode).toBe(302);
    expect(signedIn.headers.location).toBe(path);

    const page = await po.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(HELD_BANNER);
    expect(evidenceOn(page.body)).toBe(words);
    // Shown, not saved: the section is as it was, and the held form is gone.
    expect((await sectionRow(id)).evidence).toBeNull();
    expect(await heldRows(path)).toHaveLength(0);
    const again = await po.get(path);
    expect(again.body).not.toContain(HELD_BANNER);
    expect(evidenceOn(again.body)).toBe('');

    // Saving it takes a fresh post with the new session's token.
    const saved = await po.post(path, {
      _csrf: csrfFrom(page.body),
      rowVersion: rowVersionOn(page.body),
      evidence: evidenceOn(page.body),
      action: 'save',
    });
    expect(saved.statusCode).toBe(302);
    expect((await sectionRow(id)).evidence).toBe(words);
  });

  it('is never shown to anyone else, even in the same browser', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    await idleTooLong(po);
    const words = 'Private words typed by the responsible officer.';
    const held = await po.post(path, { rowVersion: rowVersionOn(form.body), evidence: words });

    // The manager signs in on the officer's computer and follows the same link.
    const signedIn = await signInFrom(po, String(held.headers.location), 'manager.demo');
    expect(signedIn.headers.location).toBe(path);
    const managersView = await po.get(path);
    expect(managersView.statusCode).toBe(200);
    expect(managersView.body).not.toContain(HELD_BANNER);
    expect(managersView.body).not.toContain(words);
    const pso = await t.signIn('pso.demo');
    expect((await pso.get(path)).body).not.toContain(words);
    expect(await heldRows(path)).toHaveLength(1);

    // The officer still finds it when they sign in.
    const po2 = await t.signIn('po.demo');
    const page = await po2.get(path);
    expect(page.body).toContain(HELD_BANNER);
    expect(evidenceOn(page.body)).toBe(words);
  });

  it('is not held without the CSRF token of the session it came from', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    await idleTooLong(po);
    const response = await po.post(path, {
      _csrf: 'forged-token',
      rowVersion: rowVersionOn(form.body),
      evidence: 'Planted by another site',
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}&timedOut=yes`);
    expect(await heldRows(path)).toHaveLength(0);
  });

  it('is not held for a person who does not exist', async () => {
    const po = await t.signIn('po.demo');
    const page = await po.get('/caseload');
    await idleTooLong(po);
    const path = '/people/Z999999/assessments/00000000-0000-4000-8000-000000000000/sections/2';
    const response = await po.post(path, { _csrf: csrfFrom(page.body), evidence: 'Nowhere' });
    expect(response.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}&timedOut=yes`);
    expect(await heldRows(path)).toHaveLength(0);
  });

  it('meets the usual conflict when the section changed while it was held', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    await idleTooLong(po);
    const held = await po.post(path, {
      rowVersion: rowVersionOn(form.body),
      evidence: 'What the officer typed',
      action: 'save',
    });
    // Meanwhile the manager saves the same section.
    const manager = await t.signIn('manager.demo');
    const theirs = await manager.get(path);
    const managerSaved = await manager.post(path, {
      rowVersion: rowVersionOn(theirs.body),
      evidence: 'What the manager wrote',
      action: 'save',
    });
    expect(managerSaved.statusCode).toBe(302);

    await signInFrom(po, String(held.headers.location), 'po.demo');
    const page = await po.get(path);
    expect(page.body).toContain(HELD_BANNER);
    expect(rowVersionOn(page.body)).toBe(rowVersionOn(form.body));
    const conflict = await po.post(path, {
      rowVersion: rowVersionOn(page.body),
      evidence: evidenceOn(page.body),
      action: 'save',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('This section was changed by');
    expect(conflict.body).toContain('What the manager wrote');
    expect((await sectionRow(id)).evidence).toBe('What the manager wrote');
  });

  it('is held when posted from a tab opened before the officer signed in again elsewhere', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const form = await po.get(path);
    await idleTooLong(po);
    // Another tab meets the sign-in page, and the officer signs in there: a new session, a new token.
    await signInFrom(po, `/sign-in?returnTo=${encodeURIComponent('/caseload')}`, 'po.demo');
    expect((await po.get('/caseload')).statusCode).toBe(200);

    const words = 'Typed in the first tab before signing in again in the second.';
    const response = await po.post(path, {
      _csrf: csrfFrom(form.body),
      rowVersion: rowVersionOn(form.body),
      evidence: words,
      action: 'save',
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(path);
    expect((await sectionRow(id)).evidence).toBeNull();
    const page = await po.get(path);
    expect(page.body).toContain(HELD_BANNER);
    expect(evidenceOn(page.body)).toBe(words);
  });
});

describe('saving a section as the officer types (the page script’s autosave)', () => {
  async function draft(browser: Browser, path: string, form: Record<string, string>) {
    const response = await browser.post(`${path}/draft`, form);
    return { status: response.statusCode, json: response.json() as Record<string, unknown> };
  }

  it('saves the section in progress and answers the new version and the time', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const page = await po.get(path);
    const version = Number(rowVersionOn(page.body));

    const first = await draft(po, path, { rowVersion: String(version), evidence: 'First thoughts' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ saved: true, rowVersion: version + 1 });
    expect(first.json.savedAt).toMatch(/^\d{2}:\d{2}$/);
    expect(first.json.secondsLeft).toBeGreaterThan(29 * 60);
    expect(await sectionRow(id)).toEqual({
      evidence: 'First thoughts',
      status: 'in-progress',
      row_version: version + 1,
    });

    // The page carries the new version, so the next save goes through too; autosave never completes a section.
    const second = await draft(po, path, {
      rowVersion: String(version + 1),
      evidence: 'Second thoughts',
      action: 'complete',
    });
    expect(second.json).toMatchObject({ saved: true, rowVersion: version + 2 });
    expect(await sectionRow(id)).toEqual({
      evidence: 'Second thoughts',
      status: 'in-progress',
      row_version: version + 2,
    });
    const audit = await db()
      .selectFrom('audit_events')
      .select('detail')
      .where('person_id', '=', person.id)
      .where('action', '=', 'assessment-section-saved')
      .execute();
    expect(audit.map((a) => (a.detail as { autosaved?: boolean }).autosaved)).toEqual([true, true]);
  });

  it('refuses a save made against an old version without writing anything', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const page = await po.get(path);
    const opened = rowVersionOn(page.body);
    const manager = await t.signIn('manager.demo');
    const theirs = await manager.get(path);
    await manager.post(path, {
      rowVersion: rowVersionOn(theirs.body),
      evidence: 'Saved by the manager',
      action: 'save',
    });
    const before = await sectionRow(id);

    const stale = await draft(po, path, { _csrf: csrfFrom(page.body), rowVersion: opened, evidence: 'Mine' });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ saved: false, reason: 'conflict', by: 'Helen Brierley' });
    expect(await sectionRow(id)).toEqual(before);
    expect(before.evidence).toBe('Saved by the manager');
  });

  it('answers 401 in JSON after the time-out, and neither saves nor holds', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const page = await po.get(path);
    const before = await sectionRow(id);
    await idleTooLong(po);
    const response = await draft(po, path, { rowVersion: rowVersionOn(page.body), evidence: 'Too late' });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ saved: false, reason: 'signed-out' });
    expect(await sectionRow(id)).toEqual(before);
    expect(await heldRows(path)).toHaveLength(0);
  });

  it('answers a typing mistake with the problem, saving nothing', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { id, path } = await sectionTwoOfNewAssessment(po, person.crn);
    const page = await po.get(path);
    const before = await sectionRow(id);
    const response = await draft(po, path, { rowVersion: rowVersionOn(page.body), '2.8': 'lots' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ saved: false, problems: [{ field: '2.8' }] });
    expect(await sectionRow(id)).toEqual(before);
  });

  it('marks the section form for the script only when the officer may change it', async () => {
    const person = await freshPerson();
    const po = await t.signIn('po.demo');
    const { path } = await sectionTwoOfNewAssessment(po, person.crn);
    expect((await po.get(path)).body).toContain(`data-autosave-url="${path}/draft"`);
    const facilitator = await t.signIn('facilitator.demo');
    const readOnly = await facilitator.get(path);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).not.toContain('data-autosave-url');
  });
});
