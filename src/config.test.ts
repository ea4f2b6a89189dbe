import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('configuration', () => {
  it('has documented defaults', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 10 });
    expect(config.signIn.attemptsPerAddressPer15Minutes).toBe(20);
    expect(config.trustProxy).toBe(false);
    expect(config.cookieSecure).toBe(false);
    expect(readConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
  });

  it('reads which proxies to believe: none, all, a number of hops, or their addresses', () => {
    expect(readConfig({ PROBITY_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ PROBITY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    const oneHop = readConfig({ PROBITY_TRUST_PROXY: '1' }).trustProxy as (a: string, hop: number) => boolean;
    expect(oneHop('10.0.0.1', 0)).toBe(true);
    expect(oneHop('198.51.100.1', 1)).toBe(false);
  });

  it('refuses a setting that is not valid, naming it', () => {
    expect(() => readConfig({ PROBITY_TRUST_PROXY: 'everyone' })).toThrow(/PROBITY_TRUST_PROXY/);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
