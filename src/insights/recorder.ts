import type { Logger } from 'pino';
import { hashUser, newQuestionId, newSalt } from './hash.js';
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
  private ready: Promise<string> | undefined;
  private failing = false;
  private readonly now: () => number;
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
    return newQuestionId();
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
    const max = this.options.maxPending ?? 10_000;
    if (this.pending.length > max) {
      const over = this.pending.length - max;
      this.pending.splice(0, over);
      this.dropped += over;
    }
    if (this.pending.length >= (this.options.batchSize ?? 100)) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1000).unref();
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
   * Writes every queued row now. Resolves whether or not the write worked (a failure is counted
   * and logged, the rows stay queued for the next flush).
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.batchSize ?? 100);
      try {
        const salt = await this.prepare();
        const questions: QuestionRow[] = [];
        const votes: FeedbackRow[] = [];
        for (const item of batch) {
          if (item.kind === 'question') questions.push(toRow(item.event, item.at, salt));
          else votes.push(toFeedback(item.row, salt));
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

function toRow(event: QuestionEvent, at: number, salt: string): QuestionRow {
  const { userId, at: _at, topics, ...rest } = event;
  return {
    ...rest,
    at,
    normalised: normaliseQuestion(event.text),
    topics: topics ?? [],
    userHash: hashUser(userId, salt),
  };
}

function toFeedback(input: FeedbackInput, salt: string): FeedbackRow {
  return {
    questionId: input.questionId,
    at: input.at,
    vote: input.vote,
    ...(input.comment ? { comment: input.comment } : {}),
    userHash: hashUser(input.userId, salt),
  };
}
