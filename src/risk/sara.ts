/**
 * SARA, the Spousal Assault Risk Assessment: structured professional judgement, not a score. Twenty
 * items, each coded 0 absent, 1 partly or possibly present, 2 present, and each may be marked
 * critical; then the assessor's two summary ratings, risk to partner and risk to others. There is no
 * cut-off: nothing here works a rating out from the items, and nothing may (reference:
 * risk-instruments.md, SARA). Pure rules: no I/O, no clock.
 */

export const SARA_CODES = [0, 1, 2] as const;
export type SaraCode = (typeof SARA_CODES)[number];

export const SARA_CODE_NAMES: Readonly<Record<SaraCode, string>> = {
  0: 'Absent',
  1: 'Partly or possibly present',
  2: 'Present',
};

export const SARA_RATINGS = ['low', 'medium', 'high'] as const;
export type SaraRatingLevel = (typeof SARA_RATINGS)[number];

export const SARA_RATING_NAMES: Readonly<Record<SaraRatingLevel, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export interface SaraItem {
  number: number;
  /** The reference's wording, which it marks approximate. */
  text: string;
}

/** The twenty items, grouped as the reference groups them. */
export const SARA_ITEM_GROUPS = [
  {
    key: 'criminal-history',
    title: 'Criminal history',
    items: [
      { number: 1, text: 'Past assault of family members' },
      { number: 2, text: 'Past assault of strangers or acquaintances' },
      { number: 3, text: 'Past breach of conditional release or community supervision' },
    ],
  },
  {
    key: 'psychosocial-adjustment',
    title: 'Psychosocial adjustment',
    items: [
      { number: 4, text: 'Recent relationship problems' },
      { number: 5, text: 'Recent employment problems' },
      { number: 6, text: 'Victim of or witness to family violence as a child or adolescent' },
      { number: 7, text: 'Recent substance misuse' },
      { number: 8, text: 'Recent suicidal or homicidal ideas or intent' },
      { number: 9, text: 'Recent psychotic or manic symptoms' },
      { number: 10, text: 'Personality disorder with anger, impulsivity or instability' },
    ],
  },
  {
    key: 'spousal-assault-history',
    title: 'Spousal assault history',
    items: [
      { number: 11, text: 'Past physical assault' },
      { number: 12, text: 'Past sexual assault or sexual jealousy' },
      { number: 13, text: 'Past use of weapons or credible threats of death' },
      { number: 14, text: 'Recent escalation in frequency or severity' },
      { number: 15, text: 'Past breach of no-contact orders' },
      { number: 16, text: 'Extreme minimisation or denial' },
      { number: 17, text: 'Attitudes that support or condone spousal assault' },
    ],
  },
  {
    key: 'index-offence',
    title: 'Index offence',
    items: [
      { number: 18, text: 'Severe or sexual assault' },
      { number: 19, text: 'Use of weapons or credible threats of death' },
      { number: 20, text: 'Breach of a no-contact order' },
    ],
  },
] as const satisfies readonly { key: string; title: string; items: readonly SaraItem[] }[];

export type SaraGroupKey = (typeof SARA_ITEM_GROUPS)[number]['key'];

export const SARA_ITEMS: readonly SaraItem[] = SARA_ITEM_GROUPS.flatMap(
  (group): readonly SaraItem[] => group.items,
);
export const SARA_ITEM_COUNT = SARA_ITEMS.length;

/** The pages of a SARA: one per group of items, then the summary ratings. */
export const SARA_RATINGS_PART = { key: 'summary-ratings', title: 'Summary risk ratings' } as const;
export type SaraPartKey = SaraGroupKey | typeof SARA_RATINGS_PART.key;
export const SARA_PARTS: readonly { key: SaraPartKey; title: string }[] = [
  ...SARA_ITEM_GROUPS.map(({ key, title }) => ({ key, title })),
  SARA_RATINGS_PART,
];

export function saraPart(key: string): { key: SaraPartKey; title: string } | undefined {
  return SARA_PARTS.find((part) => part.key === key);
}

export function itemsOfPart(key: SaraPartKey): readonly SaraItem[] {
  const group: { items: readonly SaraItem[] } | undefined = SARA_ITEM_GROUPS.find((g) => g.key === key);
  return group?.items ?? [];
}

export function partOfItem(number: number): SaraGroupKey {
  const group = SARA_ITEM_GROUPS.find((g) =>
    (g.items as readonly SaraItem[]).some((item) => item.number === number),
  );
  if (!group) throw new RangeError(`SARA has no item ${number}`);
  return group.key;
}

export interface SaraItemAnswer {
  code: SaraCode | null;
  critical: boolean;
  evidence: string | null;
}

export interface SaraRatings {
  riskToPartner: SaraRatingLevel | null;
  riskToPartnerReasons: string | null;
  riskToOthers: SaraRatingLevel | null;
  riskToOthersReasons: string | null;
}

export interface SaraAnswers extends SaraRatings {
  /** By item number, 1 to 20. */
  items: Readonly<Record<number, SaraItemAnswer>>;
}

