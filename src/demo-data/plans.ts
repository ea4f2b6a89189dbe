/**
 * Demo plans: most assessed people have an agreed sentence plan whose objectives serve the needs
 * their signed assessment found (or a requirement of the order), in sequence, with actions, some
 * done and some overdue; older plans have been reviewed. Most people with medium RoSH or above have
 * a completed risk management plan, some overdue for review. About one case in five has neither
 * yet, so the caseload shows plans due, overdue and missing as well as done.
 */
import type { Kysely } from 'kysely';
import type { SectionNeed } from '../assessment/index.js';
import { addDays, addWorkingDays } from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { SeededRandom } from './random.js';

/** For each need: the objective in the person's words, in the officer's, the intervention and a first action. */
const OBJECTIVES: Record<string, { person: string; officer: string; intervention: string; action: string }> =
  {
    accommodation: {
      person: 'I want a place of my own',
      officer: 'Find settled accommodation and keep the tenancy',
      intervention: 'Referral to the housing advice service',
      action: 'Go to the housing advice appointment',
    },
    'education-training-employability': {
      person: 'I want a proper job',
      officer: 'Get into work or training',
      intervention: 'Employment, training and education support',
      action: 'Register with the employment support worker',
    },
    finance: {
      person: 'I want to sort my debts out',
      officer: 'Manage money and reduce debt',
      intervention: 'Debt advice',
      action: 'Book an appointment with the debt advice service',
    },
    relationships: {
      person: 'I don’t want to argue with my partner any more',
      officer: 'Build healthy relationships without abuse or control',
      intervention: 'Building Better Relationships',
      action: 'Attend the programme assessment',
    },
    lifestyle: {
      person: 'I want to keep away from the people I got in trouble with',
      officer: 'Spend time in activities away from criminal associates',
      intervention: 'Structured activity through the rehabilitation activity requirement',
      action: 'Agree a weekly activity plan',
    },
    drugs: {
      person: 'I want to get clean',
      officer: 'Reduce and stop illicit drug use',
      intervention: 'Community drug treatment',
      action: 'Attend the drug service assessment',
    },
    alcohol: {
      person: 'I want to cut down on the drink',
      officer: 'Reduce drinking to within safe limits',
      intervention: 'Community alcohol treatment',
      action: 'Attend the alcohol service assessment',
    },
    'emotional-wellbeing': {
      person: 'I want to feel less low',
      officer: 'Improve emotional well-being with support from the GP',
      intervention: 'GP and talking therapies',
      action: 'Make a GP appointment about low mood',
    },
    'thinking-behaviour': {
      person: 'I want to stop losing my temper',
      officer: 'Manage impulsive and angry behaviour',
      intervention: 'Thinking Skills Programme',
      action: 'Attend the Thinking Skills Programme assessment',
    },
    attitudes: {
      person: 'I want to get this order done and move on',
      officer: 'Take responsibility for the offending and its effect on others',
      intervention: 'One-to-one work on victim awareness',
      action: 'Complete the victim awareness sessions',
    },
  };

const STRENGTHS = [
  'Close to their mother; worked in a warehouse before',
  'Motivated by their children; keeps appointments',
  'Good practical skills; supportive partner',
  'Has stayed out of trouble for long periods before',
];
const DESISTANCE = [
  'Wants to keep contact with their children',
  'A steady job and staying away from old friends',
  'Staying sober and keeping their tenancy',
  'His family’s support and a routine',
];
const OWNERS = ['person', 'responsible-officer', 'partner-agency'] as const;

const RISK_PARTS = {
  supervision:
    'Weekly office appointments for the first 12 weeks, then fortnightly; a home visit within 10 working days.',
  monitoring_and_control:
    'Police intelligence checks monthly; requirements and conditions enforced; address checks.',
  interventions_and_treatment: 'The interventions in the sentence plan, in its order.',
  victim_safety_planning: 'Victim contact scheme informed where there is a victim; safeguarding checks made.',
  contingency:
    'If the risk rises: discuss with the manager the same day, tell the police, consider breach or recall.',
};

