import type { Logger } from 'pino';
import { PostgresDriver } from './postgres-driver.js';
import { InsightsRecorder } from './recorder.js';
import { SqlInsightsStore } from './sql-store.js';
import { SqliteDriver } from './sqlite-driver.js';

/** Where the log lives when `DATABASE_URL` is unset. */
export const DEFAULT_DATABASE_URL = 'file:data/factdesk.db';

/** What the insights need of the configuration. */
export interface InsightsConfig {
  INSIGHTS: 'on' | 'off';
  INSIGHTS_SALT?: string | undefined;
  INSIGHTS_RETENTION_DAYS: number;
  DATABASE_URL?: string | undefined;
}

/** Whether a database URL names PostgreSQL (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** The SQLite file of a `file:` URL (`file:data/factdesk.db`, `file:///srv/factdesk.db`, `file::memory:`). */
export function sqliteFile(url: string): string {
  const rest = url.replace(/^file:/i, '');
  if (rest.startsWith('//')) return decodeURIComponent(new URL(url).pathname);
  return rest;
}

/**
 * Opens the store a database URL names: SQLite for `file:…` (the default), PostgreSQL for
 * `postgres://…`. Nothing is connected or migrated yet: that happens on first use, so a database
 * that is down at start does not stop the bot.
 */
export function openStore(url: string = DEFAULT_DATABASE_URL): SqlInsightsStore {
  if (isPostgresUrl(url)) return new SqlInsightsStore(new PostgresDriver(url));
  return new SqlInsightsStore(new SqliteDriver(sqliteFile(url)));
}

/**
 * The recorder for a configuration, or `undefined` with `INSIGHTS=off` (then nothing is kept).
 * Starts the retention (at once, then daily).
 */
export function openInsights(config: InsightsConfig, logger: Logger): InsightsRecorder | undefined {
  if (config.INSIGHTS === 'off') return undefined;
  const recorder = new InsightsRecorder(openStore(config.DATABASE_URL ?? DEFAULT_DATABASE_URL), {
    logger,
    retentionDays: config.INSIGHTS_RETENTION_DAYS,
    ...(config.INSIGHTS_SALT ? { salt: config.INSIGHTS_SALT } : {}),
  });
  recorder.startRetention();
  return recorder;
}
