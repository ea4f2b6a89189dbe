/** Inputs shared by the risk tests: the reference's worked examples, neutral cases and fast-check arbitraries. */
import fc from 'fast-check';
import { anniversary } from './age.js';
import { AWARENESS_ANSWERS, MOTIVATION_LEVELS, PROBLEM_LEVELS } from './answers.js';
import type { OgpInput } from './ogp.js';
import { OGRS3_OFFENCE_CATEGORY_CODES } from './ogrs3.js';
import type { Ogrs3Input } from './ogrs3.js';
import type { OspDcMaleInput } from './osp.js';
import type { OvpInput } from './ovp.js';
import type { Rm2000MaleInput } from './rm2000.js';
import { SEXES } from './sex.js';

/** `iso` moved by `days` (negative for earlier). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** OGRS3 worked example 1: a man convicted of violence on his 20th birthday, his first sanction. */
export function ogrs3Input(overrides: Partial<Ogrs3Input> = {}): Ogrs3Input {
  return {
    sex: 'male',
    dateOfBirth: '1997-02-01',
    currentConvictionDate: '2017-02-01',
    firstSanctionDate: '2017-02-01',
    followUpStartDate: '2017-02-01',
    totalSanctions: 1,
    offenceCategory: 'violence',
    ...overrides,
  };
}

/** The OGP worked example: OGRS3 81%, unemployed, some problems here and there → 62 points. */
export function ogpInput(overrides: Partial<OgpInput> = {}): OgpInput {
  return {
    ogrs3TwoYearPercent: 81,
    noFixedAbodeOrTransientAccommodation: false,
    unemployed: true,
    regularActivitiesEncourageOffending: 'some',
    currentDrugMisuse: 'none',
    motivationToTackleDrugMisuse: 'full',
    problemSolvingSkills: 'some',
    awarenessOfConsequences: 'sometimes',
    understandsOtherPeoplesViews: 'none',
    proCriminalAttitudes: 'some',
    ...overrides,
  };
}

/** A woman aged 40 at follow-up, one sanction, no needs: every dynamic item scores 0. */
export function ovpInput(overrides: Partial<OvpInput> = {}): OvpInput {
  return {
    sex: 'female',
    dateOfBirth: '1980-01-01',
    followUpStartDate: '2020-01-01',
    totalSanctions: 1,
    violentSanctions: 0,
    recognisesImpactOfOffendingOnOthers: true,
    noFixedAbodeOrTransientAccommodation: false,
    unemployed: false,
    currentAlcoholUseProblem: 'none',
    excessiveAlcoholUse: 'none',
    currentPsychiatricTreatment: false,
    temperControl: 'none',
    proCriminalAttitudes: 'none',
    ...overrides,
  };
}

/**
 * A man aged 30 at follow-up (10 points) with one contact adult sexual sanction (5) at 29 (10), his only
 * sanction, no stranger victim: 25 points, medium. In custody, so no band reduction.
 */
export function ospDcInput(overrides: Partial<OspDcMaleInput> = {}): OspDcMaleInput {
  return {
    sex: 'male',
    dateOfBirth: '1980-01-01',
    followUpStartDate: '2010-01-01',
    contactAdultSexualSanctions: 1,
    contactChildSexualSanctions: 0,
    nonContactSexualSanctions: 0,
    lastSexualSanctionDate: '2009-06-01',
    totalSanctions: 1,
    strangerVictim: false,
    inCommunity: false,
    mostRecentOffenceDate: '2008-06-01',
    mostRecentSexualOffenceDate: '2008-06-01',
    assessmentDate: '2010-01-01',
    ...overrides,
  };
}

/** A man aged 40 at the commencement of risk, one sexual and one criminal appearance, no factors: all low. */
export function rm2000Input(overrides: Partial<Rm2000MaleInput> = {}): Rm2000MaleInput {
  return {
    sex: 'male',
    dateOfBirth: '1980-01-01',
    riskCommencementDate: '2020-01-01',
    sexualAppearances: 1,
    criminalAppearances: 1,
    violentAppearances: 0,
    burglaryConviction: false,
    sexualOffenceAgainstMale: false,
    sexualOffenceAgainstStranger: false,
    nonContactSexualConviction: false,
    neverLivedWithAdultPartnerForTwoYears: false,
    ...overrides,
  };
}

