/**
 * The worker thread of the off-thread work on knowledge (see `openKnowledgeBase` with `offThread`,
 * and `loadDocumentFileOffThread`). A build reads the folder, splits passages, extracts figures and
 * analyses every text, then sends the parts and the analysed records back in slices, one each
 * time the main thread asks for the next ("next"), so that copying them never holds its event loop
 * long; only indexing the records is left to the main thread, in chunks. A `load-file` task reads
 * one document file (an upload being validated) and sends back the document and its problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDocumentFile, loadDocuments } from './knowledge/load.js';
import { type BuildChunk, processDocuments, type WorkerTask } from './knowledge-base.js';
import { SearchIndex } from './search/search-index.js';

/** Passages (and as many figures) per message. */
const SLICE = 1000;

const task = workerData as WorkerTask;
if (task.task === 'load-file') {
  parentPort?.postMessage(await loadDocumentFile(task.file, task.bytes, task.sidecar));
} else {
  const loaded = await loadDocuments(task.dir, task.loadOptions);
  const parts = processDocuments(loaded.documents, [...task.problems, ...loaded.problems]);
  const records = SearchIndex.analyse(parts.documents, parts.passages, parts.figures);
  const slices = Math.max(1, Math.ceil(Math.max(parts.passages.length, parts.figures.length) / SLICE));
  let next = 0;
  const send = () => {
    const from = next * SLICE;
    const to = from + SLICE;
    const chunk: BuildChunk = {
      ...(next === 0 ? { documents: parts.documents, problems: parts.problems } : {}),
      passages: parts.passages.slice(from, to),
      figures: parts.figures.slice(from, to),
      records: { passages: records.passages.slice(from, to), figures: records.figures.slice(from, to) },
      last: next === slices - 1,
    };
    next++;
    parentPort?.postMessage(chunk);
  };
  parentPort?.on('message', send);
  send();
}
