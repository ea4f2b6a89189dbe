/**
 * The layered assessment's sections, items and thresholds, as data. Source:
 * reference/risk-instruments.md, "OASys: the layered assessment". The item numbers follow OASys
 * where the reference names the item; the thresholds are the reference's table.
 */
import type { NeedName } from '../tiering/index.js';

/** An answer the assessor can give, with the score it carries (0, 1 or 2) where it is scored. */
export interface AnswerOption {
  value: string;
  text: string;
  score: number;
}

export const SCALES = {
  problem: [
    { value: '0', text: 'No problems', score: 0 },
    { value: '1', text: 'Some problems', score: 1 },
    { value: '2', text: 'Significant problems', score: 2 },
  ],
  /** A yes/no item that scores 2 for yes, as OASys scores "no fixed abode" and "unemployed". */
  yesScoresTwo: [
    { value: 'no', text: 'No', score: 0 },
    { value: 'yes', text: 'Yes', score: 2 },
  ],
  motivation: [
    { value: 'full', text: 'Full motivation', score: 0 },
    { value: 'partial', text: 'Partial motivation', score: 1 },
    { value: 'none', text: 'No motivation', score: 2 },
  ],
  awareness: [
    { value: 'yes', text: 'Yes', score: 0 },
    { value: 'sometimes', text: 'Sometimes', score: 1 },
    { value: 'no', text: 'No', score: 2 },
  ],
  injected: [
    { value: 'never', text: 'Never', score: 0 },
    { value: 'previously', text: 'Previously', score: 1 },
    { value: 'currently', text: 'Currently', score: 2 },
  ],
  /** An unscored yes/no question. */
  yesNo: [
    { value: 'no', text: 'No', score: 0 },
    { value: 'yes', text: 'Yes', score: 0 },
  ],
} as const satisfies Record<string, readonly AnswerOption[]>;

export type ScaleName = keyof typeof SCALES;

export interface Item {
  code: string;
  question: string;
  scale: ScaleName;
  /** Counts towards the section score. Unscored items are still answered: predictors and the tier read some. */
  scored: boolean;
  hint?: string;
}

/** A fact of the offending history: typed, or filled in from the record and corrected with a reason. */
export interface Fact {
  code: string;
  label: string;
  kind: 'date' | 'count' | 'offence-category' | 'percent' | 'yes-no';
  hint?: string;
  /** False when a blank is a proper answer (RSR until OASys gives one). */
  required: boolean;
  /** Needed only when the person has a sexual sanction. */
  sexualOffendingOnly?: boolean;
  /** The heading the fact sits under on the page. */
  group: 'Convictions and sanctions' | 'Sexual offending' | 'Risk of serious recidivism';
}

export interface RatingGroup {
  code: string;
  text: string;
  /** Prisoners are rated in custody only. */
  settings: readonly ('community' | 'custody')[];
}

export interface SectionDefinition {
  code: string;
  title: string;
  /** The need this section measures, in the tier's words; absent for sections 1, 2, 13 and the RoSH summary. */
  need?: NeedName;
  /** A scored section's thresholds: a need at `needAt`, a severe need at `severeAt`. */
  thresholds?: { needAt: number; severeAt: number };
  items: readonly Item[];
  facts?: readonly Fact[];
  /** Whether the assessor says if the section is linked to offending and to risk of serious harm. */
  asksLinks: boolean;
  /** Sections whose explanatory text ends the task list (the RoSH summary). */
  kind: 'facts' | 'items' | 'rosh';
}

const problem = (code: string, question: string, scored = true, hint?: string): Item => ({
  code,
  question,
  scale: 'problem',
  scored,
  ...(hint ? { hint } : {}),
});

