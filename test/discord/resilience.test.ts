import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { KNOWLEDGE, option, type RunningBot, startBot } from './harness.js';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads in assertions are free-form JSON.
type Json = Record<string, any>;

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ask = (b: RunningBot, question = 'How many high-tech enterprises does Guangdong have?') =>
  b.fake.createInteraction({ type: 2, data: { name: 'ask', options: [option('question', question)] } });

describe('a handler that throws', () => {
  it('gets the user a short apology with an error id, logs the stack with the same id, and keeps serving', async () => {
    bot = await startBot();
    const context = bot.app.deps.context;
    const broken = () => {
      throw new Error('index exploded');
    };
    bot.app.deps.context = { ...context, knowledge: broken };
    const failed = (await ask(bot).waitForCallback()) as unknown as { data: Json };
    const id = /`([0-9a-f]{8})`/.exec(failed.data.content)?.[1];
    expect(failed.data.content).toMatch(/^Sorry, something went wrong on my side\./);
    expect(failed.data.content).not.toContain('index exploded');
    expect(failed.data.flags & 64).toBe(64);
    const logged = bot.logs.find((line) => line.msg === 'command failed');
    expect(logged).toMatchObject({ errorId: id, command: 'ask', err: { message: 'index exploded' } });
    expect(String((logged?.err as Json | undefined)?.stack)).toContain('index exploded');

    bot.app.deps.context = context;
    const next = (await ask(bot).waitForCallback()) as unknown as { data: Json };
    expect(next.data.embeds[0].description).toContain('75,000');
    expect(bot.fake.violations()).toEqual([]);
  });
});

describe('Discord failures', () => {
  it('retries a 429 on the interaction callback and answers', async () => {
    bot = await startBot();
    bot.fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.2 });
    const callback = (await ask(bot).waitForCallback()) as unknown as { data: Json };
    expect(callback.data.embeds[0].description).toContain('75,000');
    expect(bot.fake.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([
      429, 204,
    ]);
  });

  it('logs a reply that Discord keeps failing with 500 and still answers the next interaction', async () => {
    bot = await startBot();
    bot.fake.failNext({ method: 'POST', path: /\/callback$/, status: 500, times: 4 });
    ask(bot);
    await expect
      .poll(() => bot?.logs.find((line) => line.msg === 'reply to Discord failed'), { timeout: 15_000 })
      .toBeTruthy();
    const callback = (await ask(bot).waitForCallback()) as unknown as { data: Json };
    expect(callback.data.embeds[0].description).toContain('75,000');
  });

  it('resumes after the gateway connection drops and still answers', async () => {
    bot = await startBot();
    bot.fake.dropGateway(4000);
    await bot.fake.waitForResume();
    const callback = (await ask(bot).waitForCallback()) as unknown as { data: Json };
    expect(callback.data.embeds[0].description).toContain('75,000');
    expect(bot.fake.gateway.stats.resumes).toBe(1);
    expect(bot.fake.violations()).toEqual([]);
  });
});

describe('slow answers', () => {
  it('defers within the 3-second window and edits the reply with the answer', async () => {
    bot = await startBot({ deferAfterMs: 0 });
    const handle = ask(bot);
    expect(await handle.waitForCallback()).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = (await handle.waitForEdit()) as unknown as Json;
    expect(edit.embeds[0].description).toContain('75,000');
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(bot.fake.violations()).toEqual([]);
  });

  it('defers a More click as an update of the message', async () => {
    bot = await startBot({ deferAfterMs: 0 });
    const asked = ask(bot, 'Guangdong high-tech enterprises');
    await asked.waitForEdit();
    const more = ((asked.edits[0]?.components ?? []) as Json[])
      .flatMap((row) => row.components as Json[])
      .find((button) => button.label === 'More');
    const handle = bot.fake.createInteraction({
      type: 3,
      data: { custom_id: more?.custom_id, component_type: 2 },
    });
    expect(await handle.waitForCallback()).toMatchObject({ type: 6 });
    const edit = (await handle.waitForEdit()) as unknown as Json;
    expect(edit.embeds.length).toBeGreaterThan(0);
  });
});

describe('rate limit', () => {
  it('answers the sixth question in ten seconds with a friendly message', async () => {
    bot = await startBot();
    const replies: Json[] = [];
    for (let i = 0; i < 6; i++)
      replies.push(((await ask(bot).waitForCallback()) as unknown as { data: Json }).data);
    expect(replies.slice(0, 5).every((data) => data.embeds?.length > 0)).toBe(true);
    expect(replies[5]?.content).toMatch(/^You're asking quickly! Try again in \d+ s\.$/);
    expect(replies[5]?.flags & 64).toBe(64);
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command in the guild through DISCORD_API_URL', async () => {
    bot = await startBot();
    const { fake } = bot;
    const root = path.resolve(import.meta.dirname, '../..');
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/deploy-commands.ts'], {
        cwd: root,
        env: {
          ...process.env,
          DISCORD_TOKEN: fake.botToken,
          DISCORD_APPLICATION_ID: fake.applicationId,
          DISCORD_GUILD_ID: fake.guildId,
          DISCORD_API_URL: fake.apiUrl,
          KNOWLEDGE_DIR: KNOWLEDGE,
          LOG_LEVEL: 'silent',
        },
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${out}`))));
    });
    expect(output).toBe(`Registered ${commandDefinitions().length} commands in guild ${fake.guildId}.\n`);
    const registered = fake.commands(fake.guildId) as Json[];
    expect(registered.map((c) => c.name).sort()).toEqual(
      commandDefinitions()
        .map((c) => c.name)
        .sort(),
    );
    expect(registered.find((c) => c.name === 'reload')?.default_member_permissions).toBe('32');
    expect(fake.violations()).toEqual([]);
  });
});
