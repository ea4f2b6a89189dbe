/**
 * Demo assessments: most allocated people with a current order have a signed initial assessment,
 * its answers drawn at random but consistent with the person's RoSH flag, and worked out by the
 * same rules as a real one (needs, predictors, the snapshot). Some cases have one in progress, and
 * some recent orders have none yet, so the caseload shows assessments due, overdue and done.
 */
import type { Kysely } from 'kysely';
import {
  caseRecordFacts,
  personFacts,
  recordValuesOf,
  ROSH_GROUPS,
  ROSH_QUESTIONS,
  SCALES,
  SECTIONS,
  ratingKey,
  summarise,
  type AssessmentSnapshot,
  type RoshRating,
  type SectionState,
} from '../assessment/index.js';
import { addWorkingDays, addDays } from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { SeededRandom } from './random.js';

const ROSH_OF_REGISTER: Record<string, RoshRating> = {
  RLRH: 'low',
  RMRH: 'medium',
  RHRH: 'high',
  RVHR: 'very-high',
};
const LEVELS: readonly RoshRating[] = ['low', 'medium', 'high', 'very-high'];

const EVIDENCE: Record<string, readonly string[]> = {
  '1': ['PNC printout checked against the court record.', 'Previous convictions confirmed from the PNC.'],
  '2': [
    'Offence committed after an argument; accepts some responsibility.',
    'Opportunistic offence; minimises the harm caused.',
  ],
  '3': [
    'Lives with family; tenancy secure.',
    'Sofa-surfing since losing a tenancy.',
    'In a hostel; move-on planned.',
  ],
  '4': [
    'Works part time in a warehouse.',
    'Unemployed since leaving school; no qualifications.',
    'Looking for work through the jobcentre.',
  ],
  '5': ['Manages on benefits; some rent arrears.', 'No financial problems reported.'],
  '6': ['Close to their mother; relationship with a partner ended recently.', 'Estranged from family.'],
  '7': ['Spends time with peers who offend.', 'Plays five-a-side; few criminal associates.'],
  '8': ['Uses cannabis most days.', 'No drug use reported; tests negative.'],
  '9': ['Drinks heavily at weekends.', 'Drinks rarely.'],
  '10': ['Low mood since a bereavement; under the GP.', 'No emotional well-being concerns.'],
  '11': ['Acts on impulse when angry.', 'Thinks before acting; good problem solving.'],
  '12': ['Accepts supervision; motivated to change.', 'Blames the victim; sees supervision as pointless.'],
  '13': ['No health problems affecting supervision.', 'Asthma; no effect on supervision.'],
};

/** Item answers leaning towards the person's level of need: higher `need`, more problems. */
function answerItems(random: SeededRandom, code: string, need: number): Record<string, string> {
  const section = SECTIONS.find((s) => s.code === code)!;
  const answers: Record<string, string> = {};
  for (const item of section.items) {
    const options = SCALES[item.scale];
    const roll = random.next() * 0.7 + need * 0.5;
    const index =
      item.scale === 'yesNo' || item.scale === 'yesScoresTwo'
        ? roll > 0.9
          ? 1
          : 0
        : roll > 0.95
          ? 2
          : roll > 0.55
            ? 1
            : 0;
    answers[item.code] = options[Math.min(index, options.length - 1)]!.value;
  }
  return answers;
}

function roshAnswers(random: SeededRandom, level: RoshRating): Record<string, string> {
  const answers: Record<string, string> = {};
  const highest = random.pick(['public', 'knownAdult', 'children']);
  for (const group of ROSH_GROUPS) {
    for (const setting of group.settings) {
      const top = group.code === highest && setting === 'community';
      const below = LEVELS[Math.max(0, LEVELS.indexOf(level) - random.integer(0, 1))]!;
      answers[ratingKey(setting, group.code)] = top ? level : below;
    }
  }
  for (const q of ROSH_QUESTIONS) answers[q.code] = `${q.label}: see the evidence in sections 2, 9 and 11.`;
  return answers;
}

function sectionsFor(random: SeededRandom, rosh: RoshRating): SectionState[] {
  const need = random.next();
  return SECTIONS.map((def) => {
    const answers =
      def.kind === 'rosh'
        ? roshAnswers(random, rosh)
        : def.kind === 'facts'
          ? { nonContactSexualSanctions: '0', indecentImageSanctions: '0' }
          : answerItems(random, def.code, need);
    const linked = def.asksLinks ? random.chance(0.3 + need * 0.5) : null;
    return {
      code: def.code,
      status: 'complete',
      answers,
      corrections: {},
      linkedToOffending: linked,
      linkedToHarm: def.asksLinks ? Boolean(linked) && random.chance(0.4) : null,
      evidence: def.kind === 'rosh' ? null : random.pick(EVIDENCE[def.code] ?? ['Discussed at supervision.']),
      personsView: null,
    };
  });
}

