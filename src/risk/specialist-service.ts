/**
 * Use cases of the specialist tools. Each runs in one transaction with its audit row; a change names
 * the row_version the assessor saw and is refused when someone else saved since (the assessment row is
 * locked while it is compared), or when the assessment is complete and so locked for good.
 */
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import type { Db } from '../platform/database/connect.js';
import { BAND_NAMES } from './bands.js';
import { rm2000Eligibility, rm2000FromRecord, scoreRm2000 } from './rm2000-record.js';
import type { Rm2000Corrections, Rm2000FieldProblem, Rm2000Typed } from './rm2000-record.js';
import {
  completionProblems,
  itemAnswer,
  itemCounts,
  itemsOfPart,
  SARA_CODE_NAMES,
  SARA_RATINGS_PART,
} from './sara.js';
import type { SaraItemAnswer, SaraPartKey, SaraProblem, SaraRatings } from './sara.js';
import { storedCorrections } from './specialist-schemas.js';
import * as store from './specialist-store.js';

function who(actor: Actor): store.Who {
  return { userId: actor.userId, name: actor.name };
}

/** Refused changes: someone saved since the assessor opened the page, or the assessment is complete. */
export type Refusal<Current> =
  | { saved: false; why: 'not-found' }
  | { saved: false; why: 'conflict'; current: Current }
  | { saved: false; why: 'locked'; current: Current };

/** Locks the row person by person: one start at a time, so a double click cannot start two. */
async function lockPerson(trx: Db, personId: string): Promise<void> {
  await trx
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- SARA

/** Starts a SARA, or answers the one already in progress: a person has one in progress at a time. */
export async function startSara(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<{ id: string; existing: boolean }> {
  return db.transaction().execute(async (trx) => {
    await lockPerson(trx, personId);
    const current = await store.saraInProgress(trx, personId);
    if (current) return { id: current.id, existing: true };
    const id = await store.insertSara(trx, personId, who(actor));
    await recordAudit(trx, actor, {
      action: 'sara-started',
      personId,
      subjectType: 'sara-assessment',
      subjectId: id,
    });
    return { id, existing: false };
  });
}

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** What changed, for the audit trail. Free text is marked as changed, not copied: it lives in the assessment. */
function itemChanges(before: store.SaraRecord, items: Readonly<Record<number, SaraItemAnswer>>): Change[] {
  return Object.entries(items).flatMap(([key, after]) => {
    const n = Number(key);
    const old = itemAnswer(before.answers, n);
    const changes: Change[] = [];
    if (old.code !== after.code) changes.push({ field: `item ${n} code`, from: old.code, to: after.code });
    if (old.critical !== after.critical)
      changes.push({ field: `item ${n} critical`, from: old.critical, to: after.critical });
    if ((old.evidence ?? '') !== (after.evidence ?? ''))
      changes.push({
        field: `item ${n} evidence`,
        from: 'text',
        to: after.evidence === null ? 'none' : 'text',
      });
    return changes;
  });
}

function ratingChanges(before: store.SaraRecord, ratings: SaraRatings): Change[] {
  const changes: Change[] = [];
  for (const field of ['riskToPartner', 'riskToOthers'] as const)
    if (before.answers[field] !== ratings[field])
      changes.push({ field, from: before.answers[field], to: ratings[field] });
  for (const field of ['riskToPartnerReasons', 'riskToOthersReasons'] as const)
    if ((before.answers[field] ?? '') !== (ratings[field] ?? ''))
      changes.push({ field, from: 'text', to: ratings[field] === null ? 'none' : 'text' });
  return changes;
}

/** The SARA, locked until the transaction ends, if it may still be changed. */
async function lockedSara(
  trx: Db,
  personId: string,
  saraId: string,
): Promise<{ ok: true; current: store.SaraRecord } | Refusal<store.SaraRecord>> {
  const current = await store.findSara(trx, personId, saraId, true);
  if (!current) return { saved: false, why: 'not-found' };
  if (current.row.state === 'complete') return { saved: false, why: 'locked', current };
  return { ok: true, current };
}

export type SaraItemsInput = Readonly<Record<number, SaraItemAnswer>>;
export type SaraRatingsInput = SaraRatings;

export type SaraSaveOutcome = { saved: true } | Refusal<store.SaraRecord>;

/** Saves one page of a SARA: a group of items, or the summary ratings. Partial answers are kept as they are. */
export async function saveSaraPart(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    saraId: string;
    expectedVersion: number;
    part: SaraPartKey;
    items?: Readonly<Record<number, SaraItemAnswer>>;
    ratings?: SaraRatings;
    now: Date;
  },
): Promise<SaraSaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const checked = await lockedSara(trx, input.personId, input.saraId);
    if (!('ok' in checked)) return checked;
    const partItems = new Set(itemsOfPart(input.part).map((item) => item.number));
    // Only the items of the page being saved: a tampered form cannot reach another page's items.
    const items = Object.fromEntries(
      Object.entries(input.items ?? {}).filter(([n]) => partItems.has(Number(n))),
    ) as Record<number, SaraItemAnswer>;
    const ratings = input.part === SARA_RATINGS_PART.key ? input.ratings : undefined;
    const changes = [
      ...itemChanges(checked.current, items),
      ...(ratings ? ratingChanges(checked.current, ratings) : []),
    ];
    // A page saved as it stands writes nothing, so it cannot make someone else's save lose a race; and
    // there is nothing of theirs it could overwrite, so it needs no version check either.
    if (changes.length === 0) return { saved: true as const };
    if (checked.current.row.row_version !== input.expectedVersion)
      return { saved: false as const, why: 'conflict' as const, current: checked.current };
    await store.updateSaraItems(trx, input.personId, input.saraId, items);
    await store.touchSara(
      trx,
      input.saraId,
      who(actor),
      input.now,
      ratings
        ? {
            risk_to_partner: ratings.riskToPartner,
            risk_to_partner_reasons: ratings.riskToPartnerReasons,
            risk_to_others: ratings.riskToOthers,
            risk_to_others_reasons: ratings.riskToOthersReasons,
          }
        : {},
    );
    await recordAudit(trx, actor, {
      action: 'sara-saved',
      personId: input.personId,
      subjectType: 'sara-assessment',
      subjectId: input.saraId,
      detail: { part: input.part, changes },
    });
    return { saved: true as const };
  });
}

