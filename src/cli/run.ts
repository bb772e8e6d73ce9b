import { t } from '../../commands/i18n/index.js';
import { KnowledgeFolderError } from '../knowledge/load.js';
import { ConfigError } from '../runtime/config.js';
import { terminalLocale } from '../transports/console.js';

/** Prints a user-facing error on standard error and returns the exit code 1. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/**
 * What is wrong with the command line, from the error `util.parseArgs` throws, in the language of
 * `locale`: an unknown option, an option without its value, an argument the command does not take.
 *
 * @example
 * argumentError(parseArgsError) // → "Unknown option '--bogus'."
 */
export function argumentError(error: unknown, locale?: string): string {
  const { code, message = String(error) } = error as NodeJS.ErrnoException;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (quoted && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return t(locale, 'cli.unknownOption', { option: quoted });
  if (quoted && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message))
    return t(locale, 'cli.missingValue', { option: quoted.replace(/ <value>$/, '') });
  if (quoted && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return t(locale, 'cli.unexpectedArgument', { argument: quoted });
  return message;
}

interface SystemError extends Error {
  code?: string;
  port?: number;
  address?: string;
  hostname?: string;
  path?: string;
  syscall?: string;
}

/** The error and its causes, outermost first (discord.js and fetch wrap the system error). */
function causes(error: unknown): SystemError[] {
  const chain: SystemError[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 5) {
    chain.push(current as SystemError);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * A failure a person can fix, as one line naming the setting and the fix; `undefined` for a bug.
 *
 * @example
 * describeFailure(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 3000 }))
 * // → 'port 3000 is in use: set PORT to a free port, or stop the program using it'
 */
export function describeFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (error instanceof ConfigError || error instanceof KnowledgeFolderError) return error.message;
  for (const cause of causes(error)) {
    const code = cause.code ?? '';
    if (code === 'EADDRINUSE')
      return `port ${cause.port ?? env.PORT ?? ''} is in use: set PORT to a free port, or stop the program using it`;
    if (
      (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL') &&
      cause.syscall !== 'connect'
    ) {
      if (
        cause.syscall === 'listen' ||
        (cause.syscall === 'getaddrinfo' && !cause.message.includes('discord'))
      )
        return `HOST=${cause.hostname ?? cause.address ?? env.HOST ?? ''} is not an address of this machine: set HOST to 0.0.0.0 (every interface), 127.0.0.1, or one of its addresses`;
    }
    if (code === 'EACCES' && cause.syscall === 'listen')
      return `port ${cause.port ?? env.PORT ?? ''} needs privileges: set PORT to 1024 or above`;
    if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && cause.path)
      return `cannot write ${cause.path}: the folder is not writable; fix its permissions or set KNOWLEDGE_DIR to a writable copy`;
    if (code === 'TokenInvalid' || /invalid token was provided/i.test(cause.message))
      return 'Discord refused DISCORD_TOKEN: reset the token in the Developer Portal → Bot and set DISCORD_TOKEN';
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(code) ||
      /fetch failed/.test(cause.message)
    ) {
      const where = env.DISCORD_API_URL || 'discord.com';
      return `cannot reach Discord at ${where}: check the network connection${env.DISCORD_API_URL ? ' or DISCORD_API_URL' : ''}, then start again`;
    }
  }
  return undefined;
}

/**
 * Runs a command-line entry point: its exit code becomes the process's. A failure a person can fix
 * (configuration, knowledge folder, port in use, unknown HOST, unreachable Discord, unwritable
 * folder) prints one line with the fix. Anything else prints one line at a terminal and the stack
 * otherwise (a log file, `LOG_FORMAT=json`).
 */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const known = describeFailure(error);
      if (known !== undefined) {
        process.exitCode = fail(known);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const stack = error instanceof Error ? (error.stack ?? message) : message;
      const forPerson = process.stderr.isTTY && process.env.LOG_FORMAT?.toLowerCase() !== 'json';
      process.exitCode = fail(forPerson ? t(terminalLocale(), 'cli.stopped', { message }) : stack);
    },
  );
}
