/**
 * A person's specialist assessments as a list, for the Assessments tab: SARAs and Risk Matrix 2000s,
 * newest first, with the ratings or categories, and whether RM2000 can be started for them.
 */
import type { Db } from '../platform/database/connect.js';
import { BAND_NAMES } from './bands.js';
import type { Band } from './bands.js';
import { rm2000Eligibility } from './rm2000-record.js';
import { RM2000_APPROXIMATE_NOTICE } from './rm2000-tables.js';
import { SARA_RATING_NAMES } from './sara.js';
import type { SaraRatingLevel } from './sara.js';
import * as store from './specialist-store.js';
import type { AssessmentState } from './tables.js';

export type SpecialistKind = 'sara' | 'rm2000';

export interface SpecialistAssessmentSummary {
  id: string;
  kind: SpecialistKind;
  /** "SARA" or "Risk Matrix 2000". */
  kindName: string;
  /** The path after /people/:crn, for example "/assessments/sara/<id>". */
  path: string;
  state: AssessmentState;
  stateName: 'In progress' | 'Complete';
  startedAt: Date;
  startedBy: string;
  completedAt: Date | null;
  completedBy: string | null;
  /** SARA: the assessor's ratings, once given. */
  riskToPartner: SaraRatingLevel | null;
  riskToOthers: SaraRatingLevel | null;
  /** RM2000: the categories, once complete. */
  rm2000: {
    sexual: Band;
    sexualStep1: Band;
    aggravatingFactors: number;
    violence: Band;
    combined: Band;
  } | null;
  /** The ratings or categories in words, or what is still to do. */
  summary: string;
}

const KIND_NAMES: Record<SpecialistKind, string> = { sara: 'SARA', rm2000: 'Risk Matrix 2000' };

function saraSummary(r: { risk_to_partner: SaraRatingLevel | null; risk_to_others: SaraRatingLevel | null }) {
  const rating = (level: SaraRatingLevel | null) =>
    level ? SARA_RATING_NAMES[level].toLowerCase() : 'not rated yet';
  return `Risk to partner ${rating(r.risk_to_partner)}, risk to others ${rating(r.risk_to_others)}`;
}

function rm2000Summary(c: NonNullable<SpecialistAssessmentSummary['rm2000']>): string {
  return (
    `RM2000/S ${BAND_NAMES[c.sexual]} (step 1 ${BAND_NAMES[c.sexualStep1]}, ${c.aggravatingFactors} aggravating ` +
    `factor${c.aggravatingFactors === 1 ? '' : 's'}), RM2000/V ${BAND_NAMES[c.violence]}, RM2000/C ${BAND_NAMES[c.combined]}`
  );
}

/** The person's SARAs and Risk Matrix 2000s, newest first: two queries whatever their number. */
export async function specialistAssessmentsOf(
  db: Db,
  personId: string,
): Promise<SpecialistAssessmentSummary[]> {
  const [saras, rm2000s] = await Promise.all([store.saraRows(db, personId), store.rm2000Rows(db, personId)]);
  const common = (kind: SpecialistKind, r: (typeof saras)[number] | (typeof rm2000s)[number]) => ({
    id: r.id,
    kind,
    kindName: KIND_NAMES[kind],
    path: `/assessments/${kind}/${r.id}`,
    state: r.state,
    stateName: r.state === 'complete' ? ('Complete' as const) : ('In progress' as const),
    startedAt: r.started_at,
    startedBy: r.started_by_name,
    completedAt: r.completed_at,
    completedBy: r.completed_by_name,
  });
  const list: SpecialistAssessmentSummary[] = [
    ...saras.map((r) => ({
      ...common('sara', r),
      riskToPartner: r.risk_to_partner,
      riskToOthers: r.risk_to_others,
      rm2000: null,
      summary: saraSummary(r),
    })),
    ...rm2000s.map((r) => {
      const rm2000 =
        r.sexual_category && r.sexual_step1_category && r.violence_category && r.combined_category
          ? {
              sexual: r.sexual_category,
              sexualStep1: r.sexual_step1_category,
              aggravatingFactors: r.sexual_aggravating_factors ?? 0,
              violence: r.violence_category,
              combined: r.combined_category,
            }
          : null;
      return {
        ...common('rm2000', r),
        riskToPartner: null,
        riskToOthers: null,
        rm2000,
        summary: rm2000 ? rm2000Summary(rm2000) : 'Not scored yet',
      };
    }),
  ];
  return list.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

/** What src/risk/views/specialist-assessments.njk expects as `specialist`. */
export interface SpecialistAssessmentsPanel {
  assessments: SpecialistAssessmentSummary[];
  /** The SARA or RM2000 in progress, if any: the partial offers to continue it instead of starting another. */
  saraInProgress: SpecialistAssessmentSummary | null;
  rm2000InProgress: SpecialistAssessmentSummary | null;
  /** Whether any RM2000 is listed: the partial then shows the approximate-tables notice. */
  listsRm2000: boolean;
  rm2000Eligibility: { eligible: boolean; reasons: string[]; basis: string[] };
  rm2000ApproximateNotice: string;
}

export async function specialistAssessmentsPanel(
  db: Db,
  personId: string,
  today: string,
): Promise<SpecialistAssessmentsPanel> {
  const [assessments, facts] = await Promise.all([
    specialistAssessmentsOf(db, personId),
    store.rm2000Facts(db, personId),
  ]);
  if (!facts) throw new Error(`No person ${personId}`);
  const inProgress = (kind: SpecialistKind) =>
    assessments.find((a) => a.kind === kind && a.state === 'in-progress') ?? null;
  return {
    assessments,
    saraInProgress: inProgress('sara'),
    rm2000InProgress: inProgress('rm2000'),
    listsRm2000: assessments.some((a) => a.kind === 'rm2000'),
    rm2000Eligibility: rm2000Eligibility(facts, today),
    rm2000ApproximateNotice: RM2000_APPROXIMATE_NOTICE,
  };
}
