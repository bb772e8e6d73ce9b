import type { Logger } from 'pino';
import { hashUser, newSalt, QuestionIds } from './hash.js';
import { normaliseQuestion } from './normalise.js';
import type { FeedbackRow, InsightsStore, InsightsSummary, LoggedCommand, QuestionRow } from './types.js';

const DAY_MS = 86_400_000;

/** A question as a command reports it, before the recorder hashes the user and queues it. */
export interface QuestionEvent {
  id: string;
  command: LoggedCommand;
  text: string;
  answered: boolean;
  passageId?: string;
  score?: number;
  passageQuote?: string;
  topics?: string[];
  latencyMs: number;
  guildId?: string;
  channelId?: string;
  userId: string;
  locale?: string;
  /** Defaults to now. */
  at?: number;
}

export interface RecorderOptions {
  logger: Logger;
  /** `INSIGHTS_SALT`; when unset the salt kept in the database (created on first start) is used. */
  salt?: string;
  /** Rows older than this many days are deleted at start and daily (default 90). */
  retentionDays?: number;
  /** Pending rows are written at least this often (default 1000 ms)… */
  flushMs?: number;
  /** …or as soon as this many wait (default 100). */
  batchSize?: number;
  /** Rows kept in memory while the database is unreachable; beyond, the oldest are dropped (default 10,000). */
  maxPending?: number;
  now?: () => number;
}

type Pending =
  | { kind: 'question'; event: QuestionEvent; at: number }
  | { kind: 'feedback'; row: FeedbackInput };
type FeedbackInput = {
  questionId: string;
  vote: 'up' | 'down';
  comment?: string;
  userId: string;
  at: number;
};

/**
 * Keeps the question log off the answer's hot path: `record` only queues a row; rows are written
 * in batches on a timer. A failing store never fails an answer: the failure is logged once per
 * outage, counted (`failures`, `dropped`), and the rows are retried until `maxPending` overflows.
 */
export class InsightsRecorder {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retention: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  /** Rows (and votes) ever queued, and those taken off the queue: written, being written or dropped. */
  private queued = 0;
  private taken = 0;
  /**
   * A flush writes what was queued before it, in a partial batch if need be: until {@link taken}
   * reaches this count of {@link queued}. Rows that arrive while it writes wait for a full batch
   * or the next flush; a flush that wrote them too would, under steady load, never end, and
   * write the few rows that arrived during each round trip as a batch of their own.
   */
  private flushTo = 0;
  private ready: Promise<string> | undefined;
  private failing = false;
  private readonly now: () => number;
  private readonly ids = new QuestionIds();
  /** User hashes by user id (the salt is one per recorder): people ask again and again. */
  private readonly hashes = new Map<string, string>();
  private hashSalt: string | undefined;
  private readonly normalised = new Map<string, string>();
  /** Batches whose write failed. */
  failures = 0;
  /** Rows given up on (the database stayed unreachable while `maxPending` filled). */
  dropped = 0;
  /** Rows written. */
  written = 0;

  constructor(
    readonly store: InsightsStore,
    private readonly options: RecorderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A new id for a question about to be answered (its feedback buttons carry it). */
  newId(): string {
    return this.ids.next();
  }

  /** Queues one question row. Never throws, never waits for the database. */
  record(event: QuestionEvent): void {
    this.enqueue({ kind: 'question', event, at: event.at ?? this.now() });
  }

  /** Queues a 👍/👎 (and the comment of "What was wrong?"). Never throws, never waits. */
  feedback(input: { questionId: string; vote: 'up' | 'down'; comment?: string; userId: string }): void {
    this.enqueue({ kind: 'feedback', row: { ...input, at: this.now() } });
  }

  private enqueue(item: Pending): void {
    this.pending.push(item);
    this.queued += 1;
    const max = this.options.maxPending ?? 10_000;
    if (this.pending.length > max) {
      const over = this.pending.length - max;
      this.pending.splice(0, over);
      this.dropped += over;
      this.taken += over;
    }
    // A full batch is written at once, unless the store is failing (then the retry timer writes).
    if (this.pending.length >= this.batchSize && !this.failing) void this.write();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1000).unref();
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 100;
  }

  /** Migrations and the salt, once; retried on the next call after a failure. */
  private prepare(): Promise<string> {
    this.ready ??= (async () => {
      await this.store.migrate();
      return this.options.salt ?? (await this.store.salt(newSalt));
    })();
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }

