import path from 'node:path';
import type { Logger } from 'pino';
import type { DispatchDeps } from '../../commands/dispatch.js';
import type { CommandContext } from '../../commands/types.js';
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
  /** Per-user limit on commands and buttons, applied by the Discord transports (not the console). */
  rateLimiter: RateLimiter;
}

/**
 * Opens the knowledge folder named by the config and wires the handlers' context. Each transport
 * calls this once and passes the result down; nothing is kept in module globals.
 */
export async function createApp(config: Config, logger: Logger = configuredLogger(config)): Promise<App> {
  const dir = path.resolve(config.KNOWLEDGE_DIR);
  const knowledge = await KnowledgeHolder.open(
    {
      dir,
      maxFileBytes: config.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
      ...(config.KNOWLEDGE_NAME ? { name: config.KNOWLEDGE_NAME } : {}),
      ...(config.KNOWLEDGE_INDEX_FILE ? { prebuiltFile: path.resolve(config.KNOWLEDGE_INDEX_FILE) } : {}),
    },
    logger,
  );
  const context: CommandContext = {
    knowledge: () => knowledge.get(),
    reload: () => knowledge.reload(),
    logger,
    knowledgeAdmin: {
      maxBytes: config.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
      timeoutMs: 20_000,
      ...(config.REPLICAS > 1
        ? {
            refusal: `This bot runs as ${config.REPLICAS} replicas, each with its own copy of the knowledge folder, so a document added here would reach only one of them. Add it to the shared knowledge folder (or the repository), rebuild the index and roll the replicas.`,
          }
        : {}),
    },
  };
  const rateLimiter = new RateLimiter(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW_SECONDS * 1000);
  return { config, logger, knowledge, deps: { context }, rateLimiter };
}
