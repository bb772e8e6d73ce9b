import { type DestinationStream, type Logger, pino, destination as pinoDestination } from 'pino';
import { readableDestination } from './log-format.js';

/** How log lines are written: JSON for machines, readable lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The format to use when none is configured: readable lines when standard error is a terminal,
 * JSON lines for pipes and files.
 */
export function defaultLogFormat(stream: { isTTY?: boolean } = process.stderr): LogFormat {
  return stream.isTTY ? 'pretty' : 'json';
}

/**
 * The structured logger (pino) on standard error, so that standard output carries only answers
 * (`--json` mode, the console). JSON lines, or short readable lines (`format: 'pretty'`, the
 * default at a terminal) that never show a stack. Secrets are redacted wherever they appear.
 */
export function createLogger(
  level: string,
  destination: number | DestinationStream = 2,
  format: LogFormat = typeof destination === 'number' ? defaultLogFormat() : 'json',
): Logger {
  const json =
    typeof destination === 'number' ? pinoDestination({ dest: destination, sync: true }) : destination;
  const out = format === 'pretty' ? readableDestination(json) : json;
  return pino(
    {
      level,
      base: { app: 'factdesk' },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    out,
  );
}

/**
 * The logger the configuration asks for: `LOG_LEVEL` (or `level`) and `LOG_FORMAT`, else the
 * format that suits standard error.
 */
export function configuredLogger(
  config: { LOG_LEVEL: string; LOG_FORMAT?: LogFormat | undefined },
  level: string = config.LOG_LEVEL,
): Logger {
  return createLogger(level, 2, config.LOG_FORMAT ?? defaultLogFormat());
}

/**
 * The level for the console and the command line, where a person reads standard output: warnings
 * only, unless `LOG_LEVEL` is set explicitly (routine lines would come between the answers).
 */
export function interactiveLevel(
  config: { LOG_LEVEL: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  return env.LOG_LEVEL?.trim() ? config.LOG_LEVEL : 'warn';
}
