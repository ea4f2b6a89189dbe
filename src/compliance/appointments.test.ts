import { describe, expect, it } from 'vitest';
import {
  countAcceptableAbsences,
  countAppointmentsKept,
  nextAppointment,
  overdueOutcomes,
} from './appointments.js';
import { contact } from './fixtures.js';

const today = '2026-05-11';

describe('appointments kept', () => {
  it('counts each attended and complied appointment in the window, two on a day as two', () => {
    const contacts = [
      contact({ id: 'old', date: '2025-05-11', outcome: 'ATTC' }), // exactly 12 months ago: outside
      contact({ id: 'a', date: '2026-01-05', outcome: 'ATTC' }),
      contact({ id: 'b', date: '2026-01-05', type: 'rarSession', outcome: 'APPK' }),
      contact({ id: 'c', date: '2026-02-02', outcome: 'AFDA' }),
      contact({ id: 'd', date: '2026-03-02', type: 'unpaidWork', outcome: 'ATSS' }),
      contact({ id: 'e', date: '2026-03-09', outcome: 'AFTC' }), // attended but failed to comply
      contact({ id: 'f', date: '2026-03-10', type: 'phoneCall', outcome: 'ATTC' }), // not an appointment
    ];
    expect(countAppointmentsKept({ contacts, today })).toMatchObject({
      count: 4,
      contactIds: ['a', 'b', 'c', 'd'],
      windowStart: '2025-05-12',
      reason: '4 appointments kept since 12 May 2025 (the last 12 months).',
    });
  });

  it('restarts after a breach', () => {
    const contacts = [
      contact({ date: '2025-12-01', outcome: 'ATTC' }),
      contact({ date: '2026-02-01', outcome: 'ATTC' }),
    ];
    const answer = countAppointmentsKept({ contacts, today, breachPeriodEndedOn: '2026-01-15' });
    expect(answer.count).toBe(1);
    expect(answer.reason).toBe(
      '1 appointment kept since 16 January 2026 (the day after the last breach ended).',
    );
  });
});

describe('acceptable absences', () => {
  it('counts appointments missed for an acceptable reason in the window', () => {
    const contacts = [
      contact({ id: 'a', date: '2026-01-05', outcome: 'AAME' }),
      contact({ id: 'b', date: '2026-02-05', outcome: 'CO05' }),
      contact({ id: 'c', date: '2026-02-06', outcome: 'UAAB' }),
      contact({ id: 'd', date: '2026-02-07', outcome: 'AFTA' }),
      contact({ id: 'e', date: '2026-02-08', outcome: 'RSOF' }),
      contact({ id: 'f', date: '2025-04-01', outcome: 'AAHO' }),
    ];
    expect(countAcceptableAbsences({ contacts, today })).toMatchObject({
      count: 2,
      contactIds: ['a', 'b'],
      reason: '2 acceptable absences since 12 May 2025 (the last 12 months).',
    });
  });
});

describe('the next appointment and outcomes to record', () => {
  // 10:00 in London on Monday 11 May 2026 (British Summer Time).
  const now = new Date('2026-05-11T09:00:00Z');
  const contacts = [
    contact({ id: 'yesterday', date: '2026-05-10' }),
    contact({ id: 'this-morning', date: '2026-05-11', startsAt: new Date('2026-05-11T08:00:00Z') }),
    contact({ id: 'this-afternoon', date: '2026-05-11', startsAt: new Date('2026-05-11T13:00:00Z') }),
    contact({ id: 'tomorrow', date: '2026-05-12' }),
    contact({ id: 'phone-call-today', date: '2026-05-11', type: 'phoneCall' }),
    contact({
      id: 'rescheduled',
      date: '2026-05-11',
      startsAt: new Date('2026-05-11T12:00:00Z'),
      outcome: 'RSOF',
    }),
    contact({ id: 'last-week-kept', date: '2026-05-04', outcome: 'ATTC' }),
  ];

  it('finds the first appointment still to come without an outcome', () => {
    const answer = nextAppointment({ contacts, now });
    expect(answer.appointment?.id).toBe('this-afternoon');
    expect(answer.date).toBe('2026-05-11');
    expect(answer.reason).toBe('The next appointment is on 11 May 2026.');
  });

  it('treats an appointment dated today with no time as still to come', () => {
    const untimed = [contact({ id: 'today', date: '2026-05-11' })];
    expect(nextAppointment({ contacts: untimed, now }).appointment?.id).toBe('today');
    expect(overdueOutcomes({ contacts: untimed, now }).count).toBe(0);
  });

  it('says when nothing is booked', () => {
    expect(nextAppointment({ contacts: [], now })).toMatchObject({ appointment: null, date: null });
  });

  it('lists past appointments without an outcome, oldest first', () => {
    const answer = overdueOutcomes({ contacts, now });
    expect(answer.appointments.map((c) => c.id)).toEqual(['yesterday', 'this-morning']);
    expect(answer.reason).toBe('2 appointments need an outcome, the oldest from 10 May 2026.');
  });

  it('says when every past appointment has its outcome', () => {
    expect(overdueOutcomes({ contacts: [], now }).reason).toBe('Every past appointment has an outcome.');
  });
});
