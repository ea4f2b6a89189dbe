import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../platform/calendar/index.js';
import {
  acceptableAbsences,
  appointmentsKept,
  clashes,
  failuresToComply,
  mayRecordOutcome,
  nextAppointment,
  outsideTheOrder,
  overdueOutcomes,
  rarDaysUsed,
  unpaidWorkMinutesCredited,
  windowStart,
  evidenceWindowClosedUpTo,
  type ContactFact,
  type OutcomeCategory,
} from './rules.js';

/** Outcomes as migration 005 seeds them: code, category, enforceable, counts as kept. */
const OUTCOMES: Record<string, [OutcomeCategory, boolean, boolean]> = {
  ATTC: ['attended', false, true],
  AFTC: ['unacceptable', true, false],
  APPK: ['attended', false, true],
  AAME: ['acceptable-absence', false, false],
  UAAB: ['unacceptable', true, false],
  AFTA: ['awaiting-evidence', false, false],
  UBHV: ['unacceptable', false, false],
  RSOF: ['rescheduled', false, false],
};

/** Contact types as migration 005 seeds them: national standards, enforceable, attendance. */
const TYPES: Record<string, [boolean, boolean, boolean]> = {
  COAP: [true, true, true],
  CHVS: [true, false, true],
  CPRI: [false, false, true],
  CRAR: [true, true, true],
  CUPW: [true, true, true],
  CTEL: [false, false, false],
};

let seq = 0;
function contact(
  date: string,
  typeCode: string,
  outcomeCode: string | null,
  extra: Partial<ContactFact> = {},
): ContactFact {
  const [ns, enf, att] = TYPES[typeCode]!;
  const o = outcomeCode ? OUTCOMES[outcomeCode]! : null;
  return {
    id: `c${++seq}`,
    date,
    startsAt: new Date(`${date}T10:00:00Z`),
    durationMinutes: 60,
    typeCode,
    nationalStandards: ns,
    enforceableType: enf,
    attendanceRequired: att,
    outcome:
      o && outcomeCode ? { code: outcomeCode, category: o[0], enforceable: o[1], countsAsKept: o[2] } : null,
    requirementId: null,
    rarActivity: false,
    minutesCredited: null,
    ...extra,
  };
}

const today = '2026-06-15';

describe('failures to comply (worked examples)', () => {
  it('counts distinct dates of enforceable national standards contacts with an enforceable outcome', () => {
    const decision = failuresToComply(
      [
        contact('2026-03-03', 'COAP', 'UAAB'),
        contact('2026-03-03', 'CRAR', 'AFTC'), // the same day: counts once
        contact('2026-05-09', 'CUPW', 'AFTC'),
        contact('2026-05-10', 'CHVS', 'UAAB'), // home visit: not an enforceable type
        contact('2026-05-11', 'CPRI', 'UAAB'), // not national standards
        contact('2026-05-12', 'COAP', 'UBHV'), // unacceptable but not an enforceable outcome
        contact('2026-05-14', 'COAP', 'ATTC'),
        contact('2026-06-12', 'COAP', 'AFTA'), // awaiting evidence: the window is still open
      ],
      { today, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 },
    );
    expect(decision.answer).toEqual({ count: 2, dates: ['2026-03-03', '2026-05-09'] });
    expect(decision.reasons.join(' ')).toContain('2026-03-03, 2026-05-09');
    expect(decision.source).toContain('Sch 10');
  });

  it('treats a failure to attend as unacceptable once its evidence window has closed without evidence', () => {
    // Monday 8 June 2026: the window's fifth working day is Monday 15 June; it is closed from 16 June.
    const failures = [contact('2026-06-08', 'COAP', 'AFTA'), contact('2026-06-08', 'CHVS', 'AFTA')];
    const window = { lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 };
    expect(failuresToComply(failures, { ...window, today: '2026-06-15' }).answer.count).toBe(0);
    const closed = failuresToComply(failures, { ...window, today: '2026-06-16' });
    expect(closed.answer).toEqual({ count: 1, dates: ['2026-06-08'] });
    expect(closed.reasons.join(' ')).toContain(
      'no evidence of an acceptable reason within 5 working days, so treated as unacceptable: 2026-06-08',
    );
    // A longer local window keeps it open.
    expect(
      failuresToComply(failures, { ...window, evidenceWindowWorkingDays: 7, today: '2026-06-16' }).answer
        .count,
    ).toBe(0);
  });

  it('finds the latest failure date whose evidence window has closed, across a weekend', () => {
    // Monday 15 June: a failure on Friday 5 June or earlier (window to Friday 12 June) has closed,
    // as has one on the weekend before Monday 8 June (window to Friday 12 June too).
    expect(evidenceWindowClosedUpTo('2026-06-15', 5)).toBe('2026-06-07');
    expect(evidenceWindowClosedUpTo('2026-06-16', 5)).toBe('2026-06-08');
  });

  it('looks back 12 months: a failure exactly 12 months ago falls outside', () => {
    expect(windowStart(today)).toBe('2025-06-16');
    const decision = failuresToComply(
      [contact('2025-06-15', 'COAP', 'UAAB'), contact('2025-06-16', 'COAP', 'UAAB')],
      { today, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 },
    );
    expect(decision.answer.dates).toEqual(['2025-06-16']);
  });

  it('restarts after the last breach ended', () => {
    const decision = failuresToComply(
      [
        contact('2026-01-10', 'COAP', 'UAAB'),
        contact('2026-02-01', 'COAP', 'UAAB'),
        contact('2026-04-01', 'COAP', 'UAAB'),
      ],
      { today, lastBreachEndedOn: '2026-02-01', evidenceWindowWorkingDays: 5 },
    );
    expect(decision.answer.dates).toEqual(['2026-04-01']);
    expect(decision.reasons[0]).toContain('after the last breach ended (2026-02-01)');
  });

  it('ignores future-dated contacts', () => {
    expect(
      failuresToComply([contact('2026-07-01', 'COAP', 'UAAB')], {
        today,
        lastBreachEndedOn: null,
        evidenceWindowWorkingDays: 5,
      }).answer.count,
    ).toBe(0);
  });
});

