/** A row as a driver returns it: column name to value (PostgreSQL's BIGINT arrives as a string). */
export type SqlRow = Record<string, unknown>;

/** A column of a {@link RowInsert}: its name, the type of its values, and the values, row by row. */
export interface Column {
  name: string;
  type: 'text' | 'bigint' | 'integer' | 'double';
  values: readonly unknown[];
}

/** Rows to insert into one table, column by column (every column has a value for every row). */
export interface RowInsert {
  table: string;
  columns: readonly Column[];
}

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
  /**
   * Inserts rows into their tables in one transaction, skipping a row that conflicts with one
   * there: the bulk write of the question log. Done off the event loop, in a thread of the
   * driver's own, in as few statements as the database allows (SQLite: multi-row `VALUES`;
   * PostgreSQL: one prepared statement per table over one array per column).
   */
  insertRows(inserts: readonly RowInsert[]): Promise<void>;
  close(): Promise<void>;
}

/** Rows per multi-row `VALUES` (well under SQLite's 32766 parameters). */
export const ROWS_PER_INSERT = 200;

/**
 * A {@link RowInsert} as multi-row `INSERT … VALUES (…), (…) ON CONFLICT DO NOTHING` statements
 * over `query` (SQLite's way).
 */
export async function insertRowsAsValues(query: SqlQuery['query'], insert: RowInsert): Promise<void> {
  const { table, columns } = insert;
  const count = columns[0]?.values.length ?? 0;
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const end = Math.min(count, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    for (let row = start; row < end; row++) for (const column of columns) params.push(column.values[row]);
    await query(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES ${Array.from({ length: end - start }, () => one).join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
  }
}
