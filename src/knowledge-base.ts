import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Memo } from './cache/memo.js';
import { documentContent } from './document/content.js';
import { assertKnowledgeFolder, loadDocuments } from './knowledge/load.js';
import { type PackedFigures, packFigures, unpackFigures } from './knowledge/prebuilt-figures.js';
import { type AnalysedRecords, SearchIndex, type SearchIndexJSON } from './search/search-index.js';
import { loadSynonyms, type Synonyms } from './search/synonyms.js';
import type { DocumentMeta, Figure, KnowledgeDocument, Passage, Problem } from './types.js';

/**
 * A hash of the engine's own sources and data files (loading, splitting, figures, analysis,
 * lexicons, the ranking model): any change to them gives a new version, so that a prebuilt index
 * made by another factdesk is rebuilt instead of trusted. Computed once per process.
 */
/** The folders of src/ whose code decides what a prebuilt index holds. */
const ENGINE_FOLDERS = ['knowledge', 'text', 'figures', 'search', 'lexicon'];

export const ENGINE_VERSION: string = engineVersion();

function engineVersion(): string {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const folder of ENGINE_FOLDERS) {
    const dir = path.join(root, folder);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|js|json)$/.test(file))
      .sort();
    for (const file of files) hash.update(`${folder}/${file}\n`).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The name of the prebuilt index file inside the knowledge folder (a dot file: never read as a document). */
export const PREBUILT_INDEX_FILE = '.factdesk-index.json';

/** The synonyms file inside the knowledge folder. */
export const SYNONYMS_FILE = 'synonyms.json';

/** Everything factdesk knows, immutable once built: swap the whole object to reload. */
export interface KnowledgeBase {
  /** A display name, by default the folder's name. */
  name: string;
  dir: string;
  /** Hash of the folder's documents and synonyms, with the engine version. */
  hash: string;
  documents: DocumentMeta[];
  passages: Passage[];
  figures: Figure[];
  problems: Problem[];
  index: SearchIndex;
  documentsById: Map<string, DocumentMeta>;
  passagesById: Map<string, Passage>;
  figuresById: Map<string, Figure>;
  figuresByPassage: Map<string, Figure[]>;
  /**
   * Where the knowledge came from: built now on the main thread (`built`) or in a worker thread
   * (`worker`, see {@link OpenOptions.offThread}), or loaded from the prebuilt index.
   */
  origin: 'built' | 'worker' | 'prebuilt';
  /** Answers already computed from this knowledge base (bounded; new on every reload). */
  memo: Memo;
}

/** How to open a knowledge folder. */
export interface OpenOptions {
  dir: string;
  /** Display name; defaults to the folder's base name. */
  name?: string;
  /** The synonyms file; defaults to `synonyms.json` in `dir`. */
  synonymsFile?: string;
  /** Use the prebuilt index when its hash matches (default true). */
  usePrebuilt?: boolean;
  /**
   * Read, split, extract and analyse in a worker thread, and index in chunks, so that the event
   * loop keeps serving during a start-up or a reload (default false).
   */
  offThread?: boolean;
  /** Document files larger than this are refused (default 20 MB). */
  maxFileBytes?: number;
  /** The prebuilt index file; defaults to `.factdesk-index.json` in `dir` (elsewhere for a read-only folder). */
  prebuiltFile?: string;
}

/** The serialised knowledge base written by `npm run build-index`. */
interface PrebuiltBundle {
  hash: string;
  documents: DocumentMeta[];
  passages: Passage[];
  figures: PackedFigures;
  problems: Problem[];
  index: SearchIndexJSON;
}

function metaOf(document: KnowledgeDocument): DocumentMeta {
  const { body: _body, blocks: _blocks, ...meta } = document;
  return meta;
}

