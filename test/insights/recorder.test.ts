import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { hashUser } from '../../src/insights/hash.js';
import { openStore } from '../../src/insights/open.js';
import { InsightsRecorder, type QuestionEvent } from '../../src/insights/recorder.js';
import type { InsightsStore } from '../../src/insights/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-recorder-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

const event = (overrides: Partial<QuestionEvent> = {}): QuestionEvent => ({
  id: `e${++n}`,
  command: 'ask',
  text: 'What is the capital of France?',
  answered: false,
  latencyMs: 2,
  userId: '123456789012345678',
  ...overrides,
});

/** A real SQLite store whose writes fail while `down` is true, as a database server that stopped. */
function flakyStore(): InsightsStore & { down: boolean } {
  const real = openStore(`file:${path.join(dir, `flaky-${++n}.db`)}`);
  const fail = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
  const store = {
    down: true,
    kind: real.kind,
    migrate: () => (store.down ? fail() : real.migrate()),
    schemaVersion: () => real.schemaVersion(),
    insertQuestions: (rows: Parameters<InsightsStore['insertQuestions']>[0]) =>
      store.down ? fail() : real.insertQuestions(rows),
    upsertFeedback: (rows: Parameters<InsightsStore['upsertFeedback']>[0]) =>
      store.down ? fail() : real.upsertFeedback(rows),
    salt: (generate: () => string) => (store.down ? fail() : real.salt(generate)),
    deleteBefore: (before: number) => (store.down ? fail() : real.deleteBefore(before)),
    summary: (since: number) => real.summary(since),
    close: () => real.close(),
  };
  return store;
}

/**
 * A real SQLite store whose first write is held until `release()`, with every batch's size noted
 * in `batches`; `writing` resolves when the first write has started.
 */
