import { createHmac, randomBytes } from 'node:crypto';

/** A new random salt: 32 bytes, hex. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The user id as the log keeps it: HMAC-SHA256 with the secret salt, so rows of one user group
 * together but the id cannot be recovered or looked up without the salt.
 */
export function hashUser(userId: string, salt: string): string {
  return createHmac('sha256', salt).update(userId).digest('base64url').slice(0, 22);
}

/** A new question id: 12 URL-safe characters (72 random bits), short enough for a custom id. */
export function newQuestionId(): string {
  return randomBytes(9).toString('base64url');
}