export const SECTIONS: readonly SectionDefinition[] = [
  {
    code: '1',
    title: 'Offending information',
    kind: 'facts',
    asksLinks: false,
    items: [],
    facts: [
      {
        code: 'ogrs3Category',
        label: 'Offence category of the current offence (OGRS3)',
        kind: 'offence-category',
        group: 'Convictions and sanctions',
        required: true,
      },
      {
        code: 'currentConvictionDate',
        label: 'Date of the current conviction',
        kind: 'date',
        group: 'Convictions and sanctions',
        required: true,
      },
      {
        code: 'totalSanctions',
        label: 'Total sanctions, the current one included',
        kind: 'count',
        group: 'Convictions and sanctions',
        required: true,
        hint: 'Convictions, cautions, reprimands and final warnings, from the Police National Computer',
      },
      {
        code: 'firstSanctionDate',
        label: 'Date of the first sanction',
        kind: 'date',
        group: 'Convictions and sanctions',
        required: true,
      },
      {
        code: 'violentSanctions',
        label: 'Sanctions for violent offences',
        kind: 'count',
        group: 'Convictions and sanctions',
        required: true,
        hint: 'The current one included if it is violent',
      },
      {
        code: 'followUpStartDate',
        label: 'Start of the period at risk',
        kind: 'date',
        group: 'Convictions and sanctions',
        required: true,
        hint: 'The sentence date for a community sentence; the release date for a custodial one',
      },
      {
        code: 'contactAdultSexualSanctions',
        label: 'Sanctions for contact sexual offences against an adult',
        kind: 'count',
        group: 'Sexual offending',
        required: true,
      },
      {
        code: 'contactChildSexualSanctions',
        label: 'Sanctions for contact sexual offences against a child',
        kind: 'count',
        group: 'Sexual offending',
        required: true,
      },
      {
        code: 'nonContactSexualSanctions',
        label: 'Sanctions for non-contact sexual offences (not indecent images)',
        kind: 'count',
        group: 'Sexual offending',
        required: true,
      },
      {
        code: 'indecentImageSanctions',
        label: 'Sanctions for indecent image offences',
        kind: 'count',
        group: 'Sexual offending',
        required: true,
      },
      {
        code: 'lastSexualSanctionDate',
        label: 'Date of the most recent sexual sanction',
        kind: 'date',
        group: 'Sexual offending',
        required: true,
        sexualOffendingOnly: true,
      },
      {
        code: 'mostRecentSexualOffenceDate',
        label: 'Date of the most recent sexual offence',
        kind: 'date',
        group: 'Sexual offending',
        required: true,
        sexualOffendingOnly: true,
      },
      {
        code: 'mostRecentOffenceDate',
        label: 'Date of the most recent offence of any kind',
        kind: 'date',
        group: 'Sexual offending',
        required: true,
        sexualOffendingOnly: true,
      },
      {
        code: 'strangerVictim',
        label: 'Was any sexual offence against a stranger?',
        kind: 'yes-no',
        group: 'Sexual offending',
        required: true,
        sexualOffendingOnly: true,
      },
      {
        code: 'rsrPercent',
        label: 'RSR percentage from OASys',
        kind: 'percent',
        group: 'Risk of serious recidivism',
        required: false,
        hint: 'Probity does not work RSR out until a verified coefficient table is added: record the figure OASys gave, or leave it blank',
      },
    ],
  },
  {
    code: '2',
    title: 'Analysis of offences',
    kind: 'items',
    asksLinks: true,
    items: [
      {
        code: '2.8',
        question:
          'Does the person recognise the impact and consequences of their offending on victims, the community or society?',
        scale: 'yesNo',
        scored: false,
      },
    ],
  },
  {
    code: '3',
    title: 'Accommodation',
    kind: 'items',
    need: 'accommodation',
    thresholds: { needAt: 2, severeAt: 7 },
    asksLinks: true,
    items: [
      {
        code: '3.3',
        question: 'Is the person currently of no fixed abode or in transient accommodation?',
        scale: 'yesScoresTwo',
        scored: true,
      },
      problem('3.4', 'Suitability of accommodation'),
      problem('3.5', 'Permanence of accommodation'),
      problem('3.6', 'Suitability of the location of the accommodation'),
    ],
  },
  {
    code: '4',
    title: 'Education, training and employability',
    kind: 'items',
    need: 'education-training-employability',
    thresholds: { needAt: 3, severeAt: 7 },
    asksLinks: true,
    items: [
      {
        code: '4.2',
        question: 'Is the person unemployed, or will they be on release?',
        scale: 'yesScoresTwo',
        scored: true,
      },
      problem('4.3', 'Employment history'),
      problem('4.4', 'Work-related skills'),
      problem('4.5', 'Attitude to employment'),
    ],
  },
  {
    code: '5',
    title: 'Financial management and income',
    kind: 'items',
    need: 'finance',
    asksLinks: true,
    items: [
      problem('5.2', 'Financial situation', false),
      problem('5.3', 'Financial management', false),
      {
        code: '5.4',
        question: 'Are illegal earnings a source of income?',
        scale: 'yesNo',
        scored: false,
      },
      problem('5.5', 'Over-reliance on family or friends for financial support', false),
      problem('5.6', 'Severe debts', false),
    ],
  },
  {
    code: '6',
    title: 'Relationships',
    kind: 'items',
    need: 'relationships',
    thresholds: { needAt: 2, severeAt: 5 },
    asksLinks: true,
    items: [
      problem('6.1', 'Current relationship with close family members'),
      problem('6.3', 'Experience of childhood'),
      problem('6.6', 'Previous experience of close relationships'),
      {
        code: '6.9',
        question: 'Are there concerns about the person’s parenting or care of children?',
        scale: 'yesNo',
        scored: false,
      },
    ],
  },
  {
    code: '7',
    title: 'Lifestyle and associates',
    kind: 'items',
    need: 'lifestyle',
    thresholds: { needAt: 2, severeAt: 5 },
    asksLinks: true,
    items: [
      problem('7.2', 'Regular activities encourage offending'),
      problem('7.3', 'Easily influenced by criminal associates'),
      problem('7.5', 'Recklessness and risk-taking behaviour'),
    ],
  },
  {
    code: '8',
    title: 'Drug misuse',
    kind: 'items',
    need: 'drugs',
    thresholds: { needAt: 2, severeAt: 8 },
    asksLinks: true,
    items: [
      problem('8.4', 'Current drug misuse'),
      problem('8.5', 'Level of use of the main drug'),
      { code: '8.6', question: 'Has the person ever injected drugs?', scale: 'injected', scored: true },
      { code: '8.8', question: 'Motivation to tackle drug misuse', scale: 'motivation', scored: true },
      problem('8.9', 'Drug use and obtaining drugs a major activity or occupation'),
    ],
  },
  {
    code: '9',
    title: 'Alcohol misuse',
    kind: 'items',
    need: 'alcohol',
    thresholds: { needAt: 4, severeAt: 7 },
    asksLinks: true,
    items: [
      problem('9.1', 'Is current use of alcohol a problem?'),
      problem('9.2', 'Binge drinking or excessive use of alcohol in the last six months'),
      problem('9.3', 'Frequency and level of alcohol misuse in the past'),
      { code: '9.5', question: 'Motivation to tackle alcohol misuse', scale: 'motivation', scored: true },
    ],
  },
  {
    code: '10',
    title: 'Emotional well-being',
    kind: 'items',
    need: 'emotional-wellbeing',
    asksLinks: true,
    items: [
      problem('10.1', 'Difficulties coping', false),
      problem('10.2', 'Current psychological problems or depression', false),
      problem('10.3', 'Social isolation', false),
      problem('10.4', 'Attitude to self', false),
      {
        code: '10.5',
        question: 'Has the person self-harmed, attempted suicide or had suicidal thoughts?',
        scale: 'yesNo',
        scored: false,
      },
      {
        code: '10.6',
        question: 'Is the person in psychiatric treatment now, or is treatment pending?',
        scale: 'yesNo',
        scored: false,
      },
    ],
  },
  {
    code: '11',
    title: 'Thinking and behaviour',
    kind: 'items',
    need: 'thinking-behaviour',
    thresholds: { needAt: 4, severeAt: 7 },
    asksLinks: true,
    items: [
      problem('11.2', 'Impulsivity', false),
      problem('11.4', 'Temper control', false),
      problem('11.5', 'Recognises problems'),
      problem('11.6', 'Problem solving skills'),
      {
        code: '11.7',
        question: 'Is the person aware of the consequences of their actions?',
        scale: 'awareness',
        scored: true,
      },
      problem('11.8', 'Understands other people’s views'),
    ],
  },
  {
    code: '12',
    title: 'Attitudes',
    kind: 'items',
    need: 'attitudes',
    thresholds: { needAt: 2, severeAt: 7 },
    asksLinks: true,
    items: [
      problem('12.1', 'Pro-criminal attitudes'),
      problem('12.3', 'Attitude towards supervision or licence'),
      problem('12.5', 'Attitude towards the community or society'),
      {
        code: '12.8',
        question: 'Motivation to address offending behaviour',
        scale: 'motivation',
        scored: true,
      },
    ],
  },
  {
    code: '13',
    title: 'Health and other considerations',
    kind: 'items',
    asksLinks: true,
    items: [
      {
        code: '13.1',
        question: 'Are there health problems that affect the person’s ability to take part in supervision?',
        scale: 'yesNo',
        scored: false,
      },
    ],
  },
  {
    code: 'rosh',
    title: 'Risk of serious harm summary',
    kind: 'rosh',
    asksLinks: false,
    items: [],
  },
];