export const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Any OGRS3 input the API accepts: first sanction from the 10th birthday, then conviction, then follow-up. */
export const anyOgrs3Input: fc.Arbitrary<Ogrs3Input> = fc
  .record({
    sex: fc.constantFrom(...SEXES),
    dateOfBirth: fc
      .date({
        min: new Date('1920-01-01T00:00:00Z'),
        max: new Date('2010-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    daysToFirstSanction: fc.integer({ min: 0, max: 50 * 365 }),
    daysToConviction: fc.integer({ min: 0, max: 40 * 365 }),
    daysToFollowUp: fc.integer({ min: 0, max: 10 * 365 }),
    totalSanctions: fc.integer({ min: 1, max: 300 }),
    offenceCategory: fc.constantFrom(...OGRS3_OFFENCE_CATEGORY_CODES),
  })
  .map(({ dateOfBirth, daysToFirstSanction, daysToConviction, daysToFollowUp, ...rest }) => {
    const firstSanctionDate = addDays(anniversary(dateOfBirth, 10), daysToFirstSanction);
    const currentConvictionDate = addDays(firstSanctionDate, daysToConviction);
    return {
      ...rest,
      dateOfBirth,
      firstSanctionDate,
      currentConvictionDate,
      followUpStartDate: addDays(currentConvictionDate, daysToFollowUp),
    };
  });

const problemLevel = fc.constantFrom(...PROBLEM_LEVELS);

export const anyOgpInput: fc.Arbitrary<OgpInput> = fc.record({
  ogrs3TwoYearPercent: fc.integer({ min: 1, max: 99 }),
  noFixedAbodeOrTransientAccommodation: fc.boolean(),
  unemployed: fc.boolean(),
  regularActivitiesEncourageOffending: problemLevel,
  currentDrugMisuse: problemLevel,
  motivationToTackleDrugMisuse: fc.constantFrom(...MOTIVATION_LEVELS),
  problemSolvingSkills: problemLevel,
  awarenessOfConsequences: fc.constantFrom(...AWARENESS_ANSWERS),
  understandsOtherPeoplesViews: problemLevel,
  proCriminalAttitudes: problemLevel,
});

export const anyOvpInput: fc.Arbitrary<OvpInput> = fc
  .record({
    sex: fc.constantFrom(...SEXES),
    dateOfBirth: fc
      .date({
        min: new Date('1920-01-01T00:00:00Z'),
        max: new Date('2000-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    daysPast18: fc.integer({ min: 0, max: 60 * 365 }),
    violentSanctions: fc.integer({ min: 0, max: 40 }),
    nonViolentSanctions: fc.integer({ min: 0, max: 40 }),
    recognisesImpactOfOffendingOnOthers: fc.boolean(),
    noFixedAbodeOrTransientAccommodation: fc.boolean(),
    unemployed: fc.boolean(),
    currentAlcoholUseProblem: problemLevel,
    excessiveAlcoholUse: problemLevel,
    currentPsychiatricTreatment: fc.boolean(),
    temperControl: problemLevel,
    proCriminalAttitudes: problemLevel,
  })
  .filter(({ violentSanctions, nonViolentSanctions }) => violentSanctions + nonViolentSanctions >= 1)
  .map(({ daysPast18, nonViolentSanctions, ...rest }) => ({
    ...rest,
    followUpStartDate: addDays(anniversary(rest.dateOfBirth, 18), daysPast18),
    totalSanctions: rest.violentSanctions + nonViolentSanctions,
  }));

export const anyOspDcInput: fc.Arbitrary<OspDcMaleInput> = fc
  .record({
    dateOfBirth: fc
      .date({
        min: new Date('1920-01-01T00:00:00Z'),
        max: new Date('2000-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    daysToLastSexualSanction: fc.integer({ min: 0, max: 60 * 365 }),
    daysToFollowUp: fc.integer({ min: 0, max: 20 * 365 }),
    daysToAssessment: fc.integer({ min: 0, max: 20 * 365 }),
    daysOffenceBeforeSanction: fc.integer({ min: 0, max: 5 * 365 }),
    daysOtherOffenceAfterSexualOffence: fc.integer({ min: 0, max: 5 * 365 }),
    contactAdultSexualSanctions: fc.integer({ min: 0, max: 10 }),
    contactChildSexualSanctions: fc.integer({ min: 0, max: 10 }),
    nonContactSexualSanctions: fc.integer({ min: 0, max: 10 }),
    otherSanctions: fc.integer({ min: 0, max: 30 }),
    strangerVictim: fc.boolean(),
    inCommunity: fc.boolean(),
  })
  .map((r) => {
    const lastSexualSanctionDate = addDays(anniversary(r.dateOfBirth, 10), r.daysToLastSexualSanction);
    const mostRecentSexualOffenceDate = addDays(
      lastSexualSanctionDate,
      -Math.min(r.daysOffenceBeforeSanction, 365),
    );
    const followUpStartDate = addDays(lastSexualSanctionDate, r.daysToFollowUp);
    return {
      sex: 'male' as const,
      dateOfBirth: r.dateOfBirth,
      followUpStartDate,
      contactAdultSexualSanctions: r.contactAdultSexualSanctions,
      contactChildSexualSanctions: r.contactChildSexualSanctions,
      nonContactSexualSanctions: r.nonContactSexualSanctions,
      lastSexualSanctionDate,
      totalSanctions:
        1 +
        r.otherSanctions +
        Math.max(r.contactAdultSexualSanctions, r.contactChildSexualSanctions, r.nonContactSexualSanctions),
      strangerVictim: r.strangerVictim,
      inCommunity: r.inCommunity,
      mostRecentOffenceDate: addDays(mostRecentSexualOffenceDate, r.daysOtherOffenceAfterSexualOffence),
      mostRecentSexualOffenceDate,
      assessmentDate: addDays(followUpStartDate, r.daysToAssessment),
    };
  });

export const anyRm2000Input: fc.Arbitrary<Rm2000MaleInput> = fc
  .record({
    dateOfBirth: fc
      .date({
        min: new Date('1920-01-01T00:00:00Z'),
        max: new Date('2000-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    daysToCommencement: fc.integer({ min: 0, max: 70 * 365 }),
    sexualAppearances: fc.integer({ min: 0, max: 12 }),
    otherAppearances: fc.integer({ min: 0, max: 15 }),
    violentAppearances: fc.integer({ min: 0, max: 8 }),
    burglaryConviction: fc.boolean(),
    sexualOffenceAgainstMale: fc.boolean(),
    sexualOffenceAgainstStranger: fc.boolean(),
    nonContactSexualConviction: fc.boolean(),
    neverLivedWithAdultPartnerForTwoYears: fc.boolean(),
  })
  .map(({ daysToCommencement, otherAppearances, ...r }) => ({
    ...r,
    sex: 'male' as const,
    riskCommencementDate: addDays(anniversary(r.dateOfBirth, 10), daysToCommencement),
    criminalAppearances: r.sexualAppearances + r.violentAppearances + otherAppearances,
  }));
