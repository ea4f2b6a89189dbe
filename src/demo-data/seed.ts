import { sql } from 'kysely';
import { hashPassword } from '../accounts/passwords.js';
import type { Db } from '../platform/database/connect.js';
import { formatCrn, pncWithCheckCharacter } from '../people/index.js';
import { FEMALE_FORENAMES, MALE_FORENAMES, STREETS, SURNAMES, TOWNS } from './names.js';
import { loadDemoAssessments } from './assessments.js';
import { loadDemoPlans } from './plans.js';
import { loadDemoRegistrations, workOutDemoTiers } from './registrations.js';
import { SeededRandom } from './random.js';
import { loadDemoSentences } from './sentences.js';
import { loadDemoContacts } from './contacts.js';
import { loadDemoEmployment } from './employment.js';
import { loadDemoEnforcement } from './enforcement.js';

export const DEMO_PASSWORD = 'Probation-Demo-1';
export const DEMO_API_CLIENT = { clientId: 'demo-integration', secret: 'demo-integration-secret' };

interface StaffSeed {
  code: string;
  forename: string;
  surname: string;
  grade: string;
  team: number;
}

const TEAMS = [
  { code: 'N01CMN', name: 'Chelmsford North', pdu: 0 },
  { code: 'N01CMS', name: 'Chelmsford South', pdu: 0 },
  { code: 'N01COE', name: 'Colchester East', pdu: 1 },
  { code: 'N01COW', name: 'Colchester West', pdu: 1 },
];

/** About 25 staff covering every grade; the first of each kind has a demo sign-in. */
const STAFF: StaffSeed[] = [
  { code: 'N01A001', forename: 'Priya', surname: 'Okonjo', grade: 'PO', team: 0 },
  { code: 'N01A002', forename: 'Tom', surname: 'Ashworth', grade: 'PSO', team: 0 },
  { code: 'N01A003', forename: 'Fiona', surname: 'MacLeod', grade: 'FAC', team: 0 },
  { code: 'N01A004', forename: 'Dev', surname: 'Raman', grade: 'UPW', team: 0 },
  { code: 'N01A005', forename: 'Helen', surname: 'Brierley', grade: 'SPO', team: 0 },
  { code: 'N01A006', forename: 'Sam', surname: 'Adeyemi', grade: 'ADM', team: 0 },
  { code: 'N01A007', forename: 'Gareth', surname: 'Pryce', grade: 'PO', team: 0 },
  { code: 'N01A008', forename: 'Nadia', surname: 'Qureshi', grade: 'PSO', team: 0 },
  { code: 'N01A009', forename: 'Oliver', surname: 'Fenwick', grade: 'TPO', team: 0 },
  { code: 'N01B001', forename: 'Ruth', surname: 'Chandler', grade: 'PO', team: 1 },
  { code: 'N01B002', forename: 'Ben', surname: 'Hollis', grade: 'PSO', team: 1 },
  { code: 'N01B003', forename: 'Aled', surname: 'Morgan-Hughes', grade: 'PO', team: 1 },
  { code: 'N01B004', forename: 'Grace', surname: 'Nwosu', grade: 'SPO', team: 1 },
  { code: 'N01C001', forename: 'Marta', surname: 'Zielinska', grade: 'PO', team: 2 },
  { code: 'N01C002', forename: 'Chris', surname: 'Dunmore', grade: 'PSO', team: 2 },
  { code: 'N01C003', forename: 'Imogen', surname: 'Hale', grade: 'PO', team: 2 },
  { code: 'N01C004', forename: 'Kofi', surname: 'Boateng', grade: 'SPO', team: 2 },
  { code: 'N01C005', forename: 'Lucy', surname: 'Tranter', grade: 'FAC', team: 2 },
  { code: 'N01D001', forename: 'Rhys', surname: 'Llewellyn', grade: 'PO', team: 3 },
  { code: 'N01D002', forename: 'Anjali', surname: 'Mistry', grade: 'PSO', team: 3 },
  { code: 'N01D003', forename: 'Paul', surname: 'Greatorex', grade: 'PSO', team: 3 },
  { code: 'N01D004', forename: 'Joanne', surname: 'Whitlock', grade: 'SPO', team: 3 },
  { code: 'N01D005', forename: 'Callum', surname: 'Rafferty', grade: 'UPW', team: 3 },
  { code: 'N01D006', forename: 'Yusuf', surname: 'Demir', grade: 'PO', team: 3 },
  { code: 'N01D007', forename: 'Eleanor', surname: 'Voss', grade: 'HOS', team: 3 },
];

