import { describe, expect, it } from 'vitest';
import { calculateRm2000 } from './rm2000.js';
import { assembleRm2000, rm2000Eligibility, rm2000FromRecord, scoreRm2000 } from './rm2000-record.js';
import type { RecordConviction, Rm2000Corrections, Rm2000RecordFacts, Rm2000Typed } from './rm2000-record.js';
import { rm2000Form } from './specialist-schemas.js';

const RAPE = { description: 'Rape of a woman aged 16 or over', category: 'sexual-not-against-child' };
const IMAGES = {
  description: 'Possession of indecent photographs of children',
  category: 'sexual-against-child',
};
const ABH = { description: 'Assault occasioning actual bodily harm', category: 'violence' };
const ROBBERY = { description: 'Robbery', category: 'robbery' };
const BURGLARY = { description: 'Burglary in a building other than a dwelling', category: 'burglary-other' };
const THEFT = { description: 'Theft from a shop', category: 'theft-non-motor' };

function conviction(eventNumber: number, convictionDate: string, ...offences: RecordConviction['offences']) {
  return { eventNumber, convictionDate, offences };
}

function facts(overrides: Partial<Rm2000RecordFacts> = {}): Rm2000RecordFacts {
  return {
    sex: 'M',
    dateOfBirth: '1980-05-10',
    convictions: [conviction(1, '2021-03-03', RAPE)],
    registrations: [],
    ...overrides,
  };
}

const TODAY = '2026-01-15';

const TYPED: Rm2000Typed = {
  riskCommencementDate: '2025-06-01',
  sexualOffenceAgainstMale: false,
  sexualOffenceAgainstStranger: true,
  nonContactSexualConviction: false,
  neverLivedWithAdultPartnerForTwoYears: true,
};

describe('who Risk Matrix 2000 is for, from the record', () => {
  it('applies to a man aged 18 or over with a sexual offence on an event, saying why', () => {
    expect(rm2000Eligibility(facts(), TODAY)).toEqual({
      eligible: true,
      reasons: [],
      basis: [
        'The record gives their sex as male',
        'Aged 45 today',
        'Sexual conviction: Rape of a woman aged 16 or over (event 1, convicted 3 March 2021)',
      ],
    });
  });

  it('applies on the 18th birthday, not the day before', () => {
    expect(rm2000Eligibility(facts({ dateOfBirth: '2008-01-15' }), TODAY).eligible).toBe(true);
    expect(rm2000Eligibility(facts({ dateOfBirth: '2008-01-16' }), TODAY)).toMatchObject({
      eligible: false,
      reasons: ['Aged 17 today (born 16 January 2008): Risk Matrix 2000 is for men aged 18 or over'],
    });
  });

  it('does not apply to a woman', () => {
    expect(rm2000Eligibility(facts({ sex: 'F' }), TODAY).reasons).toEqual([
      'Risk Matrix 2000 is for men: the record gives this person’s sex as female',
    ]);
  });

  it('does not apply without a sexual conviction, and says every reason that applies', () => {
    const result = rm2000Eligibility(
      facts({ sex: 'F', dateOfBirth: '2010-01-01', convictions: [conviction(1, '2025-01-01', THEFT)] }),
      TODAY,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[2]).toMatch(/^No sexual conviction on the record: no event has a sexual offence/);
  });

  it('counts an ARSO or ANSO registration, current or past, as a sexual conviction', () => {
    const registered = (typeCode: string, deregisteredOn: string | null) =>
      rm2000Eligibility(
        facts({
          convictions: [],
          registrations: [
            { typeCode, description: 'Registered sex offender', registeredOn: '2019-02-01', deregisteredOn },
          ],
        }),
        TODAY,
      );
    expect(registered('ARSO', null)).toMatchObject({ eligible: true });
    expect(registered('ARSO', null).basis).toContain(
      'Registered sex offender (ARSO) registration from 1 February 2019',
    );
    expect(registered('ANSO', '2024-02-01').basis.at(-1)).toBe(
      'Registered sex offender (ANSO) registration from 1 February 2019, removed 1 February 2024',
    );
    expect(registered('ADVP', null).eligible).toBe(false);
  });
});

