import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  anyOgpInput,
  anyOgrs3Input,
  anyOspDcInput,
  anyOvpInput,
  anyRm2000Input,
  ogpInput,
  ogrs3Input,
  ospDcInput,
  ovpInput,
  rm2000Input,
} from './fixtures.js';
import { calculateOgp } from './ogp.js';
import { calculateOgrs3 } from './ogrs3.js';
import { calculateOspDc, calculateOspIic } from './osp.js';
import { calculateOvp } from './ovp.js';
import {
  ogpResponse,
  ogrs3Response,
  ospDcResponse,
  ospIicResponse,
  ovpResponse,
  rm2000Response,
} from './response-schemas.js';
import { calculateRm2000 } from './rm2000.js';
import {
  ogpRequest,
  ogrs3Request,
  ospDcRequest,
  ospIicRequest,
  ovpRequest,
  riskRequestFieldProblems,
  rm2000Request,
} from './schemas.js';

const TODAY = '2024-06-01';
const FAR_FUTURE = '2199-12-31';

function problemsFor(schema: z.ZodType, body: unknown, name = 'test') {
  const parsed = schema.safeParse(body);
  if (parsed.success) throw new Error(`expected the body to be refused: ${JSON.stringify(body)}`);
  return riskRequestFieldProblems(parsed.error, name);
}

/** The only problem is with `field`; its message. */
function onlyProblem(schema: z.ZodType, body: unknown): { field: string; message: string } {
  const problems = problemsFor(schema, body);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('OGRS3 request', () => {
  const schema = ogrs3Request(TODAY);

  it('accepts worked example 1 unchanged', () => {
    expect(schema.parse(ogrs3Input())).toEqual(ogrs3Input());
  });

  it('accepts any consistent input', () => {
    const farSchema = ogrs3Request(FAR_FUTURE);
    fc.assert(
      fc.property(anyOgrs3Input, (input) => {
        expect(farSchema.parse(input)).toEqual(input);
      }),
    );
  });

  it('names an unknown offence category', () => {
    expect(onlyProblem(schema, ogrs3Input({ offenceCategory: 'assault' as never }))).toEqual({
      field: 'offenceCategory',
      message: expect.stringMatching(/^"assault" is not an OGRS3 offence category: use violence, robbery, /),
    });
  });

  it('names a first sanction before birth', () => {
    expect(onlyProblem(schema, ogrs3Input({ firstSanctionDate: '1996-12-31' }))).toEqual({
      field: 'firstSanctionDate',
      message: 'The first sanction date must be after the date of birth',
    });
  });

  it('names a first sanction before the 10th birthday', () => {
    expect(onlyProblem(schema, ogrs3Input({ firstSanctionDate: '2007-01-31' }))).toEqual({
      field: 'firstSanctionDate',
      message:
        'The first sanction date must be on or after the 10th birthday (2007-02-01): nobody under 10 can be sanctioned in England and Wales',
    });
    expect(schema.safeParse(ogrs3Input({ firstSanctionDate: '2007-02-01' })).success).toBe(true);
  });

  it.each([0, -3])('names fewer than one sanction (%s)', (totalSanctions) => {
    expect(onlyProblem(schema, ogrs3Input({ totalSanctions }))).toEqual({
      field: 'totalSanctions',
      message: 'Total sanctions must be 1 or more: count the current sanction too',
    });
  });

  it('names a sanction count that is not a whole number', () => {
    expect(onlyProblem(schema, ogrs3Input({ totalSanctions: 1.5 }))).toEqual({
      field: 'totalSanctions',
      message: 'Total sanctions must be a whole number',
    });
    expect(onlyProblem(schema, { ...ogrs3Input(), totalSanctions: '2' }).field).toBe('totalSanctions');
  });

  it.each(['dateOfBirth', 'currentConvictionDate', 'firstSanctionDate'] as const)(
    'names %s in the future, and accepts today',
    (field) => {
      // Every date moved to today, then the one field to tomorrow: only that field is wrong.
      const atToday = ogrs3Input({
        dateOfBirth: '2000-01-01',
        firstSanctionDate: '2024-06-01',
        currentConvictionDate: '2024-06-01',
        followUpStartDate: '2024-06-01',
        [field]: TODAY,
      });
      if (field === 'dateOfBirth') {
        const problems = problemsFor(schema, { ...atToday, dateOfBirth: '2024-06-02' });
        expect(problems).toContainEqual({ field, message: 'Date of birth must be today or in the past' });
        return;
      }
      expect(schema.safeParse(atToday).success).toBe(true);
      expect(problemsFor(schema, { ...atToday, [field]: '2024-06-02' })).toContainEqual({
        field,
        message: expect.stringMatching(/must be today or in the past$/),
      });
    },
  );

  it('accepts a start of follow-up in the future: an expected release date', () => {
    expect(schema.safeParse(ogrs3Input({ followUpStartDate: '2030-01-01' })).success).toBe(true);
  });

  it.each(['2021-02-30', '2023-02-29', '2021-13-01'])('names the impossible date %s', (date) => {
    expect(onlyProblem(schema, ogrs3Input({ currentConvictionDate: date }))).toEqual({
      field: 'currentConvictionDate',
      message: `Current conviction date must be a real date: ${date} does not exist`,
    });
  });

  it('names a date in another form', () => {
    expect(onlyProblem(schema, ogrs3Input({ dateOfBirth: '01/02/1997' }))).toEqual({
      field: 'dateOfBirth',
      message: 'Date of birth must be a date in the form YYYY-MM-DD, for example 2017-02-01',
    });
  });

  it('names a current conviction before the first sanction', () => {
    expect(
      onlyProblem(schema, ogrs3Input({ firstSanctionDate: '2017-02-02', followUpStartDate: '2017-03-01' })),
    ).toEqual({
      field: 'currentConvictionDate',
      message: 'The current conviction date must be on or after the first sanction date (2017-02-02)',
    });
  });

  it('names a follow-up start before the current conviction', () => {
    expect(onlyProblem(schema, ogrs3Input({ followUpStartDate: '2017-01-31' })).field).toBe(
      'followUpStartDate',
    );
  });

  it('names each bad field at once, and each missing field', () => {
    const problems = problemsFor(
      schema,
      {
        sex: 'unknown',
        dateOfBirth: '2021-02-30',
        currentConvictionDate: '2030-01-01',
        totalSanctions: 0,
        offenceCategory: 'assault',
        colour: 'blue',
      },
      'OGRS3',
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'sex',
      'dateOfBirth',
      'currentConvictionDate',
      'firstSanctionDate',
      'followUpStartDate',
      'totalSanctions',
      'offenceCategory',
      'colour',
    ]);
    expect(problems).toContainEqual({ field: 'sex', message: 'Sex must be male or female' });
    expect(problems).toContainEqual({
      field: 'firstSanctionDate',
      message: 'Enter the first sanction date, as a date in the form YYYY-MM-DD',
    });
    expect(problems).toContainEqual({
      field: 'colour',
      message: '"colour" is not a field of the OGRS3 request: check the spelling or remove it',
    });
  });

  it('names a body that is not an object', () => {
    expect(problemsFor(schema, null, 'OGRS3')).toEqual([
      { field: '', message: 'Send the OGRS3 request as a JSON object' },
    ]);
  });

  it('refuses to be built without a real today', () => {
    expect(() => ogrs3Request('2024-02-30')).toThrow(RangeError);
  });
});

