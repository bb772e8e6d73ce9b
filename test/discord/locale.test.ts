/**
 * The bot in the user's language, end to end over the gateway: a `zh-CN` (or `zh-TW`) interaction
 * gets Chinese text, any other locale English; `npm run deploy-commands` registers the localised
 * names and descriptions, and the fake Discord validates what it receives.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS, LOCALISED } from '../../commands/i18n/index.js';
import { commandDefinitions } from '../../commands/index.js';
import { KNOWLEDGE, option, type RunningBot, startBot } from './harness.js';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads in assertions are free-form JSON.
type Json = Record<string, any>;

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot({ env: { RATE_LIMIT_MAX: '100' } });
});

afterAll(async () => {
  const violations = bot?.fake.violations();
  await bot?.stop();
  expect(violations).toEqual([]);
});

async function command(locale: string, name: string, options: Json[] = []) {
  const handle = bot.fake.createInteraction({ type: 2, locale, data: { name, options } });
  return (await handle.waitForCallback()) as unknown as { type: number; data: Json };
}

const labels = (data: Json) =>
  (data.components ?? []).flatMap((row: Json) => row.components).map((button: Json) => button.label);

const HIGH_TECH = 'How many high-tech enterprises does Guangdong have?';

describe('a zh-CN interaction', () => {
  it('gets its answer with Chinese buttons', async () => {
    const callback = await command('zh-CN', 'ask', [option('question', HIGH_TECH)]);
    expect(callback.data.embeds[0].description).toContain('75,000');
    expect(labels(callback.data)).toEqual(['分享到频道', '更多', '引用']);
  });

  it('is told in Chinese when nothing answers', async () => {
    const callback = await command('zh-CN', 'ask', [option('question', 'What is the capital of France?')]);
    expect(callback.data.content).toMatch(
      /^在 knowledge（2 份文档）中没有找到“What is the capital of France\?”的答案。/,
    );
  });

  it('gets Chinese help, in Simplified characters', async () => {
    const callback = await command('zh-CN', 'help');
    const { description } = callback.data.embeds[0];
    expect(description).toContain('我根据 knowledge 中的 2 份文档回答问题');
    expect(description).toContain('**/提问** `问题`');
    expect(description).toContain('**分享到频道**');
    expect(description).not.toMatch(/passages that answer/);
  });

  it('shares in Chinese, still pinging nobody', async () => {
    const callback = await command('zh-CN', 'ask', [option('question', HIGH_TECH), option('share', true)]);
    expect(callback.data.content).toBe(`<@${bot.fake.user.id}> 提问`);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('gets a figure with Chinese field names and an empty topic hint in Chinese', async () => {
    const callback = await command('zh-CN', 'figure', [option('topic', 'regional GDP')]);
    const [embed] = callback.data.embeds;
    expect(embed.description).toContain('13 trillion yuan');
    expect(embed.fields.map((field: Json) => field.name)).toContain('相近的数据');
    const empty = await command('zh-CN', 'figure', [option('topic', ' ')]);
    expect(empty.data.content).toBe('请说出一个主题，例如 `/数据 主题: 地区生产总值`。');
  });

  it('lists the sources with Chinese counts', async () => {
    const callback = await command('zh-CN', 'sources');
    expect(callback.data.embeds[0].title).toBe('knowledge：2 份文档');
    expect(callback.data.embeds[0].footer.text).toMatch(/^\d+ 个段落 · \d+ 个数据 · factdesk$/);
  });
});

describe('a zh-TW interaction', () => {
  it('gets Traditional Chinese', async () => {
    const help = await command('zh-TW', 'help');
    expect(help.data.embeds[0].description).toContain('**/提問** `問題`');
    const answer = await command('zh-TW', 'ask', [option('question', HIGH_TECH)]);
    expect(labels(answer.data)).toEqual(['分享到頻道', '更多', '引用']);
  });
});

describe('any other locale', () => {
  it.each(['en-US', 'fr', 'ja', 'pt-BR'])('%s gets English', async (locale) => {
    const answer = await command(locale, 'ask', [option('question', HIGH_TECH)]);
    expect(labels(answer.data)).toEqual(['Share in channel', 'More', 'Cite']);
    const help = await command(locale, 'help');
    expect(help.data.embeds[0].description).toContain('**/ask** `question`');
  });
});

describe('npm run deploy-commands', () => {
  it('registers the zh-CN and zh-TW names and descriptions of every command and option', async () => {
    const { fake } = bot;
    const root = path.resolve(import.meta.dirname, '../..');
    const code = await new Promise<number | null>((resolve, reject) => {
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
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    const registered = fake.commands(fake.guildId) as Json[];
    const ask = registered.find((c) => c.name === 'ask');
    expect(ask?.name_localizations).toEqual({ 'zh-CN': '提问', 'zh-TW': '提問' });
    expect(ask?.options.find((o: Json) => o.name === 'question').name_localizations).toEqual({
      'zh-CN': '问题',
      'zh-TW': '問題',
    });
    const sent = commandDefinitions() as Json[];
    for (const command of registered) {
      const expected = sent.find((c) => c.name === command.name);
      for (const locale of LOCALISED) {
        expect(command.name_localizations?.[locale], command.name).toBe(expected?.name_localizations[locale]);
        for (const [i, opt] of (command.options ?? []).entries()) {
          expect(opt.name_localizations?.[locale]).toBe(expected?.options[i].name_localizations[locale]);
          expect(opt.description_localizations?.[locale]).toBe(
            expected?.options[i].description_localizations[locale],
          );
        }
      }
    }
    expect(registered.find((c) => c.type === 3)?.name_localizations['zh-CN']).toBe(
      CATALOGS['zh-CN']['findInFactdesk.name'],
    );
    expect(fake.violations()).toEqual([]);
  });
});
