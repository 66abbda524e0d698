import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id (the library's default algorithm) with OWASP's recommended minimum cost. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps login timing from revealing accounts. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomToken(16)));

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/**
 * Refresh tokens and client secrets are 256 random bits: a fast hash is enough to store them,
 * since nobody can guess such a secret, and it keeps the token endpoint cheap.
 */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function sameSecret(expectedHashHex: string, candidate: string): boolean {
  const a = Buffer.from(expectedHashHex, 'hex');
  const b = Buffer.from(sha256(candidate), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