describe('what the record gives Risk Matrix 2000', () => {
  it('counts appearances as distinct conviction dates, and each kind from the offences’ categories', () => {
    const record = rm2000FromRecord(
      facts({
        convictions: [
          conviction(1, '2015-06-01', THEFT, BURGLARY),
          conviction(2, '2018-09-12', ABH),
          conviction(3, '2018-09-12', ROBBERY),
          conviction(4, '2021-03-03', RAPE, ABH),
          conviction(5, '2023-11-20', IMAGES),
        ],
      }),
    );
    expect(record.values).toEqual({
      dateOfBirth: '1980-05-10',
      sexualAppearances: 2,
      criminalAppearances: 4,
      violentAppearances: 2,
      burglaryConviction: true,
    });
    expect(record.how.sexualAppearances).toBe(
      'Conviction dates with a sexual offence: 3 March 2021 (event 4); 20 November 2023 (event 5)',
    );
    expect(record.how.violentAppearances).toBe(
      'Conviction dates with a violent offence (violence against the person or robbery): 12 September 2018 (events 2 and 3); 3 March 2021 (event 4)',
    );
    expect(record.how.burglaryConviction).toBe('Burglary in a building other than a dwelling (event 1)');
  });

  it('says so when the record has nothing to count', () => {
    const record = rm2000FromRecord(facts({ convictions: [] }));
    expect(record.values).toMatchObject({
      sexualAppearances: 0,
      criminalAppearances: 0,
      violentAppearances: 0,
      burglaryConviction: false,
    });
    expect(record.how.criminalAppearances).toBe('No event on the record has any offence');
  });
});

describe('corrections of the record', () => {
  const record = rm2000FromRecord(facts());

  it('take the place of the record’s value, which is kept beside them with the reason', () => {
    const corrections: Rm2000Corrections = {
      criminalAppearances: { value: 4, reason: 'PNC: three earlier thefts' },
    };
    const { lines, input } = assembleRm2000(record, corrections, TYPED);
    expect(lines.find((l) => l.field === 'criminalAppearances')).toMatchObject({
      value: 4,
      source: 'corrected',
      recordValue: 1,
      reason: 'PNC: three earlier thefts',
    });
    expect(lines.find((l) => l.field === 'sexualAppearances')).toMatchObject({ value: 1, source: 'record' });
    expect(lines.find((l) => l.field === 'riskCommencementDate')).toMatchObject({
      value: '2025-06-01',
      source: 'assessor',
    });
    expect(input).toMatchObject({ sex: 'male', criminalAppearances: 4, sexualAppearances: 1 });
  });

  it('leave the input incomplete while the assessor has not answered', () => {
    expect(assembleRm2000(record, {}, { ...TYPED, nonContactSexualConviction: null }).input).toBeNull();
  });
});

describe('scoring on completion', () => {
  const record = rm2000FromRecord(facts());
  const score = (corrections: Rm2000Corrections = {}, typed: Partial<Rm2000Typed> = {}, sex = 'M') =>
    scoreRm2000({ sex }, record, corrections, { ...TYPED, ...typed }, TODAY);

  it('gives exactly what the calculator gives for the assembled input', () => {
    const result = score({ criminalAppearances: { value: 4, reason: 'PNC' } });
    if (!result.scored) throw new Error(JSON.stringify(result.problems));
    expect(result.result).toEqual(calculateRm2000(result.assembled.input));
    expect(result.result.sexual).toEqual({
      points: 1,
      step1Category: 'medium',
      aggravatingFactors: 2,
      category: 'high',
    });
  });

  it('names each unanswered question on its field', () => {
    const result = score({}, { riskCommencementDate: null, sexualOffenceAgainstMale: null });
    expect(result.scored).toBe(false);
    if (result.scored) return;
    expect(result.problems).toEqual([
      { field: 'riskCommencementDate', message: 'Enter the commencement of risk date' },
      { field: 'sexualOffenceAgainstMale', message: 'Say whether any sexual offence was against a male' },
    ]);
  });

  it('refuses with the calculator API’s own rules, on the correction box', () => {
    const result = score({ criminalAppearances: { value: 0, reason: 'Typo' } });
    expect(result).toMatchObject({
      scored: false,
      problems: [
        {
          field: 'criminalAppearancesCorrection',
          message:
            'Criminal appearances count every appearance, sexual ones included: they cannot be fewer than sexual appearances (1)',
        },
      ],
    });
    expect(score({}, { riskCommencementDate: '1979-01-01' })).toMatchObject({
      scored: false,
      problems: [
        {
          field: 'riskCommencementDate',
          message: 'The commencement of risk must be after the date of birth',
        },
      ],
    });
  });

  it('refuses a man under 18 at the commencement of risk, and no sexual appearance, with the calculator’s reasons', () => {
    const young = scoreRm2000(
      { sex: 'M' },
      rm2000FromRecord(facts({ dateOfBirth: '2007-08-01' })),
      { sexualAppearances: { value: 0, reason: 'Quashed on appeal' } },
      { ...TYPED, riskCommencementDate: '2025-06-01' },
      TODAY,
    );
    expect(young).toMatchObject({
      scored: false,
      problems: [
        {
          field: 'riskCommencementDate',
          message:
            'Aged 17 at the commencement of risk (2025-06-01): Risk Matrix 2000 is for men aged 18 or over',
        },
        {
          field: 'sexualAppearancesCorrection',
          message:
            'No sexual conviction (0 sexual appearances): Risk Matrix 2000 is for men with a sexual conviction',
        },
      ],
    });
  });

  it('refuses when the record no longer says male', () => {
    expect(score({}, {}, 'F')).toMatchObject({ scored: false, problems: [{ field: 'form' }] });
  });
});

