import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { ogpInput, ogrs3Input, ospDcInput, ovpInput, rm2000Input } from './fixtures.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';

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
afterEach(() => {
  t.clock.now = null;
});

const PATHS = ['ogrs3', 'ogp', 'ovp', 'osp-dc', 'osp-iic', 'rm2000'].map(
  (name) => `/api/v1/calculators/${name}`,
);

/** Posts JSON; `authorization` null sends no Authorization header. */
function post(path: string, payload: unknown, authorization: string | null = bearer) {
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: authorization ? { authorization } : {},
    payload: payload as object,
  });
}

function fieldsOf(response: { json(): { errors: { field: string }[] } }) {
  return response.json().errors.map((error) => error.field);
}

describe('POST /api/v1/calculators/ogrs3', () => {
  it('answers worked examples 1 and 2 to full precision', async () => {
    const one = await post(PATHS[0]!, ogrs3Input());
    expect(one.statusCode).toBe(200);
    expect(one.json().probability.oneYear).toBeCloseTo(0.12161553504714574, 12);
    expect(one.json().probability.twoYear).toBeCloseTo(0.22130521140511314, 12);
    expect(one.json()).toMatchObject({ percent: { oneYear: 12, twoYear: 22 }, band: 'low' });
    const two = (await post(PATHS[0]!, ogrs3Input({ totalSanctions: 2 }))).json();
    expect(two.probability.oneYear).toBeCloseTo(0.3158120100020924, 12);
    expect(two.probability.twoYear).toBeCloseTo(0.48651769565917, 12);
    expect(two.explanation.length).toBeGreaterThan(10);
  });

  it('answers worked example 3: 16.98% and 29.57%', async () => {
    const result = (
      await post(PATHS[0]!, {
        sex: 'female',
        offenceCategory: 'criminal-damage',
        dateOfBirth: '1972-09-09',
        currentConvictionDate: '2009-09-09',
        firstSanctionDate: '1986-09-09',
        followUpStartDate: '2015-09-15',
        totalSanctions: 6,
      })
    ).json();
    expect((result.probability.oneYear * 100).toFixed(2)).toBe('16.98');
    expect((result.probability.twoYear * 100).toFixed(2)).toBe('29.57');
  });

  it('answers 400 problem+json naming each bad field', async () => {
    const response = await post(PATHS[0]!, {
      ...ogrs3Input(),
      offenceCategory: 'assault',
      totalSanctions: 0,
      dateOfBirth: '2021-02-30',
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(response)).toEqual(['dateOfBirth', 'totalSanctions', 'offenceCategory', 'extra']);
    expect(response.json().errors).toContainEqual({
      field: 'dateOfBirth',
      message: 'Date of birth must be a real date: 2021-02-30 does not exist',
    });
  });

  it('names a current conviction before the first sanction', async () => {
    const response = await post(
      PATHS[0]!,
      ogrs3Input({ firstSanctionDate: '2017-02-02', followUpStartDate: '2017-03-01' }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['currentConvictionDate']);
  });

  it('takes today as the London calendar date', async () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
    t.clock.now = new Date('2024-06-01T23:30:00Z');
    const onTheDay = ogrs3Input({ currentConvictionDate: '2024-06-02', followUpStartDate: '2024-06-02' });
    expect((await post(PATHS[0]!, onTheDay)).statusCode).toBe(200);
    const tomorrow = await post(
      PATHS[0]!,
      ogrs3Input({ currentConvictionDate: '2024-06-03', followUpStartDate: '2024-06-03' }),
    );
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().errors).toEqual([
      { field: 'currentConvictionDate', message: 'Current conviction date must be today or in the past' },
    ]);
  });
});

describe('POST /api/v1/calculators/ogp', () => {
  it('answers the worked example: 62 points, 53% / 68%, high', async () => {
    const response = await post(PATHS[1]!, ogpInput());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      points: 62,
      percent: { oneYear: 53, twoYear: 68 },
      band: 'high',
    });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await post(PATHS[1]!, { ...ogpInput(), ogrs3TwoYearPercent: 120, unemployed: 'yes' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['ogrs3TwoYearPercent', 'unemployed']);
  });
});

describe('POST /api/v1/calculators/ovp', () => {
  it('answers a woman of 40 with one sanction and no needs: 6 points, low', async () => {
    const response = await post(PATHS[2]!, ovpInput());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ points: 6, percent: { oneYear: 2, twoYear: 3 }, band: 'low' });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await post(PATHS[2]!, { ...ovpInput(), violentSanctions: 5, temperControl: 'bad' });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['temperControl', 'violentSanctions']);
  });
});

describe('POST /api/v1/calculators/osp-dc', () => {
  it('answers a man of 30 with one contact adult sexual sanction: 25 points, medium', async () => {
    const response = await post(PATHS[3]!, ospDcInput());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applicable: true, points: 25, percent: 0.96, band: 'medium' });
  });

  it('answers not applicable for a woman', async () => {
    const response = await post(PATHS[3]!, { sex: 'female' });
    expect(response.json()).toMatchObject({ applicable: false, band: 'not-applicable' });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await post(PATHS[3]!, {
      ...ospDcInput(),
      strangerVictim: 'no',
      lastSexualSanctionDate: '2009-02-29',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['lastSexualSanctionDate', 'strangerVictim']);
  });
});

describe('POST /api/v1/calculators/osp-iic', () => {
  it('answers 2 image sanctions: high', async () => {
    const response = await post(PATHS[4]!, { sex: 'male', indecentImageSanctions: 2 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applicable: true, band: 'high' });
  });

  it('answers 400 naming the bad field', async () => {
    const response = await post(PATHS[4]!, { sex: 'male', indecentImageSanctions: -1 });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['indecentImageSanctions']);
  });
});

describe('POST /api/v1/calculators/rm2000', () => {
  it('answers the three scales with the approximate notice', async () => {
    const response = await post(PATHS[5]!, rm2000Input());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      eligible: true,
      sexual: { category: 'low' },
      violence: { points: 1, category: 'low' },
      combined: { category: 'low' },
      approximateNotice: RM2000_APPROXIMATE_NOTICE,
    });
  });

  it('says why it does not apply to a man under 18', async () => {
    const response = await post(PATHS[5]!, rm2000Input({ dateOfBirth: '2003-01-01' }));
    expect(response.json()).toMatchObject({
      eligible: false,
      reasons: [expect.stringContaining('aged 18 or over')],
    });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await post(PATHS[5]!, {
      ...rm2000Input(),
      sexualAppearances: 3,
      burglaryConviction: null,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['burglaryConviction', 'criminalAppearances']);
  });
});

describe('every calculator', () => {
  it.each(PATHS)('%s answers 401 problem+json without a token', async (path) => {
    const response = await post(path, {}, null);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each(PATHS)('%s answers 401 with a bad token', async (path) => {
    expect((await post(path, {}, 'Bearer not-a-token')).statusCode).toBe(401);
  });

  it.each(PATHS)('%s is described in the OpenAPI document', async (path) => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths[path]?.post;
    expect(operation).toBeDefined();
    expect(operation['x-probity-roles']).toBe('signed-in');
    expect(operation.requestBody.content['application/json'].schema).toBeDefined();
    expect(operation.responses['200'].content['application/json'].schema).toBeDefined();
    expect(operation.responses['400']).toBeDefined();
  });
});
