/**
 * The tier of a person on probation, worked out from their record and kept with its history.
 * Called inside the transaction of whatever changed an input, so the tier never lags the record.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';
import { addDays, addYears } from '../platform/calendar/index.js';
import { TIERING_POLICY } from './policy.js';
import { calculateTier } from './rules.js';
import * as store from './store.js';
import type { TierInput, TierResult } from './types.js';

type Executor = Kysely<Database>;

const ROSH_CODES: Record<string, 'low' | 'medium' | 'high' | 'very-high'> = {
  RLRH: 'low',
  RMRH: 'medium',
  RHRH: 'high',
  RVHR: 'very-high',
};
const ROSH_RANK = ['low', 'medium', 'high', 'very-high'] as const;
const COUNTED_AS_OWN_INPUT = new Set([...Object.keys(ROSH_CODES), 'MAPP', 'IIOM']);

/** What the record says about risk: RoSH, MAPPA and registers. The role boundary reads this too. */
export interface CaseRiskFacts {
  rosh: 'low' | 'medium' | 'high' | 'very-high' | null;
  mappaLevel: 1 | 2 | 3 | null;
  /** Current register codes, in register order. */
  registrations: string[];
  iomNominal: boolean;
  /** Where each fact came from, in plain English. */
  sources: string[];
}

export async function caseRiskFacts(db: Executor, personId: string, today: string): Promise<CaseRiskFacts> {
  const current = await store.currentRegistrations(db, personId, today);
  let rosh: CaseRiskFacts['rosh'] = null;
  let mappaLevel: CaseRiskFacts['mappaLevel'] = null;
  const sources: string[] = [];
  for (const r of current) {
    const level = ROSH_CODES[r.type_code];
    if (level && (rosh === null || ROSH_RANK.indexOf(level) > ROSH_RANK.indexOf(rosh))) rosh = level;
    if (r.type_code === 'MAPP') {
      const n = Number(r.level?.replace(/^M/, ''));
      if ((n === 1 || n === 2 || n === 3) && (mappaLevel === null || n > mappaLevel)) mappaLevel = n;
    }
  }
  const roshRegister = current.find((r) => ROSH_CODES[r.type_code] === rosh);
  sources.push(
    roshRegister
      ? `RoSH: from registration ${roshRegister.type_code} (${roshRegister.description}), registered ${roshRegister.registered_on}`
      : 'RoSH: no current RoSH registration',
  );
  const mappa = current.find((r) => r.type_code === 'MAPP');
  sources.push(
    mappa
      ? `MAPPA: from registration MAPP, level ${mappa.level?.replace(/^M/, '') ?? 'not recorded'}, registered ${mappa.registered_on}`
      : 'MAPPA: no current MAPPA registration',
  );
  const iomNominal = current.some((r) => r.type_code === 'IIOM');
  sources.push(
    iomNominal ? 'IOM nominal: from registration IIOM' : 'IOM nominal: no current IIOM registration',
  );
  return { rosh, mappaLevel, registrations: current.map((r) => r.type_code), iomNominal, sources };
}

/**
 * The RoSH level of each of many people (the highest current RoSH registration), in one query, for
 * lists such as a caseload. People with no current RoSH registration are left out.
 */