export async function loadDemoAssessments(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(7007);
  const today = londonDateOf(now);
  const cases = await db
    .selectFrom('allocations')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .leftJoin('registrations', (join) =>
      join
        .onRef('registrations.person_id', '=', 'allocations.person_id')
        .on('registrations.deregistered_on', 'is', null)
        .on('registrations.type_code', 'in', Object.keys(ROSH_OF_REGISTER)),
    )
    .select([
      'allocations.person_id',
      'allocations.staff_id',
      'staff.grade_code',
      'staff.forename',
      'staff.surname',
      'registrations.type_code as rosh_code',
    ])
    .where('allocations.ended_at', 'is', null)
    .orderBy('allocations.person_id')
    .execute();
  const manager = await db
    .selectFrom('users')
    .select('display_name')
    .where('username', '=', 'manager.demo')
    .executeTakeFirst();
  for (const c of cases) {
    const facts = await caseRecordFacts(db, c.person_id, today);
    if (!facts.currentOrder) continue;
    const dueOn = addWorkingDays(facts.currentOrder.startDate, 15);
    const roll = random.next();
    // Recent orders are often not assessed yet; about one in ten has an assessment under way.
    if (dueOn > today && roll < 0.6) continue;
    if (roll > 0.9 && roll < 0.97) continue;
    const assessor = `${c.forename} ${c.surname}`;
    const rosh = ROSH_OF_REGISTER[c.rosh_code ?? ''] ?? 'low';
    const sections = sectionsFor(random, rosh);
    const inProgress = roll >= 0.97;
    // A case older than a review cycle was last assessed at a review, some of them now overdue.
    const longRunning = addDays(facts.currentOrder.startDate, 7 * 26) < today;
    const completedOn = inProgress
      ? null
      : longRunning
        ? addDays(today, -random.integer(7, 200))
        : [
            addWorkingDays(facts.currentOrder.startDate, random.integer(3, 18)),
            addDays(today, -1),
          ].sort()[0]!;
    const person = await personFacts(db, c.person_id);
    const snapshot: AssessmentSnapshot | null = completedOn
      ? { ...summarise(person, sections, recordValuesOf(facts), completedOn), workedOutOn: completedOn }
      : null;
    const signedAt = completedOn ? new Date(`${completedOn}T15:00:00Z`) : null;
    const countersigned = c.grade_code === 'PSO' && rosh !== 'low';
    const { id } = await db
      .insertInto('assessments')
      .values({
        person_id: c.person_id,
        assessment_type: longRunning ? 'review' : 'initial',
        state: inProgress ? 'in-progress' : 'locked',
        assessor_staff_id: c.staff_id,
        assessor_name: assessor,
        started_at: new Date(`${completedOn ?? addDays(today, -3)}T09:00:00Z`),
        signed_at: signedAt,
        signed_by_name: completedOn ? assessor : null,
        completed_on: completedOn,
        countersignature_required: Boolean(completedOn) && countersigned,
        countersignature_reason: completedOn
          ? countersigned
            ? 'A probation services officer’s assessment with RoSH medium or above is countersigned by a manager'
            : 'Completed by a probation officer or manager: no countersignature needed'
          : null,
        countersigned_at: completedOn && countersigned ? signedAt : null,
        countersigned_by_name: completedOn && countersigned ? (manager?.display_name ?? null) : null,
        locked_at: signedAt,
        rosh_level: completedOn ? rosh : null,
        snapshot: snapshot ? JSON.stringify(snapshot) : null,
        updated_by_name: assessor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('assessment_sections')
      .values(
        sections.map((s, i) => ({
          assessment_id: id,
          person_id: c.person_id,
          section_code: s.code,
          // An assessment in progress has its first few sections done.
          status: inProgress ? (i < 5 ? ('complete' as const) : ('not-started' as const)) : s.status,
          answers: JSON.stringify(inProgress && i >= 5 ? {} : s.answers),
          corrections: JSON.stringify({}),
          linked_to_offending: inProgress && i >= 5 ? null : s.linkedToOffending,
          linked_to_harm: inProgress && i >= 5 ? null : s.linkedToHarm,
          evidence: inProgress && i >= 5 ? null : s.evidence,
          persons_view: null,
          updated_by_name: assessor,
        })),
      )
      .execute();
  }
}
