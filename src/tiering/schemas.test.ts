import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyTierInput, tierInput } from './fixtures.js';
import { NEED_NAMES } from './policy.js';
import { calculateTier } from './rules.js';
import { tierRequest, tierRequestFieldProblems, tierResponse } from './schemas.js';

function problemsFor(body: unknown) {
  const parsed = tierRequest.safeParse(body);
  if (parsed.success) throw new Error('expected the body to be refused');
  return tierRequestFieldProblems(parsed.error);
}

function problemFor(body: unknown, field: string) {
  return problemsFor(body).find((problem) => problem.field === field)?.message;
}

const validBody = { ...tierInput() };

describe('tierRequest accepts', () => {
  it('a complete body, unchanged', () => {
    const body = tierInput({
      sex: 'female',
      rosh: 'very-high',
      rsr: 6.9,
      mappaLevel: 2,
      registrations: ['RMDO', 'XYZ'],
      needs: { drugs: 'severe', finance: 'none' },
      ogrsPercent: 59,
      womenFactors: { parentingConcerns: true },
    });
    expect(tierRequest.parse(body)).toEqual(body);
  });

  it('a body without registrations, defaulting them to none', () => {
    const { registrations: _registrations, ...withoutRegistrations } = validBody;
    expect(tierRequest.parse(withoutRegistrations).registrations).toEqual([]);
  });

  it('the edges of each percentage', () => {
    for (const value of [0, 100, null]) {
      expect(tierRequest.safeParse({ ...validBody, rsr: value, ogrsPercent: value }).success).toBe(true);
    }
  });

  it('any valid input, unchanged', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        expect(tierRequest.parse(input)).toEqual(input);
      }),
    );
  });
});

describe('tierRequest refuses malformed input, with a path and a plain message per bad field', () => {
  it('a body that is not an object', () => {
    expect(problemsFor(null)).toEqual([{ field: '', message: 'Send the tier request as a JSON object' }]);
    expect(problemsFor([])).toEqual([{ field: '', message: 'Send the tier request as a JSON object' }]);
  });

  it('an empty body, naming every missing field', () => {
    expect(problemsFor({}).map((problem) => problem.field)).toEqual([
      'sex',
      'rosh',
      'rsr',
      'mappaLevel',
      'needs',
      'ogrsPercent',
      'iomNominal',
      'mandateForChange',
      'validAssessment',
    ]);
    expect(problemFor({}, 'rsr')).toBe('Enter the RSR percentage, or null if there is none');
    expect(problemFor({}, 'mandateForChange')).toBe(
      'Say whether there is a mandate for change: true or false',
    );
  });

  it.each([
    ['sex', 'unknown', 'Sex must be male or female'],
    ['rosh', 'extreme', 'RoSH must be low, medium, high or very-high, or null'],
    ['rosh', 'High', 'RoSH must be low, medium, high or very-high, or null'],
    ['rsr', '5.2', 'RSR must be a number from 0 to 100, or null'],
    ['rsr', -0.1, 'RSR must be 0 or more'],
    ['rsr', 100.1, 'RSR must be 100 or less'],
    ['rsr', Number.NaN, 'RSR must be a number from 0 to 100, or null'],
    ['ogrsPercent', 101, 'OGRS must be 100 or less'],
    ['ogrsPercent', -1, 'OGRS must be 0 or more'],
    ['mappaLevel', 4, 'MAPPA level must be 1, 2 or 3, or null if the person is not managed under MAPPA'],
    ['mappaLevel', '2', 'MAPPA level must be 1, 2 or 3, or null if the person is not managed under MAPPA'],
    ['iomNominal', 'yes', 'iomNominal must be true or false'],
    ['mandateForChange', 1, 'mandateForChange must be true or false'],
    ['validAssessment', null, 'validAssessment must be true or false'],
    ['registrations', 'RMDO', 'Registrations must be a list of register codes, such as ["RMDO"]'],
    ['needs', [], 'Needs must be an object of need names and severities, such as {"drugs": "severe"}'],
    ['womenFactors', true, 'womenFactors must be an object of true or false answers'],
  ])('%s: %j', (field, value, message) => {
    expect(problemsFor({ ...validBody, [field]: value })).toEqual([{ field, message }]);
  });

  it('a bad need severity, at the path of that need', () => {
    expect(problemsFor({ ...validBody, needs: { drugs: 'high' } })).toEqual([
      { field: 'needs.drugs', message: 'The drugs need must be none, standard or severe' },
    ]);
  });

  it('an unknown need, at its own path, listing the needs allowed', () => {
    const [problem] = problemsFor({ ...validBody, needs: { gambling: 'severe' } });
    expect(problem?.field).toBe('needs.gambling');
    expect(problem?.message).toContain('"gambling" is not a need: use accommodation');
  });

  it('a registration that is not a non-empty code, at its index', () => {
    expect(problemsFor({ ...validBody, registrations: ['RMDO', 7, '  '] })).toEqual([
      { field: 'registrations.1', message: 'Each registration must be a register code, such as RMDO' },
      { field: 'registrations.2', message: 'A registration code must not be empty' },
    ]);
  });

  it("a women's factor that is not true or false, or not known", () => {
    expect(problemsFor({ ...validBody, womenFactors: { parentingConcerns: 'yes', pregnant: true } })).toEqual(
      [
        { field: 'womenFactors.parentingConcerns', message: 'parentingConcerns must be true or false' },
        {
          field: 'womenFactors.pregnant',
          message:
            '"pregnant" is not an additional factor for women: use parentingConcerns, impulsivityOrTemper or breachOrRecallInLastYear',
        },
      ],
    );
  });

  it('each unknown top-level field separately, so a misspelt field is not silently dropped', () => {
    expect(problemsFor({ ...validBody, mappa: 2, ogrs: 40 })).toEqual([
      {
        field: 'mappa',
        message: '"mappa" is not a field of the tier request: check the spelling or remove it',
      },
      {
        field: 'ogrs',
        message: '"ogrs" is not a field of the tier request: check the spelling or remove it',
      },
    ]);
  });
});

describe('the OpenAPI description', () => {
  type JsonSchema = { description?: string; properties?: Record<string, JsonSchema> };

  function undescribed(schema: JsonSchema, path = ''): string[] {
    const own = schema.description ? [] : [path || '(root)'];
    const nested = Object.entries(schema.properties ?? {}).flatMap(([key, child]) =>
      undescribed(child, path ? `${path}.${key}` : key),
    );
    return [...own, ...nested];
  }

  it('describes every field of the request', () => {
    const schema = z.toJSONSchema(tierRequest, { io: 'input' }) as JsonSchema;
    expect(undescribed(schema)).toEqual([]);
    expect(Object.keys(schema.properties?.needs?.properties ?? {})).toEqual([...NEED_NAMES]);
  });

  it('describes every field of the response', () => {
    expect(undescribed(z.toJSONSchema(tierResponse) as JsonSchema)).toEqual([]);
  });

  it('tells integrators that registrations are optional and unknown fields are refused', () => {
    const schema = z.toJSONSchema(tierRequest, { io: 'input' }) as {
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).not.toContain('registrations');
    expect(schema.required).not.toContain('womenFactors');
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('tierResponse', () => {
  it('accepts whatever the calculator answers', () => {
    fc.assert(
      fc.property(anyTierInput, (input) => {
        expect(tierResponse.safeParse(calculateTier(input)).success).toBe(true);
      }),
    );
  });

  it('refuses a tier that is not a letter and a digit', () => {
    const result = calculateTier(tierInput());
    expect(tierResponse.safeParse({ ...result, tier: 'E5' }).success).toBe(false);
  });
});
