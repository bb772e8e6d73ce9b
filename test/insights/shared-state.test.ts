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
