import { describe, expect, it } from 'vitest';
import { workOutPredictors } from './predictors.js';
import type { EmploymentKind } from '../people/index.js';
import { recordValuesOf } from './record.js';
import type { SectionState } from './rules.js';
import { summarise } from './summary.js';

function section(
  code: string,
  answers: Record<string, string>,
  extra: Partial<SectionState> = {},
): SectionState {
  return {
    code,
    status: 'complete',
    answers,
    corrections: {},
    linkedToOffending: null,
    linkedToHarm: null,
    evidence: 'x',
    personsView: null,
    ...extra,
  };
}

/** OGRS3 worked example 1 of the reference, as section 1 of an assessment. */
const offending = section('1', {
  ogrs3Category: 'violence',
  currentConvictionDate: '2017-02-01',
  firstSanctionDate: '2017-02-01',
  followUpStartDate: '2017-02-01',
  totalSanctions: '1',
  violentSanctions: '1',
  contactAdultSexualSanctions: '0',
  contactChildSexualSanctions: '0',
  nonContactSexualSanctions: '0',
  indecentImageSanctions: '0',
});
const man = { sex: 'male' as const, dateOfBirth: '1997-02-01' };
const today = '2026-12-02';

const needsAnswers = [
  section('2', { '2.8': 'no' }),
  section('3', { '3.3': 'no', '3.4': '0', '3.5': '0', '3.6': '0' }),
  section('4', { '4.2': 'yes', '4.3': '1', '4.4': '1', '4.5': '0' }),
  section('7', { '7.2': '1', '7.3': '0', '7.5': '0' }),
  section('8', { '8.4': '0', '8.5': '0', '8.6': 'never', '8.8': 'full', '8.9': '0' }),
  section('9', { '9.1': '1', '9.2': '2', '9.3': '0', '9.5': 'full' }),
  section('10', { '10.6': 'no' }),
  section('11', { '11.2': '0', '11.4': '1', '11.5': '0', '11.6': '1', '11.7': 'sometimes', '11.8': '0' }),
  section('12', { '12.1': '1', '12.3': '0', '12.5': '0', '12.8': 'full' }),
];

