/**
 * The worker thread of the off-thread work on knowledge (see `openKnowledgeBase` with `offThread`,
 * and `loadDocumentFileOffThread`). A build reads the folder, splits passages, extracts figures and
 * analyses every text, then sends the parts and the analysed records back; only indexing the
 * records is left to the main thread, in chunks. A `load-file` task reads one document file (an
 * upload being validated) and sends back the document and its problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDocumentFile, loadDocuments } from './knowledge/load.js';
import { processDocuments, type WorkerTask } from './knowledge-base.js';
import { SearchIndex } from './search/search-index.js';

const task = workerData as WorkerTask;
if (task.task === 'load-file') {
  parentPort?.postMessage(await loadDocumentFile(task.file, task.bytes, task.sidecar));
} else {
  const loaded = await loadDocuments(task.dir, task.loadOptions);
  const parts = processDocuments(loaded.documents, [...task.problems, ...loaded.problems]);
  parentPort?.postMessage({
    parts,
    records: SearchIndex.analyse(parts.documents, parts.passages, parts.figures),
  });
}
