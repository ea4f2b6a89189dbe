import type { APIRequestContext, Page } from '@playwright/test';
import {
  DEMO_API_CLIENT,
  DEMO_LIMITED_ACCESS,
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  serviceNavigation,
  signIn,
  test,
} from './support/journey.js';

const { excludedCrn, restrictedCrn } = DEMO_LIMITED_ACCESS;
const EXCLUSION_MESSAGE =
  'You are excluded from this record because of a declared conflict of interest. Speak to the head of service.';
const RESTRICTION_MESSAGE =
  'This record is restricted: the person is a member of staff. Only named officers may see it.';

/** A CRN two along from the given one, past the other limited-access person: someone anyone may see. */
function neighbourOf(crn: string): string {
  return `X${Number(crn.slice(1)) + 2}`;
}

async function apiToken(request: APIRequestContext): Promise<string> {
  const basic = Buffer.from(`${DEMO_API_CLIENT.clientId}:${DEMO_API_CLIENT.secret}`).toString('base64');
  const response = await request.post('/api/v1/oauth/token', {
    headers: { Authorization: `Basic ${basic}` },
    form: { grant_type: 'client_credentials' },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access_token: string; token_type: string };
  expect(body.token_type).toBe('Bearer');
  return body.access_token;
}

interface PersonSummary {
  crn: string;
  forename: string;
  surname: string;
}

async function apiSearch(request: APIRequestContext, token: string, q: string): Promise<PersonSummary[]> {
  const response = await request.get('/api/v1/people', {
    params: { q },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { results: PersonSummary[] }).results;
}

async function searchFor(page: Page, terms: string) {
  await serviceNavigation(page).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person on probation' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Name, CRN, PNC number or date of birth').fill(terms);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /found/ })).toBeVisible();
  await expectNoAxeViolations(page);
}

test.describe('Limited-access people', () => {
  test('a probation officer on the exclusion list cannot find or open the person', async ({
    page,
    request,
  }) => {
    // The demo API client is not on the exclusion list, so it can say who the person is.
    const token = await apiToken(request);
    const detail = await request.get(`/api/v1/people/${excludedCrn}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(detail.status()).toBe(200);
    const excluded = (await detail.json()) as PersonSummary;
    expect((await apiSearch(request, token, excluded.surname)).map((p) => p.crn)).toContain(excludedCrn);

    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await expect(page.getByRole('link', { name: `${excluded.surname}, ${excluded.forename}` })).toHaveCount(
      0,
    );
    await expect(page.getByRole('main')).not.toContainText(excludedCrn);
    await expectNoAxeViolations(page);

    // By CRN: nothing, where another person's CRN finds them.
    await searchFor(page, neighbourOf(excludedCrn));
    await expect(page.getByRole('heading', { level: 2, name: '1 person found' })).toBeVisible();
    await searchFor(page, excludedCrn);
    await expect(page.getByRole('heading', { level: 2, name: '0 people found' })).toBeVisible();
    await expect(page.getByText('No one matched.')).toBeVisible();

    // By surname: others of that name are listed, the excluded person is not.
    await searchFor(page, excluded.surname);
    const rows = page.getByRole('table', { name: /found/ }).locator('tbody tr');
    await expect(rows.filter({ hasText: `${excluded.surname}, ` }).first()).toBeVisible();
    await expect(rows.filter({ hasText: excludedCrn })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `${excluded.surname}, ${excluded.forename}` })).toHaveCount(
      0,
    );

    // By address: every page of the record answers with the access message, and no details.
    for (const path of ['', '/personal-details', '/allocation']) {
      const response = await page.goto(`/people/${excludedCrn}${path}`);
      expect(response?.status()).toBe(403);
      await expect(
        page.getByRole('heading', { level: 1, name: 'You cannot view this record' }),
      ).toBeVisible();
      await expect(page.getByText(EXCLUSION_MESSAGE)).toBeVisible();
      await expect(page.getByText('Your attempt to open this record has been recorded.')).toBeVisible();
      await expect(page.getByRole('main')).not.toContainText(excluded.surname);
      await expectNoAxeViolations(page);
    }

    // The restricted person is hidden from everyone not named on the restriction list.
    await searchFor(page, restrictedCrn);
    await expect(page.getByRole('heading', { level: 2, name: '0 people found' })).toBeVisible();
    const response = await page.goto(`/people/${restrictedCrn}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You cannot view this record' })).toBeVisible();
    await expect(page.getByText(RESTRICTION_MESSAGE)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the API refuses the restricted person with problem details and leaves them out of search', async ({
    request,
  }) => {
    const token = await apiToken(request);
    const auth = { Authorization: `Bearer ${token}` };

    const refused = await request.get(`/api/v1/people/${restrictedCrn}`, { headers: auth });
    expect(refused.status()).toBe(403);
    expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
    const problem = (await refused.json()) as Record<string, unknown>;
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: RESTRICTION_MESSAGE,
    });

    // Search by CRN finds the neighbouring person but not the restricted one.
    const neighbour = neighbourOf(restrictedCrn);
    expect((await apiSearch(request, token, neighbour)).map((p) => p.crn)).toEqual([neighbour]);
    expect(await apiSearch(request, token, restrictedCrn)).toEqual([]);

    // Without a token the API asks for one.
    const anonymous = await request.get(`/api/v1/people/${restrictedCrn}`);
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()['content-type']).toMatch(/^application\/problem\+json/);
  });
});

test.describe('Limited-access people, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the excluded officer gets the same refusal with the access message', async ({ page }) => {
    await signIn(page, 'po.demo', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
    await expectNoAxeViolations(page);

    const response = await page.goto(`/people/${excludedCrn}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You cannot view this record' })).toBeVisible();
    await expect(page.getByText(EXCLUSION_MESSAGE)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
