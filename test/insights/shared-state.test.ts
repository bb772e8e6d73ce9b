import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/insights/postgres-driver.js';
import { createLogger } from '../../src/runtime/logger.js';
import { sha256 } from '../../src/shared-state/documents.js';
import { PostgresSharedState } from '../../src/shared-state/postgres-shared.js';
import { pullDocuments } from '../../src/shared-state/share.js';
import { reportPdf } from '../formats/report.js';
import { type PostgresServer, postgresTestsRun, startPostgres } from './postgres-server.js';

const runs = postgresTestsRun('shared state tests');
const logger = createLogger('silent');

describe.runIf(runs)('state shared by replicas, on a real PostgreSQL server', () => {
  let server: PostgresServer;
  let n = 0;
  const states: PostgresSharedState[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    for (const state of states) await state.driver.close().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await server?.destroy();
  });

  /** `count` replicas' shared states (each its own connection pool) on a database of their own. */
  async function replicas(count: number): Promise<PostgresSharedState[]> {
    const admin = new PostgresDriver(server.url);
    const name = `shared_${++n}_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = server.url.replace(/\/postgres$/, `/${name}`);
    const made = Array.from(
      { length: count },
      () => new PostgresSharedState(new PostgresDriver(url, { max: 8 }), logger),
    );
    states.push(...made);
    await Promise.all(made.map((state) => state.prepare()));
    return made;
  }
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-shared-state-'));
    dirs.push(dir);
    return dir;
  };

  it('holds the rate limit exactly under concurrent requests from two replicas', async () => {
    const [a, b] = (await replicas(2)) as [PostgresSharedState, PostgresSharedState];
    const max = 5;
    const windowMs = 60_000;
    // Rounds of 40 requests of one user at once, 20 through each replica's pool of 8 connections:
    // each round must let exactly `max` through, however the statements interleave.
    for (let round = 0; round < 10; round++) {
      const key = `user-${round}`;
      const waits = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).take(key, max, windowMs)),
      );
      expect(
        waits.filter((wait) => wait === 0),
        `round ${round}`,
      ).toHaveLength(max);
      for (const wait of waits.filter((w) => w > 0)) {
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(windowMs);
      }
    }
  });

  it('forgets uses older than the window, as the per-replica limiter does', async () => {
    const [a, b] = (await replicas(2)) as [PostgresSharedState, PostgresSharedState];
    const t0 = 1_000_000;
    expect(await a.take('u', 2, 1000, t0)).toBe(0);
    expect(await b.take('u', 2, 1000, t0 + 400)).toBe(0);
    // Full: the wait is until the first use leaves the window.
    expect(await a.take('u', 2, 1000, t0 + 500)).toBe(500);
    expect(await b.take('u', 2, 1000, t0 + 999)).toBe(1);
    // The first use has left the window: one more fits, then the window is full again.
    expect(await b.take('u', 2, 1000, t0 + 1000)).toBe(0);
    expect(await a.take('u', 2, 1000, t0 + 1001)).toBe(399);
    expect(await a.take('other', 2, 1000, t0 + 1001)).toBe(0);
  });

  it('deletes the rows of users idle for longer than the window, once every 1,000 uses', async () => {
    const [a] = (await replicas(1)) as [PostgresSharedState];
    await a.take('idle', 5, 1000, 1_000_000);
    await Promise.all(Array.from({ length: 999 }, () => a.take('busy', 10_000, 1000, 1_005_000)));
    expect(await a.driver.query('SELECT key FROM rate_limits')).toEqual([{ key: 'busy' }]);
  });

  it('shares documents of any format with their sidecar, and their removal, with a replica starting later', async () => {
    const [a, b] = (await replicas(2)) as [PostgresSharedState, PostgresSharedState];
    const pdf = await reportPdf();
    expect(await a.addDocument({ fileName: 'velden.pdf', content: pdf, sidecar: 'title: Velden\n' })).toBe(
      true,
    );
    // The same name again: refused without replace, even from another replica.
    expect(await b.addDocument({ fileName: 'velden.pdf', content: 'other' })).toBe(false);
    expect(await b.addDocument({ fileName: 'notes.md', content: '# Notes\n\n3 notes.\n' })).toBe(true);

    const later = folder();
    expect((await pullDocuments(b, later, logger)).sort()).toEqual(['notes.md', 'velden.pdf']);
    expect(readFileSync(path.join(later, 'velden.pdf'))).toEqual(Buffer.from(pdf));
    expect(readFileSync(path.join(later, 'velden.pdf.yml'), 'utf8')).toBe('title: Velden\n');
    expect(readFileSync(path.join(later, 'notes.md'), 'utf8')).toBe('# Notes\n\n3 notes.\n');
    // Markdown stays readable in the database; a PDF is kept as its bytes.
    const rows = await a.driver.query('SELECT id, encoding FROM documents ORDER BY id');
    expect(rows).toEqual([
      { id: 'notes.md', encoding: 'utf8' },
      { id: 'velden.pdf', encoding: 'base64' },
    ]);

    // Replaced without fields: the sidecar stored before stays.
    expect(
      await a.addDocument({ fileName: 'velden.pdf', content: Buffer.from(pdf) }, { replace: true }),
    ).toBe(true);
    expect((await b.documents()).find((d) => d.fileName === 'velden.pdf')?.sidecar).toBe('title: Velden\n');

    await a.removeDocument('notes.md', sha256('# Notes\n\n3 notes.\n'));
    expect(await pullDocuments(b, later, logger)).toEqual(['notes.md']);
    expect(existsSync(path.join(later, 'notes.md'))).toBe(false);
    // A replica starting after the removal never writes the document.
    const fresh = folder();
    expect(await pullDocuments(a, fresh, logger)).toEqual(['velden.pdf']);
    // Added again after its removal: no replace needed, and it comes back.
    expect(await b.addDocument({ fileName: 'notes.md', content: '# Notes\n\n4 notes.\n' })).toBe(true);
    expect(await pullDocuments(a, fresh, logger)).toEqual(['notes.md']);
  });
});
