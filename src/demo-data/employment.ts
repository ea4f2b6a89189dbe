/**
 * Demo employment: every person has a current employment status, and about a third the one before
 * it too. Where a demo assessment already answered "unemployed" (4.2), the status agrees with it,
 * so the assessment reads the same whether the answer came from the record or the assessor.
 * Employers are made-up local businesses and colleges.
 */
import type { Kysely } from 'kysely';
import { addDays, completedYears } from '../platform/calendar/index.js';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { SeededRandom } from './random.js';

const IN_WORK: ReadonlyArray<[status: string, employers: readonly string[]]> = [
  [
    'FULL-TIME',
    ['Colchester Logistics', 'Essex Building Supplies', 'Harlow Distribution', 'A care home in Witham'],
  ],
  ['PART-TIME', ['A warehouse in Basildon', 'A café in Braintree', 'Chelmsford Cleaning Services']],
  ['SELF-EMPLOYED', ['Plastering', 'Window cleaning round', 'Painting and decorating']],
];

const NOTES: Record<string, readonly (string | null)[]> = {
  'FULL-TIME': ['Day shifts, Monday to Friday.', 'Shift work; appointments arranged around the rota.', null],
  'PART-TIME': ['About 16 hours a week.', 'Weekend shifts.', null],
  'SELF-EMPLOYED': ['Work comes and goes; registered with HMRC.', null],
  UNEMPLOYED: [
    'Claiming Universal Credit; looking for warehouse work.',
    'Registered with the jobcentre.',
    null,
  ],
  'LONG-TERM-SICK': ['Back injury; receives ESA.', null],
  CARER: ['Cares for their mother.', null],
  STUDENT: ['Level 2 construction course.', 'Maths and English functional skills.', null],
  RETIRED: [null],
};

const STUDY = ['Chelmsford College', 'Colchester Institute', 'An adult learning centre'];

interface Status {
  status: string;
  employer: string | null;
  notes: string | null;
}

function inWork(random: SeededRandom, partTime = false): Status {
  const [status, employers] = partTime ? IN_WORK[1]! : random.pick(IN_WORK);
  return { status, employer: random.pick(employers), notes: random.pick(NOTES[status]!) };
}

function notInWork(random: SeededRandom, age: number): Status {
  const status =
    age >= 66
      ? 'RETIRED'
      : random.pick(['UNEMPLOYED', 'UNEMPLOYED', 'UNEMPLOYED', 'LONG-TERM-SICK', 'CARER', 'STUDENT']);
  return {
    status,
    employer: status === 'STUDENT' ? random.pick(STUDY) : null,
    notes: random.pick(NOTES[status]!),
  };
}

export async function loadDemoEmployment(db: Kysely<Database>, now: Date): Promise<void> {
  const random = new SeededRandom(5150);
  const today = londonDateOf(now);
  const people = await db.selectFrom('people').select(['id', 'date_of_birth']).orderBy('crn').execute();
  // What each person's latest demo assessment answered to "unemployed", with its evidence.
  const answered = await db
    .selectFrom('assessment_sections')
    .innerJoin('assessments', 'assessments.id', 'assessment_sections.assessment_id')
    .select(['assessment_sections.person_id', 'assessment_sections.answers', 'assessment_sections.evidence'])
    .where('assessment_sections.section_code', '=', '4')
    .orderBy('assessments.started_at')
    .execute();
  const section4 = new Map(answered.map((a) => [a.person_id, a]));
  const rows = [];
  for (const person of people) {
    const age = completedYears(person.date_of_birth, today);
    const assessed = section4.get(person.id);
    const unemployed = (assessed?.answers as Record<string, string> | undefined)?.['4.2'];
    const current: Status =
      unemployed === 'yes'
        ? { status: 'UNEMPLOYED', employer: null, notes: random.pick(NOTES.UNEMPLOYED!) }
        : unemployed === 'no'
          ? inWork(random, /part time/i.test(assessed?.evidence ?? ''))
          : random.chance(0.45)
            ? inWork(random)
            : notInWork(random, age);
    const since = addDays(today, -random.integer(20, 900));
    if (random.chance(0.35)) {
      const other = notInWork(random, Math.min(age, 60));
      const before =
        current.status === 'UNEMPLOYED' || other.status === current.status ? inWork(random) : other;
      rows.push({
        person_id: person.id,
        ...before,
        from_date: addDays(since, -random.integer(120, 1500)),
        to_date: addDays(since, -1),
        created_by_name: 'Demo data',
      });
    }
    rows.push({
      person_id: person.id,
      ...current,
      from_date: since,
      to_date: null,
      created_by_name: 'Demo data',
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('employment_statuses')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
