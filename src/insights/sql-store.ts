import type { Column, SqlDriver, SqlQuery, SqlRow } from './driver.js';
import { MIGRATIONS, statementFor } from './migrations.js';
import {
  DEFAULT_LIMITS,
  type FeedbackRow,
  type InsightsStore,
  type InsightsSummary,
  type QuestionRow,
  type SummaryLimits,
} from './types.js';

const SALT_KEY = 'user_hash_salt';

/** The most cited topics: the labels of each question's JSON array, counted over the period. */
const TOPICS_SQL = {
  sqlite: `SELECT t.value AS label, COUNT(*) AS n FROM questions q, json_each(q.topics) t
           WHERE q.at >= ? AND q.topics IS NOT NULL GROUP BY t.value ORDER BY n DESC, t.value LIMIT ?`,
  postgres: `SELECT t.label AS label, COUNT(*) AS n
             FROM questions q CROSS JOIN LATERAL json_array_elements_text(q.topics::json) AS t(label)
             WHERE q.at >= ? AND q.topics IS NOT NULL GROUP BY t.label ORDER BY n DESC, t.label LIMIT ?`,
};

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/**
 * The insights store over any {@link SqlDriver}: the same SQL, migrations and summary for
 * SQLite and PostgreSQL, so both behave alike and one test suite covers both.
 */