describe('absences, kept and next appointment', () => {
  const contacts = [
    contact('2026-01-05', 'COAP', 'AAME'),
    contact('2026-02-05', 'COAP', 'ATTC'),
    contact('2026-03-05', 'CRAR', 'APPK'),
    contact('2026-04-05', 'COAP', 'RSOF'),
    contact('2026-06-20', 'COAP', null),
    contact('2026-06-18', 'CRAR', null),
    contact('2026-06-17', 'CTEL', null),
  ];
  it('counts acceptable absences and kept appointments', () => {
    expect(
      acceptableAbsences(contacts, { today, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 }).answer
        .count,
    ).toBe(1);
    expect(
      appointmentsKept(contacts, { today, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 }).answer
        .count,
    ).toBe(2);
  });
  it('finds the earliest future appointment without an outcome, ignoring phone calls', () => {
    const next = nextAppointment(contacts, new Date('2026-06-15T12:00:00Z'));
    expect(next.answer?.date).toBe('2026-06-18');
    expect(nextAppointment([], new Date()).answer).toBeNull();
  });
});

describe('RAR days used', () => {
  it('counts a day once however many RAR activities it holds, and only attended activities', () => {
    const rar = { requirementId: 'r1', rarActivity: true };
    const decision = rarDaysUsed(
      [
        contact('2026-02-01', 'CRAR', 'ATTC', rar),
        contact('2026-02-01', 'COAP', 'ATTC', rar),
        contact('2026-02-03', 'CRAR', 'APPK', rar),
        contact('2026-02-04', 'CRAR', 'UAAB', rar),
        contact('2026-02-05', 'COAP', 'ATTC', { requirementId: 'r1' }), // an appointment, not an activity
        contact('2026-02-06', 'CRAR', 'ATTC', { rarActivity: true, requirementId: 'other' }),
      ],
      { id: 'r1', maximumDays: 20 },
    );
    expect(decision.answer).toEqual({
      used: 2,
      maximum: 20,
      remaining: 18,
      dates: ['2026-02-01', '2026-02-03'],
    });
    expect(decision.reasons[0]).toBe('2 days with an attended RAR activity of the 20 the court set');
  });
});

describe('unpaid work minutes credited', () => {
  it('sums credits at attended sessions only', () => {
    const w = { requirementId: 'w1' };
    const decision = unpaidWorkMinutesCredited(
      [
        contact('2026-02-01', 'CUPW', 'ATTC', { ...w, minutesCredited: 420 }),
        contact('2026-02-08', 'CUPW', 'ATTC', { ...w, minutesCredited: 390 }),
        contact('2026-02-15', 'CUPW', 'AFTC', { ...w, minutesCredited: 60 }),
      ],
      { id: 'w1', orderedHours: 100 },
    );
    expect(decision.answer).toEqual({ minutes: 810, orderedMinutes: 6000, remainingMinutes: 5190 });
  });
});

