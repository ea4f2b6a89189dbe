import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completionProblems,
  itemContradictions,
  itemCounts,
  itemsOfPart,
  partOfItem,
  partState,
  SARA_CODES,
  SARA_ITEM_GROUPS,
  SARA_ITEMS,
  SARA_PARTS,
  SARA_RATINGS,
} from './sara.js';
import type { SaraAnswers, SaraCode, SaraItemAnswer } from './sara.js';
import { saraItemsForm, saraRatingsForm, TEXT_LIMIT } from './specialist-schemas.js';

function answers(
  items: Record<number, Partial<SaraItemAnswer>> = {},
  ratings: Partial<SaraAnswers> = {},
): SaraAnswers {
  return {
    items: Object.fromEntries(
      Object.entries(items).map(([n, a]) => [n, { code: null, critical: false, evidence: null, ...a }]),
    ),
    riskToPartner: null,
    riskToPartnerReasons: null,
    riskToOthers: null,
    riskToOthersReasons: null,
    ...ratings,
  };
}

/** Every item coded `code`. */
function allCoded(
  code: SaraCode,
  extra: Partial<SaraItemAnswer> = {},
): Record<number, Partial<SaraItemAnswer>> {
  return Object.fromEntries(SARA_ITEMS.map((item) => [item.number, { code, ...extra }]));
}

const RATED: Partial<SaraAnswers> = {
  riskToPartner: 'high',
  riskToPartnerReasons: 'Escalating threats after separation.',
  riskToOthers: 'low',
  riskToOthersReasons: 'No violence outside the relationship.',
};

describe('the twenty SARA items, grouped as the reference groups them', () => {
  it('numbers the items 1 to 20 in order, in four groups', () => {
    expect(SARA_ITEMS.map((item) => item.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(SARA_ITEM_GROUPS.map((g) => [g.title, g.items.map((i) => i.number)])).toEqual([
      ['Criminal history', [1, 2, 3]],
      ['Psychosocial adjustment', [4, 5, 6, 7, 8, 9, 10]],
      ['Spousal assault history', [11, 12, 13, 14, 15, 16, 17]],
      ['Index offence', [18, 19, 20]],
    ]);
  });

  it('has a page for each group, then the summary ratings', () => {
    expect(SARA_PARTS.map((p) => p.key)).toEqual([
      'criminal-history',
      'psychosocial-adjustment',
      'spousal-assault-history',
      'index-offence',
      'summary-ratings',
    ]);
    expect(itemsOfPart('summary-ratings')).toEqual([]);
    expect(partOfItem(13)).toBe('spousal-assault-history');
    expect(() => partOfItem(21)).toThrow(RangeError);
  });
});

describe('completing a SARA', () => {
  it('needs every item coded and both ratings given with reasons', () => {
    const problems = completionProblems(answers());
    expect(problems).toHaveLength(8);
    expect(problems.slice(0, 4)).toEqual([
      {
        field: 'item-1-code',
        part: 'criminal-history',
        message: 'Criminal history: code items 1, 2 and 3 as absent, partly or possibly present, or present',
      },
      expect.objectContaining({ field: 'item-4-code', part: 'psychosocial-adjustment' }),
      expect.objectContaining({ field: 'item-11-code', part: 'spousal-assault-history' }),
      expect.objectContaining({ field: 'item-18-code', part: 'index-offence' }),
    ]);
    expect(problems.slice(4).map((p) => p.field)).toEqual([
      'riskToPartner',
      'riskToPartnerReasons',
      'riskToOthers',
      'riskToOthersReasons',
    ]);
  });

  it('is possible once everything is answered, an item coded 0 counting as coded', () => {
    expect(completionProblems(answers(allCoded(0), RATED))).toEqual([]);
  });

  it('names the items still to code, page by page, linking to the first', () => {
    const items = allCoded(1);
    items[19] = { code: null };
    items[5] = { code: null };
    items[9] = { code: null };
    expect(completionProblems(answers(items, RATED))).toEqual([
      {
        field: 'item-5-code',
        part: 'psychosocial-adjustment',
        message:
          'Psychosocial adjustment: code items 5 and 9 as absent, partly or possibly present, or present',
      },
      {
        field: 'item-19-code',
        part: 'index-offence',
        message: 'Index offence: code item 19 as absent, partly or possibly present, or present',
      },
    ]);
  });

  it('refuses reasons that are only spaces', () => {
    expect(completionProblems(answers(allCoded(2), { ...RATED, riskToOthersReasons: '   ' }))).toEqual([
      expect.objectContaining({ field: 'riskToOthersReasons' }),
    ]);
  });

  it('refuses an item coded absent and marked critical', () => {
    const items = allCoded(2);
    items[7] = { code: 0, critical: true };
    expect(completionProblems(answers(items, RATED))).toEqual([
      expect.objectContaining({ field: 'item-7-critical', part: 'psychosocial-adjustment' }),
    ]);
    expect(itemContradictions({ 7: { code: 1, critical: true, evidence: null } })).toEqual([]);
  });

  it('never depends on how many items are present: any coding completes with any ratings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SARA_CODES), { minLength: 20, maxLength: 20 }),
        fc.constantFrom(...SARA_RATINGS),
        fc.constantFrom(...SARA_RATINGS),
        (codes, partner, others) => {
          const items = Object.fromEntries(codes.map((code, i) => [i + 1, { code }]));
          const problems = completionProblems(
            answers(items, { ...RATED, riskToPartner: partner, riskToOthers: others }),
          );
          expect(problems).toEqual([]);
        },
      ),
    );
  });
});

