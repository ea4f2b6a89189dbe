import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { createProbity } from '../app.js';
import { readConfig } from '../config.js';

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

  it('locks the account when the failures arrive all at once, not one by one', async () => {
    const browser = t.anonymous();
    await browser.get('/sign-in');
    const token = csrfFrom(browser.lastHtml);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        browser.post('/sign-in', { _csrf: token, username: 'manager.demo', password: `guess-number-${i}` }),
      ),
    );
    expect(attempts.every((a) => a.statusCode === 401)).toBe(true);
    const after = await browser.post('/sign-in', {
      _csrf: token,
      username: 'manager.demo',
      password: 'Probation-Demo-1',
    });
    expect(after.statusCode).toBe(401);
    expect(after.body).toContain('This account is locked');
    // Only 5 of the 10 guesses were checked against the password: the rest found the account locked.
    const failed = await t.database.db
      .selectFrom('audit_events')
      .innerJoin('users', (j) => j.on(sql`users.id::text`, '=', sql.ref('audit_events.subject_id')))
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('users.username', '=', 'manager.demo')
      .where('audit_events.action', 'in', ['sign-in-failed', 'account-locked'])
      .executeTakeFirstOrThrow();
    expect(Number(failed.n)).toBe(5);
    await t.database.db
      .updateTable('users')
      .set({ locked_until: null, failed_sign_ins: 0 })
      .where('username', '=', 'manager.demo')
      .execute();
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

  it('ends a session after the absolute time-out, however active', async () => {
    const browser = await t.signIn('pso.demo');
    const session = await t.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.created_at'])
      .where('users.username', '=', 'pso.demo')
      .orderBy('sessions.created_at', 'desc')
      .executeTakeFirstOrThrow();
    // Busy all day: seen a minute ago each time it is asked.
    const at = async (hoursAfterSignIn: number) => {
      const when = new Date(session.created_at.getTime() + hoursAfterSignIn * 3_600_000);
      await t.database.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(when.getTime() - 60_000) })
        .where('id', '=', session.id)
        .execute();
      t.clock.now = when;
      const response = await browser.get('/caseload');
      t.clock.now = null;
      return response.statusCode;
    };
    expect(await at(9.9)).toBe(200);
    expect(await at(10.1)).toBe(302);
  });

  it('sets a nonce-based Content Security Policy and security headers', async () => {
    const response = await t.anonymous().get('/sign-in');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('sign-in attempts from one address', () => {
  it('are limited, and a forged X-Forwarded-For does not get round the limit', async () => {
    // The same database, with a limit of 3 failed attempts per address in 15 minutes.
    const app = await createProbity({
      db: t.database.db,
      config: readConfig({ NODE_ENV: 'test', PROBITY_SIGN_IN_ATTEMPTS_PER_ADDRESS: '3' }),
      now: () => new Date(),
    });
    try {
      const attempt = async (
        form: Record<string, string>,
        headers: Record<string, string>,
        remoteAddress: string,
      ) => {
        const page = await app.inject({ method: 'GET', url: '/sign-in', headers, remoteAddress });
        const cookie = page.cookies.find((c) => c.name === 'probity_csrf')!;
        return app.inject({
          method: 'POST',
          url: '/sign-in',
          remoteAddress,
          headers: {
            ...headers,
            cookie: `probity_csrf=${cookie.value}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString(),
        });
      };
      // Sent all at once from one address: no more than the limit get through to be checked.
      const burst = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          attempt({ username: `burst-${i}`, password: 'not-the-password' }, {}, '203.0.113.20'),
        ),
      );
      const codes = burst.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(3);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(5);

      for (let i = 0; i < 3; i++) {
        const failed = await attempt(
          { username: `nobody-${i}`, password: 'not-the-password' },
          { 'x-forwarded-for': `198.51.100.${i}` },
          '203.0.113.9',
        );
        expect(failed.statusCode).toBe(401);
      }
      const refused = await attempt(
        { username: 'facilitator.demo', password: 'Probation-Demo-1' },
        { 'x-forwarded-for': '198.51.100.77' },
        '203.0.113.9',
      );
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain('too many failed sign-in attempts from your network');
      // Another address is not held back.
      const elsewhere = await attempt(
        { username: 'facilitator.demo', password: 'Probation-Demo-1' },
        {},
        '203.0.113.10',
      );
      expect(elsewhere.statusCode).toBe(302);
    } finally {
      await app.close();
    }
  });

  it('are counted against the client a configured proxy names', async () => {
    const app = await createProbity({
      db: t.database.db,
      config: readConfig({ NODE_ENV: 'test', PROBITY_TRUST_PROXY: '1' }),
      now: () => new Date(),
    });
    try {
      const page = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: '10.0.0.1' });
      const cookie = page.cookies.find((c) => c.name === 'probity_csrf')!;
      await app.inject({
        method: 'POST',
        url: '/sign-in',
        remoteAddress: '10.0.0.1',
        headers: {
          // The client forged the first address; the proxy appended the one it saw.
          'x-forwarded-for': '192.0.2.200, 198.51.100.44',
          cookie: `probity_csrf=${cookie.value}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          username: 'proxied-nobody',
          password: 'not-the-password',
        }).toString(),
      });
      const row = await t.database.db
        .selectFrom('sign_in_attempts')
        .select('address')
        .where('username', '=', 'proxied-nobody')
        .executeTakeFirstOrThrow();
      expect(row.address).toBe('198.51.100.44');
    } finally {
      await app.close();
    }
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

describe('API client administration', () => {
  it('refuses bad input keeping what was typed, then creates a client whose secret opens the API', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/api-clients/new');
    const bad = await admin.post('/admin/api-clients/new', {
      clientId: 'Bad Id!',
      name: 'Case records feed',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Client ID must only include lower-case letters, numbers and hyphens');
    expect(bad.body).toContain('Choose at least one role');
    expect(bad.body).toContain('value="Case records feed"');
    const taken = await admin.post('/admin/api-clients/new', {
      clientId: 'demo-integration',
      name: 'Again',
      roles: ['probation-officer'],
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('That client ID is already in use');
    const created = await admin.post('/admin/api-clients/new', {
      clientId: 'records-feed',
      name: 'Case records feed',
      roles: ['programme-facilitator'],
    });
    expect(created.statusCode).toBe(200);
    const secret = /id="client-secret">([^<]+)</.exec(created.body)?.[1];
    expect(secret).toBeTruthy();
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from(`records-feed:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    expect(token.statusCode).toBe(200);
  });
});

describe('changing an API client', () => {
  const tokenFor = async (clientId: string, secret: string) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/oauth/token',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      })
    ).json().access_token as string;
  const search = (token: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/people?q=smith',
      headers: { authorization: `Bearer ${token}` },
    });

  it('changes its roles, which take effect at once; bad input and a lost race are refused', async () => {
    const admin = await t.signIn('admin.demo');
    await admin.get('/admin/api-clients/new');
    const created = await admin.post('/admin/api-clients/new', {
      clientId: 'role-change-feed',
      name: 'Role change feed',
      roles: ['administrator'],
    });
    const secret = /id="client-secret">([^<]+)</.exec(created.body)![1]!;
    const first = await tokenFor('role-change-feed', secret);
    expect((await search(first)).statusCode).toBe(403);

    const client = await t.database.db
      .selectFrom('api_clients')
      .select(['id', 'row_version'])
      .where('client_id', '=', 'role-change-feed')
      .executeTakeFirstOrThrow();
    const list = await admin.get('/admin/api-clients');
    expect(list.body).toContain(`href="/admin/api-clients/${client.id}"`);
    expect(list.body).toContain('Administrator');
    await admin.get(`/admin/api-clients/${client.id}`);
    const bad = await admin.post(`/admin/api-clients/${client.id}`, {
      name: 'Renamed feed',
      rowVersion: String(client.row_version),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose at least one role');
    expect(bad.body).toContain('value="Renamed feed"');

    const saved = await admin.post(`/admin/api-clients/${client.id}`, {
      name: 'Renamed feed',
      roles: ['probation-officer'],
      rowVersion: String(client.row_version),
    });
    expect(saved.statusCode).toBe(302);
    // The old token ended with the change; a new one carries the new role.
    expect((await search(first)).statusCode).toBe(401);
    expect((await search(await tokenFor('role-change-feed', secret))).statusCode).toBe(200);

    const stale = await admin.post(`/admin/api-clients/${client.id}`, {
      name: 'Someone else’s name',
      roles: ['manager'],
      rowVersion: String(client.row_version),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toMatch(/This record was changed by Demo Administrator at /);
    expect(stale.body).toContain('Renamed feed');
    const row = await t.database.db
      .selectFrom('api_clients')
      .select(['name', 'roles'])
      .where('id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Renamed feed', roles: ['probation-officer'] });
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