function assemble(
  options: OpenOptions,
  hash: string,
  parts: KnowledgeParts,
  index: SearchIndex,
  origin: KnowledgeBase['origin'],
  /** The passages by id, when the caller already has them (a prebuilt load unpacks figures with them). */
  passagesById = new Map(parts.passages.map((passage) => [passage.id, passage])),
): KnowledgeBase {
  const figuresByPassage = new Map<string, Figure[]>();
  for (const figure of parts.figures) {
    const list = figuresByPassage.get(figure.passageId) ?? [];
    list.push(figure);
    figuresByPassage.set(figure.passageId, list);
  }
  return {
    name: options.name ?? path.basename(path.resolve(options.dir)),
    dir: options.dir,
    hash,
    ...parts,
    index,
    documentsById: new Map(parts.documents.map((doc) => [doc.id, doc])),
    passagesById,
    figuresById: new Map(parts.figures.map((figure) => [figure.id, figure])),
    figuresByPassage,
    origin,
    memo: new Memo(),
  };
}

/**
 * Builds a knowledge base from documents already in memory: passages, figures and the index.
 *
 * @example
 * const kb = buildKnowledgeBase([doc], new Synonyms([['GDP', 'economy']]), { dir: 'knowledge' });
 * kb.passages.length // → number of passages of doc
 */
export function buildKnowledgeBase(
  documents: KnowledgeDocument[],
  synonyms: Synonyms,
  options: OpenOptions,
  problems: Problem[] = [],
  hash = '',
): KnowledgeBase {
  const parts = processDocuments(documents, problems);
  const index = SearchIndex.build(parts.documents, parts.passages, parts.figures, synonyms);
  return assemble(options, hash, parts, index, 'built');
}

/** What a knowledge base is made of before it is indexed. */
export interface KnowledgeParts {
  documents: DocumentMeta[];
  passages: Passage[];
  figures: Figure[];
  problems: Problem[];
}

/**
 * Splits documents into passages and extracts their figures. A document that trips the splitter
 * or the extractor is reported and left out; the others serve.
 */
export function processDocuments(documents: KnowledgeDocument[], problems: Problem[] = []): KnowledgeParts {
  const passages: Passage[] = [];
  const figures: Figure[] = [];
  const served: KnowledgeDocument[] = [];
  const allProblems = [...problems];
  for (const document of documents) {
    // One document that trips the splitter or the extractor is reported and left out; the others serve.
    try {
      const { passages: own, figures: ownFigures } = documentContent(document);
      passages.push(...own);
      figures.push(...ownFigures);
      served.push(document);
    } catch (error) {
      allProblems.push({
        severity: 'error',
        file: document.file,
        field: 'body',
        message: `could not be processed (${error instanceof Error ? error.message : String(error)})`,
        fix: 'report this document to the factdesk maintainers; meanwhile it is left out',
      });
    }
  }
  return { documents: served.map(metaOf), passages, figures, problems: allProblems };
}

/** Assembles a knowledge base from parts and their analysed records, indexing in chunks (see `SearchIndex.fromAnalysedAsync`). */
export async function assembleKnowledgeBase(
  options: OpenOptions,
  hash: string,
  parts: KnowledgeParts,
  records: AnalysedRecords,
  synonyms: Synonyms,
): Promise<KnowledgeBase> {
  const index = await SearchIndex.fromAnalysedAsync(records, parts.documents, parts.passages, synonyms);
  return assemble(options, hash, parts, index, 'worker');
}

/** The files a knowledge folder's hash covers: documents, sidecars (and anything YAML). */
const HASHED_FILE = /\.(md|markdown|txt|pdf|docx|html?|csv|ya?ml)$/i;

/**
 * The files of a folder the hash covers, relative, dot files and folders skipped as the loader
 * skips them. A folder that cannot be listed adds nothing: the loader reports it (or, for the
 * knowledge folder itself, stops with the reason), so the hash never fails first with a stack.
 */
async function hashedFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await hashedFiles(dir, relative)));
    else if (entry.isFile() && HASHED_FILE.test(entry.name)) files.push(relative);
  }
  return files;
}

