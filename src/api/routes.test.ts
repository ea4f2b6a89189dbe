import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: {
      authorization: `Basic ${Buffer.from('demo-integration:demo-integration-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=client_credentials',
  });
  token = response.json().access_token;
});
afterAll(async () => t.close());

const get = (url: string) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('the people API', () => {
  it('refuses a search without terms, or with too many, as problem+json naming q', async () => {
    for (const url of ['/api/v1/people', '/api/v1/people?q=%20', `/api/v1/people?q=${'a'.repeat(101)}`]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.status).toBe(400);
      expect(problem.errors).toEqual([
        { field: 'q', message: expect.stringMatching(/Enter a name|100 characters/) },
      ]);
    }
  });

  it('answers 404 as problem+json for an unknown CRN', async () => {
    const response = await get('/api/v1/people/Z999999');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });
});

describe('the OpenAPI document', () => {
  it('describes every API endpoint, its security and its problem answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.clientCredentials.flows.clientCredentials.tokenUrl).toBe(
      '/api/v1/oauth/token',
    );
    const routes = t.app.declaredRoutes
      .filter(
        (r) =>
          r.url.startsWith('/api/v1/') && !['/api/v1/openapi.json', '/api/v1/oauth/token'].includes(r.url),
      )
      .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:([a-zA-Z]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(0);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { security: unknown; responses: Record<string, unknown> }>>,
    )) {
      for (const op of Object.values(ops)) {
        expect(op.security, path).toEqual([{ clientCredentials: [] }]);
        expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['200', '401', '403']));
      }
    }
    expect(doc.paths['/api/v1/people'].get.responses['400']).toBeDefined();
    expect(doc.paths['/api/v1/people/{crn}'].get.responses['404']).toBeDefined();
  });
});
