import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SharedDocument } from './postgres-shared.js';

/** A document file name the knowledge folder accepts: a plain name ending in .md or .txt. */
export function isDocumentFileName(name: string): boolean {
  return /^[\w][\w.-]{0,120}\.(?:md|txt)$/i.test(name) && !name.includes('..');
}

/**
 * Writes the shared documents into the knowledge folder, each whose file is missing or differs.
 * Returns the file names written. A name that is not a plain `.md`/`.txt` file name is skipped.
 */
export async function syncDocuments(dir: string, documents: readonly SharedDocument[]): Promise<string[]> {
  const written: string[] = [];
  for (const document of documents) {
    if (!isDocumentFileName(document.fileName)) continue;
    const file = path.join(dir, document.fileName);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === document.content) continue;
    await writeFile(file, document.content);
    written.push(document.fileName);
  }
  return written;
}
