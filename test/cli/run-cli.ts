import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The result of running one of factdesk's entry points as a real process. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runEntry}. */
export interface RunOptions {
  input?: string;
  env?: Record<string, string>;
  /**
   * Runs the program as a user the file permissions apply to. Root reads and writes anything, so
   * as root it runs (with `setpriv`) without the two capabilities that let it: a file of mode 000
   * is then unreadable and a folder of mode 555 unwritable, as for anyone else.
   */
  unprivileged?: boolean;
}

/** Whether this process runs as root, whom file permissions do not stop. */
export const asRoot = process.getuid?.() === 0;

/**
 * Runs `src/<entry>` with tsx, as the npm scripts do, with `input` on standard input and an
 * environment without Discord credentials unless given.
 */
export function runEntry(entry: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...options.env };
    // No Discord credentials, and English unless a test sets the language.
    for (const key of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'LANG', 'LC_ALL'])
      if (!options.env?.[key]) delete env[key];
    const command = [process.execPath, '--import', 'tsx', path.join(ROOT, entry), ...args];
    const [file = '', ...rest] =
      options.unprivileged && asRoot
        ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', ...command]
        : command;
    const child = spawn(file, rest, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the CLI (`npm run ask|figure|sources|build-index|check-knowledge`). */
export const runCli = (args: string[], options: RunOptions = {}) =>
  runEntry('src/cli/main.ts', args, options);