describe('OGP request', () => {
  it('accepts the worked example and any valid input', () => {
    expect(ogpRequest.parse(ogpInput())).toEqual(ogpInput());
    fc.assert(
      fc.property(anyOgpInput, (input) => {
        expect(ogpRequest.parse(input)).toEqual(input);
      }),
    );
  });

  it.each([0, 100, 50.5])('names an OGRS3 percentage of %s', (percent) => {
    expect(onlyProblem(ogpRequest, ogpInput({ ogrs3TwoYearPercent: percent })).field).toBe(
      'ogrs3TwoYearPercent',
    );
  });

  it('names an answer that is not on the list', () => {
    expect(onlyProblem(ogpRequest, { ...ogpInput(), awarenessOfConsequences: 'often' })).toEqual({
      field: 'awarenessOfConsequences',
      message: 'Awareness of consequences must be yes, sometimes or no',
    });
    expect(onlyProblem(ogpRequest, { ...ogpInput(), motivationToTackleDrugMisuse: 'some' })).toEqual({
      field: 'motivationToTackleDrugMisuse',
      message: 'Motivation to tackle drug misuse must be full, partial or none',
    });
    expect(onlyProblem(ogpRequest, { ...ogpInput(), unemployed: 'yes' })).toEqual({
      field: 'unemployed',
      message: 'unemployed must be true or false',
    });
  });
});

describe('OVP request', () => {
  const schema = ovpRequest(TODAY);

  it('accepts any valid input', () => {
    const farSchema = ovpRequest(FAR_FUTURE);
    fc.assert(
      fc.property(anyOvpInput, (input) => {
        expect(farSchema.parse(input)).toEqual(input);
      }),
    );
  });

  it('names more violent sanctions than the total', () => {
    expect(onlyProblem(schema, ovpInput({ totalSanctions: 2, violentSanctions: 3 }))).toEqual({
      field: 'violentSanctions',
      message: 'Violent sanctions cannot be more than total sanctions (2), which count violent ones too',
    });
  });

  it('names someone under 18 at the start of follow-up, and accepts the 18th birthday', () => {
    expect(
      onlyProblem(schema, ovpInput({ dateOfBirth: '2002-01-02', followUpStartDate: '2020-01-01' })),
    ).toEqual({
      field: 'followUpStartDate',
      message: 'OVP is for people aged 18 or over at the start of follow-up: the person is 17 on 2020-01-01',
    });
    expect(
      schema.safeParse(ovpInput({ dateOfBirth: '2002-01-01', followUpStartDate: '2020-01-01' })).success,
    ).toBe(true);
  });

  it('names a date of birth in the future', () => {
    expect(problemsFor(schema, ovpInput({ dateOfBirth: '2024-06-02' }))).toContainEqual({
      field: 'dateOfBirth',
      message: 'Date of birth must be today or in the past',
    });
  });
});

