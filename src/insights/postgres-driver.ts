import pg from 'pg';
import type { SqlDriver, SqlQuery, SqlRow } from './driver.js';

/** The advisory lock of exclusive transactions, so two replicas migrating at once take turns. */
const LOCK_KEY = 0x66616374; // "fact"

/** `?` placeholders as PostgreSQL's `$1, $2, …` (factdesk's SQL has no `?` inside literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL through a `pg` pool. Connections are opened when first needed and a query fails fast
 * while the server is down (`connectionTimeoutMillis`), so a stopped server costs answers nothing.
 */
export class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;

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
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<SqlRow[]> {
    const result = await this.pool.query(numberedPlaceholders(sql), params as unknown[]);
    return result.rows as SqlRow[];
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

  close(): Promise<void> {
    return this.pool.end();
  }
}
