import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../src/insights/migrations.js';
import { PostgresDriver } from '../../src/insights/postgres-driver.js';
import { SqlInsightsStore } from '../../src/insights/sql-store.js';
import { type PostgresServer, postgresTestsRun, startPostgres } from './postgres-server.js';
import { storeSuite } from './store-suite.js';

const runs = postgresTestsRun('PostgreSQL store tests');

describe.runIf(runs)('on a real PostgreSQL server', () => {
  let server: PostgresServer;
  let n = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('applies the migrations once when two replicas start at the same moment', async () => {
    const admin = new PostgresDriver(server.url);
    await admin.query(`CREATE DATABASE race_${process.pid}`);
    await admin.close();
    const url = server.url.replace(/\/postgres$/, `/race_${process.pid}`);
    const stores = [1, 2, 3].map(() => new SqlInsightsStore(new PostgresDriver(url)));
    await Promise.all(stores.map((store) => store.migrate()));
    expect(await stores[0]?.schemaVersion()).toBe(LATEST_VERSION);
    const rows = await (stores[0]?.driver.query('SELECT version FROM schema_migrations ORDER BY version') ??
      []);
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    await Promise.all(stores.map((store) => store.close()));
  });

  it('fails a transaction whose server goes away mid-way, without crashing, and works once it is back', async () => {
    const driver = new PostgresDriver(server.url);
    // The server stops while the transaction holds its connection: the client emits an error.
    const stopped = driver.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await server.stop();
      await tx.query('SELECT 1');
    });
    await expect(stopped).rejects.toThrow();
    await server.start();
    expect(await driver.transaction(async (tx) => tx.query('SELECT 2 AS two'))).toEqual([{ two: 2 }]);
    await driver.close();
  });

  // Each test gets a database of its own, so every store starts empty.
  storeSuite('PostgreSQL', async (version) => {
    const admin = new PostgresDriver(server.url);
    const name = `t${++n}_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const store = new SqlInsightsStore(new PostgresDriver(server.url.replace(/\/postgres$/, `/${name}`)));
    await store.migrate(version);
    return store;
  });
});
