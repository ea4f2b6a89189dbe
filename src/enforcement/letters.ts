import { fullName } from '../people/index.js';
import type { IsoDate } from '../platform/calendar/index.js';
import type { Db } from '../platform/database/connect.js';
import type { DocumentModel } from '../platform/documents/index.js';
import { warningLetter, type Addressee } from './documents.js';
import { ENFORCEMENT_POLICY, type EnforcementPolicy } from './policy.js';
import { liveWarnings, nextLicenceWarning, warningExpires } from './rules.js';
import * as store from './store.js';
import type { WarningLevel } from './tables.js';

/** Who a letter goes to: the person's name, main address, large print and language needs, from the record. */
export async function addresseeOf(
  db: Db,
  person: {
    id: string;
    crn: string;
    forename: string;
    middle_names?: string | null;
    surname: string;
    interpreter_required: boolean;
    first_language: string | null;
  },
): Promise<Addressee> {
  const [address, largePrint] = await Promise.all([
    store.mainAddress(db, person.id),
    store.needsLargePrint(db, person.id),
  ]);
  return {
    name: fullName(person),
    crn: person.crn,
    address: address ?? null,
    largePrint,
    interpreterLanguage: person.interpreter_required ? person.first_language || 'your language' : null,
  };
}

export interface WarningDraft {
  model: DocumentModel;
  level: WarningLevel;
  /** The letter contact recorded when it is sent: first (EA02) or second (EA03) warning, or a licence letter. */
  letterType: 'EA02' | 'EA03' | 'LCL';
}

/**
 * The warning letter a decision to warn leads to, as the record stands on the day it
 * is issued: a community warning (EA02, or EA03 when a warning is already live), or the
 * next licence warning (first, second, final). Pure.
 */
export function draftWarningLetter(input: {
  to: Addressee;
  order: store.OrderRow;
  failure: store.FailureRow;
  /** Every warning given on the person's orders; those under this order count. */
  warnings: readonly store.WarningRow[];
  lastBreachEnded: IsoDate | null;
  issuedOn: IsoDate;
  officer: string;
  policy?: EnforcementPolicy;
}): WarningDraft {
  const { order, failure } = input;
  const policy = input.policy ?? ENFORCEMENT_POLICY;
  const live = liveWarnings(
    input.warnings
      .filter((w) => w.order_id === order.id)
      .map((w) => ({ issuedOn: w.issued_on, withdrawn: w.withdrawn_on !== null })),
    input.issuedOn,
    input.lastBreachEnded,
    policy,
  );
  let level: WarningLevel = 'community';
  let letterType: WarningDraft['letterType'] = live.length ? 'EA03' : 'EA02';
  if (order.order_type === 'LIC') {
    const next = nextLicenceWarning(live.length).answer;
    level = next === 'recall-recommended' ? 'final' : next;
    letterType = 'LCL';
  }
  const model = warningLetter({
    to: input.to,
    orderDescription: order.type_description ?? order.order_type,
    orderType: order.order_type,
    sentenceDate: order.sentence_date,
    failure: {
      date: failure.contact_date,
      typeDescription: failure.type_description,
      outcomeDescription: failure.outcome_description,
      // A sensitive note is for staff only: it never goes into a letter to the person.
      notes: failure.sensitive ? null : failure.notes,
    },
    level,
    issuedOn: input.issuedOn,
    expiresOn: warningExpires(input.issuedOn, policy),
    officer: input.officer,
  });
  return { model, level, letterType };
}
