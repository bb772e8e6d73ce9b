/** A row as a driver returns it: column name to value (PostgreSQL's BIGINT arrives as a string). */
export type SqlRow = Record<string, unknown>;

/** Runs SQL with `?` placeholders. */
export interface SqlQuery {
  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
}

/**
 * The little a store needs of a database: queries, and a transaction that holds a lock so two
 * processes migrating at once apply each migration once. SQLite and PostgreSQL each implement it.
 */
export interface SqlDriver extends SqlQuery {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction. `exclusive` makes it one at a time across processes (PostgreSQL:
   * an advisory lock; SQLite transactions are always exclusive), as migrations need.
   */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>, options?: { exclusive?: boolean }): Promise<T>;
  close(): Promise<void>;
}
