import { describe, expect, it } from 'vitest';
import { readPdf, renderPdf } from '../platform/documents/index.js';
import {
  activityLogExtract,
  courtApplication,
  orderAndWarnings,
  plainText,
  warningLetter,
  type BreachPackInput,
} from './documents.js';

const to = {
  name: 'Jordan Example',
  crn: 'X999001',
  address: {
    building: '12',
    street: 'High Street',
    district: null,
    town: 'Chelmsford',
    county: null,
    postcode: 'CM1 1AA',
  },
  largePrint: false,
  interpreterLanguage: null,
};

const letter = warningLetter({
  to,
  orderDescription: 'Community order',
  orderType: 'CO',
  sentenceDate: '2026-06-01',
  failure: {
    date: '2026-09-14',
    typeDescription: 'Office appointment',
    outcomeDescription: 'Unacceptable absence',
    notes: null,
  },
  level: 'community',
  issuedOn: '2026-09-15',
  expiresOn: '2027-09-14',
  officer: 'Priya Okonjo',
});

const pack: BreachPackInput = {
  to,
  dateOfBirth: '1990-02-03',
  order: {
    description: 'Suspended sentence order',
    type: 'SSO',
    sentenceDate: '2026-06-01',
    startDate: '2026-06-01',
    expectedEndDate: '2027-12-01',
    lengthMonths: 18,
    sentencingCourt: 'Chelmsford Crown Court',
  },
  court: null,
  requirements: [{ description: 'Unpaid work', units: '120 hours', startDate: '2026-06-01' }],
  failures: [
    {
      date: '2026-11-02',
      typeDescription: 'Office appointment',
      outcomeDescription: 'Unacceptable absence',
      notes: null,
      decided: 'Refer for breach (2026-11-03)',
    },
  ],
  warnings: [{ issuedOn: '2026-09-15', level: 'community', withdrawnOn: null }],
  compliance: { kept: 10, acceptable: 1, unacceptable: 2 },
  assessment: 'Engagement has fallen away.',
  proposal: 'That the order continue.',
  officer: 'Priya Okonjo',
  preparedOn: '2026-11-04',
  countersignedBy: null,
  countersignedOn: null,
  courtProcess: 'summons',
  warrantReason: null,
  warningLetters: [{ issuedOn: '2026-09-15', level: 'community', text: plainText(letter) }],
  activity: {
    from: '2026-06-01',
    to: '2026-11-03',
    entries: [
      {
        date: '2026-09-14',
        type: 'Office appointment',
        outcome: 'Unacceptable absence',
        notes: 'Did not attend',
        sensitive: false,
      },
      {
        date: '2026-10-01',
        type: 'Home visit',
        outcome: null,
        notes: 'Partner disclosed abuse',
        sensitive: true,
      },
    ],
  },
};

describe('the breach pack’s other documents', () => {
  it('copies the order and each warning letter’s stored text, with the three statutory elements', () => {
    const text = plainText(orderAndWarnings(pack));
    expect(text).toContain('Suspended sentence order, made on 1 June 2026');
    expect(text).toContain('Chelmsford Crown Court');
    expect(text).toContain('Unpaid work: 120 hours');
    expect(text).toContain('Warning letter (community) issued on 15 September 2026');
    expect(text).toContain('On 14 September 2026 you were required to attend an office appointment');
    expect(text).toContain('is unacceptable');
    expect(text).toContain('within 12 months of this warning');
  });

  it('withholds sensitive notes from the activity log extract', () => {
    const text = plainText(activityLogExtract(pack));
    expect(text).toContain('from 1 June 2026 to 3 November 2026');
    expect(text).toContain('Did not attend');
    expect(text).toContain('Sensitive: withheld');
    expect(text).not.toContain('Partner disclosed abuse');
  });

  it('applies for a summons under Schedule 16 for a suspended sentence order, as a tagged PDF', async () => {
    const pdf = await readPdf(await renderPdf(courtApplication(pack)));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(pdf.tagged).toBe(true);
    expect(text).toContain('Application for a summons');
    expect(text).toContain('Sentencing Code, Schedule 16, Part 2');
    expect(text).toContain(
      'apply for a summons requiring Jordan Example, of 12, High Street, Chelmsford, CM1 1AA, to appear before the court',
    );
    expect(text).not.toContain('Why a warrant is needed');
  });
});