const DEMO_USERS = [
  { username: 'po.demo', staff: 'N01A001', roles: ['probation-officer'] },
  { username: 'pso.demo', staff: 'N01A002', roles: ['probation-services-officer'] },
  { username: 'facilitator.demo', staff: 'N01A003', roles: ['programme-facilitator'] },
  { username: 'upw.demo', staff: 'N01A004', roles: ['unpaid-work-supervisor'] },
  { username: 'manager.demo', staff: 'N01A005', roles: ['manager'] },
  { username: 'senior.demo', staff: 'N01D007', roles: ['manager'] },
  { username: 'admin.demo', staff: null, roles: ['administrator'] },
];

const CASE_HOLDING = new Set(['PO', 'PSO', 'TPO']);
const PEOPLE_COUNT = 300;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether the database already holds demo data (or any people): demo data loads on first run only. */
export async function hasAnyPeople(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('people').select('id').limit(1).executeTakeFirst());
}

/**
 * Loads the deterministic synthetic dataset: one region, two delivery units,
 * four teams, 25 staff, 300 people on probation, the demo sign-ins and the demo
 * API client. No real people: names are common names combined at random.
 */
export async function loadDemoData(db: Db, now: Date): Promise<void> {
  const random = new SeededRandom(20261122);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const clientSecretHash = await hashPassword(DEMO_API_CLIENT.secret);
  await db.transaction().execute(async (trx) => {
    const region = await trx
      .insertInto('regions')
      .values({ code: 'N01', name: 'East of England' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pdus = await trx
      .insertInto('probation_delivery_units')
      .values([
        { region_id: region.id, code: 'N01CM', name: 'Chelmsford' },
        { region_id: region.id, code: 'N01CO', name: 'Colchester' },
      ])
      .returning('id')
      .execute();
    const teams = [];
    for (const team of TEAMS) {
      teams.push(
        await trx
          .insertInto('teams')
          .values({ pdu_id: pdus[team.pdu]!.id, code: team.code, name: team.name })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
    }
    const staffIds = new Map<string, { id: string; team: string; grade: string }>();
    for (const s of STAFF) {
      const row = await trx
        .insertInto('staff')
        .values({
          staff_code: s.code,
          forename: s.forename,
          surname: s.surname,
          grade_code: s.grade,
          team_id: teams[s.team]!.id,
          email: `${s.forename}.${s.surname}@probity.example`.toLowerCase(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      staffIds.set(s.code, { id: row.id, team: teams[s.team]!.id, grade: s.grade });
    }
    for (const u of DEMO_USERS) {
      const staff = u.staff ? STAFF.find((s) => s.code === u.staff)! : null;
      await trx
        .insertInto('users')
        .values({
          username: u.username,
          staff_id: u.staff ? staffIds.get(u.staff)!.id : null,
          display_name: staff ? `${staff.forename} ${staff.surname}` : 'Demo Administrator',
          password_hash: passwordHash,
          roles: u.roles,
          must_change_password: false,
        })
        .execute();
    }
    await trx
      .insertInto('api_clients')
      .values({
        client_id: DEMO_API_CLIENT.clientId,
        name: 'Demo integration',
        secret_hash: clientSecretHash,
        roles: ['probation-officer'],
      })
      .execute();

    const caseHolders = [...staffIds.entries()].filter(([, s]) => CASE_HOLDING.has(s.grade));
    const demoOfficer = staffIds.get('N01A001')!;
    const people = [];
    const addresses = [];
    for (let i = 0; i < PEOPLE_COUNT; i++) {
      const female = random.chance(0.15);
      const birthYear = random.integer(1958, 2007);
      const [town, area] = random.pick(TOWNS);
      const crn = formatCrn(100000 + i);
      people.push({
        crn,
        forename: random.pick(female ? FEMALE_FORENAMES : MALE_FORENAMES),
        surname: random.pick(SURNAMES),
        date_of_birth: isoDate(birthYear, random.integer(1, 12), random.integer(1, 28)),
        sex: female ? 'F' : 'M',
        gender_identity: 'SAME',
        pnc_number: random.chance(0.85)
          ? pncWithCheckCharacter(random.integer(2000, 2025), random.integer(1, 999_999))
          : null,
        mobile: random.chance(0.8) ? `07700 900${String(random.integer(0, 999)).padStart(3, '0')}` : null,
        ethnicity: random.pick(['W1', 'W1', 'W1', 'W1', 'W2', 'W9', 'B1', 'B2', 'A1', 'A2', 'M1', 'NS']),
        religion: random.pick(['NONE', 'CHR', 'MUS', 'NS']),
        first_language: random.chance(0.9) ? 'ENG' : random.pick(['POL', 'ROM', 'URD', 'LIT']),
        interpreter_required: false,
        contact_preferences: random.pick(['PHONE', 'TEXT', 'LETTER']),
        updated_by_name: 'Demo data',
      });
      addresses.push({
        crn,
        status: 'main' as const,
        building: String(random.integer(1, 220)),
        street: random.pick(STREETS),
        town,
        postcode: `${area}${random.integer(1, 20)} ${random.integer(1, 9)}${random.pick(['AB', 'DE', 'FG', 'HJ', 'LN', 'PQ', 'RT', 'WX'])}`,
        from_date: isoDate(random.integer(2015, 2025), random.integer(1, 12), random.integer(1, 28)),
      });
    }
    // Interpreters are needed by those whose first language is not English.
    for (const p of people) p.interpreter_required = p.first_language !== 'ENG';
    const inserted = await trx.insertInto('people').values(people).returning(['id', 'crn']).execute();
    const idByCrn = new Map(inserted.map((p) => [p.crn, p.id]));
    await trx
      .insertInto('person_addresses')
      .values(addresses.map(({ crn, ...a }) => ({ ...a, person_id: idByCrn.get(crn)! })))
      .execute();
    await sql`select setval('crn_numbers', ${100000 + PEOPLE_COUNT})`.execute(trx);

    const allocations = inserted.map((p, index) => {
      // The demo officer holds a realistic caseload; the rest share the others.
      const holder = index < 40 ? demoOfficer : random.pick(caseHolders)[1];
      const since = new Date(now.getTime() - random.integer(1, 700) * 86_400_000);
      return {
        person_id: p.id,
        staff_id: holder.id,
        team_id: holder.team,
        allocated_at: since,
        reason: 'INITIAL',
        allocated_by_name: 'Demo data',
      };
    });
    // The last few people are new and wait for a manager to allocate them.
    const allocated = allocations.slice(0, PEOPLE_COUNT - 5);
    await trx.insertInto('allocations').values(allocated).execute();
    await trx
      .updateTable('people')
      .set({ awaiting_allocation: false })
      .where(
        'id',
        'in',
        allocated.map((a) => a.person_id),
      )
      .execute();

    // Two limited-access people: one the demo officer is excluded from, one restricted to named staff.
    const excluded = inserted[PEOPLE_COUNT - 10]!;
    await trx
      .updateTable('people')
      .set({
        exclusion_message:
          'You are excluded from this record because of a declared conflict of interest. Speak to the head of service.',
      })
      .where('id', '=', excluded.id)
      .execute();
    await trx
      .insertInto('limited_access')
      .values({ person_id: excluded.id, staff_id: demoOfficer.id, list: 'exclusion' })
      .execute();
    const restricted = inserted[PEOPLE_COUNT - 9]!;
    await trx
      .updateTable('people')
      .set({
        restriction_message:
          'This record is restricted: the person is a member of staff. Only named officers may see it.',
      })
      .where('id', '=', restricted.id)
      .execute();
    await trx
      .insertInto('limited_access')
      .values({ person_id: restricted.id, staff_id: staffIds.get('N01D001')!.id, list: 'restriction' })
      .execute();
    await loadDemoSentences(
      trx,
      inserted.map((p) => p.id),
      now,
    );
    await loadDemoContacts(trx, now);
    await loadDemoRegistrations(trx, now);
    // After the contacts' failures, and the registrations a recall's eligibility reads (MAPPA).
    await loadDemoEnforcement(trx, now);
    await loadDemoAssessments(trx, now);
    // After the assessments: a status agrees with what an assessment already answered.
    await loadDemoEmployment(trx, now);
    await loadDemoPlans(trx, now);
    await workOutDemoTiers(trx, now);
  });
}

export const DEMO_LIMITED_ACCESS = {
  excludedCrn: formatCrn(100000 + PEOPLE_COUNT - 10),
  restrictedCrn: formatCrn(100000 + PEOPLE_COUNT - 9),
};
