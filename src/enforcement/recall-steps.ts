import { ageOn } from '../people/index.js';
import type { IsoDate } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';
import type { DocumentModel } from '../platform/documents/index.js';
import { formatDate } from '../platform/http/format.js';
import { recallReport, type Addressee } from './documents.js';
import type { EnforcementPicture } from './picture.js';
import * as store from './store.js';

/** The facts of fixed-term recall eligibility the record already holds: age, sentence length, MAPPA level. */
export async function knownRecallFacts(
  db: Db,
  person: { id: string; date_of_birth: string },
  order: store.OrderRow,
  today: IsoDate,
) {
  const mappa = await store.mappaLevel(db, person.id);
  const sentenceMonths =
    order.custodial_term_months ??
    (order.custodial_term_days ? Math.ceil(order.custodial_term_days / 30) : (order.length_months ?? 0));
  return { ageOnDecision: ageOn(person.date_of_birth, today), sentenceMonths, mappaLevel: mappa };
}

/** The recall report issued with a countersigned recall, from its recommendation and countersignatures. */
export function recallReportFor(
  recall: EnforcementPicture['recalls'][number],
  to: Addressee,
  dateOfBirth: string,
): DocumentModel {
  const order = recall.order!;
  return recallReport({
    to,
    dateOfBirth,
    order: {
      description: order.type_description ?? order.order_type,
      sentenceDate: order.sentence_date,
      releaseDate: order.release_date,
      licenceExpiryDate: order.licence_expiry_date,
    },
    recallType: recall.recall_type!,
    circumstances: recall.circumstances!,
    conditionsBreached: recall.conditions_breached ?? [],
    riskNow: recall.risk_now!,
    alternatives: recall.alternatives!,
    eligibility: recall.eligibility!,
    fixedTermDays: recall.fixed_term_days,
    officer: recall.created_by_name,
    recommendedOn: recall.recommended_on!,
    countersignatures: [
      recall.countersigned_by_name
        ? `${recall.countersigned_by_name}, manager, on ${formatDate(recall.countersigned_on!)}`
        : '',
      recall.senior_countersigned_by_name
        ? `${recall.senior_countersigned_by_name}, senior manager, on ${formatDate(recall.senior_countersigned_on!)}`
        : '',
    ].filter(Boolean),
  });
}
