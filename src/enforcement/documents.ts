import type { DocumentBlock, DocumentModel } from '../platform/documents/index.js';
import { formatDate } from '../platform/http/format.js';

/**
 * The letters and reports of enforcement, as block models: the same model renders
 * to a tagged PDF (renderPdf) and to HTML for the preview. Pure.
 */

export interface Addressee {
  name: string;
  crn: string;
  address: {
    building: string | null;
    street: string;
    district: string | null;
    town: string;
    county: string | null;
    postcode: string;
  } | null;
  largePrint: boolean;
  interpreterLanguage: string | null;
}

export interface FailureDetail {
  date: string;
  typeDescription: string;
  outcomeDescription: string;
  notes: string | null;
}

/** 'an office appointment', 'a home visit'. */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function addressLines(to: Addressee): string[] {
  const a = to.address;
  if (!a) return [to.name, 'No main address recorded'];
  return [to.name, a.building, a.street, a.district, a.town, a.county, a.postcode].filter((l): l is string =>
    Boolean(l),
  );
}

function languageNote(to: Addressee): DocumentBlock[] {
  return to.interpreterLanguage
    ? [
        {
          kind: 'paragraph',
          bold: true,
          text: `This letter is available in ${to.interpreterLanguage}. Tell your probation officer and we will give it to you in ${to.interpreterLanguage}, and arrange an interpreter to explain it.`,
        },
      ]
    : [];
}

function model(title: string, to: Addressee, blocks: DocumentBlock[], author: string): DocumentModel {
  return {
    title,
    author,
    subject: `${to.name} (${to.crn})`,
    language: 'en-GB',
    largePrint: to.largePrint,
    blocks,
  };
}

export interface WarningLetterInput {
  to: Addressee;
  orderDescription: string;
  orderType: 'CO' | 'SSO' | 'LIC' | 'PSS';
  sentenceDate: string;
  failure: FailureDetail;
  level: 'first' | 'second' | 'final' | 'community';
  issuedOn: string;
  expiresOn: string;
  officer: string;
}

/**
 * A warning letter with the three statutory elements (Sentencing Code Sch 10 para 6(2)):
 * the circumstances of the failure, that it is unacceptable, and that another failure
 * within 12 months makes the person liable to be brought before the court.
 */
export function warningLetter(input: WarningLetterInput): DocumentModel {
  const { to, failure } = input;
  const licence = input.orderType === 'LIC';
  const heading = licence
    ? `${input.level.charAt(0).toUpperCase()}${input.level.slice(1)} warning: you did not comply with your licence`
    : 'Warning: you did not comply with your order';
  const blocks: DocumentBlock[] = [
    { kind: 'lines', lines: addressLines(to) },
    { kind: 'paragraph', text: `Date: ${formatDate(input.issuedOn)}    Case reference: ${to.crn}` },
    { kind: 'heading', level: 1, text: heading },
    ...languageNote(to),
    { kind: 'heading', level: 2, text: 'What happened' },
    {
      kind: 'paragraph',
      text: `You are subject to ${withArticle(input.orderDescription.toLowerCase())} made on ${formatDate(input.sentenceDate)}. On ${formatDate(failure.date)} you were required to attend ${withArticle(failure.typeDescription.toLowerCase())}. The outcome was: ${failure.outcomeDescription.toLowerCase()}.${failure.notes ? ` ${failure.notes}` : ''}`,
    },
    { kind: 'paragraph', text: 'You did not give an acceptable reason for this failure to comply.' },
    { kind: 'heading', level: 2, text: 'This is unacceptable' },
    {
      kind: 'paragraph',
      bold: true,
      text: `Your failure to comply with your ${licence ? 'licence' : 'order'} is unacceptable.`,
    },
    { kind: 'heading', level: 2, text: 'What happens if you fail again' },
    licence
      ? {
          kind: 'paragraph',
          bold: true,
          text: 'If you fail to comply with your licence again, you may be recalled to prison.',
        }
      : {
          kind: 'paragraph',
          bold: true,
          text: `If you fail to comply again within 12 months of this warning (that is, by ${formatDate(input.expiresOn)}), you will be liable to be brought before the court.`,
        },
    {
      kind: 'paragraph',
      text: 'If you think this warning is wrong, or you have evidence that you had an acceptable reason, contact your probation officer as soon as possible.',
    },
    { kind: 'lines', lines: ['Yours sincerely', '', input.officer, 'Responsible officer'] },
  ];
  return model(licence ? 'Licence warning letter' : 'Warning letter', to, blocks, input.officer);
}

