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
