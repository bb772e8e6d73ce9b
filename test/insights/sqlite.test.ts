import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/insights/open.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite', async (version) => {
  const store = openStore(`file:${path.join(dir, `store-${++n}.db`)}`);
  await store.migrate(version);
  return store;
});

describe('a SQLite file that cannot be opened', () => {
  it('fails the first call, not the opening, and works once the folder is there', async () => {
    // A file where the database's folder should be: no folder can be made there, even by root.
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'not a folder');
    const store = openStore(`file:${path.join(blocker, 'insights.db')}`);
    await expect(store.migrate()).rejects.toThrow(/EEXIST|ENOTDIR/);
    await expect(store.schemaVersion()).rejects.toThrow(/EEXIST|ENOTDIR/);
    await store.close();
    rmSync(blocker);
    const again = openStore(`file:${path.join(blocker, 'insights.db')}`);
    await again.migrate();
    expect(await again.schemaVersion()).toBeGreaterThan(0);
    await again.close();
  });
});
