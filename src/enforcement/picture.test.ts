import { describe, expect, it } from 'vitest';
import { enforcementPicture, orderForFailure } from './picture.js';
import type { BreachRow, EnforcementFacts, FailureRow, OrderRow, WarningRow } from './store.js';

const P = 'person-1';

const order = (over: Partial<OrderRow> = {}): OrderRow => ({
  id: 'order-1',
  sentencing_court: 'Chelmsford Magistrates’ Court',
  person_id: P,
  order_type: 'CO',
  type_description: 'Community order',
  sentence_date: '2026-01-05',
  conviction_date: '2026-01-05',
  start_date: '2026-01-05',
  expected_end_date: '2027-01-04',
  length_months: 12,
  custodial_term_months: null,
  custodial_term_days: null,
  release_date: null,
  licence_expiry_date: null,
  terminated_on: null,
  ...over,
});

const failure = (id: string, date: string, over: Partial<FailureRow> = {}): FailureRow => ({
  id,
  person_id: P,
  contact_date: date,
  order_id: 'order-1',
  outcome_code: 'UAAB',
  notes: null,
  sensitive: false,
  location: null,
  outcome_description: 'Unacceptable absence',
  outcome_enforceable: true,
  type_description: 'Office appointment',
  national_standards: true,
  type_enforceable: true,
  decision_id: null,
  decided_action: null,
  decided_on: null,
  decided_by_name: null,
  ...over,
});

const warning = (issuedOn: string, over: Partial<WarningRow> = {}): WarningRow => ({
  id: `w-${issuedOn}`,
  person_id: P,
  order_id: 'order-1',
  contact_id: 'c0',
  decision_id: 'd0',
  level: 'community',
  issued_on: issuedOn,
  issued_by_name: 'Priya Okonjo',
  large_print: false,
  withdrawn_on: null,
  withdrawal_reason: null,
  withdrawn_by_name: null,
  row_version: 1,
  ...over,
});

const facts = (over: Partial<EnforcementFacts>): EnforcementFacts => ({
  orders: [order()],
  failures: [],
  warnings: [],
  breaches: [],
  breachHearings: [],
  recalls: [],
  ...over,
});

describe('the enforcement picture', () => {
  it('opens a decision for an undecided enforceable failure, requiring breach after a live warning', () => {
    const picture = enforcementPicture(
      facts({
        failures: [
          failure('c1', '2026-11-19'),
          failure('c0', '2026-03-02', { decision_id: 'd0', decided_action: 'warn' }),
        ],
        warnings: [warning('2026-03-03')],
      }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(picture.openDecisions).toHaveLength(1);
    expect(picture.openDecisions[0]!.required!.answer).toBe('breach-required');
    expect(picture.openDecisions[0]!.warningAllowed!.answer).toBe(false);
    expect(picture.openDecisions[0]!.due).toBe('2026-11-23');
    expect(picture.failureCount.answer.count).toBe(2);
    expect(picture.items.map((i) => i.kind).sort()).toEqual(['decision', 'warning']);
    // A live warning's end is shown as a date, never as a deadline counting down.
    const live = picture.items.find((i) => i.kind === 'warning')!;
    expect(live.due).toBe('2027-03-02');
    expect(live.clock).toBeNull();
  });

  it('treats a withdrawn warning as never given, and a resolved breach as restarting the count', () => {
    const breach = {
      id: 'b1',
      person_id: P,
      order_id: 'order-1',
      state: 'resolved',
      resolved_on: '2026-06-01',
    } as BreachRow;
    const picture = enforcementPicture(
      facts({
        failures: [
          failure('c1', '2026-11-19'),
          failure('c2', '2026-05-01', { decision_id: 'd2', decided_action: 'breach' }),
        ],
        warnings: [warning('2026-10-01', { withdrawn_on: '2026-10-05' })],
        breaches: [breach],
      }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(picture.openDecisions[0]!.required!.answer).toBe('warn-or-breach');
    expect(picture.failureCount.answer).toMatchObject({ count: 1, from: '2026-06-02' });
    expect(picture.ordersInBreach.size).toBe(0);
  });

  it('recomputes after an outcome is amended from unacceptable to acceptable: the count falls and breach is no longer required', () => {
    const warned = failure('c0', '2026-10-01', { decision_id: 'd0', decided_action: 'warn' });
    const later = failure('c1', '2026-11-19');
    const before = enforcementPicture(
      facts({ failures: [warned, later], warnings: [warning('2026-10-02')] }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(before.openDecisions[0]!.required!.answer).toBe('breach-required');
    expect(before.failureCount.answer.count).toBe(2);
    // Amended to an acceptable absence: the contact is no longer a failure (the store leaves it
    // out), its decision is superseded and the warning given for it withdrawn.
    const after = enforcementPicture(
      facts({ failures: [later], warnings: [warning('2026-10-02', { withdrawn_on: '2026-11-23' })] }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(after.openDecisions[0]!.required!.answer).toBe('warn-or-breach');
    expect(after.openDecisions[0]!.warningAllowed!.answer).toBe(true);
    expect(after.failureCount.answer.count).toBe(1);
    expect(after.warnings.filter((w) => w.live)).toHaveLength(0);
  });

  it('waits for evidence on a failure to attend, and neither opens a decision on nor counts a failure at a non-enforceable type', () => {
    const picture = enforcementPicture(
      facts({
        failures: [
          failure('c1', '2026-11-20', { outcome_code: 'AFTA', outcome_enforceable: false }),
          failure('c2', '2026-11-02', { outcome_code: 'AFTA', outcome_enforceable: false }),
          failure('c3', '2026-11-03', { type_enforceable: false }),
          failure('c4', '2026-11-19', {
            outcome_code: 'AFTA',
            outcome_enforceable: false,
            national_standards: false,
          }),
        ],
      }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(picture.awaitingEvidence.map((e) => e.failure.id)).toEqual(['c1']);
    expect(picture.awaitingEvidence[0]!.closes).toBe('2026-11-27');
    expect(picture.openDecisions.map((d) => d.failure.id)).toEqual(['c2']);
    expect(picture.failureCount.answer.dates).toEqual(['2026-11-02']);
  });

  it('takes a breach hearing recorded on the Sentence page as the end of the breach period', () => {
    const picture = enforcementPicture(
      facts({
        failures: [failure('c1', '2026-11-19'), failure('c0', '2026-05-01', { decision_id: 'd0' })],
        warnings: [warning('2026-05-02')],
        breachHearings: [{ person_id: P, order_id: 'order-1', resolved_on: '2026-07-01' }],
      }),
      P,
      '2026-11-23',
      'X1',
    );
    expect(picture.failureCount.answer).toMatchObject({ count: 1, from: '2026-07-02' });
    expect(picture.openDecisions[0]!.required!.answer).toBe('warn-or-breach');
    expect(picture.warnings.filter((w) => w.live)).toHaveLength(0);
  });

  it('finds the order running on the failure date when the contact names none', () => {
    const orders = [order(), order({ id: 'order-0', start_date: '2024-01-01', terminated_on: '2025-01-01' })];
    expect(orderForFailure(failure('c', '2024-06-01', { order_id: null }), orders)?.id).toBe('order-0');
    expect(orderForFailure(failure('c', '2026-06-01', { order_id: null }), orders)?.id).toBe('order-1');
    expect(orderForFailure(failure('c', '2025-06-01', { order_id: null }), orders)).toBeNull();
  });
});
