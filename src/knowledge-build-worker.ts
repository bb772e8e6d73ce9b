/**
 * The worker thread of an off-thread build (see `openKnowledgeBase` with `offThread`): reads the
 * folder, splits passages, extracts figures and analyses every text, then sends the parts and the
 * analysed records back. Only indexing the records is left to the main thread, in chunks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDocuments } from './knowledge/load.js';
import { processDocuments } from './knowledge-base.js';
import { SearchIndex } from './search/search-index.js';
import type { Problem } from './types.js';

const { dir, loadOptions, problems } = workerData as {
  dir: string;
  loadOptions: { maxFileBytes?: number };
  problems: Problem[];
};
const loaded = await loadDocuments(dir, loadOptions);
const parts = processDocuments(loaded.documents, [...problems, ...loaded.problems]);
parentPort?.postMessage({
  parts,
  records: SearchIndex.analyse(parts.documents, parts.passages, parts.figures),
});