/** The letter as plain text, stored beside the PDF. */
export function plainText(doc: DocumentModel): string {
  return doc.blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'lines':
          return b.lines.join('\n');
        case 'list':
          return b.items.map((i) => `- ${i}`).join('\n');
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n');
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

export interface BreachPackInput {
  to: Addressee;
  dateOfBirth: string;
  order: {
    description: string;
    type: 'CO' | 'SSO' | 'LIC' | 'PSS';
    sentenceDate: string;
    startDate: string;
    expectedEndDate: string;
    lengthMonths: number | null;
    /** The court that made the order. */
    sentencingCourt: string | null;
  };
  court: string | null;
  requirements: Array<{ description: string; units: string; startDate: string }>;
  failures: Array<FailureDetail & { decided: string }>;
  warnings: Array<{ issuedOn: string; level: string; withdrawnOn: string | null }>;
  compliance: { kept: number; acceptable: number; unacceptable: number };
  assessment: string;
  proposal: string;
  officer: string;
  preparedOn: string;
  countersignedBy: string | null;
  countersignedOn: string | null;
  courtProcess: 'summons' | 'warrant';
  warrantReason: string | null;
  /** The stored text of each warning letter given under the order and not withdrawn. */
  warningLetters: Array<{ issuedOn: string; level: string; text: string }>;
  activity: {
    from: string;
    to: string;
    entries: Array<{
      date: string;
      type: string;
      outcome: string | null;
      notes: string | null;
      sensitive: boolean;
    }>;
  };
}

/** Who the person is and what the order is, with any rows a document adds. */
function orderSummary(input: BreachPackInput, more: string[][] = []): DocumentBlock {
  return {
    kind: 'table',
    header: ['', ''],
    rows: [
      ['Name', input.to.name],
      ['Case reference (CRN)', input.to.crn],
      ['Date of birth', formatDate(input.dateOfBirth)],
      ['Order', `${input.order.description}, made on ${formatDate(input.order.sentenceDate)}`],
      ['Made by', input.order.sentencingCourt ?? 'Not recorded'],
      ['Order runs', `${formatDate(input.order.startDate)} to ${formatDate(input.order.expectedEndDate)}`],
      ...more,
    ],
  };
}

function requirementBlocks(input: BreachPackInput): DocumentBlock {
  return input.requirements.length
    ? {
        kind: 'list',
        items: input.requirements.map(
          (r) => `${r.description}${r.units ? `: ${r.units}` : ''} (from ${formatDate(r.startDate)})`,
        ),
      }
    : { kind: 'paragraph', text: 'Supervision only: no requirements recorded.' };
}

/** The breach provisions of the Sentencing Code for the order (Sch 10 for a community order, Sch 16 for an SSO). */
function breachProvisions(type: BreachPackInput['order']['type']): string {
  return type === 'SSO'
    ? 'Sentencing Code, Schedule 16, Part 2 (breach of a community requirement of a suspended sentence order)'
    : 'Sentencing Code, Schedule 10, Part 2 (breach of a requirement of a community order)';
}

/** The order and the warning letters given under it, as recorded: copies for the court. */
export function orderAndWarnings(input: BreachPackInput): DocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'The order and the warnings given' },
    {
      kind: 'paragraph',
      text: 'Copies of the order and of each warning letter as recorded in the case record. Warnings that were withdrawn are left out.',
    },
    { kind: 'heading', level: 2, text: 'The order' },
    orderSummary(input),
    { kind: 'heading', level: 3, text: 'Requirements' },
    requirementBlocks(input),
    { kind: 'heading', level: 2, text: 'Warning letters' },
  ];
  if (!input.warningLetters.length)
    blocks.push({ kind: 'paragraph', text: 'No warning letter was given under this order.' });
  for (const letter of input.warningLetters) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: `Warning letter (${letter.level}) issued on ${formatDate(letter.issuedOn)}`,
    });
    for (const part of letter.text.split(/\n{2,}/)) blocks.push({ kind: 'lines', lines: part.split('\n') });
  }
  return model('The order and the warnings given', input.to, blocks, input.officer);
}