export const ROSH_RATINGS = [
  { value: 'low', text: 'Low' },
  { value: 'medium', text: 'Medium' },
  { value: 'high', text: 'High' },
  { value: 'very-high', text: 'Very high' },
] as const;

export type RoshRating = (typeof ROSH_RATINGS)[number]['value'];

export const ROSH_GROUPS: readonly RatingGroup[] = [
  { code: 'children', text: 'Children', settings: ['community', 'custody'] },
  { code: 'public', text: 'The public', settings: ['community', 'custody'] },
  { code: 'knownAdult', text: 'A known adult', settings: ['community', 'custody'] },
  { code: 'staff', text: 'Staff', settings: ['community', 'custody'] },
  { code: 'prisoners', text: 'Prisoners', settings: ['custody'] },
];

/** The RoSH summary's written answers, in the order OASys asks them. */
export const ROSH_QUESTIONS = [
  { code: 'whoIsAtRisk', label: 'Who is at risk', hint: 'Name or describe the people or groups at risk' },
  { code: 'natureOfRisk', label: 'What is the nature of the risk?', hint: undefined },
  {
    code: 'whenGreatest',
    label: 'When is the risk likely to be greatest?',
    hint: 'Circumstances and timing',
  },
  { code: 'increasesRisk', label: 'What circumstances are likely to increase the risk?', hint: undefined },
  { code: 'decreasesRisk', label: 'What factors are likely to reduce the risk?', hint: 'Protective factors' },
] as const;

/** The answer key of one RoSH rating, for example "community.children". */
export function ratingKey(setting: 'community' | 'custody', group: string): string {
  return `${setting}.${group}`;
}

export const ROSH_RATING_KEYS: readonly string[] = ROSH_GROUPS.flatMap((g) =>
  g.settings.map((s) => ratingKey(s, g.code)),
);

export function sectionDefinition(code: string): SectionDefinition | undefined {
  return SECTIONS.find((s) => s.code === code);
}

export function itemDefinition(code: string): Item | undefined {
  for (const section of SECTIONS) {
    const item = section.items.find((i) => i.code === code);
    if (item) return item;
  }
  return undefined;
}

export function optionOf(item: Item, value: string | undefined): AnswerOption | undefined {
  return (SCALES[item.scale] as readonly AnswerOption[]).find((o) => o.value === value);
}
