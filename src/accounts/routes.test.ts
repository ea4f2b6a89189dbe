import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in with the demo password and lands on the caseload', async () => {
    const browser = t.anonymous();
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { username: 'po.demo', password: 'Probation-Demo-1' });
    expect(response.statusCode).toBe(302);
    const cookie = response.cookies.find((c) => c.name === 'probity_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect((await browser.get('/')).headers.location).toBe('/caseload');
    expect((await browser.get('/caseload')).body).toContain('My cases');
  });

  it('refuses a wrong password with the GOV.UK error summary and keeps the username', async () => {
    const browser = t.anonymous();
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', {
      username: 'pso.demo',
      password: 'wrong-password-here',
    });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Enter a correct username and password');
    expect(response.body).toContain('value="pso.demo"');
  });

  it('locks the account after 5 failures, even for the right password, for 15 minutes', async () => {
    const browser = t.anonymous();
    await browser.get('/sign-in');
    for (let i = 0; i < 5; i++)
      await browser.post('/sign-in', { username: 'upw.demo', password: `wrong-${i}-password` });
    const locked = await browser.post('/sign-in', { username: 'upw.demo', password: 'Probation-Demo-1' });
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain('This account is locked');
    t.clock.now = new Date(Date.now() + 16 * 60_000);
    const later = await browser.post('/sign-in', { username: 'upw.demo', password: 'Probation-Demo-1' });
    t.clock.now = null;
    expect(later.statusCode).toBe(302);
  });

  it('refuses a form without the CSRF token', async () => {
    const browser = t.anonymous();
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', {
      _csrf: 'forged',
      username: 'po.demo',
      password: 'Probation-Demo-1',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
  });

  it('sends pages to sign-in when not signed in, and ends the session on sign-out', async () => {
    const anonymous = t.anonymous();
    const redirect = await anonymous.get('/caseload');
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/sign-in?returnTo=%2Fcaseload');
    const browser = await t.signIn('po.demo');
    await browser.post('/sign-out');
    expect((await browser.get('/caseload')).statusCode).toBe(302);
  });

  it('ends a session after the idle time-out', async () => {
    const browser = await t.signIn('po.demo');
    t.clock.now = new Date(Date.now() + 31 * 60_000);
    const response = await browser.get('/caseload');
    t.clock.now = null;
    expect(response.statusCode).toBe(302);
  });

  it('sets a nonce-based Content Security Policy and security headers', async () => {
    const response = await t.anonymous().get('/sign-in');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('user administration', () => {
  it('lists accounts with their roles in words, and links every administration page from its home', async () => {
    const admin = await t.signIn('admin.demo');
    const users = (await admin.get('/admin/users')).body;
    expect(users).toContain('Probation services officer');
    expect(users).not.toContain('probation-services-officer');
    const home = (await admin.get('/admin')).body;
    for (const page of [
      '/admin/users',
      '/admin/api-clients',
      '/admin/staff',
      '/admin/teams',
      '/admin/offences',
    ])
      expect(home).toContain(`href="${page}"`);
  });

  it('creates a user with a one-time password who must change it at first sign-in', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/users/new');
    const created = await admin.post('/admin/users/new', {
      username: 'new.officer',
      displayName: 'New Officer',
      staffId: '',
      roles: ['probation-officer'],
    });
    expect(created.statusCode).toBe(200);
    const password = /id="one-time-password">([^<]+)</.exec(created.body)![1]!;

    const user = t.anonymous();
    await user.get('/sign-in');
    const signIn = await user.post('/sign-in', { username: 'new.officer', password });
    expect(signIn.headers.location).toBe('/change-password');
    expect((await user.get('/search')).headers.location).toBe('/change-password');
    await user.get('/change-password');
    const tooShort = await user.post('/change-password', {
      currentPassword: password,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Password must be 12 characters or more');
    const changed = await user.post('/change-password', {
      currentPassword: password,
      newPassword: 'a-much-longer-passphrase',
      confirmPassword: 'a-much-longer-passphrase',
    });
    expect(changed.statusCode).toBe(302);
    expect((await user.get('/search')).statusCode).toBe(200);
  });

  it('refuses bad input and keeps what was typed', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/users/new');
    const response = await admin.post('/admin/users/new', {
      username: 'bad name!',
      displayName: 'Keep Me',
      staffId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Username must only include letters');
    expect(response.body).toContain('Choose at least one role');
    expect(response.body).toContain('value="Keep Me"');
    expect(
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('display_name', '=', 'Keep Me')
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('API tokens', () => {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('issues a bearer token for client credentials and the token opens the API', async () => {
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: {
        authorization: basic('demo-integration', 'demo-integration-secret'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(token.statusCode).toBe(200);
    const { access_token, token_type } = token.json();
    expect(token_type).toBe('Bearer');
    const people = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?q=smith',
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(people.statusCode).toBe(200);
    expect(people.json().results.length).toBeGreaterThan(0);
  });

  it('answers problem+json for a wrong secret, a wrong grant and no token', async () => {
    const wrongSecret = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: {
        authorization: basic('demo-integration', 'nope'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.headers['content-type']).toContain('application/problem+json');
    const wrongGrant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: {
        authorization: basic('demo-integration', 'demo-integration-secret'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=password',
    });
    expect(wrongGrant.statusCode).toBe(400);
    expect(wrongGrant.json().errors[0].field).toBe('grant_type');
    const noToken = await t.app.inject({ method: 'GET', url: '/api/v1/people?q=smith' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().title).toBe('Unauthorised');
  });
});

describe('changing a user account', () => {
  it('changes roles, signs the user out, and refuses a save that lost the race', async () => {
    const admin = await t.signIn('admin.demo');
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'row_version'])
      .where('username', '=', 'facilitator.demo')
      .executeTakeFirstOrThrow();
    const facilitator = await t.signIn('facilitator.demo');
    await admin.get(`/admin/users/${user.id}`);
    const empty = await admin.post(`/admin/users/${user.id}`, {
      displayName: 'Fiona MacLeod',
      staffId: '',
      rowVersion: String(user.row_version),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose at least one role');
    const saved = await admin.post(`/admin/users/${user.id}`, {
      displayName: 'Fiona MacLeod',
      staffId: '',
      roles: ['programme-facilitator', 'probation-services-officer'],
      rowVersion: String(user.row_version),
    });
    expect(saved.statusCode).toBe(302);
    expect((await facilitator.get('/search')).statusCode).toBe(302);
    const stale = await admin.post(`/admin/users/${user.id}`, {
      displayName: 'Someone Else',
      staffId: '',
      roles: ['programme-facilitator'],
      rowVersion: String(user.row_version),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toMatch(/This record was changed by Demo Administrator at \d+ \w+ \d{4} at /);
    // Both versions: theirs (saved) and the one typed, which the form keeps.
    expect(stale.body).toContain('Programme facilitator, Probation services officer');
    expect(stale.body).toContain('value="Someone Else"');
    const table = stale.body.slice(stale.body.indexOf('Both versions'), stale.body.indexOf('</table>'));
    expect(table).toContain('Fiona MacLeod');
    expect(table).toContain('Someone Else');
    const row = await t.database.db
      .selectFrom('users')
      .select(['display_name', 'roles'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.roles).toEqual(['programme-facilitator', 'probation-services-officer']);
  });
});