/** The relevant extract of the activity log: contacts on the order over the breach period. Sensitive notes are withheld. */
export function activityLogExtract(input: BreachPackInput): DocumentModel {
  const { activity } = input;
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Activity log extract' },
    {
      kind: 'paragraph',
      text: `${input.to.name} (${input.to.crn}), ${input.order.description.toLowerCase()}: every contact recorded on the order from ${formatDate(activity.from)} to ${formatDate(activity.to)}. Notes marked sensitive are withheld.`,
    },
    activity.entries.length
      ? {
          kind: 'table',
          header: ['Date', 'Contact', 'Outcome', 'Notes'],
          rows: activity.entries.map((e) => [
            formatDate(e.date),
            e.type,
            e.outcome ?? 'None recorded',
            e.sensitive ? 'Sensitive: withheld' : (e.notes ?? ''),
          ]),
        }
      : { kind: 'paragraph', text: 'No contact was recorded on the order in that period.' },
  ];
  return model('Activity log extract', input.to, blocks, input.officer);
}

/** The application to the court for a summons, or a warrant with the reason one is needed. */
export function courtApplication(input: BreachPackInput): DocumentModel {
  const warrant = input.courtProcess === 'warrant';
  const address = input.to.address ? addressLines(input.to).slice(1).join(', ') : 'no main address recorded';
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: warrant ? 'Application for a warrant' : 'Application for a summons' },
    { kind: 'paragraph', text: breachProvisions(input.order.type) },
    orderSummary(input),
    {
      kind: 'paragraph',
      text: `I, ${input.officer}, the responsible officer, apply for ${warrant ? 'a warrant for the arrest of' : 'a summons requiring'} ${input.to.name}, of ${address}, ${warrant ? 'to be brought' : 'to appear'} before the court to answer the information that they failed without reasonable excuse to comply with the requirements of the ${input.order.description.toLowerCase()} made on ${formatDate(input.order.sentenceDate)}.`,
    },
    { kind: 'heading', level: 2, text: 'The failures' },
    failureTable(input),
  ];
  if (warrant && input.warrantReason)
    blocks.push(
      { kind: 'heading', level: 2, text: 'Why a warrant is needed' },
      { kind: 'paragraph', text: input.warrantReason },
    );
  blocks.push({
    kind: 'lines',
    lines: [`Signed: ${input.officer}, responsible officer`, `Dated: ${formatDate(input.preparedOn)}`],
  });
  return model(
    warrant ? 'Application for a warrant' : 'Application for a summons',
    input.to,
    blocks,
    input.officer,
  );
}

function failureTable(input: BreachPackInput): DocumentBlock {
  return {
    kind: 'table',
    header: ['Date', 'Appointment', 'Outcome', 'Enforcement'],
    rows: input.failures.map((f) => [formatDate(f.date), f.typeDescription, f.outcomeDescription, f.decided]),
  };
}