function heldStore() {
  const real = openStore(`file:${path.join(dir, `r-${++n}.db`)}`);
  const batches: number[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = () => {};
  const writing = new Promise<void>((resolve) => {
    started = resolve;
  });
  const store: InsightsStore = {
    kind: real.kind,
    migrate: () => real.migrate(),
    schemaVersion: () => real.schemaVersion(),
    salt: (generate) => real.salt(generate),
    deleteBefore: (before) => real.deleteBefore(before),
    summary: (since) => real.summary(since),
    close: () => real.close(),
    upsertFeedback: (rows) => real.upsertFeedback(rows),
    insertQuestions: async (rows) => {
      batches.push(rows.length);
      if (batches.length === 1) {
        started();
        await held;
      }
      return real.insertQuestions(rows);
    },
  };
  return { store, batches, writing, release: () => release() };
}

describe('InsightsRecorder', () => {
  it('queues without touching the database, then writes the batch on flush', async () => {
    const store = openStore(`file:${path.join(dir, `r-${++n}.db`)}`);
    const recorder = new InsightsRecorder(store, { logger: logger().log, flushMs: 60_000 });
    recorder.record(event());
    recorder.record(event({ answered: true, topics: ['regional GDP'] }));
    expect(recorder.written).toBe(0);
    const summary = await recorder.summary(1);
    expect([summary.asked, summary.answered, recorder.written]).toEqual([2, 1, 2]);
    expect(summary.topics).toEqual([{ label: 'regional GDP', count: 1 }]);
    await recorder.close();
  });

  it('writes as soon as a batch is full, without waiting for the timer', async () => {
    const store = openStore(`file:${path.join(dir, `r-${++n}.db`)}`);
    const recorder = new InsightsRecorder(store, { logger: logger().log, flushMs: 60_000, batchSize: 3 });
    for (let i = 0; i < 3; i++) recorder.record(event());
    await expect.poll(() => recorder.written).toBe(3);
    await recorder.close();
  });

  it('keeps rows that arrive during a write for the next full batch, not a small batch of their own', async () => {
    const { store, batches, writing, release } = heldStore();
    const recorder = new InsightsRecorder(store, { logger: logger().log, flushMs: 3_600_000, batchSize: 10 });
    for (let i = 0; i < 10; i++) recorder.record(event());
    await writing;
    for (let i = 0; i < 3; i++) recorder.record(event());
    release();
    await expect.poll(() => recorder.written).toBe(10);
    // The writer has looked at what is queued by the next turn of the event loop: 3 rows wait.
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([10]);
    for (let i = 0; i < 7; i++) recorder.record(event());
    await expect.poll(() => recorder.written).toBe(20);
    expect(batches).toEqual([10, 10]);
    await recorder.close();
  });

  it('flushes the rows queued before the flush, and leaves those queued during it for a full batch', async () => {
    const { store, batches, writing, release } = heldStore();
    const recorder = new InsightsRecorder(store, { logger: logger().log, flushMs: 3_600_000, batchSize: 10 });
    for (let i = 0; i < 4; i++) recorder.record(event());
    const flushed = recorder.flush();
    await writing;
    // Answers keep coming while the flush writes: under load a flush must still end.
    for (let i = 0; i < 3; i++) recorder.record(event());
    release();
    await flushed;
    expect([batches, recorder.written]).toEqual([[4], 4]);
    for (let i = 0; i < 7; i++) recorder.record(event());
    await expect.poll(() => recorder.written).toBe(14);
    expect(batches).toEqual([4, 10]);
    await recorder.close();
  });

  it('stores user ids only as salted hashes, with the salt from the config when set', async () => {
    const file = path.join(dir, `r-${++n}.db`);
    const salt = 'a-salt-of-sixteen-or-more';
    const recorder = new InsightsRecorder(openStore(`file:${file}`), { logger: logger().log, salt });
    recorder.record(event({ userId: '42' }));
    await recorder.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM questions').all() as Record<string, unknown>[];
    db.close();
    expect(rows[0]?.user_hash).toBe(hashUser('42', salt));
    expect(JSON.stringify(rows)).not.toContain('"42"');
  });

  it('generates a salt once and keeps it in the database when none is configured', async () => {
    const file = `file:${path.join(dir, `r-${++n}.db`)}`;
    const first = new InsightsRecorder(openStore(file), { logger: logger().log });
    first.record(event({ userId: '7' }));
    await first.close();
    const store = openStore(file);
    const salt = await store.salt(() => 'never-used-xxxxxxxxxxxx');
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    await store.close();
  });

  it('never throws while the store is down: logs once, counts failures, retries and writes when it is back', async () => {
    const store = flakyStore();
    const { log, lines } = logger();
    const recorder = new InsightsRecorder(store, { logger: log, flushMs: 60_000 });
    recorder.record(event());
    await recorder.flush();
    recorder.record(event());
    await recorder.flush();
    expect(recorder.failures).toBe(2);
    expect(lines.filter((line) => line.level === 50)).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/insights store write failed/);
    store.down = false;
    await recorder.flush();
    expect(recorder.written).toBe(2);
    expect((await store.summary(0)).asked).toBe(2);
    expect(lines.at(-1)?.msg).toBe('insights store reachable again');
    await recorder.close();
  });

  it('drops the oldest rows beyond maxPending while the store stays down, and counts them', async () => {
    const store = flakyStore();
    const recorder = new InsightsRecorder(store, { logger: logger().log, flushMs: 60_000, maxPending: 5 });
    for (let i = 0; i < 8; i++) recorder.record(event({ text: `q${i}` }));
    expect(recorder.dropped).toBe(3);
    store.down = false;
    await recorder.flush();
    const texts = (await store.summary(0)).unanswered.map((u) => u.question).sort();
    expect(texts).toEqual(['q3', 'q4', 'q5', 'q6', 'q7']);
    await recorder.close();
  });

  it('deletes rows older than the retention period', async () => {
    const store = openStore(`file:${path.join(dir, `r-${++n}.db`)}`);
    const now = Date.UTC(2026, 0, 1);
    const recorder = new InsightsRecorder(store, { logger: logger().log, retentionDays: 30, now: () => now });
    recorder.record(event({ at: now - 31 * 86_400_000 }));
    recorder.record(event({ at: now - 29 * 86_400_000 }));
    await recorder.flush();
    expect(await recorder.prune()).toBe(1);
    expect((await store.summary(0)).asked).toBe(1);
    await recorder.close();
  });
});
