import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('configuration', () => {
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

  it('refuses a timescale that is not a whole number of days, or a commencement that is not a date', () => {
    expect(() => readConfig({ PROBITY_EVIDENCE_WINDOW_WORKING_DAYS: 'five' })).toThrow(
      /PROBITY_EVIDENCE_WINDOW_WORKING_DAYS/,
    );
    expect(() => readConfig({ PROBITY_SENTENCING_ACT_2026_COMMENCEMENT: '1 December 2026' })).toThrow(
      /must be a date like 2026-12-01/,
    );
  });
});
