import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isDocumentFileName,
  isDocumentPath,
  sha256,
  syncDocuments,
} from '../../src/shared-state/documents.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-shared-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shared documents in the knowledge folder', () => {
  it('accept only plain file names with an ending factdesk reads, in any script', () => {
    for (const ok of ['harbour-2025.md', 'Report_1.txt', 'a.b.md', 'notes.pdf', 'q3.docx', '新闻稿-春季.md'])
      expect(isDocumentFileName(ok), ok).toBe(true);
    for (const bad of [
      '../etc/passwd.md',
      'sub/dir.md',
      '.hidden.md',
      'script.sh',
      'x..md',
      '',
      'a\u0000.md',
    ])
      expect(isDocumentFileName(bad), bad).toBe(false);
    expect(isDocumentPath('2024/report.pdf')).toBe(true);
    for (const bad of ['../report.pdf', '2024/../../report.pdf', '/etc/report.md', '2024//x.md', '.git/x.md'])
      expect(isDocumentPath(bad), bad).toBe(false);
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
    expect(existsSync(path.join(dir, '..', 'escape.md'))).toBe(false);
    expect(await syncDocuments(dir, [{ fileName: 'new.md', content: 'changed' }])).toEqual(['new.md']);
  });

  it('writes bytes as they are, and the sidecar beside them', async () => {
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    expect(
      await syncDocuments(dir, [{ fileName: 'scan.pdf', content: bytes, sidecar: 'title: Scan\n' }]),
    ).toEqual(['scan.pdf']);
    expect(readFileSync(path.join(dir, 'scan.pdf'))).toEqual(Buffer.from(bytes));
    expect(readFileSync(path.join(dir, 'scan.pdf.yml'), 'utf8')).toBe('title: Scan\n');
    // Without a sidecar, the one there stays.
    expect(await syncDocuments(dir, [{ fileName: 'scan.pdf', content: bytes }])).toEqual([]);
    expect(existsSync(path.join(dir, 'scan.pdf.yml'))).toBe(true);
  });

  it('deletes a removed document only when its file is the one removed', async () => {
    writeFileSync(path.join(dir, 'old.md'), 'old version');
    writeFileSync(path.join(dir, 'old.md.yml'), 'title: Old\n');
    writeFileSync(path.join(dir, 'newer.md'), 'a newer version shipped under the same name');
    const removed = await syncDocuments(dir, [
      { fileName: 'old.md', content: '', removedSha256: sha256('old version') },
      { fileName: 'newer.md', content: '', removedSha256: sha256('the version removed') },
      { fileName: 'absent.md', content: '', removedSha256: sha256('anything') },
    ]);
    expect(removed).toEqual(['old.md']);
    expect(existsSync(path.join(dir, 'old.md'))).toBe(false);
    expect(existsSync(path.join(dir, 'old.md.yml'))).toBe(false);
    expect(existsSync(path.join(dir, 'newer.md'))).toBe(true);
  });
});
