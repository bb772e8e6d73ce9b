/** The commands whose questions the log keeps. */
export type LoggedCommand = 'ask' | 'figure' | 'find';

/** One question as the log keeps it: one row per `/ask`, `/figure` and Find in factdesk. */
export interface QuestionRow {
  /** Random id, known before the row is written, so the answer's feedback buttons can carry it. */
  id: string;
  /** Milliseconds since the epoch. */
  at: number;
  command: LoggedCommand;
  text: string;
  /** The question for grouping: see {@link normaliseQuestion}. */
  normalised: string;
  answered: boolean;
  passageId?: string;
  score?: number;
  /** The top passage's opening words, so a disliked answer can be quoted without the knowledge. */
  passageQuote?: string;
  /** Labels of the figures the answer cited, for "most asked topics". */
  topics: string[];
  latencyMs: number;
  guildId?: string;
  channelId?: string;
  /** The user id hashed with the salt: never the id itself. */
  userHash: string;
  locale?: string;
}

/** A 👍 or 👎 on an answer; one per user and answer (a second click replaces the first). */
export interface FeedbackRow {
  questionId: string;
  at: number;
  vote: 'up' | 'down';
  /** "What was wrong?", up to 300 characters. */
  comment?: string;
  userHash: string;
}

/** What `/insights` and `npm run insights` show for a period. Never who asked. */
export interface InsightsSummary {
  /** Start of the period, milliseconds since the epoch. */
  since: number;
  asked: number;
  answered: number;
  /** Unanswered questions grouped by normalised text, most asked first. */
  unanswered: { question: string; count: number }[];
  /** Figure labels of the answers, most asked first. */
  topics: { label: string; count: number }[];
  /** Answers with the most 👎: the question, the passage, votes and comments (newest first). */
  disliked: {
    question: string;
    passageId?: string;
    passageQuote?: string;
    down: number;
    up: number;
    comments: string[];
  }[];
}

/** How many entries of each list a summary holds. */
export interface SummaryLimits {
  unanswered: number;
  topics: number;
  disliked: number;
  comments: number;
}

export const DEFAULT_LIMITS: SummaryLimits = { unanswered: 10, topics: 10, disliked: 5, comments: 3 };

/**
 * Where the log lives: SQLite or PostgreSQL behind one interface. Every method may reject (a
 * database down); callers decide what that costs (the recorder: nothing for the user).
 */
export interface InsightsStore {
  /** `sqlite` or `postgres`, for logs and metrics. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Applies the migrations not yet applied, in order, up to `upTo` (default: all); safe to call
   * again and from two processes.
   */
  migrate(upTo?: number): Promise<void>;
  /** The schema version now applied. */
  schemaVersion(): Promise<number>;
  insertQuestions(rows: readonly QuestionRow[]): Promise<void>;
  upsertFeedback(rows: readonly FeedbackRow[]): Promise<void>;
  /** The salt kept in the database, created from `generate()` on first use (the first writer wins). */
  salt(generate: () => string): Promise<string>;
  /** Deletes questions and feedback older than `before`; returns how many questions went. */
  deleteBefore(before: number): Promise<number>;
  summary(since: number, limits?: SummaryLimits): Promise<InsightsSummary>;
  close(): Promise<void>;
}

/** What a command reports of a question and its answer, for the log (the reply's `meta.question`). */
export interface QuestionMeta {
  text: string;
  passageId?: string;
  score?: number;
  passageQuote?: string;
  topics?: string[];
}
