import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/run.js';
import { runEntry } from './run-cli.js';

const PUBLIC_KEY = 'a'.repeat(64);

/** A port with a listener on it, and one with none. */
function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** stderr is exactly one line, without a stack or a JSON log line. */
function expectOneLine(stderr: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('{"level"');
}

describe('a failure a person can fix stops the program with one line naming the setting', () => {
  it('a port in use', async () => {
    const { server, port } = await listen();
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { code, stderr } = await runEntry('src/transports/http/main.ts', [], {
      env: { DISCORD_PUBLIC_KEY: PUBLIC_KEY, HOST: '127.0.0.1', PORT: String(port) },
    });
    expect(code).toBe(1);
    expect(stderr).toBe(`port ${port} is in use: set PORT to a free port, or stop the program using it\n`);
  });

  it('an unknown HOST', async () => {
    const { code, stderr } = await runEntry('src/transports/http/main.ts', [], {
      env: { DISCORD_PUBLIC_KEY: PUBLIC_KEY, HOST: 'no-such-host.invalid', PORT: '0' },
    });
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toMatch(
      /^HOST=no-such-host\.invalid is not an address of this machine: set HOST to 0\.0\.0\.0/,
    );
  });

  it('a Discord gateway that cannot be reached', async () => {
    const { server, port } = await listen();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, stderr } = await runEntry('src/main.ts', [], {
      env: {
        DISCORD_TOKEN: `ZmFrZWJvdA.fake.${'x'.repeat(38)}`,
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      },
    });
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toContain(
      `cannot reach Discord at http://127.0.0.1:${port}/api: check the network connection or DISCORD_API_URL`,
    );
  });

  it('a folder that cannot be written', async () => {
    // As root every folder is writable; /sys is not, whoever runs.
    let target = '/sys/factdesk-index.json';
    if (process.getuid?.() !== 0) {
      const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-readonly-'));
      await chmod(dir, 0o555);
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      target = path.join(dir, '.factdesk-index.json');
    }
    const error = await writeFile(target, '{}').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error, `${target} was writable`).toBeInstanceOf(Error);
    expect(describeFailure(error)).toBe(
      `cannot write ${target}: the folder is not writable; fix its permissions or set KNOWLEDGE_DIR to a writable copy`,
    );
  });

  it('but a bug is no failure to explain (its stack goes to the log)', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toBeUndefined();
  });
});