export async function loadDemoPlans(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(8008);
  const today = londonDateOf(now);
  const assessed = await db
    .selectFrom('assessments')
    .innerJoin('allocations', 'allocations.person_id', 'assessments.person_id')
    .innerJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'assessments.person_id',
      'assessments.completed_on',
      'assessments.rosh_level',
      'assessments.snapshot',
      'staff.forename',
      'staff.surname',
    ])
    .where('assessments.state', '=', 'locked')
    .where('allocations.ended_at', 'is', null)
    .orderBy('assessments.person_id')
    .execute();
  for (const a of assessed) {
    if (random.chance(0.2)) continue;
    const officer = `${a.forename} ${a.surname}`;
    const startedOn = [addWorkingDays(a.completed_on!, random.integer(1, 5)), today].sort()[0]!;
    const needs = ((a.snapshot as { needs?: SectionNeed[] } | null)?.needs ?? [])
      .filter((n) => n.severity !== 'none' && OBJECTIVES[n.need])
      .sort((x, y) => (x.severity === y.severity ? 0 : x.severity === 'severe' ? -1 : 1))
      .slice(0, 3);
    const requirement = await db
      .selectFrom('requirements')
      .innerJoin('requirement_types', 'requirement_types.code', 'requirements.type_code')
      .select([
        'requirements.id',
        'requirement_types.description',
        'requirements.units',
        'requirement_types.unit',
      ])
      .where('requirements.person_id', '=', a.person_id)
      .where('requirements.terminated_on', 'is', null)
      .orderBy('requirement_types.sort_order')
      .executeTakeFirst();
    if (!needs.length && !requirement) continue;
    const stamp = { created_by_name: officer, updated_by_name: officer };
    const reviewed =
      addDays(startedOn, 16 * 7) <= today && random.chance(0.7) ? addDays(startedOn, 16 * 7) : null;
    const { id: planId } = await db
      .insertInto('sentence_plans')
      .values({
        person_id: a.person_id,
        started_on: startedOn,
        strengths: random.pick(STRENGTHS),
        desistance_factors: random.pick(DESISTANCE),
        agreement: 'agreed',
        agreement_on: startedOn,
        persons_comments: random.chance(0.5) ? 'Happy with the plan' : null,
        completed_on: startedOn,
        last_reviewed_on: reviewed,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const objectives = needs.length
      ? needs.map((n) => ({ ...OBJECTIVES[n.need]!, need: n.need, needTitle: n.title }))
      : [
          {
            person: 'I want to get the order done',
            officer: `Complete the ${requirement!.description.toLowerCase()} requirement`,
            intervention: requirement!.description,
            action: 'Attend every session arranged',
            need: null,
            needTitle: null,
          },
        ];
    const ids: string[] = [];
    for (const [index, o] of objectives.entries()) {
      const linksRequirement = requirement && (!o.need || index === 0);
      const { id } = await db
        .insertInto('plan_objectives')
        .values({
          plan_id: planId,
          person_id: a.person_id,
          position: index + 1,
          persons_words: o.person,
          officers_words: o.officer,
          need: o.need,
          need_title: o.needTitle,
          requirement_id: linksRequirement ? requirement.id : null,
          requirement_text: linksRequirement
            ? `${requirement.description}${requirement.units !== null && requirement.unit ? `: ${requirement.units} ${requirement.unit}` : ''}`
            : null,
          interventions: o.intervention,
          progress: reviewed
            ? random.pick(['in-progress', 'achieved', 'in-progress'] as const)
            : 'not-started',
          progress_on: reviewed,
          ...stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
      const targetDate = addDays(startedOn, random.integer(14, 70));
      await db
        .insertInto('plan_actions')
        .values({
          objective_id: id,
          plan_id: planId,
          person_id: a.person_id,
          description: o.action,
          owner: OWNERS[index % OWNERS.length]!,
          owner_name: OWNERS[index % OWNERS.length] === 'partner-agency' ? o.intervention : null,
          target_date: targetDate,
          // Most actions whose date has passed are done; a few are overdue.
          done_on: targetDate < today && random.chance(0.8) ? targetDate : null,
          ...stamp,
        })
        .execute();
    }
    if (reviewed) {
      const { id: reviewId } = await db
        .insertInto('plan_reviews')
        .values({
          plan_id: planId,
          person_id: a.person_id,
          reviewed_on: reviewed,
          notes: 'Reviewed at supervision with the person.',
          reviewed_by_name: officer,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const progress = await db
        .selectFrom('plan_objectives')
        .select(['id', 'progress'])
        .where('plan_id', '=', planId)
        .execute();
      await db
        .insertInto('plan_review_progress')
        .values(
          progress.map((p) => ({
            review_id: reviewId,
            objective_id: p.id,
            person_id: a.person_id,
            progress: p.progress,
          })),
        )
        .execute();
    }
    if (a.rosh_level && a.rosh_level !== 'low' && random.chance(0.85)) {
      const completedOn = startedOn;
      const nextReviewOn = addDays(completedOn, 16 * 7);
      const { id: riskId } = await db
        .insertInto('risk_management_plans')
        .values({
          person_id: a.person_id,
          ...RISK_PARTS,
          completed_on: completedOn,
          next_review_on: nextReviewOn,
          ...stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('risk_plan_reviews')
        .values({
          plan_id: riskId,
          person_id: a.person_id,
          kind: 'completed',
          reviewed_on: completedOn,
          next_review_on: nextReviewOn,
          reviewed_by_name: officer,
          parts: JSON.stringify({
            supervision: RISK_PARTS.supervision,
            'monitoring-and-control': RISK_PARTS.monitoring_and_control,
            'interventions-and-treatment': RISK_PARTS.interventions_and_treatment,
            'victim-safety-planning': RISK_PARTS.victim_safety_planning,
            contingency: RISK_PARTS.contingency,
          }),
        })
        .execute();
    }
  }
}