describe('OSP/DC request', () => {
  const schema = ospDcRequest(TODAY);

  it('accepts any valid input, and a woman with only her sex', () => {
    const farSchema = ospDcRequest(FAR_FUTURE);
    fc.assert(
      fc.property(anyOspDcInput, (input) => {
        expect(farSchema.parse(input)).toEqual(input);
      }),
    );
    expect(schema.parse({ sex: 'female' })).toEqual({ sex: 'female' });
  });

  it('defaults the assessment date to today', () => {
    const { assessmentDate: _assessmentDate, ...withoutAssessmentDate } = ospDcInput();
    expect(schema.parse(withoutAssessmentDate)).toMatchObject({ assessmentDate: TODAY });
  });

  it('names a missing or wrong sex', () => {
    expect(onlyProblem(schema, {})).toEqual({ field: 'sex', message: 'Enter the sex: male or female' });
    expect(onlyProblem(schema, { sex: 'x' })).toEqual({
      field: 'sex',
      message: 'Sex must be male or female',
    });
  });

  it('names a sexual sanction count above the total', () => {
    expect(onlyProblem(schema, ospDcInput({ contactChildSexualSanctions: 2 }))).toEqual({
      field: 'contactChildSexualSanctions',
      message:
        'Contact child sexual sanctions cannot be more than total sanctions (1), which count sanctions of every kind',
    });
  });

  it('names a most recent offence before the most recent sexual offence', () => {
    expect(onlyProblem(schema, ospDcInput({ mostRecentOffenceDate: '2008-05-31' })).field).toBe(
      'mostRecentOffenceDate',
    );
  });

  it('names a last sexual sanction before the 10th birthday, and dates in the future', () => {
    expect(onlyProblem(schema, ospDcInput({ lastSexualSanctionDate: '1989-12-31' })).field).toBe(
      'lastSexualSanctionDate',
    );
    expect(onlyProblem(schema, ospDcInput({ assessmentDate: '2024-06-02' })).field).toBe('assessmentDate');
  });
});

describe('OSP/IIC request', () => {
  it('names a negative count', () => {
    expect(onlyProblem(ospIicRequest, { sex: 'male', indecentImageSanctions: -1 })).toEqual({
      field: 'indecentImageSanctions',
      message: 'Indecent image sanctions must be 0 or more',
    });
  });

  it('accepts a woman with only her sex', () => {
    expect(ospIicRequest.parse({ sex: 'female' })).toEqual({ sex: 'female' });
  });
});

describe('RM2000 request', () => {
  const schema = rm2000Request(TODAY);

  it('accepts any valid input', () => {
    const farSchema = rm2000Request(FAR_FUTURE);
    fc.assert(
      fc.property(anyRm2000Input, (input) => {
        expect(farSchema.parse(input)).toEqual(input);
      }),
    );
  });

  it('names fewer criminal appearances than sexual ones, and more violent than criminal', () => {
    expect(onlyProblem(schema, rm2000Input({ sexualAppearances: 2 })).field).toBe('criminalAppearances');
    expect(onlyProblem(schema, rm2000Input({ violentAppearances: 2 })).field).toBe('violentAppearances');
  });

  it('accepts a commencement of risk in the future, but not before birth', () => {
    expect(schema.safeParse(rm2000Input({ riskCommencementDate: '2026-01-01' })).success).toBe(true);
    expect(onlyProblem(schema, rm2000Input({ riskCommencementDate: '1979-01-01' })).field).toBe(
      'riskCommencementDate',
    );
  });
});

describe('response schemas describe what the calculators answer', () => {
  it('for every calculator', () => {
    fc.assert(
      fc.property(anyOgrs3Input, anyOgpInput, anyOvpInput, anyOspDcInput, anyRm2000Input, (a, b, c, d, e) => {
        expect(ogrs3Response.safeParse(calculateOgrs3(a)).success).toBe(true);
        expect(ogpResponse.safeParse(calculateOgp(b)).success).toBe(true);
        expect(ovpResponse.safeParse(calculateOvp(c)).success).toBe(true);
        expect(ospDcResponse.safeParse(calculateOspDc(d)).success).toBe(true);
        expect(rm2000Response.safeParse(calculateRm2000(e)).success).toBe(true);
      }),
      { numRuns: 50 },
    );
    expect(ospDcResponse.safeParse(calculateOspDc({ sex: 'female' })).success).toBe(true);
    expect(
      ospIicResponse.safeParse(calculateOspIic({ sex: 'male', indecentImageSanctions: 2 })).success,
    ).toBe(true);
    expect(rm2000Response.safeParse(calculateRm2000({ sex: 'female' })).success).toBe(true);
  });
});
