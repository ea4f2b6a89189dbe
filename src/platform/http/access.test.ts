import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/passwords.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const DEMO_USERS: Record<string, string[]> = {
  'po.demo': ['probation-officer'],
  'pso.demo': ['probation-services-officer'],
  'facilitator.demo': ['programme-facilitator'],
  'upw.demo': ['unpaid-work-supervisor'],
  'manager.demo': ['manager'],
  'admin.demo': ['administrator'],
};

let t: TestApp;
let crn: string;
beforeAll(async () => {
  t = await startTestApp();
  const person = await t.database.db
    .selectFrom('people')
    .select('crn')
    .where('exclusion_message', 'is', null)
    .where('restriction_message', 'is', null)
    .orderBy('crn')
    .executeTakeFirstOrThrow();
  crn = person.crn;
});
afterAll(async () => t.close());

function concreteUrl(url: string): string {
  return url
    .replace(':crn', crn)
    .replace(/:id|:[a-zA-Z]*Id/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, 'details');
}

describe('every page refuses the roles it should', () => {
  it('declares who may use every route', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThan(20);
  });

  for (const [username, roles] of Object.entries(DEMO_USERS)) {
    it(`answers 403 to ${username} on every page route not open to ${roles.join(', ')}`, async () => {
      const browser = await t.signIn(username);
      const refused: string[] = [];
      const wronglyAllowed: string[] = [];
      for (const route of t.app.declaredRoutes.filter((r) => !r.api && Array.isArray(r.allow))) {
        const allow = route.allow as string[];
        if (allow.some((role) => roles.includes(role))) continue;
        const url = concreteUrl(route.url);
        const response = route.method === 'GET' ? await browser.get(url) : await browser.post(url, {});
        if (response.statusCode === 403) refused.push(`${route.method} ${route.url}`);
        else wronglyAllowed.push(`${route.method} ${route.url} → ${response.statusCode}`);
      }
      expect(wronglyAllowed).toEqual([]);
      expect(refused.length).toBeGreaterThan(0);
    });
  }

  it('sends anonymous visitors to sign in from every page that is not public', async () => {
    const browser = t.anonymous();
    const notRedirected: string[] = [];
    for (const route of t.app.declaredRoutes.filter(
      (r) => !r.api && r.allow !== 'public' && r.method === 'GET',
    )) {
      const response = await browser.get(concreteUrl(route.url));
      if (response.statusCode !== 302 || !String(response.headers.location).startsWith('/sign-in')) {
        notRedirected.push(`${route.url} → ${response.statusCode}`);
      }
    }
    expect(notRedirected).toEqual([]);
  });
});

describe('every API endpoint refuses clients without the role', () => {
  it('answers 401 without a token and 403 to a client lacking the role', async () => {
    await t.database.db
      .insertInto('api_clients')
      .values({
        client_id: 'admin-only',
        name: 'Admin only',
        secret_hash: await hashPassword('admin-only-secret'),
        roles: ['administrator'],
      })
      .execute();
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from('admin-only:admin-only-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'grant_type=client_credentials',
    });
    const bearer = `Bearer ${token.json().access_token}`;
    const problems: string[] = [];
    for (const route of t.app.declaredRoutes.filter((r) => r.api && r.allow !== 'public')) {
      const url = concreteUrl(route.url);
      const method = route.method as 'GET' | 'POST';
      const anonymous = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      if (anonymous.statusCode !== 401)
        problems.push(`${route.url} without a token → ${anonymous.statusCode}`);
      if (Array.isArray(route.allow) && !route.allow.includes('administrator')) {
        const refused = await t.app.inject({
          method,
          url,
          headers: { authorization: bearer },
          payload: method === 'POST' ? {} : undefined,
        });
        if (refused.statusCode !== 403)
          problems.push(`${route.url} for an administrator client → ${refused.statusCode}`);
        if (!String(refused.headers['content-type']).includes('application/problem+json'))
          problems.push(`${route.url} not problem+json`);
      }
    }
    expect(problems).toEqual([]);
  });
});
