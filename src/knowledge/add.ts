import { randomUUID } from 'node:crypto';
import { access, constants, link, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { loadDocumentFileOffThread } from '../knowledge-base.js';
import type { KnowledgeDocument, LoadReport, Problem } from '../types.js';
import { DOCUMENT_EXTENSIONS, documentIdOf, formatOf, loadDocumentFile, sizeText } from './load.js';

/**
 * Why a document was refused, with the values its message names. Commands turn the reason into
 * the user's language; `message` is the English text (logs, the console, the CLI).
 */
export type AddRefusal =
  | { reason: 'type'; name: string; types: string }
  | { reason: 'name'; name: string }
  | { reason: 'tooBig'; size: string; limit: string }
  | { reason: 'noLink' }
  | { reason: 'timeout'; seconds: number }
  | { reason: 'unreachable' }
  | { reason: 'http'; status: number }
  | { reason: 'brokeOff' }
  | { reason: 'readOnly' }
  | { reason: 'exists'; name: string }
  | { reason: 'invalid'; name: string; reasons: string }
  | { reason: 'outside' }
  | { reason: 'sharedDown' };

/** The English text of a refusal. */
function refusalText(refusal: AddRefusal): string {
  switch (refusal.reason) {
    case 'type':
      return `${refusal.name} is not a type factdesk reads. Send one of ${refusal.types}.`;
    case 'name':
      return `${refusal.name} gives no usable file name: give the file a name with letters or digits.`;
    case 'tooBig':
      return `The file is ${refusal.size}, over the ${refusal.limit} limit.`;
    case 'noLink':
      return 'The attachment has no http(s) link to download.';
    case 'timeout':
      return `The download took longer than ${refusal.seconds} s; try again.`;
    case 'unreachable':
      return 'The attachment could not be downloaded; try again.';
    case 'http':
      return `The attachment could not be downloaded (HTTP ${refusal.status}); try again.`;
    case 'brokeOff':
      return 'The download broke off; try again.';
    case 'readOnly':
      return 'The knowledge folder is read-only here, so documents cannot be added from Discord. Add the file to the folder where it is kept (shared storage, or the repository), rebuild the index and restart.';
    case 'exists':
      return `${refusal.name} is already in the knowledge folder. Send it again with replace: True to overwrite it.`;
    case 'invalid':
      return `${refusal.name} was not added: ${refusal.reasons}.`;
    case 'outside':
      return 'That document is not in the knowledge folder.';
    case 'sharedDown':
      return 'The database the replicas share is not answering, so no replica was changed. Try again in a moment.';
  }
}

/** A document refused before it reaches the folder; the message says why and what to do. */
export class AddDocumentError extends Error {
  override name = 'AddDocumentError';
  constructor(readonly refusal: AddRefusal) {
    super(refusalText(refusal));
  }
}

/** What to add: where the file is, what it is called, and fields to record beside it. */
export interface AddRequest {
  url: string;
  filename: string;
  /** The size announced by the sender, checked before downloading. */
  size?: number;
  /** Front-matter fields to record in a sidecar (`title`, `published`, `url`). */
  fields?: { title?: string; published?: string; url?: string };
  /** Overwrite a document of the same name. */
  replace?: boolean;
}

/** Limits of an upload. */
export interface AddLimits {
  maxBytes: number;
  /** Milliseconds the whole download may take. */
  timeoutMs: number;
}

/** A document file as it is kept: its safe name, its bytes and the YAML of its sidecar, if any. */
export interface DocumentFile {
  file: string;
  bytes: Uint8Array;
  /** The sidecar `FILE.yml` (the fields given with the upload); absent when none were given. */
  sidecar?: string;
}

/** A downloaded and validated document, ready to be kept. */
export interface PreparedDocument extends DocumentFile {
  document: KnowledgeDocument;
  problems: Problem[];
  /** Whether it replaces a document of the same name. */
  replaced: boolean;
}

/**
 * Where added documents are kept and how they start serving: this replica's knowledge folder
 * ({@link folderStore}), or the state replicas share (every replica writes and reloads).
 */
export interface DocumentStore {
  /** Throws {@link AddDocumentError} (`readOnly`) when documents cannot be written here. */
  assertWritable(): Promise<void>;
  /** Whether a document file of this name is kept already. */
  has(file: string): Promise<boolean>;
  /**
   * Keeps the document (and its sidecar), then reloads. Without `replace`, a document of the same
   * name that appeared meanwhile is an {@link AddDocumentError} (`exists`).
   */
  add(document: DocumentFile, options: { replace: boolean }): Promise<LoadReport>;
  /** Removes a document file (and its sidecar) by its path in the folder, then reloads. */
  remove(file: string): Promise<LoadReport>;
}

/**
 * A safe file name inside the knowledge folder: the base name only (no folders, no `..`), letters
 * and digits of any script kept, other characters made `-`, the ending lower-cased.
 *
 * @throws {AddDocumentError} for a name with no letters or digits or an ending factdesk does not read.
 * @example
 * safeFileName('../../etc/passwd.md') // → 'passwd.md'
 */
export function safeFileName(name: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/'));
  const ext = path.extname(base).toLowerCase();
  if (!formatOf(`x${ext}`))
    throw new AddDocumentError({ reason: 'type', name: base || name, types: DOCUMENT_EXTENSIONS.join(' ') });
  const stem = documentIdOf(base);
  if (!stem) throw new AddDocumentError({ reason: 'name', name });
  return `${stem}${ext}`;
}

const tooBig = (size: number, limits: AddLimits) =>
  new AddDocumentError({ reason: 'tooBig', size: sizeText(size), limit: sizeText(limits.maxBytes) });

/** Downloads `url` with the size checked before (Content-Length) and during the transfer, and a timeout. */
export async function download(url: string, limits: AddLimits): Promise<Buffer> {
  if (!/^https?:\/\//i.test(url)) throw new AddDocumentError({ reason: 'noLink' });
  const seconds = Math.round(limits.timeoutMs / 1000);
  let response: Response;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch {
    throw new AddDocumentError(signal.aborted ? { reason: 'timeout', seconds } : { reason: 'unreachable' });
  }
  if (!response.ok || !response.body) throw new AddDocumentError({ reason: 'http', status: response.status });
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > limits.maxBytes) {
    await response.body.cancel();
    throw tooBig(announced, limits);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) throw tooBig(received, limits);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof AddDocumentError) throw error;
    throw new AddDocumentError(signal.aborted ? { reason: 'timeout', seconds } : { reason: 'brokeOff' });
  }
  return Buffer.concat(chunks);
}

