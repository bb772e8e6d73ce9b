import { type DestinationStream, type Logger, pino, destination as pinoDestination } from 'pino';

/**
 * The structured logger (pino, JSON lines) on standard error, so that standard output carries
 * only answers (`--json` mode, the console). Secrets are redacted wherever they appear.
 */
export function createLogger(level: string, destination: number | DestinationStream = 2): Logger {
  return pino(
    {
      level,
      base: { app: 'factdesk' },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    typeof destination === 'number' ? pinoDestination({ dest: destination, sync: true }) : destination,
  );
}
