import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, isLocked, oneTimePassword, passwordProblems, safeReturnPath } from './rules.js';

const policy = { maxFailuresBeforeLock: 5, lockMinutes: 15 };
const now = new Date('2026-03-03T10:00:00Z');

describe('passwords', () => {
  it('needs at least 12 characters', () => {
    expect(passwordProblems('short-pass1', { username: 'po.demo' })).toEqual([
      'Password must be 12 characters or more',
    ]);
    expect(passwordProblems('twelve-chars', { username: 'po.demo' })).toEqual([]);
  });

  it('refuses the username inside the password and the current password again', () => {
    expect(passwordProblems('my-po.demo-password', { username: 'po.demo' })).toContain(
      'Password must not contain your username',
    );
    expect(
      passwordProblems('Probation-Demo-1', { username: 'x', currentPassword: 'Probation-Demo-1' }),
    ).toContain('Password must be different from your current password');
  });
});

describe('lockout', () => {
  it('locks on the fifth failure for 15 minutes, not before', () => {
    expect(afterFailedSignIn(3, now, policy)).toEqual({ failures: 4, lockedUntil: null });
    const fifth = afterFailedSignIn(4, now, policy);
    expect(fifth.lockedUntil?.toISOString()).toBe('2026-03-03T10:15:00.000Z');
    expect(isLocked(fifth.lockedUntil, new Date('2026-03-03T10:14:59Z'))).toBe(true);
    expect(isLocked(fifth.lockedUntil, new Date('2026-03-03T10:15:00Z'))).toBe(false);
  });
});

describe('return paths', () => {
  it('keeps paths on this site and refuses other hosts', () => {
    expect(safeReturnPath('/people/X123456')).toBe('/people/X123456');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});

describe('one-time passwords', () => {
  it('are long enough to satisfy the password rule and avoid look-alike characters', () => {
    const password = oneTimePassword(new Uint8Array(Array.from({ length: 16 }, (_, i) => i * 17)));
    expect(password).toMatch(/^[^01lIoO]{4}-[^01lIoO]{4}-[^01lIoO]{4}-[^01lIoO]{4}$/);
    expect(passwordProblems(password, { username: 'someone' })).toEqual([]);
  });
});
