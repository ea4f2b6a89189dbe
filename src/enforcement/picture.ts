import { addDays, longDate, type IsoDate } from '../platform/calendar/index.js';
import {
  clockState,
  decisionDue,
  decisionOpensOn,
  evidenceWindowCloses,
  failuresInPeriod,
  liveWarnings,
  mayGiveWarning,
  requiredAction,
  warningExpires,
  type ClockState,
  type Decision,
  type RequiredAction,
} from './rules.js';
import { ENFORCEMENT_POLICY, type EnforcementPolicy } from './policy.js';
import type { BreachRow, EnforcementFacts, FailureRow, OrderRow, RecallRow, WarningRow } from './store.js';

/**
 * A person's enforcement picture, derived from their contacts and the enforcement
 * records: open decisions, evidence windows, live warnings, breaches and recalls in
 * progress, each with its clock. Pure: facts and today in, picture out.
 */

export interface OpenDecision {
  failure: FailureRow;
  order: OrderRow | null;
  opensOn: IsoDate;
  due: IsoDate;
  clock: ClockState;
  required: Decision<RequiredAction> | null;
  warningAllowed: Decision<boolean> | null;
}

export interface CaseItem {
  personId: string;
  kind: 'decision' | 'evidence' | 'warning' | 'breach' | 'recall';
  state: string;
  description: string;
  due: IsoDate | null;
  clock: ClockState | null;
  nextAction: string;
  href: string;
}

/** The order a failure belongs to: the contact's own, else the order running on the failure date. */
export function orderForFailure(failure: FailureRow, orders: readonly OrderRow[]): OrderRow | null {
  if (failure.order_id) return orders.find((o) => o.id === failure.order_id) ?? null;
  const running = orders.filter(
    (o) =>
      o.person_id === failure.person_id &&
      o.start_date <= failure.contact_date &&
      (o.terminated_on === null || o.terminated_on >= failure.contact_date),
  );
  return running.sort((a, b) => b.start_date.localeCompare(a.start_date))[0] ?? null;
}

/** A breach that ended: resolved in the enforcement workflow, or a breach hearing recorded with its outcome. */
export type BreachEnding = Pick<BreachRow, 'order_id' | 'resolved_on'>;

/** The day the last resolved breach of an order (of any order when null) ended, on or before a date. */
export function breachPeriodEnded(breaches: readonly BreachEnding[], orderId: string | null, on: IsoDate) {
  return (
    breaches
      .filter(
        (b) => b.resolved_on !== null && b.resolved_on <= on && (orderId === null || b.order_id === orderId),
      )
      .map((b) => b.resolved_on!)
      .sort()
      .at(-1) ?? null
  );
}

export function requiredActionFor(
  failure: FailureRow,
  order: OrderRow,
  today: IsoDate,
  warnings: readonly WarningRow[],
  breaches: readonly BreachEnding[],
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
) {
  return requiredAction(
    {
      orderType: order.order_type,
      failureDate: failure.contact_date,
      orderTerminatedOn: order.terminated_on,
      decisionDate: today,
      warnings: warnings
        .filter((w) => w.order_id === order.id)
        .map((w) => ({ issuedOn: w.issued_on, withdrawn: w.withdrawn_on !== null })),
      breachPeriodEndedOn: breachPeriodEnded(breaches, order.id, failure.contact_date),
      convictedOn: order.conviction_date ?? order.sentence_date,
    },
    policy,
  );
}

/**
 * Whether a failure can be enforced today: a failure to comply (an enforceable outcome,
 * or failed to attend once the evidence window has closed) at an enforceable, national
 * standards contact. A missed home visit, say, is recorded but never enforced or counted.
 * Source: probation-domain.md (national standards contacts count and can be enforced).
 */
function isEnforceableNow(failure: FailureRow, today: IsoDate, policy: EnforcementPolicy) {
  if (!failure.national_standards || !failure.type_enforceable) return false;
  if (failure.outcome_enforceable) return true;
  return failure.outcome_code === 'AFTA' && today > evidenceWindowCloses(failure.contact_date, policy).answer;
}

export const BREACH_STATES: Record<string, { text: string; next: string }> = {
  requested: { text: 'Breach requested', next: 'Prepare the breach pack' },
  'pack-ready': { text: 'Breach pack ready', next: 'Manager to countersign' },
  countersigned: { text: 'Countersigned', next: 'Submit to the court' },
  submitted: { text: 'Submitted to court', next: 'Record the hearing date' },
  listed: { text: 'Listed for hearing', next: 'Record the outcome or adjournment' },
  adjourned: { text: 'Adjourned', next: 'Record the outcome or adjournment' },
  resolved: { text: 'Resolved', next: 'None' },
  withdrawn: { text: 'Withdrawn before court', next: 'None' },
};