/**
 * A hash of everything that decides the knowledge base: the engine version and every document
 * and synonyms file (paths and bytes), so that a prebuilt index is used only when nothing changed.
 * A file that cannot be read counts by its error code (the loader reports it as a problem), so
 * the hash changes once it can be read.
 */
export async function hashKnowledgeFolder(dir: string, synonymsFile: string): Promise<string> {
  const hash = createHash('sha256').update(`factdesk-engine-${ENGINE_VERSION}\n`);
  const files = (await hashedFiles(dir)).sort();
  // Read in parallel (the hash is still fed in path order): with thousands of files, sequential
  // reads are most of the start-up time of a prebuilt index.
  const contents = await Promise.all(
    files.map((file) =>
      readFile(path.join(dir, file)).catch((error: NodeJS.ErrnoException) =>
        Buffer.from(`\0unreadable: ${error.code ?? 'error'}`),
      ),
    ),
  );
  files.forEach((file, i) => {
    hash
      .update(`${file}\n`)
      .update(contents[i] ?? Buffer.alloc(0))
      .update('\n');
  });
  hash.update(`synonyms\n`).update(await readFile(synonymsFile).catch(() => Buffer.alloc(0)));
  return hash.digest('hex');
}

async function readPrebuilt(file: string): Promise<PrebuiltBundle | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PrebuiltBundle;
  } catch {
    return undefined;
  }
}

/**
 * Opens a knowledge folder: loads the prebuilt index when its hash matches the folder, otherwise
 * reads, splits, extracts and indexes every document. Broken documents are skipped and listed in
 * `problems`; the others serve.
 *
 * @throws {KnowledgeFolderError} when the folder does not exist.
 */
export async function openKnowledgeBase(options: OpenOptions): Promise<KnowledgeBase> {
  await assertKnowledgeFolder(options.dir);
  const synonymsFile = options.synonymsFile ?? path.join(options.dir, SYNONYMS_FILE);
  const { synonyms, problems: synonymProblems } = await loadSynonyms(
    synonymsFile,
    path.relative(options.dir, synonymsFile) || SYNONYMS_FILE,
  );
  const hash = await hashKnowledgeFolder(options.dir, synonymsFile);
  if (options.usePrebuilt !== false) {
    const bundle = await readPrebuilt(options.prebuiltFile ?? path.join(options.dir, PREBUILT_INDEX_FILE));
    if (bundle?.hash === hash) {
      // A file of the right version that does not hold a whole index (edited by hand, cut short
      // by a full disk) is as good as a stale one: the folder is built again below.
      try {
        const passagesById = new Map(bundle.passages.map((passage) => [passage.id, passage]));
        return assemble(
          options,
          hash,
          { ...bundle, figures: unpackFigures(bundle.figures, passagesById) },
          SearchIndex.fromJSON(bundle.index, bundle.documents, bundle.passages, synonyms),
          'prebuilt',
          passagesById,
        );
      } catch {}
    }
  }
  const loadOptions = options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {};
  if (options.offThread) {
    const { parts, records } = await buildInWorker(options.dir, loadOptions, synonymProblems);
    return assembleKnowledgeBase(options, hash, parts, records, synonyms);
  }
  const loaded = await loadDocuments(options.dir, loadOptions);
  return buildKnowledgeBase(
    loaded.documents,
    synonyms,
    options,
    [...synonymProblems, ...loaded.problems],
    hash,
  );
}

/** What `knowledge-build-worker` is asked to do: build a folder, or read one document file. */
export type WorkerTask =
  | { task: 'build'; dir: string; loadOptions: { maxFileBytes?: number }; problems: Problem[] }
  | { task: 'load-file'; file: string; bytes: Uint8Array; sidecar: Record<string, unknown> };

