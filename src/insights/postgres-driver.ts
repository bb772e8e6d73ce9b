import { createRequire } from 'node:module';
import pg from 'pg';
import type { Column, RowInsert, SqlDriver, SqlQuery, SqlRow } from './driver.js';
import { DatabaseThread } from './thread.js';

/** The advisory lock of exclusive transactions, so two replicas migrating at once take turns. */
const LOCK_KEY = 0x66616374; // "fact"

/** `?` placeholders as PostgreSQL's `$1, $2, …` (factdesk's SQL has no `?` inside literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const ARRAY_TYPES: Record<Column['type'], string> = {
  text: 'text[]',
  bigint: 'bigint[]',
  integer: 'integer[]',
  double: 'double precision[]',
};

/**
 * Rows as one `INSERT … SELECT * FROM unnest($1::text[], …)`: one parameter per column whatever the
 * number of rows, so the statement text is always the same and is prepared once per connection
 * (named after the table), and PostgreSQL parses and plans it once instead of for every batch.
 */
function insertStatement({ table, columns }: RowInsert): pg.QueryConfig {
  return {
    name: `factdesk-insert-${table}-${columns.length}`,
    text: `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${columns
      .map((c, i) => `$${i + 1}::${ARRAY_TYPES[c.type]}`)
      .join(', ')}) ON CONFLICT DO NOTHING`,
    values: columns.map((c) => c.values),
  };
}

/**
 * The thread that writes the question log: one connection of its own (opened when first needed,
 * dropped when it breaks, so the next write reconnects), one transaction per request, so that
 * encoding a batch and sending it never holds up the event loop. Its commits are asynchronous
 * (`synchronous_commit = off`): a crash of the server may lose the last rows of the log, never
 * shared state, which goes through the pool.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pg);
let client;
async function connected() {
  if (client) return client;
  const next = new pg.Client({ connectionString: workerData.url, connectionTimeoutMillis: workerData.connectTimeoutMs, query_timeout: 10000 });
  next.on('error', () => { if (client === next) client = undefined; });
  await next.connect();
  // The log can lose its last fraction of a second of rows if the server crashes; in return a
  // commit does not wait for the disk, so the writer keeps up under load with less work.
  await next.query('SET synchronous_commit = off');
  client = next;
  return next;
}
let tail = Promise.resolve();
parentPort.on('message', ({ id, op, statements }) => {
  tail = tail.then(async () => {
    if (op === 'close') {
      if (client) await client.end().catch(() => undefined);
      parentPort.postMessage({ id });
      parentPort.close();
      return;
    }
    let used;
    try {
      used = await connected();
      // One statement is atomic on its own: two round trips fewer per batch.
      if (statements.length === 1) await used.query(statements[0]);
      else {
        await used.query('BEGIN');
        for (const statement of statements) await used.query(statement);
        await used.query('COMMIT');
      }
      parentPort.postMessage({ id });
    } catch (error) {
      if (used) await used.query('ROLLBACK').catch(() => undefined);
      // A failure without an SQL state is the connection's: drop it, the next write reconnects.
      if (used && used === client && !(error && error.code)) {
        client = undefined;
        used.end().catch(() => undefined);
      }
      parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
    }
  });
});
`;

/**
 * PostgreSQL through a `pg` pool. Connections are opened when first needed and a query fails fast
 * while the server is down (`connectionTimeoutMillis`), so a stopped server costs answers nothing.
 */
export class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly writer: DatabaseThread;

  constructor(
    readonly connectionString: string,
    options: { max?: number; connectTimeoutMs?: number } = {},
  ) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      idleTimeoutMillis: 30_000,
      // Queries that hang (a server stopped mid-query) give up instead of holding the batch.
      query_timeout: 10_000,
    });
    this.writer = new DatabaseThread(WRITER_SOURCE, {
      url: connectionString,
      connectTimeoutMs: options.connectTimeoutMs ?? 2000,
      pg: createRequire(import.meta.url).resolve('pg'),
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<SqlRow[]> {
    const result = await this.pool.query(this.statement(sql, params));
    return result.rows as SqlRow[];
  }

  /** Each SQL text as PostgreSQL reads it, with its statement name when it has one. */
  private readonly statements = new Map<string, { name?: string; text: string }>();

  /**
   * A query as a named statement, which each connection parses and plans once and then only
   * executes: the rate limit runs one on every answer, and re-planning it each time was most of
   * the server's work. Only queries that read or write rows are named (a schema change would
   * invalidate a prepared plan), and factdesk's SQL is a fixed set of texts, so the names are few;
   * each text is rewritten to numbered placeholders once.
   */
  private statement(sql: string, params: readonly unknown[]): pg.QueryConfig {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      const text = numberedPlaceholders(sql);
      statement = /^\s*(SELECT|INSERT|UPDATE|DELETE)\b/i.test(sql)
        ? { name: `factdesk-q${this.statements.size + 1}`, text }
        : { text };
      this.statements.set(sql, statement);
    }
    return { ...statement, values: params as unknown[] };
  }

  async insertRows(inserts: readonly RowInsert[]): Promise<void> {
    const statements = inserts
      .filter((insert) => (insert.columns[0]?.values.length ?? 0) > 0)
      .map(insertStatement);
    if (statements.length > 0) await this.writer.request({ op: 'write', statements });
  }

  async transaction<T>(
    work: (tx: SqlQuery) => Promise<T>,
    options: { exclusive?: boolean } = {},
  ): Promise<T> {
    const client = await this.pool.connect();
    // A server that goes away while the transaction holds the connection makes the client emit
    // `error`: the transaction's next query fails, the process does not, and the client is dropped.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      if (options.exclusive) await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const result = await work({
        query: async (sql, params = []) =>
          (await client.query(numberedPlaceholders(sql), params as unknown[])).rows as SqlRow[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.writer.close()]);
  }
}
