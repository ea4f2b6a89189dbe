import type { Migration } from 'kysely';
import * as platform from './001_platform.js';
import * as people from './002_people.js';
import * as referenceData from './003_reference_data.js';
import * as sentences from './004_sentences.js';
import * as contacts from './005_contacts.js';
import * as sentencesMore from './006_sentences_more.js';
import * as registrations from './008_registrations.js';
import * as enforcement from './009_enforcement.js';
import * as assessments from './010_assessments.js';
import * as specialistAssessments from './011_specialist_assessments.js';
import * as changedBy from './012_changed_by.js';
import * as enforcementAmendments from './013_enforcement_amendments.js';
import * as planning from './014_planning.js';
import * as personDetailsVersions from './015_person_details_versions.js';
import * as awaitingAllocation from './016_awaiting_allocation.js';
import * as employment from './017_employment.js';
import * as heldSubmissions from './018_held_submissions.js';

/**
 * Every migration, in order. Add new ones at the end with the next number. Numbers need not be
 * contiguous (there is no 007): Kysely runs them in the order of their names.
 */
export const migrations: Record<string, Migration> = {
  '001_platform': platform,
  '002_people': people,
  '003_reference_data': referenceData,
  '004_sentences': sentences,
  '005_contacts': contacts,
  '006_sentences_more': sentencesMore,
  '008_registrations': registrations,
  '009_enforcement': enforcement,
  '010_assessments': assessments,
  '011_specialist_assessments': specialistAssessments,
  '012_changed_by': changedBy,
  '013_enforcement_amendments': enforcementAmendments,
  '014_planning': planning,
  '015_person_details_versions': personDetailsVersions,
  '016_awaiting_allocation': awaitingAllocation,
  '017_employment': employment,
  '018_held_submissions': heldSubmissions,
};