describe('predictors from an assessment', () => {
  it('reproduces the reference’s OGRS3 worked example from section 1', () => {
    const { predictors } = workOutPredictors(man, [offending], {}, today);
    const ogrs3 = predictors.find((p) => p.name === 'OGRS3')!;
    expect(ogrs3.status).toBe('worked-out');
    if (ogrs3.status !== 'worked-out') return;
    expect(ogrs3.percent).toEqual({ oneYear: 12, twoYear: 22 });
    expect(ogrs3.explanation.some((s) => s.value === 0.22130521140511314)).toBe(true);
  });

  it('works OGP out from OGRS3 and the section answers, point by point', () => {
    // OGRS3 22 % × 0.6 = 13; unemployed 5; regular activities "some" 3; drugs 0;
    // thinking (1 + 1 + 0) × 5/6 = 1.67 → 2; pro-criminal attitudes "some" 3: 26 points.
    const { predictors } = workOutPredictors(man, [offending, ...needsAnswers], {}, today);
    const ogp = predictors.find((p) => p.name === 'OGP')!;
    expect(ogp.status).toBe('worked-out');
    if (ogp.status !== 'worked-out') return;
    const oneYear = 1 / (1 + Math.exp(-(0.0616 * 26 - 3.6832)));
    const twoYear = 1 / (1 + Math.exp(-(0.0616 * 26 - 3.0795)));
    expect(ogp.percent).toEqual({ oneYear: Math.round(oneYear * 100), twoYear: Math.round(twoYear * 100) });
    expect(ogp.band).toBe('low');
  });

  it('works OVP out with the alcohol, temper and impact answers', () => {
    const { predictors } = workOutPredictors(man, [offending, ...needsAnswers], {}, today);
    const ovp = predictors.find((p) => p.name === 'OVP')!;
    expect(ovp.status).toBe('worked-out');
    if (ovp.status !== 'worked-out') return;
    const steps = Object.fromEntries(ovp.explanation.map((s) => [s.label, s.value]));
    expect(steps['Does not recognise the impact of offending on others']).toBe(4);
  });

  it('says which answers are missing when a predictor cannot be worked out', () => {
    const { predictors } = workOutPredictors(man, [offending], {}, today);
    const ogp = predictors.find((p) => p.name === 'OGP')!;
    expect(ogp.status).toBe('cannot-work-out');
    if (ogp.status !== 'cannot-work-out') return;
    expect(ogp.missing.some((m) => m.startsWith('4.2 unemployed'))).toBe(true);
    expect(ogp.missing.some((m) => m.startsWith('12.1 pro-criminal attitudes'))).toBe(true);
  });

  it('reports a section 1 inconsistency in the calculator’s own words', () => {
    const bad = section('1', { ...offending.answers, firstSanctionDate: '2018-01-01' });
    const ogrs3 = workOutPredictors(man, [bad], {}, today).predictors.find((p) => p.name === 'OGRS3')!;
    expect(ogrs3.status).toBe('cannot-work-out');
    if (ogrs3.status === 'cannot-work-out')
      expect(ogrs3.missing).toContain(
        '1: date of the current conviction: The current conviction date must be on or after the first sanction date (2018-01-01)',
      );
  });

  it('does not apply OSP to a man with no sexual sanction, or to a woman', () => {
    const forMan = workOutPredictors(man, [offending], {}, today).predictors.filter((p) =>
      p.name.startsWith('OSP'),
    );
    expect(forMan.map((p) => p.status)).toEqual(['not-applicable', 'not-applicable']);
    const forWoman = workOutPredictors(
      { sex: 'female', dateOfBirth: '1997-02-01' },
      [offending],
      {},
      today,
    ).predictors;
    expect(forWoman.find((p) => p.name === 'OSP/DC')).toMatchObject({
      status: 'not-applicable',
      reason: 'OSP is for men',
    });
  });

  it('scores OSP/DC and OSP/IIC for a man with sexual sanctions', () => {
    const sexual = section('1', {
      ...offending.answers,
      totalSanctions: '3',
      contactAdultSexualSanctions: '1',
      indecentImageSanctions: '2',
      lastSexualSanctionDate: '2017-02-01',
      mostRecentSexualOffenceDate: '2016-11-01',
      mostRecentOffenceDate: '2016-11-01',
      strangerVictim: 'no',
    });
    const predictors = workOutPredictors(man, [sexual], {}, today).predictors;
    expect(predictors.find((p) => p.name === 'OSP/IIC')).toMatchObject({
      status: 'worked-out',
      band: 'high',
    });
    expect(predictors.find((p) => p.name === 'OSP/DC')).toMatchObject({ status: 'worked-out' });
  });

  it('takes RSR as recorded, never calculated', () => {
    const withRsr = section('1', { ...offending.answers, rsrPercent: '4.25' });
    expect(workOutPredictors(man, [withRsr], {}, today).rsrPercent).toBe(4.25);
    expect(workOutPredictors(man, [offending], {}, today).rsrPercent).toBeNull();
  });
});

describe('the summary the tier reads', () => {
  it('gives the needs, OGRS3 and the women’s factors', () => {
    const sections = [
      offending,
      ...needsAnswers,
      section('6', { '6.1': '0', '6.3': '0', '6.6': '0', '6.9': 'yes' }),
    ];
    const summary = summarise({ sex: 'female', dateOfBirth: '1997-02-01' }, sections, {}, today);
    expect(summary.tierInputs).toMatchObject({
      ogrsPercent:
        summary.predictors[0]!.status === 'worked-out' ? summary.predictors[0]!.percent!.twoYear : null,
      parentingConcerns: true,
      impulsivityOrTemper: true,
    });
    // Education: unemployed 2 + history 1 + skills 1 = 4: a need from 3. Alcohol 1 + 2 = 3: below 4.
    expect(summary.tierInputs.needs['education-training-employability']).toBe('standard');
    expect(summary.tierInputs.needs.alcohol).toBe('none');
  });
});

