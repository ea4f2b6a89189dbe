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

  it('gives the enforcement timescales their documented defaults', () => {
    expect(readConfig({}).enforcement).toEqual({
      evidenceWindowWorkingDays: 5,
      decisionDueWorkingDays: 2,
      breachPackWorkingDays: 10,
      seniorManagerGrades: ['HOS'],
      sentencingAct2026Commencement: null,
    });
  });

  it('reads local enforcement policy from the environment', () => {
    const config = readConfig({
      PROBITY_EVIDENCE_WINDOW_WORKING_DAYS: '7',
      PROBITY_BREACH_PACK_WORKING_DAYS: '15',
      PROBITY_SENTENCING_ACT_2026_COMMENCEMENT: '2026-12-01',
    });
    expect(config.enforcement).toMatchObject({
      evidenceWindowWorkingDays: 7,
      breachPackWorkingDays: 15,
      sentencingAct2026Commencement: '2026-12-01',
    });
  });

  it('gives the initial sentence plan its National Standards timescales, 15 working days and 5 for the highest tier, unless set', () => {
    expect(readConfig({}).planning).toEqual({
      initialPlanWorkingDays: 15,
      initialPlanHighestTierWorkingDays: 5,
    });
    expect(
      readConfig({
        PROBITY_INITIAL_PLAN_WORKING_DAYS: '10',
        PROBITY_INITIAL_PLAN_HIGHEST_TIER_WORKING_DAYS: '3',
      }).planning,
    ).toEqual({ initialPlanWorkingDays: 10, initialPlanHighestTierWorkingDays: 3 });
    expect(() => readConfig({ PROBITY_INITIAL_PLAN_HIGHEST_TIER_WORKING_DAYS: '0' })).toThrow(
      /PROBITY_INITIAL_PLAN_HIGHEST_TIER_WORKING_DAYS/,
    );
  });

  it('refuses a timescale that is not a whole number of days, or a commencement that is not a date', () => {
    expect(() => readConfig({ PROBITY_EVIDENCE_WINDOW_WORKING_DAYS: 'five' })).toThrow(
      /PROBITY_EVIDENCE_WINDOW_WORKING_DAYS/,
    );
    expect(() => readConfig({ PROBITY_SENTENCING_ACT_2026_COMMENCEMENT: '1 December 2026' })).toThrow(
      /must be a date like 2026-12-01/,
    );
  });
});