export type SaraCompleteOutcome =
  | { saved: true }
  | Refusal<store.SaraRecord>
  | { saved: false; why: 'incomplete'; problems: SaraProblem[]; current: store.SaraRecord };

/** Completes a SARA when every item is coded and both ratings are given with reasons; it is then locked. */
export async function completeSara(
  db: Db,
  actor: Actor,
  input: { personId: string; saraId: string; expectedVersion: number; now: Date },
): Promise<SaraCompleteOutcome> {
  return db.transaction().execute(async (trx) => {
    const checked = await lockedSara(trx, input.personId, input.saraId);
    if (!('ok' in checked)) return checked;
    // Completing what someone else has just changed would sign off answers the assessor has not seen.
    if (checked.current.row.row_version !== input.expectedVersion)
      return { saved: false as const, why: 'conflict' as const, current: checked.current };
    const { answers } = checked.current;
    const problems = completionProblems(answers);
    if (problems.length > 0)
      return { saved: false as const, why: 'incomplete' as const, problems, current: checked.current };
    await store.touchSara(trx, input.saraId, who(actor), input.now, {
      state: 'complete',
      completed_at: input.now,
      completed_by_user_id: actor.userId,
      completed_by_name: actor.name,
    });
    await recordAudit(trx, actor, {
      action: 'sara-completed',
      personId: input.personId,
      subjectType: 'sara-assessment',
      subjectId: input.saraId,
      detail: {
        riskToPartner: answers.riskToPartner,
        riskToOthers: answers.riskToOthers,
        items: itemCounts(answers),
      },
    });
    return { saved: true as const };
  });
}

/** The code of an item in words, for messages and the audit trail. */
export function codeInWords(code: SaraItemAnswer['code']): string {
  return code === null ? 'Not coded' : SARA_CODE_NAMES[code];
}

// ---------------------------------------------------------------- Risk Matrix 2000

export type Rm2000StartOutcome =
  { started: true; id: string; existing: boolean } | { started: false; reasons: string[] };

/** Starts an RM2000 for a man it applies to, or answers the one in progress; refuses with the reasons otherwise. */
export async function startRm2000(
  db: Db,
  actor: Actor,
  input: { personId: string; today: string },
): Promise<Rm2000StartOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockPerson(trx, input.personId);
    const current = await store.rm2000InProgress(trx, input.personId);
    if (current) return { started: true as const, id: current.id, existing: true };
    const facts = await store.rm2000Facts(trx, input.personId);
    if (!facts) throw new Error(`No person ${input.personId}`);
    const eligibility = rm2000Eligibility(facts, input.today);
    if (!eligibility.eligible) return { started: false as const, reasons: eligibility.reasons };
    const id = await store.insertRm2000(trx, input.personId, who(actor));
    await recordAudit(trx, actor, {
      action: 'rm2000-started',
      personId: input.personId,
      subjectType: 'rm2000-assessment',
      subjectId: id,
      detail: { eligibility: eligibility.basis },
    });
    return { started: true as const, id, existing: false };
  });
}

export function correctionsOf(row: store.Rm2000Row): Rm2000Corrections {
  return storedCorrections.parse(row.corrections);
}

