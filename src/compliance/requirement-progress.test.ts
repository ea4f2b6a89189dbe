import { describe, expect, it } from 'vitest';
import { contact } from './fixtures.js';
import { rarDaysUsed, unpaidWorkMinutesCredited } from './requirement-progress.js';

describe('rehabilitation activity days used', () => {
  const rar = 'rar-1';
  const contacts = [
    contact({
      id: 'a',
      date: '2026-03-02',
      type: 'rarSession',
      rarActivity: true,
      requirementId: rar,
      outcome: 'ATTC',
    }),
    contact({
      id: 'b',
      date: '2026-03-02',
      type: 'rarSession',
      rarActivity: true,
      requirementId: rar,
      outcome: 'ATTC',
    }),
    contact({ id: 'c', date: '2026-03-09', rarActivity: true, requirementId: rar, outcome: 'APPK' }),
    // An appointment that is not an activity.
    contact({ id: 'd', date: '2026-03-10', requirementId: rar, outcome: 'ATTC' }),
    // Attended but failed to comply.
    contact({
      id: 'e',
      date: '2026-03-11',
      type: 'rarSession',
      rarActivity: true,
      requirementId: rar,
      outcome: 'AFTC',
    }),
    // Missed, and not yet happened.
    contact({
      id: 'f',
      date: '2026-03-12',
      type: 'rarSession',
      rarActivity: true,
      requirementId: rar,
      outcome: 'UAAB',
    }),
    contact({ id: 'g', date: '2026-06-01', type: 'rarSession', rarActivity: true, requirementId: rar }),
    // Flagged on a type that cannot hold RAR activity.
    contact({
      id: 'h',
      date: '2026-03-13',
      type: 'unpaidWork',
      rarActivity: true,
      requirementId: rar,
      outcome: 'ATTC',
    }),
    // Another requirement's activity.
    contact({
      id: 'i',
      date: '2026-03-16',
      type: 'rarSession',
      rarActivity: true,
      requirementId: 'rar-2',
      outcome: 'ATTC',
    }),
  ];

  it('counts a day once however many activities it holds, and only attended activities', () => {
    expect(rarDaysUsed({ contacts, requirementId: rar })).toEqual({
      days: 2,
      dates: ['2026-03-02', '2026-03-09'],
      contactIds: ['a', 'b', 'c'],
      reason: '2 rehabilitation activity days used (3 activities; a day counts once).',
      source: expect.stringContaining('Sentencing Code Sch 9 Part 2'),
    });
  });

  it('counts every requirement when none is named', () => {
    expect(rarDaysUsed({ contacts }).dates).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('says 0 when nothing has been done', () => {
    expect(rarDaysUsed({ contacts: [] }).reason).toBe('0 rehabilitation activity days used.');
  });
});

describe('unpaid work time credited', () => {
  const upw = 'upw-1';
  const session = { type: 'unpaidWork' as const, requirementId: upw };
  const contacts = [
    contact({ ...session, id: 'a', date: '2026-03-07', outcome: 'ATTC', minutesCredited: 420 }),
    // Sent home for behaviour after two hours: the time worked is credited.
    contact({ ...session, id: 'b', date: '2026-03-14', outcome: 'ATSH', minutesCredited: 120 }),
    contact({ ...session, id: 'c', date: '2026-03-21', outcome: 'UAAB', minutesCredited: 60 }),
    contact({ ...session, id: 'd', date: '2026-03-28', outcome: 'AAME', minutesCredited: 420 }),
    contact({ ...session, id: 'e', date: '2026-04-04', outcome: 'ATTC', minutesCredited: null }),
    contact({ ...session, id: 'f', date: '2026-04-11', outcome: 'ATTC', minutesCredited: -30 }),
    contact({
      ...session,
      id: 'g',
      date: '2026-04-18',
      outcome: 'ATTC',
      minutesCredited: 90,
      requirementId: 'upw-2',
    }),
  ];

  it('credits the recorded time of attended sessions only', () => {
    expect(unpaidWorkMinutesCredited({ contacts, requirementId: upw })).toEqual({
      minutes: 540,
      contactIds: ['a', 'b'],
      reason: '9 hours credited from 2 attended sessions.',
      source: expect.stringContaining('Sentencing Code Sch 9 Part 1'),
    });
  });

  it('adds up every requirement when none is named', () => {
    const answer = unpaidWorkMinutesCredited({ contacts });
    expect(answer.minutes).toBe(630);
    expect(answer.reason).toBe('10 hours 30 minutes credited from 3 attended sessions.');
  });
});
