import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a dummy hash when the username is unknown keeps the answer's timing the same. */
export async function spendTimeLikeAVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-at-all');
  await verifyPassword(await dummyHash, password);
}
