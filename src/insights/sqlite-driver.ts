import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlQuery, SqlRow } from './driver.js';

/**
 * SQLite through better-sqlite3: one connection, WAL journal (readers never wait for the writer),
 * a busy timeout so two processes on one file (the bot and `npm run insights`) take turns.
 * Every call is serialised, so a transaction never interleaves with another call's statements.
 * The file is opened on first use, so one that cannot be opened (a read-only folder) fails that
 * call, which the recorder logs, instead of stopping the program at start.
 */
export class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  private db: Database.Database | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** Compiled statements by SQL text: a batch insert of the same size compiles once. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly file: string) {}

  /** The connection, opened (folder, file, pragmas) on first use. */
  private connection(): Database.Database {
    if (this.db) return this.db;
    if (this.file !== ':memory:') mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const db = new Database(this.file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
    return db;
  }

  private run(sql: string, params: readonly unknown[] = []): SqlRow[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection().prepare(sql);
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
      const db = this.connection();
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({ query: async (sql, params) => this.run(sql, params) });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.db?.open) this.db.close();
  }
}
