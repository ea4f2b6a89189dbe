/** Sign-in and password rules: pure, the clock passed in. */

export const MINIMUM_PASSWORD_LENGTH = 12;

export interface LockoutPolicy {
  maxFailuresBeforeLock: number;
  lockMinutes: number;
}

/** Problems with a proposed new password, in plain English; none means it is acceptable. */
export function passwordProblems(
  password: string,
  context: { username: string; currentPassword?: string },
): string[] {
  const problems: string[] = [];
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    problems.push(`Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`);
  }
  if (password.length > 200) problems.push('Password must be 200 characters or fewer');
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    problems.push('Password must not contain your username');
  }
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    problems.push('Password must be different from your current password');
  }
  return problems;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: the new failure count, and the lock when the limit is reached. */
export function afterFailedSignIn(failuresSoFar: number, now: Date, policy: LockoutPolicy) {
  const failures = failuresSoFar + 1;
  if (failures >= policy.maxFailuresBeforeLock) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failures, lockedUntil: null };
}

/** Only a path on this site may be a place to return to after sign-in: never another host. */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\'))
    return '/';
  return returnTo;
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an administrator can read out: no look-alike characters. */
export function oneTimePassword(randomBytes: Uint8Array): string {
  const groups: string[] = [];
  let group = '';
  for (const byte of randomBytes) {
    group += READABLE[byte % READABLE.length];
    if (group.length === 4) {
      groups.push(group);
      group = '';
    }
  }
  return groups.join('-');
}
