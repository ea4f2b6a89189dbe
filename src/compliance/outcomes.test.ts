import { describe, expect, it } from 'vitest';
import { CONTACT_OUTCOMES, outcomeDefinition, recordedOutcome } from './outcomes.js';

const codesWhere = (test: (o: (typeof CONTACT_OUTCOMES)[number]) => boolean) =>
  CONTACT_OUTCOMES.filter(test)
    .map((o) => o.code)
    .sort();

describe('the nDelius outcome table', () => {
  it('holds each reference code once', () => {
    const codes = CONTACT_OUTCOMES.map((o) => o.code);
    expect(new Set(codes).size).toBe(23);
    expect(codes.length).toBe(23);
  });

  it('makes exactly AFTC, ATSH, ATFI and UAAB enforceable when recorded', () => {
    expect(codesWhere((o) => o.enforceability === 'enforceable')).toEqual(['AFTC', 'ATFI', 'ATSH', 'UAAB']);
  });

  it('makes a failure to attend (AFTA) enforceable only once the evidence window closes', () => {
    expect(codesWhere((o) => o.enforceability === 'once-evidence-window-closes')).toEqual(['AFTA']);
    expect(outcomeDefinition('AFTA')?.category).toBe('awaiting-evidence');
  });

  it('groups the outcomes as the reference does', () => {
    expect(codesWhere((o) => o.attended)).toEqual(['AFDA', 'AFTC', 'APPK', 'ATSH', 'ATSS', 'ATTC']);
    expect(codesWhere((o) => o.category === 'acceptable-absence')).toEqual([
      'AAAA',
      'AACL',
      'AAEM',
      'AAFC',
      'AAHO',
      'AAME',
      'AARC',
      'AARE',
      'AASD',
      'CO05',
    ]);
    expect(codesWhere((o) => o.category === 'unacceptable')).toEqual([
      'ABNS',
      'AFTC',
      'ATFI',
      'ATSH',
      'UAAB',
      'UBHV',
    ]);
    expect(codesWhere((o) => o.category === 'rescheduled')).toEqual(['RSOF', 'RSSR']);
  });

  it('gives a contact the flags of its recorded outcome', () => {
    expect(recordedOutcome('AFTA')).toEqual({
      code: 'AFTA',
      category: 'awaiting-evidence',
      attended: false,
      enforceable: false,
    });
    expect(recordedOutcome('ATSH')).toEqual({
      code: 'ATSH',
      category: 'unacceptable',
      attended: true,
      enforceable: true,
    });
  });

  it('knows nothing of other codes', () => {
    expect(outcomeDefinition('XXXX')).toBeUndefined();
  });
});
