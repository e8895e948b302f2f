import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the OWASP Password Storage Cheat Sheet's parameters (19 MiB, 2 iterations, 1 lane). */
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordRules = { minLength: 12, maxLength: 128 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash, still spend the time of one verification, so that timing tells nothing about accounts.
  const target = hash ?? (await dummyHash);
  try {
    const valid = await argon2.verify(target, password);
    return hash !== null && valid;
  } catch {
    return false;
  }
}

const dummyHash = argon2.hash(randomBytes(16).toString('hex'), hashOptions);

/** A random password for the first admin or a new account: 20 characters, about 120 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