export class SqlInsightsStore implements InsightsStore {
  constructor(readonly driver: SqlDriver) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.driver.kind;
  }

  async migrate(upTo = Number.POSITIVE_INFINITY): Promise<void> {
    await this.driver.transaction(
      async (tx) => {
        await tx.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const applied = new Set(
          (await tx.query('SELECT version FROM schema_migrations')).map((row) => num(row.version)),
        );
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version) || migration.version > upTo) continue;
          for (const statement of migration.statements)
            await tx.query(statementFor(statement, this.driver.kind));
          await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
        }
      },
      { exclusive: true },
    );
  }

  async schemaVersion(): Promise<number> {
    const [row] = await this.driver.query('SELECT MAX(version) AS version FROM schema_migrations');
    return num(row?.version);
  }

  async insertQuestions(rows: readonly QuestionRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = (name: string, type: Column['type'], value: (row: QuestionRow) => unknown): Column => ({
      name,
      type,
      values: rows.map(value),
    });
    await this.driver.insertRows([
      {
        table: 'questions',
        columns: [
          column('id', 'text', (r) => r.id),
          column('at', 'bigint', (r) => r.at),
          column('command', 'text', (r) => r.command),
          column('text', 'text', (r) => r.text),
          column('normalised', 'text', (r) => r.normalised),
          column('answered', 'integer', (r) => (r.answered ? 1 : 0)),
          column('passage_id', 'text', (r) => r.passageId ?? null),
          column('score', 'double', (r) => r.score ?? null),
          column('passage_quote', 'text', (r) => r.passageQuote ?? null),
          column('latency_ms', 'double', (r) => r.latencyMs),
          column('guild_id', 'text', (r) => r.guildId ?? null),
          column('channel_id', 'text', (r) => r.channelId ?? null),
          column('user_hash', 'text', (r) => r.userHash),
          column('locale', 'text', (r) => r.locale ?? null),
          column('topics', 'text', (r) =>
            r.topics.length > 0 ? JSON.stringify([...new Set(r.topics)]) : null,
          ),
        ],
      },
    ]);
  }

  async upsertFeedback(rows: readonly FeedbackRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.driver.transaction(async (tx) => {
      for (const r of rows) {
        // A new vote replaces the old one; a comment stays with its vote and goes when the vote changes.
        await tx.query(
          `INSERT INTO feedback (question_id, user_hash, at, vote, comment) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (question_id, user_hash) DO UPDATE SET
             at = excluded.at,
             vote = excluded.vote,
             comment = CASE WHEN excluded.comment IS NOT NULL THEN excluded.comment
                            WHEN excluded.vote = feedback.vote THEN feedback.comment
                            ELSE NULL END`,
          [r.questionId, r.userHash, r.at, r.vote, r.comment ?? null],
        );
      }
    });
  }

  async salt(generate: () => string): Promise<string> {
    await this.driver.query('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      SALT_KEY,
      generate(),
    ]);
    const [row] = await this.driver.query('SELECT value FROM settings WHERE key = ?', [SALT_KEY]);
    if (!row) throw new Error('the salt could not be stored in the settings table');
    return String(row.value);
  }

  async deleteBefore(before: number): Promise<number> {
    return this.driver.transaction(async (tx) => {
      await tx.query('DELETE FROM feedback WHERE at < ?', [before]);
      const [row] = await tx.query('SELECT COUNT(*) AS n FROM questions WHERE at < ?', [before]);
      await tx.query('DELETE FROM questions WHERE at < ?', [before]);
      return num(row?.n);
    });
  }

  async summary(since: number, limits: SummaryLimits = DEFAULT_LIMITS): Promise<InsightsSummary> {
    const q: SqlQuery = this.driver;
    const [totals] = await q.query(
      'SELECT COUNT(*) AS asked, COALESCE(SUM(answered), 0) AS answered FROM questions WHERE at >= ?',
      [since],
    );
    const unanswered = await q.query(
      `SELECT normalised, MAX(text) AS example, COUNT(*) AS n, MAX(at) AS last FROM questions
       WHERE at >= ? AND answered = 0 GROUP BY normalised ORDER BY n DESC, last DESC LIMIT ?`,
      [since, limits.unanswered],
    );
    const topics = await q.query(statementFor(TOPICS_SQL, this.driver.kind), [since, limits.topics]);
    const disliked = await q.query(
      `SELECT q.normalised AS normalised, q.passage_id AS passage_id, MAX(q.text) AS question,
              MAX(q.passage_quote) AS quote,
              SUM(CASE WHEN f.vote = 'down' THEN 1 ELSE 0 END) AS down,
              SUM(CASE WHEN f.vote = 'up' THEN 1 ELSE 0 END) AS up
       FROM feedback f JOIN questions q ON q.id = f.question_id
       WHERE f.at >= ? GROUP BY q.normalised, q.passage_id
       HAVING SUM(CASE WHEN f.vote = 'down' THEN 1 ELSE 0 END) > 0
       ORDER BY down DESC, up ASC LIMIT ?`,
      [since, limits.disliked],
    );
    const comments = disliked.length
      ? await q.query(
          `SELECT q.normalised AS normalised, q.passage_id AS passage_id, f.comment AS comment
           FROM feedback f JOIN questions q ON q.id = f.question_id
           WHERE f.at >= ? AND f.vote = 'down' AND f.comment IS NOT NULL ORDER BY f.at DESC`,
          [since],
        )
      : [];
    const key = (row: SqlRow) => `${String(row.normalised)}\u0000${String(row.passage_id ?? '')}`;
    const commentsByAnswer = new Map<string, string[]>();
    for (const row of comments) {
      const list = commentsByAnswer.get(key(row)) ?? [];
      if (list.length < limits.comments) list.push(String(row.comment));
      commentsByAnswer.set(key(row), list);
    }
    return {
      since,
      asked: num(totals?.asked),
      answered: num(totals?.answered),
      unanswered: unanswered.map((row) => ({ question: String(row.example), count: num(row.n) })),
      topics: topics.map((row) => ({ label: String(row.label), count: num(row.n) })),
      disliked: disliked.map((row) => {
        const passageId = text(row.passage_id);
        const passageQuote = text(row.quote);
        return {
          question: String(row.question),
          ...(passageId ? { passageId } : {}),
          ...(passageQuote ? { passageQuote } : {}),
          down: num(row.down),
          up: num(row.up),
          comments: commentsByAnswer.get(key(row)) ?? [],
        };
      }),
    };
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
