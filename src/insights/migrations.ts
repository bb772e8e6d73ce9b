/**
 * The schema, as versioned migrations applied in order at start (`schema_migrations` records
 * those applied). One SQL text serves SQLite and PostgreSQL: only types both read the same way.
 * Never edit a released migration; add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: Statement[];
}

/** One SQL text for both databases, or one for each where their SQL differs (JSON functions). */
export type Statement = string | { sqlite: string; postgres: string };

/** The SQL of a statement on one database. */
export function statementFor(statement: Statement, kind: 'sqlite' | 'postgres'): string {
  return typeof statement === 'string' ? statement : statement[kind];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'question log, topics, feedback, settings',
    statements: [
      `CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        command TEXT NOT NULL,
        text TEXT NOT NULL,
        normalised TEXT NOT NULL,
        answered INTEGER NOT NULL,
        passage_id TEXT,
        score DOUBLE PRECISION,
        passage_quote TEXT,
        latency_ms DOUBLE PRECISION NOT NULL,
        guild_id TEXT,
        channel_id TEXT,
        user_hash TEXT NOT NULL,
        locale TEXT
      )`,
      'CREATE INDEX questions_at ON questions (at)',
      `CREATE TABLE question_topics (
        question_id TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (question_id, label)
      )`,
      `CREATE TABLE feedback (
        question_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        at BIGINT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        comment TEXT,
        PRIMARY KEY (question_id, user_hash)
      )`,
      'CREATE INDEX feedback_at ON feedback (at)',
      'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    ],
  },
  {
    version: 2,
    name: 'state shared by replicas: versions, rate-limit uses, added documents',
    statements: [
      'CREATE TABLE shared_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL)',
      'CREATE TABLE rate_limit_uses (key TEXT NOT NULL, at BIGINT NOT NULL)',
      'CREATE INDEX rate_limit_uses_key_at ON rate_limit_uses (key, at)',
      `CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        content TEXT NOT NULL,
        added_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'shared documents of any format, with their sidecar, and removals',
    statements: [
      // `utf8`: `content` is the file's text; `base64`: its bytes (a PDF, a Word file).
      "ALTER TABLE documents ADD COLUMN encoding TEXT NOT NULL DEFAULT 'utf8'",
      'ALTER TABLE documents ADD COLUMN sidecar TEXT',
      // Set when the document was removed: the SHA-256 of the file removed, so a replica deletes
      // only that file, never a newer one shipped under the same name.
      'ALTER TABLE documents ADD COLUMN removed_sha256 TEXT',
    ],
  },
  {
    version: 4,
    name: 'the shared rate limit as one row per user, taken atomically',
    statements: [
      // `uses`: the times of the uses in the window, oldest first (a PostgreSQL bigint[] as text);
      // `allowed`: whether the last request was let through; `at`: the last request's time (idle
      // rows are pruned by it, rarely, so it has no index: an update then stays on its page).
      `CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        uses TEXT NOT NULL,
        allowed INTEGER NOT NULL,
        at BIGINT NOT NULL
      )`,
      'DROP TABLE rate_limit_uses',
    ],
  },
  {
    version: 5,
    name: 'topics kept in the question row',
    statements: [
      // A JSON array of figure labels, NULL when none: one row written per question instead of one
      // more per topic (each with its index entry), which was a third of the database's work per
      // logged answer.
      'ALTER TABLE questions ADD COLUMN topics TEXT',
      {
        sqlite: `UPDATE questions SET topics = (SELECT json_group_array(t.label) FROM question_topics t
                 WHERE t.question_id = questions.id) WHERE id IN (SELECT question_id FROM question_topics)`,
        postgres: `UPDATE questions SET topics = (SELECT json_agg(t.label)::text FROM question_topics t
                   WHERE t.question_id = questions.id) WHERE id IN (SELECT question_id FROM question_topics)`,
      },
      'DROP TABLE question_topics',
    ],
  },
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
