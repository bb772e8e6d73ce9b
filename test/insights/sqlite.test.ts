import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/insights/open.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite', async () => {
  const store = openStore(`file:${path.join(dir, `store-${++n}.db`)}`);
  await store.migrate();
  return store;
});