describe('enter once: the record fills the assessment in', () => {
  const record = recordValuesOf({
    events: [
      {
        eventNumber: 2,
        convictionDate: '2025-06-01',
        offences: [{ description: 'Robbery', category: 'robbery', offenceDate: '2025-03-01', main: true }],
      },
      {
        eventNumber: 1,
        convictionDate: '2019-01-10',
        offences: [
          {
            description: 'Sexual assault',
            category: 'sexual-not-against-child',
            offenceDate: null,
            main: true,
          },
        ],
      },
    ],
    currentOrder: { orderType: 'CO', description: 'Community order', startDate: '2025-06-01' },
    mainAddress: { since: '2024-01-01', summary: '1 High Street, Chelmsford, CM1 1AA' },
    registrations: [{ code: 'ALSH', description: 'Self-harm', since: '2025-02-03' }],
    employment: null,
  });

  it('takes the current offence and dates from the latest event', () => {
    expect(record.ogrs3Category).toEqual({
      value: 'robbery',
      source: 'Main offence of event 2: Robbery (Robbery)',
    });
    expect(record.currentConvictionDate!.value).toBe('2025-06-01');
    expect(record.firstSanctionDate!.value).toBe('2019-01-10');
    expect(record.followUpStartDate!.value).toBe('2025-06-01');
  });

  it('counts sanctions, violent and sexual ones from the events', () => {
    expect(record.totalSanctions!.value).toBe('2');
    expect(record.violentSanctions!.value).toBe('1');
    expect(record.contactAdultSexualSanctions!.value).toBe('1');
    expect(record.contactChildSexualSanctions!.value).toBe('0');
    expect(record.lastSexualSanctionDate!.value).toBe('2019-01-10');
    // No offence date on the sexual offence: its conviction date stands in.
    expect(record.mostRecentSexualOffenceDate!.value).toBe('2019-01-10');
    expect(record.mostRecentOffenceDate!.value).toBe('2025-03-01');
  });

  it('answers "no fixed abode" no when there is a main address, and nothing otherwise', () => {
    expect(record['3.3']!.value).toBe('no');
    expect(
      recordValuesOf({
        events: [],
        currentOrder: null,
        mainAddress: null,
        registrations: [],
        employment: null,
      }),
    ).toEqual({});
  });

  it('answers items the registrations answer: self-harm from ALSH', () => {
    expect(record['10.5']).toEqual({
      value: 'yes',
      source: 'Registration ALSH (Self-harm) since 3 February 2025',
    });
    expect(record['6.9']).toBeUndefined();
  });

  const withEmployment = (kind: EmploymentKind | null, description: string, employer: string | null = null) =>
    recordValuesOf({
      events: [],
      currentOrder: null,
      mainAddress: null,
      registrations: [],
      employment: { description, employer, since: '2025-09-01', kind },
    });

  it('answers "unemployed" from the current employment status where it settles the question', () => {
    expect(withEmployment('in-work', 'Employed full-time', 'Harlow Distribution Ltd')['4.2']).toEqual({
      value: 'no',
      source: 'Employment status since 1 September 2025: Employed full-time, Harlow Distribution Ltd',
    });
    expect(withEmployment('unemployed', 'Unemployed and available for work')['4.2']).toEqual({
      value: 'yes',
      source: 'Employment status since 1 September 2025: Unemployed and available for work',
    });
  });

  it('leaves "unemployed" to the assessor when the status does not settle it', () => {
    for (const kind of ['not-available', 'in-education', 'not-applicable', null] as const)
      expect(withEmployment(kind, 'Some status')['4.2']).toBeUndefined();
    // Only 4.2 is filled in: the employment history and skills (4.3 to 4.5) are the assessor's judgement.
    expect(Object.keys(withEmployment('in-work', 'Employed part-time'))).toEqual(['4.2']);
  });
});
