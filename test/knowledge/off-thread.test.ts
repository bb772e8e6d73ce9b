import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { loadDocumentFile } from '../../src/knowledge/load.js';
import { ENGINE_VERSION, loadDocumentFileOffThread, openKnowledgeBase } from '../../src/knowledge-base.js';
import { reportPdf } from '../formats/report.js';
import { writeFixtureFolder } from '../search/fixture.js';

describe('openKnowledgeBase off the main thread', () => {
  it('builds the same knowledge base in a worker thread as on the main thread', async () => {
    const dir = await writeFixtureFolder();
    const inline = await openKnowledgeBase({ dir, usePrebuilt: false });
    const worker = await openKnowledgeBase({ dir, usePrebuilt: false, offThread: true });
    expect(worker.passages).toEqual(inline.passages);
    expect(worker.figures).toEqual(inline.figures);
    expect(worker.hash).toBe(inline.hash);
    expect([inline.origin, worker.origin]).toEqual(['built', 'worker']);
    for (const question of ['How many employees does Corbel have?', 'What is the capital of France?'])
      expect(ask(worker, question), question).toEqual(ask(inline, question));
  });

  it('takes a folder of more passages than one message carries, whole and in order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-slices-'));
    try {
      // 2,500 paragraphs, and more figures: several slices of the worker's result, each asked for in turn.
      const paragraphs = Array.from(
        { length: 2500 },
        (_, i) => `Depot ${i + 1} of the harbour handled ${(i + 1) * 3} containers in 2024.`,
      );
      await writeFile(
        path.join(dir, 'harbour.md'),
        `---\ntitle: Harbour depots\npublished: 2025-01-10\n---\n\n${paragraphs.join('\n\n')}\n`,
      );
      const inline = await openKnowledgeBase({ dir, usePrebuilt: false });
      const worker = await openKnowledgeBase({ dir, usePrebuilt: false, offThread: true });
      expect(inline.passages.length).toBeGreaterThan(2000);
      expect(worker.passages).toEqual(inline.passages);
      expect(worker.figures).toEqual(inline.figures);
      expect(worker.documents).toEqual(inline.documents);
      const question = 'How many containers did depot 2417 handle?';
      expect(ask(worker, question)).toEqual(ask(inline, question));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ENGINE_VERSION', () => {
  it('is a hash of the engine’s sources', () => {
    expect(ENGINE_VERSION).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('loadDocumentFileOffThread', () => {
  it('reads an upload in a worker thread exactly as the loader does on the main thread', async () => {
    // A document that loads, and one that does not: both come back from the thread whole.
    const fields = { title: 'Given title' };
    for (const [file, bytes] of [
      ['report.pdf', await reportPdf()],
      ['broken.pdf', Buffer.from('not a PDF at all')],
    ] as const)
      expect(await loadDocumentFileOffThread(file, bytes, fields), file).toEqual(
        await loadDocumentFile(file, bytes, fields),
      );
  });
});