describe('the state of each page in the task list', () => {
  it('is not started, in progress or completed', () => {
    expect(partState(answers(), 'criminal-history')).toBe('not-started');
    expect(partState(answers({ 2: { evidence: 'Police report, 2019' } }), 'criminal-history')).toBe(
      'in-progress',
    );
    expect(partState(answers({ 1: { code: 0 }, 2: { code: 1 }, 3: { code: 2 } }), 'criminal-history')).toBe(
      'completed',
    );
    expect(partState(answers({ 1: { code: 0 }, 2: { code: 1 }, 3: { code: 2 } }), 'index-offence')).toBe(
      'not-started',
    );
  });

  it('counts the ratings page completed only with both ratings and both reasons', () => {
    expect(partState(answers({}, { riskToPartner: 'low' }), 'summary-ratings')).toBe('in-progress');
    expect(partState(answers({}, RATED), 'summary-ratings')).toBe('completed');
  });
});

describe('the item counts shown beside the items', () => {
  it('counts each code and the critical marks', () => {
    expect(
      itemCounts(answers({ 1: { code: 2, critical: true }, 2: { code: 2 }, 3: { code: 1 }, 4: { code: 0 } })),
    ).toEqual({ present: 2, partlyPresent: 1, absent: 1, notCoded: 16, critical: 1 });
  });
});

describe('the SARA forms', () => {
  const items = itemsOfPart('criminal-history');
  const blank = {
    'item-1-code': '',
    'item-1-critical': '',
    'item-1-evidence': '',
    'item-2-code': '',
    'item-2-critical': '',
    'item-2-evidence': '',
    'item-3-code': '',
    'item-3-critical': '',
    'item-3-evidence': '',
  };

  it('accepts a page saved half done, keeping the evidence as typed', () => {
    const parsed = saraItemsForm(items).parse({
      ...blank,
      'item-1-code': '2',
      'item-1-critical': 'yes',
      'item-2-evidence': '  Two cautions, 2016.\nOne conviction, 2018.',
    });
    expect(parsed).toEqual({
      1: { code: 2, critical: true, evidence: null },
      2: { code: null, critical: false, evidence: '  Two cautions, 2016.\nOne conviction, 2018.' },
      3: { code: null, critical: false, evidence: null },
    });
  });

  it('refuses a code that is not 0, 1 or 2, and a critical mark on an absent item', () => {
    const result = saraItemsForm(items).safeParse({ ...blank, 'item-1-code': '3' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['item-1-code', 'Select whether item 1 is absent, partly or possibly present, or present'],
    ]);
    const critical = saraItemsForm(items).safeParse({
      ...blank,
      'item-2-code': '0',
      'item-2-critical': 'yes',
    });
    expect(critical.error?.issues.map((i) => i.path.join('.'))).toEqual(['item-2-critical']);
  });

  it('refuses evidence too long to keep', () => {
    const result = saraItemsForm(items).safeParse({
      ...blank,
      'item-3-evidence': 'x'.repeat(TEXT_LIMIT + 1),
    });
    expect(result.error?.issues[0]?.message).toBe(
      'The evidence for item 3 must be 10,000 characters or fewer',
    );
  });

  it('keeps the ratings exactly as chosen', () => {
    expect(
      saraRatingsForm.parse({
        riskToPartner: 'medium',
        riskToPartnerReasons: 'Reasons',
        riskToOthers: '',
        riskToOthersReasons: '',
      }),
    ).toEqual({
      riskToPartner: 'medium',
      riskToPartnerReasons: 'Reasons',
      riskToOthers: null,
      riskToOthersReasons: null,
    });
    expect(saraRatingsForm.safeParse({ riskToPartner: 'very-high' }).success).toBe(false);
  });
});
