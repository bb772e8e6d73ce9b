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

/** Characters of a question id: the time, then the random part. */
const TIME_CHARS = 9;
const RANDOM_BYTES = 6;

/** The time part of a question id: milliseconds in base 36, 9 characters (sorted until the year 5188). */
function timePart(now: number): string {
  return Math.max(0, Math.floor(now)).toString(36).padStart(TIME_CHARS, '0');
}

/**
 * A new question id, 17 URL-safe characters short enough for a custom id: the time (so ids sort
 * by time, and the log's indexes on them grow at their end instead of being written all over,
 * which costs a database several times the work) and 48 random bits (two replicas answering in
 * the same millisecond still never meet).
 */
export function newQuestionId(now = Date.now()): string {
  return timePart(now) + randomBytes(RANDOM_BYTES).toString('base64url');
}

/**
 * Question ids as {@link newQuestionId} makes them, their random part cut from a block drawn 256
 * ids at a time: one call into the random generator costs more than the rest of logging a question.
 */
export class QuestionIds {
  private block = Buffer.alloc(0);
  private at = 0;

  next(now = Date.now()): string {
    if (this.at + RANDOM_BYTES > this.block.length) {
      this.block = randomBytes(RANDOM_BYTES * 256);
      this.at = 0;
    }
    this.at += RANDOM_BYTES;
    return timePart(now) + this.block.toString('base64url', this.at - RANDOM_BYTES, this.at);
  }
}