export function typedOf(row: store.Rm2000Row): Rm2000Typed {
  return {
    riskCommencementDate: row.risk_commencement_date,
    sexualOffenceAgainstMale: row.sexual_offence_against_male,
    sexualOffenceAgainstStranger: row.sexual_offence_against_stranger,
    nonContactSexualConviction: row.non_contact_sexual_conviction,
    neverLivedWithAdultPartnerForTwoYears: row.never_lived_with_adult_partner,
  };
}

function rm2000Changes(row: store.Rm2000Row, typed: Rm2000Typed, corrections: Rm2000Corrections): Change[] {
  const before = typedOf(row);
  const changes: Change[] = (Object.keys(typed) as (keyof Rm2000Typed)[])
    .filter((field) => before[field] !== typed[field])
    .map((field) => ({ field, from: before[field], to: typed[field] }));
  const old = correctionsOf(row);
  for (const field of new Set([...Object.keys(old), ...Object.keys(corrections)]) as Set<
    keyof Rm2000Corrections
  >) {
    if (JSON.stringify(old[field]) !== JSON.stringify(corrections[field]))
      changes.push({
        field: `${field} correction`,
        from: old[field]?.value ?? null,
        to: corrections[field]?.value ?? null,
      });
  }
  return changes;
}

export type Rm2000SaveOutcome =
  | { saved: true; completed: boolean }
  | Refusal<store.Rm2000Row>
  | { saved: false; why: 'not-scored'; problems: Rm2000FieldProblem[] };

/**
 * Saves the assessor's answers and corrections; with `complete`, also scores RM2000 and keeps the
 * inputs, the result and its explanation as a snapshot, locking it. A completion that cannot be scored
 * writes nothing and says why, field by field.
 */
export async function saveRm2000(
  db: Db,
  actor: Actor,
  input: {
    personId: string;
    id: string;
    expectedVersion: number;
    typed: Rm2000Typed;
    corrections: Rm2000Corrections;
    complete: boolean;
    today: string;
    now: Date;
  },
): Promise<Rm2000SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await store.findRm2000(trx, input.personId, input.id, true);
    if (!current) return { saved: false as const, why: 'not-found' as const };
    if (current.state === 'complete') return { saved: false as const, why: 'locked' as const, current };
    const answers: store.Rm2000Columns = {
      risk_commencement_date: input.typed.riskCommencementDate,
      sexual_offence_against_male: input.typed.sexualOffenceAgainstMale,
      sexual_offence_against_stranger: input.typed.sexualOffenceAgainstStranger,
      non_contact_sexual_conviction: input.typed.nonContactSexualConviction,
      never_lived_with_adult_partner: input.typed.neverLivedWithAdultPartnerForTwoYears,
      corrections: input.corrections as Record<string, unknown>,
    };
    const changes = rm2000Changes(current, input.typed, input.corrections);
    // As for a SARA page: saving what is already saved writes nothing and cannot conflict.
    if (!input.complete && changes.length === 0) return { saved: true as const, completed: false };
    if (current.row_version !== input.expectedVersion)
      return { saved: false as const, why: 'conflict' as const, current };
    if (!input.complete) {
      await store.updateRm2000(trx, input.id, who(actor), input.now, answers);
      await recordAudit(trx, actor, {
        action: 'rm2000-saved',
        personId: input.personId,
        subjectType: 'rm2000-assessment',
        subjectId: input.id,
        detail: { changes },
      });
      return { saved: true as const, completed: false };
    }
    const facts = await store.rm2000Facts(trx, input.personId);
    if (!facts) return { saved: false as const, why: 'not-found' as const };
    const scoring = scoreRm2000(facts, rm2000FromRecord(facts), input.corrections, input.typed, input.today);
    if (!scoring.scored)
      return { saved: false as const, why: 'not-scored' as const, problems: scoring.problems };
    const { result } = scoring;
    await store.updateRm2000(trx, input.id, who(actor), input.now, answers, {
      inputs: { lines: scoring.assembled.lines, calculatorInput: scoring.assembled.input },
      result: result as unknown as Record<string, unknown>,
      sexual_category: result.sexual.category,
      sexual_step1_category: result.sexual.step1Category,
      sexual_aggravating_factors: result.sexual.aggravatingFactors,
      violence_category: result.violence.category,
      combined_category: result.combined.category,
      completed_at: input.now,
      completed_by_user_id: actor.userId,
      completed_by_name: actor.name,
    });
    await recordAudit(trx, actor, {
      action: 'rm2000-completed',
      personId: input.personId,
      subjectType: 'rm2000-assessment',
      subjectId: input.id,
      detail: {
        changes,
        sexual: BAND_NAMES[result.sexual.category],
        violence: BAND_NAMES[result.violence.category],
        combined: BAND_NAMES[result.combined.category],
      },
    });
    return { saved: true as const, completed: true };
  });
}
