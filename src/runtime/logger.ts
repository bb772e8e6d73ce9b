import { destination as pinoDestination, type Logger, pino } from 'pino';

/**
 * The structured logger (pino, JSON lines) on standard error, so that standard output carries
 * only answers (`--json` mode, the console). Secrets are redacted wherever they appear.
 */
export function createLogger(level: string, destination = 2): Logger {
  return pino(
    {
      level,
      base: { app: 'factdesk' },
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
    },
    pinoDestination({ dest: destination, sync: true }),
  );
}
