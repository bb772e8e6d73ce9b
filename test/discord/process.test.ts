import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord/index.js';
import { KNOWLEDGE } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('npm start with a token', () => {
  it('connects, answers, and on SIGTERM logs, disconnects and exits 0 without registering commands', async () => {
    fake = await startFakeDiscord({ botToken: `ZmFrZWJvdA.fake.${'y'.repeat(38)}` });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.botToken,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR: KNOWLEDGE,
        LOG_LEVEL: 'info',
      },
    });
    let stderr = '';
    const ready = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('"msg":"ready"')) resolve();
      });
    });
    await ready;
    const handle = fake.createInteraction({
      type: 2,
      data: { name: 'ask', options: [{ name: 'question', type: 3, value: 'regional GDP' }] },
    });
    expect(await handle.waitForCallback()).toMatchObject({ type: 4 });

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr).toContain('"msg":"shutting down"');
    expect(stderr).not.toContain(fake.botToken);
    expect(fake.commands()).toEqual([]);
    expect(fake.violations()).toEqual([]);
  });
});
