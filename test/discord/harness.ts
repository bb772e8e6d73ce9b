import path from 'node:path';
import { Writable } from 'node:stream';
import type { Client } from 'discord.js';
import { type App, createApp } from '../../src/runtime/app.js';
import { loadConfig } from '../../src/runtime/config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { startGatewayBot } from '../../src/transports/gateway.js';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord/index.js';

export const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');

/** A running bot: the fake Discord, the real discord.js client and factdesk's app, plus its log lines. */
export interface RunningBot {
  fake: FakeDiscord;
  client: Client;
  app: App;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Starts a fake Discord and factdesk's gateway bot against it, exactly as `npm start` would with
 * DISCORD_TOKEN and DISCORD_API_URL set, and collects the bot's JSON log lines.
 */
export async function startBot(
  options: { deferAfterMs?: number; env?: Record<string, string> } = {},
): Promise<RunningBot> {
  // A token shaped like a real one (config rejects obviously truncated tokens).
  const fake = await startFakeDiscord({ botToken: `ZmFrZWJvdA.fake.${'x'.repeat(38)}` });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig(
    {
      DISCORD_TOKEN: fake.botToken,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: KNOWLEDGE,
      LOG_LEVEL: 'info',
      INSIGHTS: 'off',
      ...options.env,
    },
    { dotenv: false },
  );
  const app = await createApp(config, createLogger(config.LOG_LEVEL, sink));
  const client = await startGatewayBot(app, fake.botToken, {
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  await fake.waitForReady();
  return {
    fake,
    client,
    app,
    logs,
    async stop() {
      await client.destroy();
      await app.close();
      await fake.close();
    },
  };
}

/** A slash command option as Discord sends it. */
export const option = (name: string, value: string | boolean, type = typeof value === 'boolean' ? 5 : 3) => ({
  name,
  type,
  value,
});