describe('overdue outcomes, clashes, the order and future outcomes', () => {
  it('lists appointments that ended without an outcome, oldest first', () => {
    const a = contact('2026-06-14', 'COAP', null);
    const b = contact('2026-06-10', 'COAP', null);
    const done = contact('2026-06-09', 'COAP', 'ATTC');
    const call = contact('2026-06-08', 'CTEL', null);
    const later = contact('2026-06-15', 'COAP', null); // 10:00–11:00, not yet ended at 10:30
    const overdue = overdueOutcomes([a, b, done, call, later], new Date('2026-06-15T10:30:00Z'));
    expect(overdue.answer.map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('finds overlapping bookings and ignores rescheduled ones', () => {
    const at = (time: string) => new Date(`2026-06-20T${time}:00Z`);
    const bookings = [
      { id: '1', startsAt: at('09:00'), durationMinutes: 60, outcomeCategory: null, label: '9am' },
      { id: '2', startsAt: at('10:00'), durationMinutes: 30, outcomeCategory: null, label: '10am' },
      {
        id: '3',
        startsAt: at('10:15'),
        durationMinutes: 30,
        outcomeCategory: 'rescheduled' as const,
        label: 'x',
      },
      { id: '4', startsAt: at('11:00'), durationMinutes: null, outcomeCategory: null, label: '11am' },
    ];
    expect(clashes({ startsAt: at('10:00'), durationMinutes: 60 }, bookings).answer.map((b) => b.id)).toEqual(
      ['2'],
    );
    expect(
      clashes({ startsAt: at('09:30'), durationMinutes: 120 }, bookings).answer.map((b) => b.id),
    ).toEqual(['1', '2', '4']);
    expect(
      clashes({ startsAt: at('11:00'), durationMinutes: null }, bookings).answer.map((b) => b.id),
    ).toEqual(['4']);
    expect(clashes({ startsAt: at('12:00'), durationMinutes: 30 }, bookings).answer).toEqual([]);
    expect(clashes({ startsAt: at('09:00'), durationMinutes: 30, ignoreId: '1' }, bookings).answer).toEqual(
      [],
    );
  });

  it('says when a date falls outside the order, and why', () => {
    const order = {
      startDate: '2026-01-10',
      expectedEndDate: '2027-01-09',
      terminatedOn: null,
      label: 'the community order',
    };
    expect(outsideTheOrder('2026-06-01', [order]).answer).toBe(false);
    const before = outsideTheOrder('2026-01-09', [order]);
    expect(before.answer).toBe(true);
    expect(before.reasons[0]).toContain('before the community order starts on 2026-01-10');
    expect(outsideTheOrder('2027-01-10', [order]).answer).toBe(true);
    expect(outsideTheOrder('2026-06-01', [{ ...order, terminatedOn: '2026-05-31' }]).reasons[0]).toContain(
      'was terminated on 2026-05-31',
    );
    expect(outsideTheOrder('2026-06-01', []).reasons).toEqual(['The person has no current order']);
  });

  it('refuses attended outcomes for a future appointment, allows advance absences and reschedules', () => {
    const future = { startsAt: new Date('2026-06-20T10:00:00Z') };
    const now = new Date('2026-06-15T10:00:00Z');
    expect(mayRecordOutcome(future, { code: 'ATTC', category: 'attended' }, now).answer).toBe(false);
    expect(mayRecordOutcome(future, { code: 'UAAB', category: 'unacceptable' }, now).answer).toBe(false);
    expect(mayRecordOutcome(future, { code: 'AAHO', category: 'acceptable-absence' }, now).answer).toBe(true);
    expect(mayRecordOutcome(future, { code: 'RSOF', category: 'rescheduled' }, now).answer).toBe(true);
    expect(mayRecordOutcome({ startsAt: now }, { code: 'ATTC', category: 'attended' }, now).answer).toBe(
      true,
    );
  });
});

// ---- property tests: the counts never disagree with a naive recount from raw contacts ----

const dateArb = fc
  .integer({ min: 0, max: 800 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const contactArb = fc
  .record({
    date: dateArb,
    type: fc.constantFrom(...Object.keys(TYPES)),
    outcome: fc.option(fc.constantFrom(...Object.keys(OUTCOMES)), { nil: null }),
    rar: fc.boolean(),
    requirement: fc.constantFrom('r1', 'r2', null),
    minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  })
  .map((r) =>
    contact(r.date, r.type, r.outcome, {
      rarActivity: r.rar,
      requirementId: r.requirement,
      minutesCredited: r.minutes,
    }),
  );
const breachArb = fc.option(dateArb, { nil: null });

describe('properties', () => {
  it('the failure count equals a naive recount of distinct qualifying dates', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), dateArb, breachArb, (contacts, on, breach) => {
        const naive = new Set<string>();
        for (const c of contacts) {
          const typeOk = TYPES[c.typeCode]![0] && TYPES[c.typeCode]![1];
          // AFTA counts once its 5 working days of evidence window ended before `on`.
          const outcomeOk =
            c.outcome !== null &&
            (OUTCOMES[c.outcome.code]![1] || (c.outcome.code === 'AFTA' && addWorkingDays(c.date, 5) < on));
          const inWindow = c.date > windowStart(on) || c.date === windowStart(on);
          const afterBreach = breach === null || c.date > breach;
          if (typeOk && outcomeOk && inWindow && c.date <= on && afterBreach) naive.add(c.date);
        }
        const decided = failuresToComply(contacts, {
          today: on,
          lastBreachEndedOn: breach,
          evidenceWindowWorkingDays: 5,
        }).answer;
        expect(decided.count).toBe(naive.size);
        expect(decided.dates).toEqual([...naive].sort());
      }),
    );
  });

  it('kept and acceptable absences equal a naive recount', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), dateArb, (contacts, on) => {
        const from = windowStart(on);
        const inWindow = (c: ContactFact) => c.date >= from && c.date <= on;
        expect(
          appointmentsKept(contacts, { today: on, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 })
            .answer.count,
        ).toBe(contacts.filter((c) => inWindow(c) && c.outcome && OUTCOMES[c.outcome.code]![2]).length);
        expect(
          acceptableAbsences(contacts, { today: on, lastBreachEndedOn: null, evidenceWindowWorkingDays: 5 })
            .answer.count,
        ).toBe(contacts.filter((c) => inWindow(c) && c.outcome?.code === 'AAME').length);
      }),
    );
  });

  it('RAR days used equal a naive recount and never exceed the number of RAR activities', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), (contacts) => {
        const naive = new Set(
          contacts
            .filter((c) => c.requirementId === 'r1' && c.rarActivity && c.outcome?.category === 'attended')
            .map((c) => c.date),
        );
        const used = rarDaysUsed(contacts, { id: 'r1', maximumDays: 20 }).answer.used;
        expect(used).toBe(naive.size);
        expect(used).toBeLessThanOrEqual(contacts.filter((c) => c.rarActivity).length);
      }),
    );
  });

  it('adding a contact never lowers RAR days used, nor unpaid work minutes credited', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), contactArb, (contacts, extra) => {
        const before = rarDaysUsed(contacts, { id: 'r1', maximumDays: null }).answer.used;
        const after = rarDaysUsed([...contacts, extra], { id: 'r1', maximumDays: null }).answer.used;
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBeLessThanOrEqual(1);
        const m0 = unpaidWorkMinutesCredited(contacts, { id: 'r1', orderedHours: 100 }).answer.minutes;
        const m1 = unpaidWorkMinutesCredited([...contacts, extra], { id: 'r1', orderedHours: 100 }).answer
          .minutes;
        expect(m1).toBeGreaterThanOrEqual(m0);
      }),
    );
  });

  it('the failure count never goes down as days pass without a breach, except as failures leave the window', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 40 }), dateArb, (contacts, on) => {
        const later = new Date(Date.parse(`${on}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const a = failuresToComply(contacts, {
          today: on,
          lastBreachEndedOn: null,
          evidenceWindowWorkingDays: 5,
        }).answer;
        const b = failuresToComply(contacts, {
          today: later,
          lastBreachEndedOn: null,
          evidenceWindowWorkingDays: 5,
        }).answer;
        const left = a.dates.filter((d) => d < windowStart(later)).length;
        expect(b.count).toBeGreaterThanOrEqual(a.count - left);
      }),
    );
  });
});