export async function roshLevelsOf(
  db: Executor,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, NonNullable<CaseRiskFacts['rosh']>>> {
  const levels = new Map<string, NonNullable<CaseRiskFacts['rosh']>>();
  if (!personIds.length) return levels;
  const rows = await db
    .selectFrom('registrations')
    .select(['person_id', 'type_code'])
    .where('person_id', 'in', [...personIds])
    .where('type_code', 'in', Object.keys(ROSH_CODES))
    .where('deregistered_on', 'is', null)
    .where('registered_on', '<=', today)
    .execute();
  for (const r of rows) {
    const level = ROSH_CODES[r.type_code]!;
    const held = levels.get(r.person_id);
    if (!held || ROSH_RANK.indexOf(level) > ROSH_RANK.indexOf(held)) levels.set(r.person_id, level);
  }
  return levels;
}

/** Everything the calculator needs, from the record, with where each input came from. */
export async function tierInputOf(
  db: Executor,
  personId: string,
  today: string,
): Promise<{ input: TierInput; sources: string[] }> {
  const [facts, orders, sex, assessment, breachOrRecall] = await Promise.all([
    caseRiskFacts(db, personId, today),
    store.currentOrders(db, personId, today),
    store.personSex(db, personId),
    store.latestSignedAssessment(db, personId),
    store.breachOrRecallSince(db, personId, addYears(today, -1)),
  ]);
  const custodial = orders.find((o) => o.order_type === 'LIC' || o.order_type === 'PSS');
  const rehabilitative = orders.find((o) => o.rehabilitative_requirements > 0);
  const mandateForChange = Boolean(custodial ?? rehabilitative);
  const sources = [
    ...facts.sources,
    custodial
      ? `Mandate for change: a ${custodial.order_type === 'LIC' ? 'licence' : 'post-sentence supervision'} from ${custodial.start_date} is running`
      : rehabilitative
        ? `Mandate for change: the order from ${rehabilitative.start_date} has a requirement other than unpaid work or a restrictive one`
        : orders.length
          ? 'No mandate for change: the current order has only unpaid work or restrictive requirements'
          : 'No mandate for change: no current order',
    ...assessmentSources(assessment, validAssessmentFrom(today), breachOrRecall),
  ];
  const assessed = assessment?.inputs ?? null;
  const female = sex === 'F';
  const input: TierInput = {
    sex: female ? 'female' : 'male',
    rosh: facts.rosh,
    rsr: assessed?.rsr ?? null,
    mappaLevel: facts.mappaLevel,
    // RoSH, MAPPA and IOM registers reach the tier through their own inputs, not as registers.
    registrations: facts.registrations.filter((code) => !COUNTED_AS_OWN_INPUT.has(code)).sort(),
    needs: (assessed?.needs ?? {}) as TierInput['needs'],
    ogrsPercent: assessed?.ogrsPercent ?? null,
    iomNominal: facts.iomNominal,
    mandateForChange,
    validAssessment: assessment !== null && assessment.completedOn >= validAssessmentFrom(today),
    ...(female
      ? {
          womenFactors: {
            parentingConcerns: assessed?.parentingConcerns ?? false,
            impulsivityOrTemper: assessed?.impulsivityOrTemper ?? false,
            breachOrRecallInLastYear: breachOrRecall !== null,
          },
        }
      : {}),
  };
  return { input, sources };
}

/** A full assessment counts for the tier when completed within the last 55 weeks (hmpps-tier). */
const VALID_ASSESSMENT_WEEKS = 55;

function validAssessmentFrom(today: string): string {
  return addDays(today, -7 * VALID_ASSESSMENT_WEEKS);
}

function assessmentSources(
  assessment: Awaited<ReturnType<typeof store.latestSignedAssessment>>,
  validFrom: string,
  breachOrRecall: string | null,
): string[] {
  if (!assessment)
    return [
      'RSR, OGRS3 and needs: no signed assessment, so they are not recorded and give no points',
      `Valid assessment: no signed assessment, so there is no valid full assessment within the last ${VALID_ASSESSMENT_WEEKS} weeks`,
      `Breach or recall in the last year: ${breachOrRecall ?? 'none'}`,
    ];
  const when = `the ${assessment.type} assessment completed on ${assessment.completedOn}`;
  return [
    `RSR, OGRS3, needs and the women's factors: from ${when}`,
    assessment.completedOn >= validFrom
      ? `Valid assessment: ${when}, within the last ${VALID_ASSESSMENT_WEEKS} weeks`
      : `Valid assessment: none; ${when} is more than ${VALID_ASSESSMENT_WEEKS} weeks ago`,
    `Breach or recall in the last year: ${breachOrRecall ?? 'none'}`,
  ];
}

export type Recalculation =
  | { changed: false; tier: string; result: TierResult }
  | { changed: true; tier: string; previous: string | null; result: TierResult };

/**
 * Works the tier out again and keeps it when the tier or any of its inputs changed, with the
 * reason ("Registration ADVP added by Priya Okonjo"). Run it inside the change's transaction.
 */
export async function recalculateTier(
  trx: Executor,
  personId: string,
  reason: string,
  today: string,
  now: Date = new Date(),
): Promise<Recalculation> {
  const { input, sources } = await tierInputOf(trx, personId, today);
  const result = calculateTier(input, TIERING_POLICY);
  const latest = await store.latestTier(trx, personId);
  const previousInput = (latest?.inputs as { tierInput?: unknown } | undefined)?.tierInput;
  if (latest && latest.tier === result.tier && stableJson(previousInput) === stableJson(input)) {
    return { changed: false, tier: result.tier, result };
  }
  await store.insertTier(trx, {
    person_id: personId,
    calculated_at: now,
    protect_points: result.protect.points,
    protect_level: result.protect.level,
    change_points: result.change.points,
    change_level: result.change.level,
    tier: result.tier,
    explanation: result.explanation,
    inputs: { tierInput: input, sources },
    reason,
  });
  return { changed: true, tier: result.tier, previous: latest?.tier ?? null, result };
}

/** JSON with sorted keys, so two equal inputs compare equal whatever order jsonb gave the keys. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The tier as the record stands today. Sentences and personal details change outside this
 * capability (and orders end with time), so a page showing the tier first checks it is up to
 * date, reading only; when it is not, it recalculates with the person locked, so two pages opened
 * at once store one calculation.
 */
export async function upToDateTier(db: Executor, personId: string, today: string, now: Date) {
  const latest = await store.latestTier(db, personId);
  if (latest && !(await needsRecalculation(db, personId, today, latest))) return latest;
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await store.latestTier(trx, personId);
    await recalculateTier(
      trx,
      personId,
      existing
        ? 'Sentence, personal details or dates changed since the last calculation'
        : 'First calculation',
      today,
      now,
    );
    return store.latestTier(trx, personId);
  });
}

async function needsRecalculation(
  db: Executor,
  personId: string,
  today: string,
  latest: NonNullable<Awaited<ReturnType<typeof store.latestTier>>>,
): Promise<boolean> {
  const { input } = await tierInputOf(db, personId, today);
  const previousInput = (latest.inputs as { tierInput?: unknown }).tierInput;
  return stableJson(previousInput) !== stableJson(input) || calculateTier(input).tier !== latest.tier;
}
