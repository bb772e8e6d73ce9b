import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDocumentFileName, syncDocuments } from '../../src/shared-state/documents.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-shared-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shared documents in the knowledge folder', () => {
  it('accept only plain .md and .txt file names', () => {
    for (const ok of ['harbour-2025.md', 'Report_1.txt', 'a.b.md']) expect(isDocumentFileName(ok)).toBe(true);
    for (const bad of ['../etc/passwd.md', 'sub/dir.md', '.hidden.md', 'notes.pdf', 'x..md', ''])
      expect(isDocumentFileName(bad)).toBe(false);
  });

  it('writes the documents that are missing or differ, and skips unsafe names', async () => {
    writeFileSync(path.join(dir, 'same.md'), 'same');
    const written = await syncDocuments(dir, [
      { fileName: 'same.md', content: 'same' },
      { fileName: 'new.md', content: 'fresh' },
      { fileName: '../escape.md', content: 'nope' },
    ]);
    expect(written).toEqual(['new.md']);
    expect(readFileSync(path.join(dir, 'new.md'), 'utf8')).toBe('fresh');
    expect(await syncDocuments(dir, [{ fileName: 'new.md', content: 'changed' }])).toEqual(['new.md']);
  });
});