/** Starts `knowledge-build-worker` on one task. */
function startWorker(workerData: WorkerTask): Worker {
  const self = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(self), `knowledge-build-worker${path.extname(self)}`);
  // Run from TypeScript sources (npm start, tests), the worker loads its module through tsx, as
  // the main thread does; built to JavaScript, it runs the module as it is.
  return file.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
          `.then(({ tsImport }) => tsImport(${JSON.stringify(pathToFileURL(file).href)}, ${JSON.stringify(import.meta.url)}))`,
        { eval: true, workerData },
      )
    : new Worker(file, { workerData });
}

/**
 * Runs `knowledge-build-worker` on one task: `take` reads each message it sends and returns the
 * result once it has all it needs (the worker is then stopped), or `undefined` to wait for more.
 */
function runWorker<T>(
  workerData: WorkerTask,
  take: (message: unknown, worker: Worker) => T | undefined,
): Promise<T> {
  const worker = startWorker(workerData);
  return new Promise((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      let result: T | undefined;
      try {
        result = take(message, worker);
      } catch (error) {
        reject(error);
        void worker.terminate();
        return;
      }
      if (result === undefined) return;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the knowledge worker stopped with exit code ${code}`));
    });
  });
}

/** One message of a build worker: a slice of the parts and records, the first with the documents. */
export interface BuildChunk {
  documents?: DocumentMeta[];
  problems?: Problem[];
  passages: Passage[];
  figures: Figure[];
  records: AnalysedRecords;
  last: boolean;
}

/**
 * Runs `knowledge-build-worker` on a folder: its parts and analysed records. They come in slices,
 * each asked for once the previous one is taken and the event loop has turned: sent as one
 * message, 100k passages held the event loop for seconds while they were copied across.
 */
function buildInWorker(
  dir: string,
  loadOptions: { maxFileBytes?: number },
  problems: Problem[],
): Promise<{ parts: KnowledgeParts; records: AnalysedRecords }> {
  const parts: KnowledgeParts = { documents: [], passages: [], figures: [], problems: [] };
  const records: AnalysedRecords = { passages: [], figures: [] };
  const append = <T>(to: T[], from: readonly T[]) => {
    for (const item of from) to.push(item);
  };
  return runWorker({ task: 'build', dir, loadOptions, problems }, (message, worker) => {
    const chunk = message as BuildChunk;
    if (chunk.documents) parts.documents = chunk.documents;
    if (chunk.problems) parts.problems = chunk.problems;
    append(parts.passages, chunk.passages);
    append(parts.figures, chunk.figures);
    append(records.passages, chunk.records.passages);
    append(records.figures, chunk.records.figures);
    if (chunk.last) return { parts, records };
    setImmediate(() => worker.postMessage('next'));
    return undefined;
  });
}

/**
 * {@link loadDocumentFile} in a worker thread: reads one document (a PDF or a Word file can take
 * seconds) while the event loop keeps answering. Used to validate an upload before it is kept.
 */
export function loadDocumentFileOffThread(
  file: string,
  bytes: Uint8Array,
  sidecar: Record<string, unknown> = {},
): Promise<{ document?: KnowledgeDocument; problems: Problem[] }> {
  return runWorker(
    { task: 'load-file', file, bytes, sidecar },
    (message) => message as { document?: KnowledgeDocument; problems: Problem[] },
  );
}

/**
 * Writes the prebuilt index of a knowledge base into its folder (atomically: a half-written file is
 * never read) and returns the file's path and size.
 */
export async function writePrebuiltIndex(
  kb: KnowledgeBase,
  file = path.join(kb.dir, PREBUILT_INDEX_FILE),
): Promise<{ file: string; bytes: number }> {
  const bundle: PrebuiltBundle = {
    hash: kb.hash,
    documents: kb.documents,
    passages: kb.passages,
    figures: packFigures(kb.figures, kb.passagesById),
    problems: kb.problems,
    index: kb.index.toJSON(),
  };
  const json = JSON.stringify(bundle);
  await writeFile(`${file}.tmp`, json);
  await rename(`${file}.tmp`, file);
  return { file, bytes: Buffer.byteLength(json) };
}