/** A breach is in progress from its request until the court resolves it or it is withdrawn before court. */
export function breachInProgress(state: string): boolean {
  return state !== 'resolved' && state !== 'withdrawn';
}

/** A recall is in progress until the person is returned to custody or a manager decides not to recall. */
export function recallInProgress(state: string): boolean {
  return state !== 'returned' && state !== 'not-recalled';
}

export const RECALL_STATES: Record<string, { text: string; next: string }> = {
  'recommendation-due': { text: 'Recall recommendation due', next: 'Complete the recall recommendation' },
  recommended: { text: 'Recall recommended', next: 'Manager to countersign' },
  countersigned: { text: 'Countersigned', next: 'Issue the recall' },
  issued: { text: 'Recall issued', next: 'Record the return to custody' },
  returned: { text: 'Returned to custody', next: 'None' },
  'not-recalled': { text: 'Decided not to recall', next: 'None' },
};

function breachDue(b: BreachRow): IsoDate | null {
  if (b.state === 'requested' || b.state === 'pack-ready' || b.state === 'countersigned')
    return b.pack_due_on;
  if (b.state === 'listed' || b.state === 'adjourned') return b.hearing_on;
  return null;
}

function recallDue(r: RecallRow): IsoDate | null {
  return r.state === 'recommendation-due' || r.state === 'recommended' || r.state === 'countersigned'
    ? r.recommendation_due_on
    : null;
}

/** The outcome page of a failure to attend, where evidence received is judged, coming back to enforcement. */
export function evidenceHref(crn: string, contactId: string): string {
  return `/people/${crn}/activity/${contactId}/outcome?returnTo=${encodeURIComponent(`/people/${crn}/enforcement`)}`;
}

