import type { Logger } from 'pino';
import { PostgresDriver } from '../insights/postgres-driver.js';
import type { LoadReport } from '../types.js';
import { isDocumentFileName, syncDocuments } from './documents.js';
import { PostgresSharedState, type SharedDocument } from './postgres-shared.js';

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
   * replica write it and reload (for `/knowledge add`).
   */
  addDocument(document: SharedDocument): Promise<LoadReport>;
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
    async addDocument(document) {
      if (!isDocumentFileName(document.fileName))
        throw new Error(
          `${document.fileName}: a document's file name must be a plain name ending in .md or .txt`,
        );
      await state.addDocument(document);
      await syncDocuments(dir, [document]);
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
