import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.js';
import { hashToken, SESSION_COOKIE } from './sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const sessionIdOf = (browser: Browser) => hashToken(browser.cookies.get(SESSION_COOKIE)!);

async function lastSeen(browser: Browser, minutesAgo: number) {
  await db()
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000) })
    .where('id', '=', sessionIdOf(browser))
    .execute();
}

async function sessionRow(browser: Browser) {
  return db()
    .selectFrom('sessions')
    .select(['last_seen_at', 'expired_at'])
    .where('id', '=', sessionIdOf(browser))
    .executeTakeFirst();
}

describe('the time-out warning’s questions', () => {
  it('says how long is left without counting the question as activity', async () => {
    const po = await t.signIn('po.demo');
    await lastSeen(po, 10);
    const before = await sessionRow(po);
    const response = await po.get('/session');
    expect(response.statusCode).toBe(200);
    const answer = response.json() as { signedIn: boolean; secondsLeft: number };
    expect(answer.signedIn).toBe(true);
    expect(answer.secondsLeft).toBeGreaterThan(19 * 60);
    expect(answer.secondsLeft).toBeLessThanOrEqual(20 * 60);
    expect((await sessionRow(po))!.last_seen_at).toEqual(before!.last_seen_at);
  });

  it('keeps the session going when the person chooses to stay signed in', async () => {
    const po = await t.signIn('po.demo');
    const page = await po.get('/caseload');
    await lastSeen(po, 27);
    const response = await po.post('/session/keep-alive', { _csrf: csrfFrom(page.body) });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { secondsLeft: number }).secondsLeft).toBeGreaterThan(29 * 60);
    expect(Date.now() - (await sessionRow(po))!.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('refuses to keep a session going without the CSRF token, in JSON', async () => {
    const po = await t.signIn('po.demo');
    const response = await po.post('/session/keep-alive', { _csrf: 'not-the-token' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ saved: false, reason: 'form-expired' });
  });

  it('answers signed out once the session has timed out, and the warning is in every signed-in page', async () => {
    const po = await t.signIn('po.demo');
    const page = await po.get('/caseload');
    expect(page.body).toMatch(/<dialog[^>]*data-timeout-warning[^>]*data-idle-minutes="30"/);
    expect(page.body).toContain('Stay signed in');
    await lastSeen(po, 31);
    expect((await po.get('/session')).json()).toEqual({ signedIn: false, secondsLeft: 0 });
    const keepAlive = await po.post('/session/keep-alive', { _csrf: csrfFrom(page.body) });
    expect(keepAlive.statusCode).toBe(401);
    expect((await t.anonymous().get('/sign-in')).body).not.toContain('data-timeout-warning');
  });
});

describe('a session that timed out', () => {
  it('sends the person to sign in saying so, and stays ended even if a clock is behind', async () => {
    const po = await t.signIn('po.demo');
    await lastSeen(po, 31);
    const response = await po.get('/caseload');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fcaseload&timedOut=yes');
    expect((await po.get(String(response.headers.location))).body).toContain(
      'Your session timed out. Sign in again.',
    );
    // Kept, marked expired, so a form posted from it can still be held for its owner.
    expect((await sessionRow(po))!.expired_at).not.toBeNull();
    await lastSeen(po, 1);
    expect((await po.get('/caseload')).statusCode).toBe(302);
  });

  it('is removed once its cookie has expired too, when someone signs in', async () => {
    const po = await t.signIn('po.demo');
    await db()
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 11 * 3_600_000) })
      .where('id', '=', sessionIdOf(po))
      .execute();
    await t.signIn('pso.demo');
    expect(await sessionRow(po)).toBeUndefined();
  });

  it('sends a post with no page of its own back home after sign-in', async () => {
    const po = await t.signIn('po.demo');
    const page = await po.get('/caseload');
    await lastSeen(po, 31);
    const response = await po.post('/sign-out', { _csrf: csrfFrom(page.body) });
    expect(response.headers.location).toBe('/sign-in?returnTo=%2F&timedOut=yes');
  });
});
