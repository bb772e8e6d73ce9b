import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { newKeys, ping, post } from './helpers.js';

const tsx = createRequire(import.meta.url).resolve('tsx');
const children: ChildProcess[] = [];

/** Runs `npm run serve`'s entry point as its own process, with only the given environment. */
function serve(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', tsx, 'src/transports/http/main.ts'], {
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: 'knowledge', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function collect(child: ChildProcess): { text: () => string } {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { text: () => text };
}

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

describe('npm run serve', () => {
  it('exits with a message naming DISCORD_PUBLIC_KEY when it is not set', async () => {
    const child = serve({ DISCORD_PUBLIC_KEY: '' });
    const stderr = collect(child);
    expect(await exited(child)).toBe(1);
    expect(stderr.text()).toContain('DISCORD_PUBLIC_KEY is not set');
    expect(stderr.text()).not.toMatch(/\n\s+at /);
  });

  it('serves signed interactions and exits 0 on SIGTERM', async () => {
    const keys = newKeys();
    const child = serve({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, LOG_LEVEL: 'info' });
    const stderr = collect(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line:\n${stderr.text()}`)), 20_000);
      child.stderr?.on('data', () => {
        const match = /"url":"(http:\/\/[^"]+)\/interactions"/.exec(stderr.text());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const sent = await post(url, keys.privateKey, ping());
    expect(sent.body).toEqual({ type: 1 });
    if (child.pid) process.kill(child.pid, 'SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(stderr.text()).toContain('shutting down');
  });
});
