import { randomUUID } from 'node:crypto';
import { access, constants, link, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { KnowledgeDocument, Problem } from '../types.js';
import { DOCUMENT_EXTENSIONS, documentIdOf, formatOf, loadDocumentFile, sizeText } from './load.js';

/** A document refused before it reaches the folder; the message says why and what to do. */
export class AddDocumentError extends Error {
  override name = 'AddDocumentError';
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

/** What was added. */
export interface AddResult {
  file: string;
  document: KnowledgeDocument;
  problems: Problem[];
  replaced: boolean;
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
  if (!formatOf(`x${ext}`)) {
    throw new AddDocumentError(
      `${base || name} is not a type factdesk reads. Send one of ${DOCUMENT_EXTENSIONS.join(' ')}.`,
    );
  }
  const stem = documentIdOf(base);
  if (!stem)
    throw new AddDocumentError(
      `${name} gives no usable file name: give the file a name with letters or digits.`,
    );
  return `${stem}${ext}`;
}

/** Downloads `url` with the size checked before (Content-Length) and during the transfer, and a timeout. */
export async function download(url: string, limits: AddLimits): Promise<Buffer> {
  if (!/^https?:\/\//i.test(url))
    throw new AddDocumentError('The attachment has no http(s) link to download.');
  const tooBig = (size: number) =>
    new AddDocumentError(`The file is ${sizeText(size)}, over the ${sizeText(limits.maxBytes)} limit.`);
  let response: Response;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch {
    throw new AddDocumentError(
      signal.aborted
        ? `The download took longer than ${Math.round(limits.timeoutMs / 1000)} s; try again.`
        : 'The attachment could not be downloaded; try again.',
    );
  }
  if (!response.ok || !response.body) {
    throw new AddDocumentError(
      `The attachment could not be downloaded (HTTP ${response.status}); try again.`,
    );
  }
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > limits.maxBytes) {
    await response.body.cancel();
    throw tooBig(announced);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) throw tooBig(received);
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof AddDocumentError) throw error;
    throw new AddDocumentError(
      signal.aborted
        ? `The download took longer than ${Math.round(limits.timeoutMs / 1000)} s; try again.`
        : 'The download broke off; try again.',
    );
  }
  return Buffer.concat(chunks);
}

/** Writes `bytes` to `file` atomically: a temporary file renamed over it, or linked when nothing may be replaced. */
async function writeAtomic(file: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    if (replace) await rename(temp, file);
    else await link(temp, file); // fails with EEXIST instead of overwriting a file that appeared meanwhile
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
    throw new AddDocumentError(
      'The knowledge folder is read-only here, so documents cannot be added from Discord. Add the file to the folder where it is kept (shared storage, or the repository), rebuild the index and restart.',
    );
  }
}

/**
 * Adds a document to the knowledge folder: downloads it, validates it with the same loader as
 * the folder, then writes it (and a sidecar with the given fields) atomically under a safe name.
 * Nothing is written when the file does not load.
 *
 * @throws {AddDocumentError} with a message for the person who sent the file.
 */
export async function addDocument(dir: string, request: AddRequest, limits: AddLimits): Promise<AddResult> {
  const name = safeFileName(request.filename);
  if (request.size !== undefined && request.size > limits.maxBytes) {
    throw new AddDocumentError(
      `The file is ${sizeText(request.size)}, over the ${sizeText(limits.maxBytes)} limit.`,
    );
  }
  await assertWritable(dir);
  const target = path.join(dir, name);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !request.replace) {
    throw new AddDocumentError(
      `${name} is already in the knowledge folder. Send it again with replace: True to overwrite it.`,
    );
  }
  const bytes = await download(request.url, limits);
  const fields = Object.fromEntries(Object.entries(request.fields ?? {}).filter(([, v]) => v));
  const loaded = await loadDocumentFile(name, bytes, fields);
  if (!loaded.document) {
    const reasons = loaded.problems.map((p) => `${p.field} ${p.message} (fix: ${p.fix})`).join('; ');
    throw new AddDocumentError(`${name} was not added: ${reasons}.`);
  }
  try {
    if (Object.keys(fields).length > 0)
      await writeAtomic(`${target}.yml`, Buffer.from(YAML.stringify(fields)), true);
    await writeAtomic(target, bytes, Boolean(request.replace));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AddDocumentError(
        `${name} is already in the knowledge folder. Send it again with replace: True to overwrite it.`,
      );
    }
    throw error;
  }
  return { file: name, document: loaded.document, problems: loaded.problems, replaced: exists };
}

/**
 * Removes a document (and its sidecar) from the knowledge folder by its file path relative to it.
 *
 * @throws {AddDocumentError} when the path leaves the folder or the folder is read-only.
 */
export async function removeDocument(dir: string, file: string): Promise<void> {
  const root = path.resolve(dir);
  const target = path.resolve(root, file);
  if (!target.startsWith(`${root}${path.sep}`))
    throw new AddDocumentError('That document is not in the knowledge folder.');
  await assertWritable(path.dirname(target));
  await unlink(target);
  await unlink(`${target}.yml`).catch(() => undefined);
}