/**
 * Writes `bytes` to `file` atomically: a temporary file renamed over it, or linked when nothing
 * may be replaced (then a file that appeared meanwhile fails with EEXIST instead of being overwritten).
 */
export async function writeAtomic(file: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    if (replace) await rename(temp, file);
    else await link(temp, file);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Checks that documents can be added to `dir`.
 *
 * @throws {AddDocumentError} when the folder is read-only.
 */
export async function assertWritable(dir: string): Promise<void> {
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new AddDocumentError({ reason: 'readOnly' });
  }
}

/** A text upload up to this size is read on the main thread: milliseconds, less than starting a worker. */
const INLINE_READ_BYTES = 256 * 1024;

/**
 * Reads an upload with the folder's loader: a PDF, a Word file or a large file in a worker thread
 * (reading one can take seconds, and answers must keep flowing), a small text file at once.
 */
export function readUpload(
  file: string,
  bytes: Uint8Array,
  fields: Record<string, unknown>,
): ReturnType<typeof loadDocumentFile> {
  const format = formatOf(file);
  const inline = bytes.byteLength <= INLINE_READ_BYTES && format !== 'pdf' && format !== 'docx';
  return inline ? loadDocumentFile(file, bytes, fields) : loadDocumentFileOffThread(file, bytes, fields);
}

/**
 * Gets a document ready to be kept: a safe name, the size checked, the name free (or `replace`),
 * the file downloaded and validated with the same loader as the folder ({@link readUpload}: a
 * PDF, a Word file or a large file in a worker thread), and the sidecar of the given fields.
 * Nothing is written.
 *
 * @throws {AddDocumentError} with a message for the person who sent the file.
 */
export async function prepareDocument(
  request: AddRequest,
  limits: AddLimits,
  store: Pick<DocumentStore, 'assertWritable' | 'has'>,
): Promise<PreparedDocument> {
  const name = safeFileName(request.filename);
  if (request.size !== undefined && request.size > limits.maxBytes) throw tooBig(request.size, limits);
  await store.assertWritable();
  const exists = await store.has(name);
  if (exists && !request.replace) throw new AddDocumentError({ reason: 'exists', name });
  const bytes = await download(request.url, limits);
  const fields = Object.fromEntries(Object.entries(request.fields ?? {}).filter(([, v]) => v));
  const loaded = await readUpload(name, bytes, fields);
  if (!loaded.document) {
    const reasons = loaded.problems.map((p) => `${p.field} ${p.message} (fix: ${p.fix})`).join('; ');
    throw new AddDocumentError({ reason: 'invalid', name, reasons });
  }
  return {
    file: name,
    bytes,
    ...(Object.keys(fields).length > 0 ? { sidecar: YAML.stringify(fields) } : {}),
    document: loaded.document,
    problems: loaded.problems,
    replaced: exists,
  };
}

/** The full path of a document file inside `dir`, refusing a path that leaves it. */
export function fileInFolder(dir: string, file: string): string {
  const root = path.resolve(dir);
  const target = path.resolve(root, file);
  if (!target.startsWith(`${root}${path.sep}`)) throw new AddDocumentError({ reason: 'outside' });
  return target;
}

/**
 * Writes a document (and its sidecar) into the folder atomically. Without `replace`, a document
 * of that name already there is an {@link AddDocumentError} (`exists`).
 */
export async function writeDocument(dir: string, document: DocumentFile, replace: boolean): Promise<void> {
  const target = fileInFolder(dir, document.file);
  try {
    // The document first: a sidecar is never written for a document that was refused.
    await writeAtomic(target, document.bytes, replace);
    if (document.sidecar !== undefined)
      await writeAtomic(`${target}.yml`, Buffer.from(document.sidecar), true);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AddDocumentError({ reason: 'exists', name: document.file });
    throw error;
  }
}

/**
 * Removes a document (and its sidecar) from the knowledge folder by its file path relative to it.
 *
 * @throws {AddDocumentError} when the path leaves the folder or the folder is read-only.
 */
export async function removeDocument(dir: string, file: string): Promise<void> {
  const target = fileInFolder(dir, file);
  await assertWritable(path.dirname(target));
  await unlink(target);
  await unlink(`${target}.yml`).catch(() => undefined);
}

/** Whether a file exists. */
export function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * The knowledge folder of this replica as the store of added documents: written there, then
 * `reload` (one replica, or several on shared storage that each reload).
 */
export function folderStore(dir: string, reload: () => Promise<LoadReport>): DocumentStore {
  return {
    assertWritable: () => assertWritable(dir),
    has: (file) => exists(fileInFolder(dir, file)),
    async add(document, { replace }) {
      await assertWritable(dir);
      await writeDocument(dir, document, replace);
      return reload();
    },
    async remove(file) {
      await removeDocument(dir, file);
      return reload();
    },
  };
}