export function enforcementPicture(
  facts: EnforcementFacts,
  personId: string,
  today: IsoDate,
  crn: string,
  policy: EnforcementPolicy = ENFORCEMENT_POLICY,
) {
  const orders = facts.orders.filter((o) => o.person_id === personId);
  const failures = facts.failures.filter((f) => f.person_id === personId);
  const warnings = facts.warnings.filter((w) => w.person_id === personId);
  const breaches = facts.breaches.filter((b) => b.person_id === personId);
  const recalls = facts.recalls.filter((r) => r.person_id === personId);
  const endings: BreachEnding[] = [
    ...breaches,
    ...facts.breachHearings.filter((h) => h.person_id === personId),
  ];
  const base = `/people/${crn}/enforcement`;

  const openDecisions: OpenDecision[] = failures
    .filter((f) => f.decision_id === null && isEnforceableNow(f, today, policy))
    .map((failure) => {
      const order = orderForFailure(failure, orders);
      const opensOn = decisionOpensOn(failure.outcome_code!, failure.contact_date, policy);
      const due = decisionDue(opensOn, policy);
      const required = order ? requiredActionFor(failure, order, today, warnings, endings, policy) : null;
      return {
        failure,
        order,
        opensOn,
        due,
        clock: clockState(due, today),
        required,
        warningAllowed: required ? mayGiveWarning(required) : null,
      };
    });

  const awaitingEvidence = failures
    .filter(
      (f) =>
        f.outcome_code === 'AFTA' &&
        f.national_standards &&
        f.type_enforceable &&
        f.decision_id === null &&
        !isEnforceableNow(f, today, policy),
    )
    .map((failure) => {
      const closes = evidenceWindowCloses(failure.contact_date, policy);
      return {
        failure,
        closes: closes.answer,
        reasons: closes.reasons,
        clock: clockState(closes.answer, today),
        href: evidenceHref(crn, failure.id),
      };
    });

  const lastBreachEnded = breachPeriodEnded(endings, null, today);
  const failureCount = failuresInPeriod(
    failures
      .filter((f) => isEnforceableNow(f, today, policy))
      .map((f) => ({ date: f.contact_date, nationalStandards: true })),
    today,
    lastBreachEnded,
    policy,
  );

  const live = new Set(
    liveWarnings(
      warnings.map((w) => ({ issuedOn: w.issued_on, withdrawn: w.withdrawn_on !== null, id: w.id })),
      today,
      lastBreachEnded,
      policy,
    ).map((w) => (w as unknown as { id: string }).id),
  );
  const warningsShown = warnings.map((w) => ({
    ...w,
    live: live.has(w.id),
    expires: warningExpires(w.issued_on, policy),
  }));

  /** The day an order was terminated, once that day has come: nothing under it can be enforced after. */
  const endedOn = (orderId: string | null | undefined) => {
    const ended = orders.find((o) => o.id === orderId)?.terminated_on ?? null;
    return ended !== null && ended <= today ? ended : null;
  };

  // A warning decided on an order terminated since cannot be given any more.
  const warningsToIssue = failures.filter(
    (f) =>
      f.decided_action === 'warn' &&
      !warnings.some((w) => w.decision_id === f.decision_id) &&
      endedOn(orderForFailure(f, orders)?.id) === null,
  );

  const breachesShown = breaches.map((b) => {
    const inProgress = breachInProgress(b.state);
    const orderEnded = endedOn(b.order_id);
    return {
      ...b,
      inProgress,
      orderEnded,
      stateText: BREACH_STATES[b.state]!.text,
      next:
        inProgress && orderEnded
          ? `The order ended on ${longDate(orderEnded)}: withdraw the breach`
          : inProgress && b.failure_amended
            ? 'Its failure was amended: review the breach'
            : BREACH_STATES[b.state]!.next,
      due: breachDue(b),
      clock: breachDue(b) ? clockState(breachDue(b)!, today) : null,
      order: orders.find((o) => o.id === b.order_id) ?? null,
    };
  });
  const recallsShown = recalls.map((r) => {
    const inProgress = recallInProgress(r.state);
    const orderEnded = endedOn(r.order_id);
    return {
      ...r,
      inProgress,
      orderEnded,
      stateText: RECALL_STATES[r.state]!.text,
      next:
        inProgress && orderEnded
          ? `The licence ended on ${longDate(orderEnded)}: a manager records the decision not to recall`
          : inProgress && r.failure_amended
            ? 'Its failure was amended: review the recall'
            : RECALL_STATES[r.state]!.next,
      due: recallDue(r),
      clock: recallDue(r) ? clockState(recallDue(r)!, today) : null,
      order: orders.find((o) => o.id === r.order_id) ?? null,
    };
  });
  const ordersInBreach = new Set(breachesShown.filter((b) => b.inProgress).map((b) => b.order_id));

  const items: CaseItem[] = [
    ...openDecisions.map((d) => ({
      personId,
      kind: 'decision' as const,
      state: 'Decision needed',
      description: `${d.failure.outcome_description} on ${longDate(d.failure.contact_date)}`,
      due: d.due,
      clock: d.clock,
      nextAction: 'Record an enforcement decision',
      href: `${base}/decisions/${d.failure.id}`,
    })),
    ...awaitingEvidence.map((e) => ({
      personId,
      kind: 'evidence' as const,
      state: 'Awaiting evidence',
      description: `Failed to attend on ${longDate(e.failure.contact_date)}`,
      due: e.closes,
      clock: e.clock,
      nextAction: 'Record the evidence when it arrives',
      href: e.href,
    })),
    ...warningsToIssue.map((f) => ({
      personId,
      kind: 'warning' as const,
      state: 'Warning letter to issue',
      description: `${f.outcome_description} on ${longDate(f.contact_date)}`,
      due: f.decided_on,
      clock: f.decided_on ? clockState(f.decided_on, today) : null,
      nextAction: 'Issue the warning letter',
      href: `${base}/decisions/${f.id}/warning`,
    })),
    ...warningsShown
      .filter((w) => w.live)
      .map((w) => ({
        personId,
        kind: 'warning' as const,
        state: 'Live warning',
        description: `Warning issued on ${longDate(w.issued_on)}`,
        // The end of a warning's 12 months is a date to know, not a deadline to meet: no clock.
        due: w.expires,
        clock: null,
        nextAction: `None: the warning is live until ${longDate(w.expires)}`,
        href: base,
      })),
    ...breachesShown
      .filter((b) => b.inProgress)
      .map((b) => ({
        personId,
        kind: 'breach' as const,
        state: b.stateText,
        description: `Breach requested on ${longDate(b.requested_on)}`,
        due: b.due,
        clock: b.clock,
        nextAction: b.next,
        href: `${base}/breaches/${b.id}`,
      })),
    ...recallsShown
      .filter((r) => r.inProgress)
      .map((r) => ({
        personId,
        kind: 'recall' as const,
        state: r.stateText,
        description: `Recall requested on ${longDate(r.requested_on)}`,
        due: r.due,
        clock: r.clock,
        nextAction: r.next,
        href: `${base}/recalls/${r.id}`,
      })),
  ];

  return {
    orders,
    openDecisions,
    awaitingEvidence,
    failureCount,
    lastBreachEnded,
    warnings: warningsShown,
    warningsToIssue,
    breaches: breachesShown,
    recalls: recallsShown,
    ordersInBreach,
    items,
  };
}

export type EnforcementPicture = ReturnType<typeof enforcementPicture>;

/** Within a day of the decision: the recall report reaches the casework section within 24 hours. [U] */
export function recallRecommendationDue(decidedOn: IsoDate): IsoDate {
  return addDays(decidedOn, 1);
}
