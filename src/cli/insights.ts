import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL, isPostgresUrl, openStore } from '../insights/open.js';
import { summaryCsv, summaryText } from '../insights/report.js';
import { ConfigError, loadConfig } from '../runtime/config.js';
import { fail, run } from './run.js';

const USAGE = `Usage: npm run insights -- [--since 30d] [--json | --csv]
  --since   how far back: 30d (days, the default), 12h (hours) or a number of days
  --json    the summary as one JSON object
  --csv     the summary as CSV, one row per entry
Reads the database named by DATABASE_URL (default: ${DEFAULT_DATABASE_URL}).`;

/**
 * Reads `--since` as milliseconds: `30d`, `12h`, or a bare number of days.
 *
 * @throws {ConfigError} naming the flag and the forms it takes.
 */
export function parseSince(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([dh]?)$/i.exec(value.trim());
  const amount = match ? Number(match[1]) : Number.NaN;
  if (!match || !(amount > 0)) {
    throw new ConfigError(`--since ${value}: write a period such as 30d (days) or 12h (hours).`);
  }
  return amount * (match[2]?.toLowerCase() === 'h' ? 3_600_000 : 86_400_000);
}

/** `npm run insights`: the same summary as `/insights`, on standard output. */
async function main(argv: string[]): Promise<number> {
  let values: { since?: string; json?: boolean; csv?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string', default: '30d' },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.json && values.csv) return fail(`Choose one of --json and --csv.\n${USAGE}`);
  const since = Date.now() - parseSince(values.since ?? '30d');
  const config = loadConfig();
  if (config.INSIGHTS === 'off')
    process.stderr.write('note: INSIGHTS=off, so no new questions are being kept.\n');
  const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const store = openStore(url);
  try {
    await store.migrate();
    const summary = await store.summary(since);
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else if (values.csv) process.stdout.write(`${summaryCsv(summary)}\n`);
    else process.stdout.write(`${summaryText(summary)}\n`);
    return 0;
  } catch (error) {
    const where = isPostgresUrl(url) ? 'the PostgreSQL server in DATABASE_URL' : `the SQLite file of ${url}`;
    return fail(
      `Could not read the insights from ${where}: ${error instanceof Error ? error.message : String(error)}. Fix: check DATABASE_URL and that the database is reachable.`,
    );
  } finally {
    await store.close().catch(() => undefined);
  }
}

run(() => main(process.argv.slice(2)));
