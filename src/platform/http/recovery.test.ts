import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/test-database.js';
import { usePostgres } from '../../../test/support/database-target.js';
import { createProbity } from '../../app.js';
import { readConfig } from '../../config.js';
import { connectPostgres, type DatabaseHandle } from '../database/connect.js';

/**
 * PostgreSQL goes away and comes back: a TCP relay in front of the test database
 * stands for the network between them. Runs with `npm run test:pg`.
 */
describe.runIf(usePostgres())('when the database comes back', () => {
  let database: DatabaseHandle & { url?: string };
  let relay: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  let port = 0;

  beforeAll(async () => {
    database = await freshDatabase();
    // Find a free port, then leave it closed: the database is "down".
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    relay?.close();
    await database.close();
  });

  function startRelay(target: URL) {
    relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise<void>((resolve) => relay!.listen(port, '127.0.0.1', resolve));
  }

  it('answers 503 while it is unreachable and recovers by itself when it returns', async () => {
    const target = new URL(database.url!);
    const viaRelay = new URL(target);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(port);
    const pool = connectPostgres(viaRelay.toString(), 2);
    const app = await createProbity({
      db: pool.db,
      config: readConfig({ NODE_ENV: 'test' }),
      now: () => new Date(),
    });
    try {
      const page = () =>
        app.inject({ method: 'GET', url: '/caseload', headers: { cookie: 'probity_session=not-a-session' } });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
      const down = await page();
      expect(down.statusCode).toBe(503);
      expect(down.body).toContain('Sorry, the service is unavailable');

      await startRelay(target);
      expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
        status: 'ok',
        database: 'reachable',
      });
      // The unknown session was looked up in the database: back to sign in, not a 503.
      const up = await page();
      expect(up.statusCode).toBe(302);
      expect(up.headers.location).toBe('/sign-in?returnTo=%2Fcaseload');

      // It goes away again mid-flight, connections and all, and comes back once more.
      const closed = new Promise((resolve) => relay!.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
      expect((await page()).statusCode).toBe(503);
      await startRelay(target);
      expect((await page()).statusCode).toBe(302);
    } finally {
      await app.close();
      await pool.close();
    }
  });
});
