import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createProbity } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { DEMO_PASSWORD } from '../../src/demo-data/seed.js';
import type { DatabaseHandle } from '../../src/platform/database/connect.js';
import { freshDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: { now: Date | null };
  signIn(username: string, password?: string): Promise<Browser>;
  anonymous(): Browser;
  close(): Promise<void>;
}

/** Reads the value of a form's hidden CSRF field, as a browser would submit it. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1]!;
}

/**
 * A cookie jar over Fastify's inject: each request carries the cookies set so far,
 * and form posts carry the CSRF token of the last page seen, like a browser.
 */
export class Browser {
  cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = response.body;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  /** Posts a form. Without an explicit _csrf, it uses the token on the last page this browser saw. */
  async post(url: string, form: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const withToken =
      '_csrf' in form ? form : { _csrf: this.lastHtml ? csrfFrom(this.lastHtml) : '', ...form };
    for (const [key, value] of Object.entries(withToken)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }
}

/** `env` sets configuration for this app only, as the environment would (local policy, for example). */
export async function startTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock: { now: Date | null } = { now: null };
  const config = readConfig({
    ...process.env,
    PROBITY_SIGN_IN_ATTEMPTS_PER_ADDRESS: '1000',
    NODE_ENV: 'test',
    ...options.env,
  });
  const logger = process.env.PROBITY_TEST_LOG ? { level: process.env.PROBITY_TEST_LOG } : false;
  const app = await createProbity({ db: database.db, config, now: () => clock.now ?? new Date() }, logger);
  await app.ready();
  const anonymous = () => new Browser(app);
  return {
    app,
    database,
    clock,
    anonymous,
    async signIn(username: string, password = DEMO_PASSWORD) {
      const browser = anonymous();
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', { username, password });
      if (response.statusCode !== 302)
        throw new Error(`Sign-in as ${username} failed with ${response.statusCode}`);
      await browser.get('/search');
      return browser;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
