import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where `initdb` and `pg_ctl` are: on PATH, or in Debian's versioned folder. */
export function findPostgresBin(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter)];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort().reverse()) dirs.push(path.join(debian, version, 'bin'));
  }
  return dirs.find(
    (dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
  );
}

/** Why the PostgreSQL tests cannot run here, or `undefined` when they can. */
export function postgresUnavailable(): string | undefined {
  return findPostgresBin()
    ? undefined
    : 'PostgreSQL is not installed (initdb and pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin); install the postgresql package to run these tests';
}

/** Whether CI demands the PostgreSQL tests (`.ci/run` sets FACTDESK_REQUIRE_POSTGRES=1). */
export const postgresRequired = process.env.FACTDESK_REQUIRE_POSTGRES === '1';

/**
 * Prints why the PostgreSQL tests do not run, or throws when CI requires them. Returns whether
 * they run.
 */
export function postgresTestsRun(what: string): boolean {
  const reason = postgresUnavailable();
  if (!reason) return true;
  if (postgresRequired) throw new Error(`${what}: FACTDESK_REQUIRE_POSTGRES=1 but ${reason}`);
  console.warn(`${what} not run: ${reason}`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL server on loopback. */
export interface PostgresServer {
  /** `postgres://factdesk@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Stops the server (it can be started again). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server in a temporary data directory with `initdb` and `pg_ctl`,
 * listening on 127.0.0.1 only, trust authentication for the `factdesk` role. As root (initdb
 * refuses root) it runs as the `postgres` user through `runuser`.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailable());
  // As root the server runs as `postgres`, who must reach the folder: /tmp, not a private TMPDIR.
  const dir = mkdtempSync(path.join(process.getuid?.() === 0 ? '/tmp' : tmpdir(), 'factdesk-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const port = await freePort();
  await exec('initdb', ['-D', data, '-U', 'factdesk', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  const start = async () => {
    await exec('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  };
  const stop = async () => {
    await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  let stopped = false;
  return {
    url: `postgres://factdesk@127.0.0.1:${port}/postgres`,
    port,
    start: async () => {
      await start();
      stopped = false;
    },
    stop: async () => {
      await stop();
      stopped = true;
    },
    async destroy() {
      if (!stopped) await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
