import { addDays, type IsoDate } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';
import { renderPdf } from '../platform/documents/index.js';
import {
  activityLogExtract,
  breachReport,
  courtApplication,
  orderAndWarnings,
  statementOfFacts,
  type Addressee,
  type BreachPackInput,
} from './documents.js';
import { breachPeriodEnded, orderForFailure, type EnforcementPicture } from './picture.js';
import { ACTIONS } from './schemas.js';
import * as store from './store.js';

/** What the officer writes for the breach pack, and who countersigned it. */
export interface BreachPackForm {
  assessment: string;
  proposal: string;
  courtProcess: 'summons' | 'warrant';
  warrantReason: string | null;
  preparedOn: IsoDate;
  countersignedBy: string | null;
  countersignedOn: IsoDate | null;
}

/**
 * Everything the breach pack says, gathered from the record: the order and its
 * requirements, the failures over the breach period with the decisions on them, the
 * warnings and their letters, compliance to date and the activity log, with the
 * officer's assessment and proposal.
 */
export async function breachPackInput(
  db: Db,
  facts: store.EnforcementFacts,
  breach: EnforcementPicture['breaches'][number],
  person: { id: string; date_of_birth: string },
  to: Addressee,
  form: BreachPackForm,
): Promise<BreachPackInput> {
  const order = breach.order!;
  const lastEnded = breachPeriodEnded(
    [...facts.breaches, ...facts.breachHearings],
    order.id,
    breach.requested_on,
  );
  const periodFrom = lastEnded && lastEnded >= order.start_date ? addDays(lastEnded, 1) : order.start_date;
  const [requirements, compliance, letters, activity] = await Promise.all([
    store.requirementsOfOrder(db, order.id),
    store.complianceToDate(db, person.id, order.id),
    store.warningLettersOfOrder(db, person.id, order.id),
    store.activityOfOrder(db, person.id, order.id, periodFrom, breach.requested_on),
  ]);
  const failures = facts.failures
    .filter((f) => orderForFailure(f, facts.orders)?.id === order.id && f.contact_date <= breach.requested_on)
    .filter((f) => lastEnded === null || f.contact_date > lastEnded)
    .filter((f) => f.outcome_enforceable || f.decision_id !== null)
    .map((f) => ({
      date: f.contact_date,
      typeDescription: f.type_description,
      outcomeDescription: f.outcome_description,
      notes: f.notes,
      decided: f.decided_action ? `${ACTIONS[f.decided_action]} (${f.decided_on})` : 'No decision recorded',
    }));
  return {
    to,
    dateOfBirth: person.date_of_birth,
    order: {
      description: order.type_description ?? order.order_type,
      type: order.order_type,
      sentenceDate: order.sentence_date,
      startDate: order.start_date,
      expectedEndDate: order.expected_end_date,
      lengthMonths: order.length_months,
      sentencingCourt: order.sentencing_court,
    },
    court: breach.court_name,
    requirements: requirements.map((r) => ({
      description: r.description,
      units: r.units ? `${r.units} ${r.unit ?? ''}`.trim() : '',
      startDate: r.start_date,
    })),
    failures,
    warnings: facts.warnings
      .filter((w) => w.order_id === order.id)
      .map((w) => ({ issuedOn: w.issued_on, level: w.level, withdrawnOn: w.withdrawn_on })),
    compliance,
    assessment: form.assessment,
    proposal: form.proposal,
    officer: breach.created_by_name,
    preparedOn: form.preparedOn,
    countersignedBy: form.countersignedBy,
    countersignedOn: form.countersignedOn,
    courtProcess: form.courtProcess,
    warrantReason: form.warrantReason,
    warningLetters: letters.map((l) => ({ issuedOn: l.issued_on, level: l.level, text: l.letter_text })),
    activity: {
      from: periodFrom,
      to: breach.requested_on,
      entries: activity.map((a) => ({
        date: a.contact_date,
        type: a.type_description,
        outcome: a.outcome_description,
        notes: a.notes,
        sensitive: a.sensitive,
      })),
    },
  };
}

/**
 * The breach pack's documents as tagged PDFs, in the order the court reads them: the
 * breach report, the statement of facts, the order and the warning letters, the extract
 * of the activity log over the breach period, and the application for a summons or a warrant.
 */
export async function renderBreachPack(input: BreachPackInput) {
  const [report, statement, orderAndWarningsPdf, activityLog, application] = await Promise.all([
    renderPdf(breachReport(input)),
    renderPdf(statementOfFacts(input)),
    renderPdf(orderAndWarnings(input)),
    renderPdf(activityLogExtract(input)),
    renderPdf(courtApplication(input)),
  ]);
  return { report, statement, orderAndWarnings: orderAndWarningsPdf, activityLog, application };
}

/** The breach report alone, as it is re-issued with the manager's countersignature. */
export function renderBreachReport(input: BreachPackInput): Promise<Uint8Array> {
  return renderPdf(breachReport(input));
}
