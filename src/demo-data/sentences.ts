import type { Kysely } from 'kysely';
import { londonDateOf } from '../platform/calendar/london.js';
import type { Database } from '../platform/database/schema.js';
import { addDays, expectedEndDate, expectedEndDateInDays } from '../sentences/rules.js';
import { SeededRandom } from './random.js';

/** Offences a demo person is often convicted of, by code (all in migration 004's list). */
const COMMON_OFFENCES = [
  '04600',
  '00802',
  '10400',
  '80501',
  '09204',
  '09202',
  '05800',
  '02801',
  '12500',
  '80301',
  '00807',
  '10301',
  '05300',
  '06600',
  '04900',
  '00805',
  '03400',
  '08100',
];
const COURTS = ['CHELMC', 'CHELCC', 'COLCMC', 'BASLMC', 'BASLCC', 'SOUTMC', 'IPSWCC', 'CAMBCC'];
const ADDITIONAL_CONDITIONS: Array<[code: string, detail: string]> = [
  ['ADD03', 'Not to contact the victim, directly or indirectly, without prior approval'],
  ['ADD07', 'Not to enter the area of Colchester town centre marked on the attached map'],
  ['ADD04', 'Attend the Building Better Relationships programme as directed'],
  ['ADD09', 'Attend drug testing as required by the supervising officer'],
  ['ADD01', 'Reside at Bridge House approved premises, Chelmsford'],
  ['ADD06', 'Be at home between 7pm and 7am, monitored electronically, for the first 3 months'],
];
const STANDARD_CONDITIONS = ['STD1', 'STD2', 'STD3', 'STD4', 'STD5', 'STD6', 'STD7', 'STD8', 'STD9'];