describe('the RM2000 form', () => {
  const blank = {
    riskCommencementDate: { day: '', month: '', year: '' },
    dateOfBirthCorrection: { day: '', month: '', year: '' },
    sexualOffenceAgainstMale: '',
    sexualOffenceAgainstStranger: '',
    nonContactSexualConviction: '',
    neverLivedWithAdultPartnerForTwoYears: '',
    sexualAppearancesCorrection: '',
    criminalAppearancesCorrection: '',
    violentAppearancesCorrection: '',
    burglaryConvictionCorrection: '',
    dateOfBirthCorrectionReason: '',
    sexualAppearancesCorrectionReason: '',
    criminalAppearancesCorrectionReason: '',
    violentAppearancesCorrectionReason: '',
    burglaryConvictionCorrectionReason: '',
  };
  const problems = (values: Record<string, unknown>) =>
    rm2000Form(TODAY)
      .safeParse({ ...blank, ...values })
      .error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('saves nothing answered yet', () => {
    expect(rm2000Form(TODAY).parse(blank)).toEqual({
      typed: {
        riskCommencementDate: null,
        sexualOffenceAgainstMale: null,
        sexualOffenceAgainstStranger: null,
        nonContactSexualConviction: null,
        neverLivedWithAdultPartnerForTwoYears: null,
      },
      corrections: {},
    });
  });

  it('reads the answers and the corrections with their reasons', () => {
    const parsed = rm2000Form(TODAY).parse({
      ...blank,
      riskCommencementDate: { day: '1', month: '6', year: '2025' },
      sexualOffenceAgainstMale: 'no',
      sexualOffenceAgainstStranger: 'yes',
      dateOfBirthCorrection: { day: '11', month: '5', year: '1980' },
      dateOfBirthCorrectionReason: 'Passport',
      violentAppearancesCorrection: '3',
      violentAppearancesCorrectionReason: 'PNC',
      burglaryConvictionCorrection: 'no',
      burglaryConvictionCorrectionReason: 'Charge was dropped',
    });
    expect(parsed.typed).toMatchObject({
      riskCommencementDate: '2025-06-01',
      sexualOffenceAgainstMale: false,
      sexualOffenceAgainstStranger: true,
    });
    expect(parsed.corrections).toEqual({
      dateOfBirth: { value: '1980-05-11', reason: 'Passport' },
      violentAppearances: { value: 3, reason: 'PNC' },
      burglaryConviction: { value: false, reason: 'Charge was dropped' },
    });
  });

  it('refuses a correction without its reason, and a reason without its correction', () => {
    expect(problems({ sexualAppearancesCorrection: '2' })).toEqual([
      [
        'sexualAppearancesCorrectionReason',
        'Give the reason for correcting the number of sexual appearances',
      ],
    ]);
    expect(problems({ criminalAppearancesCorrectionReason: 'PNC' })).toEqual([
      [
        'criminalAppearancesCorrection',
        'Enter the corrected number of criminal appearances, or clear the reason',
      ],
    ]);
  });

  it('refuses a count that is not a whole number, a date that does not exist and a birth in the future', () => {
    expect(
      problems({ violentAppearancesCorrection: 'two', violentAppearancesCorrectionReason: 'PNC' }),
    ).toEqual([
      [
        'violentAppearancesCorrection',
        'The corrected number of violent appearances must be a whole number from 0 to 200, like 2',
      ],
    ]);
    expect(problems({ riskCommencementDate: { day: '30', month: '2', year: '2025' } })).toEqual([
      ['riskCommencementDate', 'The commencement of risk date must be a real date'],
    ]);
    expect(
      problems({
        dateOfBirthCorrection: { day: '1', month: '1', year: '2027' },
        dateOfBirthCorrectionReason: 'x',
      }),
    ).toEqual([['dateOfBirthCorrection', 'The corrected date of birth must be today or in the past']]);
  });
});