export const BLANK_ITEM: SaraItemAnswer = { code: null, critical: false, evidence: null };

export function itemAnswer(answers: SaraAnswers, number: number): SaraItemAnswer {
  return answers.items[number] ?? BLANK_ITEM;
}

/** Form field names, which are also the ids the error summary links to. */
export const itemField = {
  code: (n: number) => `item-${n}-code`,
  critical: (n: number) => `item-${n}-critical`,
  evidence: (n: number) => `item-${n}-evidence`,
};

export interface SaraProblem {
  /** The form field the problem is about. */
  field: string;
  /** The page the field is on. */
  part: SaraPartKey;
  message: string;
}

/**
 * A critical item is one present enough to matter by itself: an item coded absent cannot be one.
 * Checked on every save, so the contradiction never reaches the record.
 */
export function itemContradictions(items: Readonly<Record<number, SaraItemAnswer>>): SaraProblem[] {
  return Object.entries(items).flatMap(([key, answer]) => {
    const number = Number(key);
    if (!answer.critical || answer.code !== 0) return [];
    return [
      {
        field: itemField.critical(number),
        part: partOfItem(number),
        message: `Item ${number} is coded absent, so it cannot be critical: change the code or remove the critical mark`,
      },
    ];
  });
}

function blank(text: string | null): boolean {
  return text === null || text.trim() === '';
}

function numbersInWords(numbers: readonly number[]): string {
  if (numbers.length === 1) return `item ${numbers[0]}`;
  return `items ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/**
 * What must be done before the SARA can be completed: every item coded, both ratings given with
 * reasons. Uncoded items are named page by page, linking to the first of them.
 */
export function completionProblems(answers: SaraAnswers): SaraProblem[] {
  const uncoded: SaraProblem[] = SARA_ITEM_GROUPS.flatMap((group) => {
    const numbers = (group.items as readonly SaraItem[])
      .filter((item) => itemAnswer(answers, item.number).code === null)
      .map((item) => item.number);
    if (numbers.length === 0) return [];
    return [
      {
        field: itemField.code(numbers[0]!),
        part: group.key,
        message: `${group.title}: code ${numbersInWords(numbers)} as absent, partly or possibly present, or present`,
      },
    ];
  });
  const ratings: SaraProblem[] = [];
  const rated = (
    rating: 'riskToPartner' | 'riskToOthers',
    reasons: 'riskToPartnerReasons' | 'riskToOthersReasons',
    who: string,
  ) => {
    if (answers[rating] === null)
      ratings.push({
        field: rating,
        part: SARA_RATINGS_PART.key,
        message: `Select the risk to ${who}: low, medium or high`,
      });
    if (blank(answers[reasons]))
      ratings.push({
        field: reasons,
        part: SARA_RATINGS_PART.key,
        message: `Give your reasons for the risk to ${who} rating`,
      });
  };
  rated('riskToPartner', 'riskToPartnerReasons', 'partner');
  rated('riskToOthers', 'riskToOthersReasons', 'others');
  return [...uncoded, ...itemContradictions(answers.items), ...ratings];
}

export type PartState = 'not-started' | 'in-progress' | 'completed';

/** A page's state for the task list: completed when everything on it is answered. */
export function partState(answers: SaraAnswers, key: SaraPartKey): PartState {
  if (key === SARA_RATINGS_PART.key) {
    const fields = [
      answers.riskToPartner,
      answers.riskToPartnerReasons,
      answers.riskToOthers,
      answers.riskToOthersReasons,
    ];
    const given = fields.filter((value) => !blank(value)).length;
    return given === 0 ? 'not-started' : given === fields.length ? 'completed' : 'in-progress';
  }
  const items = itemsOfPart(key).map((item) => itemAnswer(answers, item.number));
  if (items.every((a) => a.code !== null && !(a.critical && a.code === 0))) return 'completed';
  const touched = items.some((a) => a.code !== null || a.critical || !blank(a.evidence));
  return touched ? 'in-progress' : 'not-started';
}

export interface SaraItemCounts {
  present: number;
  partlyPresent: number;
  absent: number;
  notCoded: number;
  critical: number;
}

/**
 * How many items are coded each way and how many are critical, for the assessor to see beside the
 * items. A description of the items only: SARA has no cut-off, and these counts decide nothing.
 */
export function itemCounts(answers: SaraAnswers): SaraItemCounts {
  const all = SARA_ITEMS.map((item) => itemAnswer(answers, item.number));
  return {
    present: all.filter((a) => a.code === 2).length,
    partlyPresent: all.filter((a) => a.code === 1).length,
    absent: all.filter((a) => a.code === 0).length,
    notCoded: all.filter((a) => a.code === null).length,
    critical: all.filter((a) => a.critical).length,
  };
}

export const NO_CUT_OFF =
  'SARA has no cut-off score. These counts describe the items; they do not decide the ratings, ' +
  'which are your professional judgement from all the evidence.';
