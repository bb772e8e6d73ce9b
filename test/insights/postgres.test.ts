import { afterAll, beforeAll, describe } from 'vitest';
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

  // Each test gets a database of its own, so every store starts empty.
  storeSuite('PostgreSQL', async () => {
    const admin = new PostgresDriver(server.url);
    const name = `t${++n}_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const store = new SqlInsightsStore(new PostgresDriver(server.url.replace(/\/postgres$/, `/${name}`)));
    await store.migrate();
    return store;
  });
});
