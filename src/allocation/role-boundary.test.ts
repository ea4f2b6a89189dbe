import { describe, expect, it } from 'vitest';
import {
  boundaryAlert,
  decideAllocation,
  isRestrictedGrade,
  needsProbationOfficer,
  ROLE_BOUNDARY_POLICY,
  type BoundaryFacts,
} from './role-boundary.js';

function facts(overrides: Partial<BoundaryFacts> = {}): BoundaryFacts {
  return { rosh: null, mappaLevel: null, registrations: [], ...overrides };
}

describe('which cases need a probation officer', () => {
  it.each([
    [{ rosh: 'high' as const }, ['RoSH is high']],
    [{ rosh: 'very-high' as const }, ['RoSH is very high']],
    [{ rosh: 'medium' as const }, []],
    [{ rosh: 'low' as const }, []],
    [{ mappaLevel: 2 as const }, ['MAPPA level 2']],
    [{ mappaLevel: 3 as const }, ['MAPPA level 3']],
    [{ mappaLevel: 1 as const }, []],
    [{ registrations: ['ADVP'] }, ['domestic abuse perpetrator specialism (registration ADVP)']],
    [{ registrations: ['ARSO', 'SHPO'] }, ['sexual offending specialism (registration ARSO, SHPO)']],
    [{ registrations: ['RCPR'] }, ['child protection specialism (registration RCPR)']],
    [{ registrations: ['RMDO'] }, ['mental health specialism (registration RMDO)']],
    [{ registrations: ['IRMO'] }, ['hate crime specialism (registration IRMO)']],
    [{ registrations: ['REG30', 'ADVV', 'WEAP'] }, []],
  ])('%j → %j', (overrides, reasons) => {
    const decision = needsProbationOfficer(facts(overrides));
    expect(decision.reasons).toEqual(reasons);
    expect(decision.needsProbationOfficer).toBe(reasons.length > 0);
  });

  it('gives every reason, in rule order', () => {
    expect(
      needsProbationOfficer(facts({ rosh: 'high', mappaLevel: 2, registrations: ['RMDO', 'ADVP'] })).reasons,
    ).toEqual([
      'RoSH is high',
      'MAPPA level 2',
      'mental health specialism (registration RMDO)',
      'domestic abuse perpetrator specialism (registration ADVP)',
    ]);
  });

  it('follows a configured policy', () => {
    const policy = {
      ...ROLE_BOUNDARY_POLICY,
      roshNeedingProbationOfficer: ['medium', 'high', 'very-high'] as const,
      specialistRegisters: { WEAP: 'weapons' },
    };
    expect(
      needsProbationOfficer(facts({ rosh: 'medium', registrations: ['WEAP', 'ADVP'] }), policy).reasons,
    ).toEqual(['RoSH is medium', 'weapons specialism (registration WEAP)']);
  });
});

describe('allocating a case', () => {
  const over = facts({ registrations: ['ADVP'] });

  it('refuses a case over the boundary to a PSO, with the reason', () => {
    const decision = decideAllocation({ grade: 'PSO', facts: over, override: null });
    expect(decision).toMatchObject({
      allowed: false,
      reasons: ['domestic abuse perpetrator specialism (registration ADVP)'],
    });
    expect(decision.allowed === false && decision.message).toContain(
      'This case needs a probation officer (domestic abuse perpetrator specialism (registration ADVP))',
    );
  });

  it('allows it to a PO, a trainee or a senior without an override', () => {
    for (const grade of ['PO', 'TPO', 'SPO']) {
      expect(decideAllocation({ grade, facts: over, override: null })).toMatchObject({
        allowed: true,
        overridden: false,
      });
    }
  });

  it('allows a case inside the boundary to a PSO', () => {
    expect(decideAllocation({ grade: 'PSO', facts: facts({ rosh: 'medium' }), override: null })).toEqual({
      allowed: true,
      overridden: false,
      reasons: [],
    });
  });

  it('allows a manager’s override that says why, and records the reasons it covers', () => {
    expect(
      decideAllocation({ grade: 'PSO', facts: over, override: { reason: ' Consults Priya Okonjo weekly ' } }),
    ).toEqual({
      allowed: true,
      overridden: true,
      reasons: ['domestic abuse perpetrator specialism (registration ADVP)'],
      overrideReason: 'Consults Priya Okonjo weekly',
    });
  });

  it('refuses an override with no reason', () => {
    expect(decideAllocation({ grade: 'PSO', facts: over, override: { reason: '   ' } })).toMatchObject({
      allowed: false,
    });
  });

  it('knows the restricted grades from the policy', () => {
    expect(isRestrictedGrade('PSO')).toBe(true);
    expect(isRestrictedGrade('PO')).toBe(false);
    expect(isRestrictedGrade('PO', { ...ROLE_BOUNDARY_POLICY, restrictedGrades: ['PO'] })).toBe(true);
  });
});

describe('alerting the manager after a change', () => {
  it('alerts when a PSO holds a case that went over the boundary', () => {
    expect(
      boundaryAlert({ holderGrade: 'PSO', facts: facts({ rosh: 'high' }), overriddenReasons: null }),
    ).toEqual({
      alert: true,
      reasons: ['RoSH is high'],
      uncovered: ['RoSH is high'],
    });
  });

  it('does not alert for a PO, an unallocated case, or a case inside the boundary', () => {
    expect(
      boundaryAlert({ holderGrade: 'PO', facts: facts({ rosh: 'high' }), overriddenReasons: null }).alert,
    ).toBe(false);
    expect(
      boundaryAlert({ holderGrade: null, facts: facts({ rosh: 'high' }), overriddenReasons: null }).alert,
    ).toBe(false);
    expect(
      boundaryAlert({ holderGrade: 'PSO', facts: facts({ rosh: 'medium' }), overriddenReasons: null }).alert,
    ).toBe(false);
  });

  it('does not alert for reasons a manager’s override already covers, but does for a new one', () => {
    const covered = ['domestic abuse perpetrator specialism (registration ADVP)'];
    expect(
      boundaryAlert({
        holderGrade: 'PSO',
        facts: facts({ registrations: ['ADVP'] }),
        overriddenReasons: covered,
      }).alert,
    ).toBe(false);
    expect(
      boundaryAlert({
        holderGrade: 'PSO',
        facts: facts({ rosh: 'high', registrations: ['ADVP'] }),
        overriddenReasons: covered,
      }),
    ).toEqual({ alert: true, reasons: ['RoSH is high', ...covered], uncovered: ['RoSH is high'] });
  });
});