/** The breach report to the court: order, requirements, failures, warnings, compliance, assessment and proposal. */
export function breachReport(input: BreachPackInput): DocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Breach report' },
    orderSummary(input, [['Court', input.court ?? 'Not yet known']]),
    { kind: 'heading', level: 2, text: 'Requirements of the order' },
    requirementBlocks(input),
    { kind: 'heading', level: 2, text: 'Failures to comply' },
    failureTable(input),
    { kind: 'heading', level: 2, text: 'Warnings given' },
    input.warnings.length
      ? {
          kind: 'list',
          items: input.warnings.map(
            (w) =>
              `Warning (${w.level}) issued on ${formatDate(w.issuedOn)}${w.withdrawnOn ? `, withdrawn on ${formatDate(w.withdrawnOn)}` : ''}`,
          ),
        }
      : { kind: 'paragraph', text: 'No warning was given before this breach.' },
    { kind: 'heading', level: 2, text: 'Compliance to date' },
    {
      kind: 'paragraph',
      text: `Appointments kept: ${input.compliance.kept}. Acceptable absences: ${input.compliance.acceptable}. Unacceptable outcomes: ${input.compliance.unacceptable}.`,
    },
    { kind: 'heading', level: 2, text: 'Responsible officer’s assessment' },
    { kind: 'paragraph', text: input.assessment },
    { kind: 'heading', level: 2, text: 'Proposal' },
    { kind: 'paragraph', text: input.proposal },
    {
      kind: 'paragraph',
      text:
        input.courtProcess === 'warrant'
          ? `A warrant is requested: ${input.warrantReason ?? ''}`
          : 'A summons is requested.',
    },
    {
      kind: 'lines',
      lines: [
        `Prepared by ${input.officer}, responsible officer, on ${formatDate(input.preparedOn)}`,
        input.countersignedBy
          ? `Countersigned by ${input.countersignedBy}, manager, on ${formatDate(input.countersignedOn!)}`
          : 'Awaiting countersignature by a manager',
      ],
    },
  ];
  return model('Breach report', input.to, blocks, input.officer);
}

/** The statement of facts, in witness statement format (Criminal Procedure Rules r.16.2) with a statement of truth. */
export function statementOfFacts(input: BreachPackInput): DocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Statement of facts: witness statement' },
    {
      kind: 'paragraph',
      text: 'Criminal Justice Act 1967, s.9; Magistrates’ Courts Act 1980, s.5B; Criminal Procedure Rules, r.16.2',
    },
    {
      kind: 'table',
      header: ['', ''],
      rows: [
        ['Statement of', input.officer],
        ['Occupation', 'Responsible officer, Probation Service'],
        ['In the case of', `${input.to.name} (${input.to.crn}), born ${formatDate(input.dateOfBirth)}`],
      ],
    },
    {
      kind: 'paragraph',
      bold: true,
      text: 'This statement, consisting of this document, is true to the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true.',
    },
    {
      kind: 'paragraph',
      text: `I am the responsible officer for ${input.to.name}, who is subject to a ${input.order.description.toLowerCase()} made on ${formatDate(input.order.sentenceDate)}. The order started on ${formatDate(input.order.startDate)}. Its requirements and the consequences of failing to comply with them were explained at induction.`,
    },
    ...input.failures.map((f): DocumentBlock => ({
      kind: 'paragraph',
      text: `On ${formatDate(f.date)}, ${input.to.name} was required to attend ${withArticle(f.typeDescription.toLowerCase())}. The outcome recorded was: ${f.outcomeDescription.toLowerCase()}. No acceptable reason was given.`,
    })),
    ...input.warnings
      .filter((w) => !w.withdrawnOn)
      .map((w): DocumentBlock => ({
        kind: 'paragraph',
        text: `A warning was given on ${formatDate(w.issuedOn)}, stating that a further failure within 12 months would make ${input.to.name} liable to be brought before the court.`,
      })),
    {
      kind: 'paragraph',
      text: 'I therefore lay this information that the requirements of the order have been breached without reasonable excuse.',
    },
    { kind: 'lines', lines: [`Signed: ${input.officer}`, `Dated: ${formatDate(input.preparedOn)}`] },
  ];
  return model('Statement of facts', input.to, blocks, input.officer);
}