  /**
   * Writes every row queued so far. Resolves whether or not the write worked (a failure is counted
   * and logged, the rows stay queued for the next flush).
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushTo = this.queued;
    await this.write();
    // A writer that was just ending when asked wrote full batches only: write what it left.
    if (this.taken < this.flushTo && !this.failing) await this.write();
  }

  /**
   * Starts the writer, or joins the one writing: it writes full batches, and what a flush asked
   * for ({@link flushTo}). The rest waits for the timer, so rows arriving while a batch is being
   * written make the next full batch instead of many small ones (each a transaction of its own).
   */
  private write(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    while (this.pending.length >= this.batchSize || (this.taken < this.flushTo && this.pending.length > 0)) {
      const batch = this.pending.splice(0, this.batchSize);
      this.taken += batch.length;
      try {
        const salt = await this.prepare();
        const questions: QuestionRow[] = [];
        const votes: FeedbackRow[] = [];
        for (const item of batch) {
          if (item.kind === 'question')
            questions.push(
              toRow(
                item.event,
                item.at,
                this.hashOf(item.event.userId, salt),
                this.normalisedOf(item.event.text),
              ),
            );
          else votes.push(toFeedback(item.row, this.hashOf(item.row.userId, salt)));
        }
        await this.store.insertQuestions(questions);
        await this.store.upsertFeedback(votes);
        this.written += batch.length;
        if (this.failing)
          this.options.logger.info({ store: this.store.kind }, 'insights store reachable again');
        this.failing = false;
      } catch (error) {
        this.failures += 1;
        this.pending.unshift(...batch);
        this.taken -= batch.length;
        if (!this.failing) {
          this.options.logger.error(
            { err: error, store: this.store.kind, pending: this.pending.length },
            'insights store write failed; answers go on, rows are kept and retried',
          );
        }
        this.failing = true;
        this.timer ??= setTimeout(
          () => void this.flush(),
          Math.max(this.options.flushMs ?? 1000, 1000),
        ).unref();
        return;
      }
    }
    // What is left (less than a batch) is written by the timer, within `flushMs`.
    if (this.pending.length > 0)
      this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1000).unref();
  }

  /** A question as the log groups it, remembered for the next rows (people ask the same things). */
  private normalisedOf(text: string): string {
    let normalised = this.normalised.get(text);
    if (normalised === undefined) {
      if (this.normalised.size >= 10_000) this.normalised.clear();
      normalised = normaliseQuestion(text);
      this.normalised.set(text, normalised);
    }
    return normalised;
  }

  /** The user's hash with the salt, remembered for the next rows (up to 10,000 users, then afresh). */
  private hashOf(userId: string, salt: string): string {
    if (salt !== this.hashSalt) {
      this.hashes.clear();
      this.hashSalt = salt;
    }
    let hash = this.hashes.get(userId);
    if (hash === undefined) {
      if (this.hashes.size >= 10_000) this.hashes.clear();
      hash = hashUser(userId, salt);
      this.hashes.set(userId, hash);
    }
    return hash;
  }

  /** Deletes rows older than the retention period; returns how many questions went. */
  async prune(): Promise<number> {
    await this.prepare();
    const days = this.options.retentionDays ?? 90;
    const removed = await this.store.deleteBefore(this.now() - days * DAY_MS);
    if (removed > 0) this.options.logger.info({ removed, days }, 'insights retention: old questions deleted');
    return removed;
  }

  /** Applies the retention now and then every day (a failure is logged; the next day tries again). */
  startRetention(): void {
    const run = () =>
      void this.prune().catch((error: unknown) =>
        this.options.logger.warn({ err: error, store: this.store.kind }, 'insights retention failed'),
      );
    run();
    this.retention ??= setInterval(run, DAY_MS).unref();
  }

  /** The summary of the last `days` days, after writing what is queued. */
  async summary(days: number): Promise<InsightsSummary> {
    await this.flush();
    await this.prepare();
    return this.store.summary(this.now() - days * DAY_MS);
  }

  /** Stops the timers, writes what is queued (if the store answers) and closes the store. */
  async close(): Promise<void> {
    if (this.retention) clearInterval(this.retention);
    this.retention = undefined;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.store.close();
  }
}

/** The row of a question, field by field (rows are made by the thousand: no spreading). */
function toRow(event: QuestionEvent, at: number, userHash: string, normalised: string): QuestionRow {
  const row: QuestionRow = {
    id: event.id,
    at,
    command: event.command,
    text: event.text,
    normalised,
    answered: event.answered,
    topics: event.topics ?? [],
    latencyMs: event.latencyMs,
    userHash,
  };
  if (event.passageId !== undefined) row.passageId = event.passageId;
  if (event.score !== undefined) row.score = event.score;
  if (event.passageQuote !== undefined) row.passageQuote = event.passageQuote;
  if (event.guildId !== undefined) row.guildId = event.guildId;
  if (event.channelId !== undefined) row.channelId = event.channelId;
  if (event.locale !== undefined) row.locale = event.locale;
  return row;
}

function toFeedback(input: FeedbackInput, userHash: string): FeedbackRow {
  return {
    questionId: input.questionId,
    at: input.at,
    vote: input.vote,
    ...(input.comment ? { comment: input.comment } : {}),
    userHash,
  };
}
