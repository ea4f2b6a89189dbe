import { describe, expect, it } from 'vitest';
import { createProbity } from '../../app.js';
import { readConfig } from '../../config.js';
import { connectPostgres } from '../database/connect.js';

describe('when the database cannot be reached', () => {
  it('answers 503 on health, pages and the API, without a stack trace', async () => {
    // Nothing listens on port 9: every connection is refused, as when PostgreSQL is down.
    const database = connectPostgres('postgres://probity@127.0.0.1:9/probity', 1);
    const app = await createProbity({
      db: database.db,
      config: readConfig({ NODE_ENV: 'test' }),
      now: () => new Date(),
    });
    try {
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

      const page = await app.inject({
        method: 'GET',
        url: '/caseload',
        headers: { cookie: 'probity_session=anything' },
      });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Sorry, the service is unavailable');
      expect(page.body).not.toContain('ECONNREFUSED');

      const api = await app.inject({
        method: 'GET',
        url: '/api/v1/people?q=x',
        headers: { authorization: 'Bearer x' },
      });
      expect(api.statusCode).toBe(503);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
