import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlQuery, SqlRow } from './driver.js';

/**
 * SQLite through better-sqlite3: one connection, WAL journal (readers never wait for the writer),
 * a busy timeout so two processes on one file (the bot and `npm run insights`) take turns.
 * Every call is serialised, so a transaction never interleaves with another call's statements.
 */
export class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private tail: Promise<unknown> = Promise.resolve();
  /** Compiled statements by SQL text: a batch insert of the same size compiles once. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
  }

  private run(sql: string, params: readonly unknown[] = []): SqlRow[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= 64) this.statements.clear();
      this.statements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as SqlRow[];
    statement.run(...params);
    return [];
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]> {
    return this.serial(async () => this.run(sql, params));
  }

  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({ query: async (sql, params) => this.run(sql, params) });
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.db.open) this.db.close();
  }
}
