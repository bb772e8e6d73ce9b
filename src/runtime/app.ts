import path from 'node:path';
import type { Logger } from 'pino';
import type { DispatchDeps } from '../../commands/dispatch.js';
import type { CommandContext } from '../../commands/types.js';
import { isPostgresUrl, openInsights } from '../insights/open.js';
import type { InsightsRecorder } from '../insights/recorder.js';
import { type DocumentStore, folderStore } from '../knowledge/add.js';
import { openSharedState, pullDocuments, type SharedState, shareState } from '../shared-state/share.js';
import type { Config } from './config.js';
import { KnowledgeHolder } from './knowledge-holder.js';
import { configuredLogger } from './logger.js';
import { RateLimiter } from './rate-limit.js';

/** What every transport shares: config, logger, the knowledge, the dispatch dependencies and the rate limit. */
export interface App {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeHolder;
  deps: DispatchDeps;
  /**
   * Per-user limit on commands and buttons, applied by the Discord transports (not the console);
   * with PostgreSQL it is shared by the replicas (then `take` answers asynchronously).
   */
  rateLimiter: { take(key: string): number | Promise<number> };
  /** With PostgreSQL: the rate limit, reloads and added documents shared by the replicas. */
  shared?: SharedState;
  /** The question log (absent with `INSIGHTS=off`). */
  insights?: InsightsRecorder;
  /** Writes what the log still holds and closes the database; call once when stopping. */
  close(): Promise<void>;
}

/**
 * Opens the knowledge folder named by the config and wires the handlers' context (with the
 * question log unless `INSIGHTS=off` or `options.insights` is false). Each transport calls this
 * once and passes the result down; nothing is kept in module globals.
 */
export async function createApp(
  config: Config,
  logger: Logger = configuredLogger(config),
  options: { insights?: boolean } = {},
): Promise<App> {
  const dir = path.resolve(config.KNOWLEDGE_DIR);
  // With PostgreSQL the replicas share state: documents added at run time are written first.
  const state =
    config.DATABASE_URL && isPostgresUrl(config.DATABASE_URL)
      ? openSharedState(config.DATABASE_URL, logger)
      : undefined;
  if (state) await pullDocuments(state, dir, logger);
  const knowledge = await KnowledgeHolder.open(
    {
      dir,
      maxFileBytes: config.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
      ...(config.KNOWLEDGE_NAME ? { name: config.KNOWLEDGE_NAME } : {}),
      ...(config.KNOWLEDGE_INDEX_FILE ? { prebuiltFile: path.resolve(config.KNOWLEDGE_INDEX_FILE) } : {}),
    },
    logger,
  );
  const local = new RateLimiter(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW_SECONDS * 1000);
  const shared = state ? await shareState(state, { dir, knowledge, local, logger }) : undefined;
  // Documents added from Discord: into this replica's folder, or through the shared state, which
  // stores them in PostgreSQL and has every replica write them and reload.
  const folder = folderStore(dir, () => knowledge.reload());
  const store: DocumentStore = shared
    ? {
        ...folder,
        add: (document, { replace }) =>
          shared.addDocument(
            {
              fileName: document.file,
              content: document.bytes,
              ...(document.sidecar !== undefined ? { sidecar: document.sidecar } : {}),
            },
            { replace },
          ),
        remove: (file) => shared.removeDocument(file),
      }
    : folder;
  // Insights: opened lazily (a database down at start costs nothing); off for one-shot CLI commands.
  const insights = options.insights === false ? undefined : openInsights(config, logger);
  const context: CommandContext = {
    knowledge: () => knowledge.get(),
    reload: () => (shared ? shared.reload() : knowledge.reload()),
    logger,
    ...(insights ? { insights } : {}),
    knowledgeAdmin: {
      maxBytes: config.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
      timeoutMs: 20_000,
      store,
      // Several replicas each with their own folder and no database to share: a document would
      // reach one of them only.
      ...(config.REPLICAS > 1 && !shared
        ? { refusal: { reason: 'replicas' as const, replicas: config.REPLICAS } }
        : {}),
    },
  };
  return {
    config,
    logger,
    knowledge,
    deps: { context },
    rateLimiter: shared ?? local,
    ...(insights ? { insights } : {}),
    ...(shared ? { shared } : {}),
    close: async () => {
      await Promise.all([insights?.close(), shared?.close()]);
    },
  };
}
