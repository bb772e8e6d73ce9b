import { createRequire } from 'node:module';
import path from 'node:path';
import {
  insertRowsAsValues,
  ROWS_PER_INSERT,
  type RowInsert,
  type SqlDriver,
  type SqlQuery,
  type SqlRow,
} from './driver.js';
import { DatabaseThread } from './thread.js';

/**
 * The thread that owns the SQLite connection: it runs each statement it is sent, in order, and
 * answers with the rows.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { mkdirSync } = require('node:fs');
const Database = require(workerData.betterSqlite3);
// Opened (folder, file, pragmas) on first use: a file that cannot be opened fails that call, which
// the recorder logs, instead of stopping the program at start.
let opened;
function connection() {
  if (opened) return opened;
  if (workerData.dir) mkdirSync(workerData.dir, { recursive: true });
  const db = new Database(workerData.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error;
  }
  opened = db;
  return db;
}
// Compiled statements by SQL text: a batch insert of the same size compiles once.
const statements = new Map();
function run(op, sql, params) {
  const db = connection();
  if (op === 'exec') {
    if (sql === 'ROLLBACK' && !db.inTransaction) return [];
    db.exec(sql);
    return [];
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (statements.size >= 64) statements.clear();
    statements.set(sql, statement);
  }
  if (statement.reader) return statement.all(...params);
  statement.run(...params);
  return [];
}
parentPort.on('message', ({ id, op, sql, params }) => {
  if (op === 'close') {
    if (opened) opened.close();
    parentPort.postMessage({ id });
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id, result: run(op, sql, params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/**
 * SQLite through better-sqlite3, in a thread of its own: a write (a batch of question rows, its
 * commit, a WAL checkpoint) never holds up the event loop that answers interactions, which only
 * hands statements over and gets rows back. One connection, WAL journal (readers never wait for
 * the writer), a busy timeout so two processes on one file (the bot and `npm run insights`) take
 * turns. Every call is serialised, so a transaction never interleaves with another call's
 * statements.
 */
export class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite' as const;
  private readonly thread: DatabaseThread;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.thread = new DatabaseThread(THREAD_SOURCE, {
      file,
      dir: file === ':memory:' ? undefined : path.dirname(path.resolve(file)),
      betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
    });
  }

  private run(sql: string, params: readonly unknown[] = []): Promise<SqlRow[]> {
    return this.thread.request<SqlRow[]>({ op: 'run', sql, params });
  }

  private exec(sql: string): Promise<unknown> {
    return this.thread.request({ op: 'exec', sql, params: [] });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]> {
    return this.serial(() => this.run(sql, params));
  }

  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({ query: (sql, params) => this.run(sql, params) });
        await this.exec('COMMIT');
        return result;
      } catch (error) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  insertRows(inserts: readonly RowInsert[]): Promise<void> {
    // One statement is atomic on its own: no BEGIN and COMMIT, two trips to the thread fewer.
    const [only] = inserts;
    if (inserts.length === 1 && only && (only.columns[0]?.values.length ?? 0) <= ROWS_PER_INSERT)
      return this.serial(() => insertRowsAsValues((sql, params) => this.run(sql, params), only));
    return this.transaction(async (tx) => {
      for (const insert of inserts) await insertRowsAsValues(tx.query, insert);
    });
  }

  async close(): Promise<void> {
    await this.tail;
    await this.thread.close();
  }
}