export interface RecallInput {
  to: Addressee;
  dateOfBirth: string;
  order: {
    description: string;
    sentenceDate: string;
    releaseDate: string | null;
    licenceExpiryDate: string | null;
  };
  recallType: 'standard' | 'emergency';
  circumstances: string;
  conditionsBreached: string[];
  riskNow: string;
  alternatives: string;
  eligibility: { checks: Array<{ test: string; passed: boolean }>; reasons: string[]; source: string };
  fixedTermDays: number | null;
  officer: string;
  recommendedOn: string;
  countersignatures: string[];
}

/** Part A of the recall: the recommendation, its countersignatures and the fixed-term assessment. */
export function recallReport(input: RecallInput): DocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: `Recall report: ${input.recallType} recall` },
    {
      kind: 'table',
      header: ['', ''],
      rows: [
        ['Name', input.to.name],
        ['Case reference (CRN)', input.to.crn],
        ['Date of birth', formatDate(input.dateOfBirth)],
        ['Sentence', `${input.order.description}, sentenced ${formatDate(input.order.sentenceDate)}`],
        ['Released', input.order.releaseDate ? formatDate(input.order.releaseDate) : 'Not recorded'],
        [
          'Licence expiry',
          input.order.licenceExpiryDate ? formatDate(input.order.licenceExpiryDate) : 'Not recorded',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Circumstances' },
    { kind: 'paragraph', text: input.circumstances },
    { kind: 'heading', level: 2, text: 'Licence conditions breached' },
    { kind: 'list', items: input.conditionsBreached },
    { kind: 'heading', level: 2, text: 'Risk now' },
    { kind: 'paragraph', text: input.riskNow },
    { kind: 'heading', level: 2, text: 'Alternatives to recall considered' },
    { kind: 'paragraph', text: input.alternatives },
    { kind: 'heading', level: 2, text: 'Fixed-term recall' },
    {
      kind: 'table',
      header: ['Check', 'Met'],
      rows: input.eligibility.checks.map((c) => [c.test, c.passed ? 'Yes' : 'No']),
    },
    {
      kind: 'paragraph',
      text: input.fixedTermDays
        ? `Eligible for a ${input.fixedTermDays}-day fixed-term recall. Source: ${input.eligibility.source}.`
        : `Not eligible for a fixed-term recall: standard recall. ${input.eligibility.reasons.join('; ')}. Source: ${input.eligibility.source}.`,
    },
    {
      kind: 'lines',
      lines: [
        `Recommended by ${input.officer} on ${formatDate(input.recommendedOn)}`,
        ...input.countersignatures.map((c) => `Countersigned by ${c}`),
      ],
    },
  ];
  return model('Recall report', input.to, blocks, input.officer);
}

/** The letter telling the person that they will not be recalled, and what is expected of them now. */
export function decisionNotToRecallLetter(input: {
  to: Addressee;
  decidedOn: string;
  reason: string;
  manager: string;
}): DocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'lines', lines: addressLines(input.to) },
    { kind: 'paragraph', text: `Date: ${formatDate(input.decidedOn)}    Case reference: ${input.to.crn}` },
    { kind: 'heading', level: 1, text: 'Decision not to recall you to prison' },
    ...languageNote(input.to),
    {
      kind: 'paragraph',
      text: 'Your probation officer recommended that you be recalled to prison because you did not comply with your licence. A manager has decided not to recall you at this time.',
    },
    { kind: 'heading', level: 2, text: 'Why' },
    { kind: 'paragraph', text: input.reason },
    {
      kind: 'paragraph',
      bold: true,
      text: 'You must keep to all the conditions of your licence. If you fail to comply again, you may be recalled to prison.',
    },
    { kind: 'lines', lines: ['Yours sincerely', '', input.manager, 'Manager'] },
  ];
  return model('Decision not to recall', input.to, blocks, input.manager);
}
