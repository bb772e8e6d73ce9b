import { KnowledgeFolderError } from '../knowledge/load.js';
import { ConfigError } from '../runtime/config.js';

/** Prints a user-facing error on standard error and returns the exit code 1. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/**
 * Runs a command-line entry point: its exit code becomes the process's; a configuration or
 * knowledge-folder error prints its message alone (no stack), anything else prints the stack.
 */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof KnowledgeFolderError) {
        process.exitCode = fail(error.message);
      } else {
        process.exitCode = fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    },
  );
}
