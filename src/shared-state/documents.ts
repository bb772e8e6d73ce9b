import { createHash } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../knowledge/add.js';
import { formatOf } from '../knowledge/load.js';

/**
 * A document kept in the database so that every replica serves it: its file (path in the
 * knowledge folder), its content (text, or the bytes of a PDF or Word file) and the sidecar of the
 * fields given with it. A removal is kept too (`removedSha256`), so every replica deletes the file.
 */
export interface SharedDocument {
  fileName: string;
  content: string | Uint8Array;
  /** The YAML of `FILE.yml`; absent: the sidecar already there, if any, stays. */
  sidecar?: string;
  /** Set for a removed document: the SHA-256 (hex) of the file removed. */
  removedSha256?: string;
}

/** The SHA-256 of a file's bytes, hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether one path segment is a plain name: no separators, not hidden, no `..`, printable. */
function plainSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment.length <= 200 &&
    !segment.startsWith('.') &&
    !segment.includes('..') &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
    !/[\\/\u0000-\u001f\u007f]/.test(segment)
  );
}

/**
 * A document file name the knowledge folder accepts from the database: a plain name (any script;
 * no folders, not hidden, no `..`) with an ending factdesk reads.
 */
export function isDocumentFileName(name: string): boolean {
  return plainSegment(name) && formatOf(name) !== undefined;
}

/**
 * A document's path inside the knowledge folder (`report.pdf`, `2024/report.pdf`): plain names
 * joined by `/`, the last one a document file name.
 */
export function isDocumentPath(file: string): boolean {
  const segments = file.split('/');
  return segments.every(plainSegment) && isDocumentFileName(segments.at(-1) ?? '');
}

const bytesOf = (content: string | Uint8Array) =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);

/**
 * Makes the knowledge folder hold the shared documents: writes each whose file (or sidecar) is
 * missing or differs, atomically, and deletes each removed one whose file is the one removed.
 * Returns the file names written or deleted. A path that is not a plain document path is skipped.
 */
export async function syncDocuments(dir: string, documents: readonly SharedDocument[]): Promise<string[]> {
  const changed: string[] = [];
  for (const document of documents) {
    if (!isDocumentPath(document.fileName)) continue;
    const file = path.join(dir, ...document.fileName.split('/'));
    const current = await readFile(file).catch(() => undefined);
    if (document.removedSha256 !== undefined) {
      if (current && sha256(current) === document.removedSha256) {
        await unlink(file);
        await unlink(`${file}.yml`).catch(() => undefined);
        changed.push(document.fileName);
      }
      continue;
    }
    const bytes = bytesOf(document.content);
    let wrote = false;
    if (!current?.equals(bytes)) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeAtomic(file, bytes, true);
      wrote = true;
    }
    if (document.sidecar !== undefined) {
      const sidecar = await readFile(`${file}.yml`, 'utf8').catch(() => undefined);
      if (sidecar !== document.sidecar) {
        await writeAtomic(`${file}.yml`, Buffer.from(document.sidecar), true);
        wrote = true;
      }
    }
    if (wrote) changed.push(document.fileName);
  }
  return changed;
}
