/** The assessment capability: what other capabilities (planning, programmes …) may use. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.js';
import type { SectionNeed } from './rules.js';
import * as store from './store.js';
import type { AssessmentSnapshot } from './summary.js';

export { assessmentRoutes } from './routes.js';
export { assessmentClocksFor } from './caseload.js';
export type { AssessmentClock, SectionNeed, SectionState } from './rules.js';
/** The case record as an assessment reads it, and the snapshot a signed one keeps: for loaders such as the demo data. */
export { caseRecordFacts, personFacts } from './store.js';
export { recordValuesOf } from './record.js';
export { summarise, type AssessmentSnapshot } from './summary.js';
export { ROSH_GROUPS, ROSH_QUESTIONS, SCALES, SECTIONS, ratingKey, type RoshRating } from './sections.js';

export interface AssessedNeeds {
  assessmentId: string;
  type: 'initial' | 'review' | 'termination';
  completedOn: string;
  /** Every need section, with severity none, standard or severe, and its links to offending and harm. */
  needs: SectionNeed[];
}

/** The needs of the latest signed assessment, or null when the person has none. */
export async function latestAssessedNeeds(
  db: Kysely<Database>,
  personId: string,
): Promise<AssessedNeeds | null> {
  const latest = await store.latestCompleted(db, personId);
  if (!latest?.completed_on || !latest.snapshot) return null;
  return {
    assessmentId: latest.id,
    type: latest.assessment_type,
    completedOn: latest.completed_on,
    needs: (latest.snapshot as unknown as AssessmentSnapshot).needs,
  };
}