/** A uuid from the seeded generator, so the demo data is the same on every machine. */
function uuidFrom(random: SeededRandom): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(random.next() * 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Gives each demo person one event (some two) with an order that fits the
 * statutory limits: community orders and suspended sentence orders with their
 * requirements, licences with their conditions and key dates, and post-sentence
 * supervision. Deterministic for a given `now`; a few hundred rows a table, in
 * one insert each.
 */
export async function loadDemoSentences(db: Kysely<Database>, personIds: string[], now: Date): Promise<void> {
  const random = new SeededRandom(4004);
  const today = londonDateOf(now);
  const events: Array<Record<string, unknown>> = [];
  const offences: Array<Record<string, unknown>> = [];
  const appearances: Array<Record<string, unknown>> = [];
  const orders: Array<Record<string, unknown>> = [];
  const requirements: Array<Record<string, unknown>> = [];
  const conditions: Array<Record<string, unknown>> = [];
  const by = 'Demo data';

  for (const personId of personIds) {
    const eventCount = random.chance(0.2) ? 2 : 1;
    for (let n = 1; n <= eventCount; n++) {
      const kind = random.next();
      const orderType = kind < 0.55 ? 'CO' : kind < 0.8 ? 'SSO' : kind < 0.95 ? 'LIC' : 'PSS';
      // Licences follow a custodial sentence some time ago; community sentences are recent.
      const convictionDate =
        orderType === 'LIC' || orderType === 'PSS'
          ? addDays(today, -random.integer(250, 900))
          : addDays(today, -random.integer(20, 700));
      const court = random.pick(COURTS);
      const eventId = uuidFrom(random);
      events.push({
        id: eventId,
        person_id: personId,
        event_number: n,
        conviction_date: convictionDate,
        court_code: court,
        notes: null,
        updated_by_name: by,
      });
      const main = random.pick(COMMON_OFFENCES);
      offences.push({ person_id: personId, event_id: eventId, offence_code: main, main: true });
      if (random.chance(0.3)) {
        const extra = random.pick(COMMON_OFFENCES);
        if (extra !== main)
          offences.push({ person_id: personId, event_id: eventId, offence_code: extra, main: false });
      }
      const sentenceDate = addDays(convictionDate, random.chance(0.5) ? 0 : random.integer(14, 28));
      const sentenceOn = sentenceDate > today ? today : sentenceDate;
      if (sentenceOn !== convictionDate)
        appearances.push({
          person_id: personId,
          event_id: eventId,
          appearance_date: convictionDate,
          court_code: court,
          appearance_type: 'TRIAL',
          outcome: 'Convicted; adjourned for a pre-sentence report',
        });
      appearances.push({
        person_id: personId,
        event_id: eventId,
        appearance_date: sentenceOn,
        court_code: court,
        appearance_type: 'SENTENCE',
        outcome: 'Sentenced',
      });

      const orderId = uuidFrom(random);
      if (orderType === 'CO' || orderType === 'SSO') {
        const length = orderType === 'CO' ? random.pick([6, 12, 12, 18, 24, 36]) : random.pick([12, 18, 24]);
        const start = sentenceOn;
        const end = expectedEndDate(start, length);
        const finished = end < today;
        orders.push({
          id: orderId,
          person_id: personId,
          event_id: eventId,
          order_type: orderType,
          sentence_date: sentenceOn,
          start_date: start,
          length_months: length,
          expected_end_date: end,
          custodial_term_months: orderType === 'SSO' ? random.pick([4, 6, 9, 12, 18]) : null,
          supervision_months: orderType === 'SSO' ? length : null,
          terminated_on: finished ? end : null,
          termination_reason: finished ? 'COMPLETED' : null,
          updated_by_name: by,
        });
        const requirementTypes = new Set<string>();
        const count = random.integer(1, 3);
        for (let i = 0; i < count; i++)
          requirementTypes.add(random.pick(['W', 'W', 'F', 'F', 'PCUR', 'PATR', 'PDRR', 'RM38']));
        for (const type of requirementTypes) {
          let units: number;
          let reqEnd = end;
          let lengthMonths: number | null = null;
          let daysPerWeek: number | null = null;
          let monitored: boolean | null = null;
          let detail: string | null = null;
          switch (type) {
            case 'W':
              units = random.pick([60, 80, 100, 120, 150, 200, 250]);
              break;
            case 'F':
              units = random.pick([10, 15, 20, 25, 30]);
              break;
            case 'RM38':
              units = random.pick([19, 26]);
              detail = random.pick(['Thinking Skills Programme', 'Building Better Relationships']);
              break;
            case 'PCUR':
              units = random.integer(8, 12);
              daysPerWeek = 7;
              lengthMonths = Math.min(length, random.pick([3, 4, 6]));
              monitored = true;
              reqEnd = expectedEndDate(start, lengthMonths);
              detail = `${units === 12 ? '7pm to 7am' : '8pm to 6am'} at home`;
              break;
            default:
              units = Math.min(length, 6);
              reqEnd = expectedEndDate(start, units);
              detail =
                type === 'PDRR'
                  ? 'Treatment with the community drug service'
                  : 'Treatment with the alcohol service';
          }
          requirements.push({
            person_id: personId,
            order_id: orderId,
            type_code: type,
            units,
            length_months: lengthMonths,
            days_per_week: daysPerWeek,
            electronic_monitoring: monitored,
            detail,
            start_date: start,
            expected_end_date: reqEnd,
            terminated_on: finished || reqEnd < today ? reqEnd : null,
            termination_reason: finished || reqEnd < today ? 'COMPLETED' : null,
            updated_by_name: by,
          });
        }
      } else if (orderType === 'LIC') {
        const release = addDays(today, -random.integer(10, 240));
        const led = addDays(release, random.integer(200, 700));
        const pss = random.chance(0.25) ? expectedEndDateInDays(release, 366) : null;
        orders.push({
          id: orderId,
          person_id: personId,
          event_id: eventId,
          order_type: 'LIC',
          sentence_date: sentenceOn,
          start_date: release,
          expected_end_date: led,
          release_date: release,
          licence_expiry_date: led,
          sentence_expiry_date: led,
          pss_end_date: pss && pss > led ? pss : null,
          updated_by_name: by,
        });
        for (const code of STANDARD_CONDITIONS)
          conditions.push({
            person_id: personId,
            order_id: orderId,
            condition_code: code,
            start_date: release,
          });
        const [code, detail] = random.pick(ADDITIONAL_CONDITIONS);
        conditions.push({
          person_id: personId,
          order_id: orderId,
          condition_code: code,
          detail,
          start_date: release,
        });
      } else {
        const start = addDays(today, -random.integer(10, 200));
        const end = addDays(start, random.integer(200, 365));
        orders.push({
          id: orderId,
          person_id: personId,
          event_id: eventId,
          order_type: 'PSS',
          sentence_date: sentenceOn < start ? sentenceOn : start,
          start_date: start,
          expected_end_date: end,
          pss_end_date: end,
          updated_by_name: by,
        });
      }
    }
  }

  const insert = async (table: keyof Database, rows: Array<Record<string, unknown>>) => {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  };
  await insert('events', events);
  await insert('event_offences', offences);
  await insert('court_appearances', appearances);
  await insert('orders', orders);
  await insert('requirements', requirements);
  await insert('licence_conditions', conditions);
}
