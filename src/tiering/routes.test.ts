import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let bearer: string;
beforeAll(async () => {
  t = await startTestApp();
  const token = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: {
      authorization: `Basic ${Buffer.from('demo-integration:demo-integration-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=client_credentials',
  });
  bearer = `Bearer ${token.json().access_token}`;
});
afterAll(async () => t.close());

const body = {
  sex: 'male',
  rosh: 'high',
  rsr: 4.2,
  mappaLevel: null,
  registrations: ['RMDO', 'NOPE'],
  needs: { accommodation: 'severe', 'thinking-behaviour': 'standard', attitudes: 'standard' },
  ogrsPercent: 59,
  iomNominal: false,
  mandateForChange: true,
  validAssessment: true,
};

describe('POST /api/v1/calculators/tier', () => {
  it('answers the tier with its explanation', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calculators/tier',
      headers: { authorization: bearer },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    // RoSH high 20 (RSR 10 not counted) + RMDO 2 = 22 → B; needs 2 + 2 + 2 = 6, OGRS 5 → 11 → 2.
    expect(result.protect).toEqual({ points: 22, level: 'B' });
    expect(result.change).toEqual({ points: 11, level: 2 });
    expect(result.tier).toBe('B2');
    expect(JSON.stringify(result.explanation)).toContain('NOPE');
  });

  it('answers 400 problem+json naming each bad field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calculators/tier',
      headers: { authorization: bearer },
      payload: { ...body, rosh: 'extreme', needs: { gambling: 'severe' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('rosh');
    expect(fields).toContain('needs.gambling');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(
      doc.paths['/api/v1/calculators/tier'].post.requestBody.content['application/json'].schema.properties
        .needs,
    ).toBeDefined();
  });
});
