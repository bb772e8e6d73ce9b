import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { PostgresDriver } from '../insights/postgres-driver.js';
import { AddDocumentError, fileInFolder, removeDocument } from '../knowledge/add.js';
import type { LoadReport } from '../types.js';
import { isDocumentPath, type SharedDocument, sha256, syncDocuments } from './documents.js';
import { PostgresSharedState } from './postgres-shared.js';

export type { LoadReport };

/** What reloads this replica's knowledge (the runtime's knowledge holder). */
export interface Reloadable {
  reload(): Promise<LoadReport>;
}

/** This replica's own limiter (commands' `RateLimiter`), used while the database is down. */
export interface LocalLimiter {
  readonly max: number;
  readonly windowMs: number;
  take(key: string): number;
}

/** What the replicas share once `DATABASE_URL` is PostgreSQL. */
export interface SharedState {
  /** Counts uses across every replica; this replica's own count while the database is down. */
  take(key: string): Promise<number>;
  /** Reloads this replica, then has every other replica reload too. */
  reload(): Promise<LoadReport>;
  /**
   * Stores a document in the database and in this replica's folder, reloads, and has every other
   * replica write it and reload (for `/knowledge add`). Without `replace`, a document of that
   * name already stored is an {@link AddDocumentError} (`exists`).
   */
  addDocument(document: SharedDocument, options?: { replace?: boolean }): Promise<LoadReport>;
  /**
   * Removes a document from this replica's folder, records the removal in the database, reloads,
   * and has every other replica delete it and reload (for `/knowledge remove`).
   */
  removeDocument(file: string): Promise<LoadReport>;
  close(): Promise<void>;
  readonly state: PostgresSharedState;
}

/**
 * Writes the documents kept in the database into the knowledge folder (before the first load,
 * so a new replica starts with them). A database that does not answer is logged and skipped.
 */
export async function pullDocuments(
  state: PostgresSharedState,
  dir: string,
  logger: Logger,
): Promise<string[]> {
  try {
    const written = await syncDocuments(dir, await state.documents());
    if (written.length > 0)
      logger.info({ documents: written }, 'shared state: documents written from the database');
    return written;
  } catch (error) {
    logger.warn(
      { err: error },
      'shared state: could not read the shared documents; serving the folder as it is',
    );
    return [];
  }
}

/** Opens the shared state's connection (nothing is connected until first use). */
export function openSharedState(url: string, logger: Logger): PostgresSharedState {
  return new PostgresSharedState(new PostgresDriver(url, { max: 4 }), logger);
}

/**
 * Wires a replica to the shared state: the rate limit through the database (falling back to
 * `local` when it fails, so answers flow with the database down), reloads announced and watched.
 */
export async function shareState(
  state: PostgresSharedState,
  options: { dir: string; knowledge: Reloadable; local: LocalLimiter; logger: Logger; pollMs?: number },
): Promise<SharedState> {
  const { dir, knowledge, local, logger } = options;
  let failing = false;
  const announce = (reason: 'reload' | 'document') =>
    state.announce(reason).catch((error: unknown) => {
      logger.warn({ err: error }, 'shared state: could not tell the other replicas to reload');
    });
  /** A change the database did not take is refused (`sharedDown`): no replica changed. */
  const unlessDown = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      logger.error({ err: error }, 'shared state: the database did not store the document change');
      throw new AddDocumentError({ reason: 'sharedDown' });
    }
  };
  await state.watch(async () => {
    await pullDocuments(state, dir, logger);
    const report = await knowledge.reload();
    logger.info(
      { documents: report.documents, ok: report.ok },
      'shared state: reloaded after another replica',
    );
  }, options.pollMs);
  return {
    state,
    async take(key) {
      try {
        const wait = await state.take(key, local.max, local.windowMs);
        failing = false;
        return wait;
      } catch (error) {
        if (!failing) logger.warn({ err: error }, 'shared rate limit unavailable; counting on this replica');
        failing = true;
        return local.take(key);
      }
    },
    async reload() {
      await pullDocuments(state, dir, logger);
      const report = await knowledge.reload();
      if (report.ok) await announce('reload');
      return report;
    },
    async addDocument(document, options = {}) {
      if (!isDocumentPath(document.fileName))
        throw new Error(
          `${document.fileName}: a shared document's file name must be a plain name with an ending factdesk reads`,
        );
      if (!(await unlessDown(() => state.addDocument(document, options))))
        throw new AddDocumentError({ reason: 'exists', name: document.fileName });
      await syncDocuments(dir, [document]);
      const report = await knowledge.reload();
      await announce('document');
      return report;
    },
    async removeDocument(file) {
      if (!isDocumentPath(file)) throw new AddDocumentError({ reason: 'outside' });
      const bytes = await readFile(fileInFolder(dir, file));
      // The database first: a removal it did not record would come back from another replica.
      await unlessDown(() => state.removeDocument(file, sha256(bytes)));
      await removeDocument(dir, file);
      const report = await knowledge.reload();
      await announce('document');
      return report;
    },
    close: async () => {
      await state.close();
      await state.driver.close().catch(() => undefined);
    },
  };
}
