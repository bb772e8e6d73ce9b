/**
 * Insights end to end over the gateway: the real discord.js client against the fake Discord,
 * questions logged to a real SQLite file, 👍/👎 and the "What was wrong?" form, then `/insights`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { option, type RunningBot, startBot } from '../discord/harness.js';
import { postgresTestsRun, startPostgres } from './postgres-server.js';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads in assertions are free-form JSON.
type Json = Record<string, any>;

const MANAGER = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages);
let bot: RunningBot;

/** Each database the suite runs on: where it lives, and how to get rid of it. */
const backends: { name: string; open(): Promise<{ url: string; destroy(): Promise<void> }> }[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-gw-insights-'));
      return {
        url: `file:${path.join(dir, 'gw.db')}`,
        destroy: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (postgresTestsRun('Insights over the gateway on PostgreSQL'))
  backends.push({ name: 'PostgreSQL', open: startPostgres });

describe.each(backends)('insights over the gateway on $name', (backend) => {
  let database: { url: string; destroy(): Promise<void> };
  beforeAll(async () => {
    database = await backend.open();
    bot = await startBot({ env: { RATE_LIMIT_MAX: '1000', INSIGHTS: 'on', DATABASE_URL: database.url } });
  });

  afterAll(async () => {
    const violations = bot?.fake.violations();
    await bot?.stop();
    await database?.destroy();
    expect(violations).toEqual([]);
  });

  suite();
});

async function interact(init: Json) {
  const handle = bot.fake.createInteraction(init as Parameters<RunningBot['fake']['createInteraction']>[0]);
  return { handle, callback: (await handle.waitForCallback()) as unknown as { type: number; data: Json } };
}

const ask = (question: string, extra: Json = {}) =>
  interact({ type: 2, data: { name: 'ask', options: [option('question', question)] }, ...extra });
const buttonsOf = (data: Json): Json[] => (data.components ?? []).flatMap((row: Json) => row.components);
const insights = (extra: Json = {}) =>
  interact({ type: 2, data: { name: 'insights', options: [] }, memberPermissions: MANAGER, ...extra });

function suite() {
  it('puts 👍 and 👎 in the answer row, with custom ids that name the logged question', async () => {
    const { callback } = await ask('How many high-tech enterprises does Guangdong have?');
    const buttons = buttonsOf(callback.data);
    expect(buttons.map((b) => b.emoji?.name ?? b.label)).toEqual([
      'Share in channel',
      'More',
      'Cite',
      '👍',
      '👎',
    ]);
    expect(callback.data.components).toHaveLength(1);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    const [up, down] = buttons.slice(3).map((b) => String(b.custom_id));
    expect(up).toMatch(/^feedback:up:[0-9a-z]{9}[\w-]{8}$/);
    expect(down?.slice('feedback:down:'.length)).toBe(up?.slice('feedback:up:'.length));
  });

  it('shows an unanswered question asked three times at the top of /insights, with its count', async () => {
    await ask('Who won the 1998 World Cup?');
    for (const text of [
      'What is the capital of France?',
      'what is the capital of France',
      'What is the capital of France?!',
    ])
      await ask(text);
    const { callback } = await insights();
    expect(callback.type).toBe(4);
    expect(callback.data.flags & 64).toBe(64);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = callback.data.embeds;
    const unanswered = embed.fields.find((f: Json) => f.name === 'Top unanswered questions').value as string;
    expect(unanswered.split('\n')[0]).toMatch(/^\*\*3×\*\* “what is the capital of France/i);
    expect(unanswered).toContain('**1×** “Who won the 1998 World Cup?”');
    expect(embed.description).toMatch(/Questions asked: \*\*5\*\*, \*\*20%\*\* answered \(1\)/);
    expect(JSON.stringify(callback.data)).not.toContain(bot.fake.user.id);
  });

  it('thanks for 👍, opens "What was wrong?" for 👎, and shows the comment and passage in /insights', async () => {
    const { callback } = await ask('How big was the regional GDP of Guangdong?');
    const message = bot.fake.channelMessages().at(-1);
    const [up = {}, down = {}] = buttonsOf(callback.data).filter((b) => b.emoji);
    const thanks = await interact({ type: 3, data: { custom_id: up.custom_id }, message: message ?? {} });
    expect(thanks.callback).toMatchObject({
      type: 4,
      data: { content: 'Thanks for the feedback!', flags: 64 },
    });

    const other = { id: '223456789012345678', username: 'reader' };
    const form = await interact({
      type: 3,
      data: { custom_id: down.custom_id },
      message: message ?? {},
      user: other,
    });
    expect(form.callback.type).toBe(9);
    expect(form.callback.data.title).toBe('What was wrong?');
    const input = form.callback.data.components[0].components[0];
    expect(input).toMatchObject({ type: 4, max_length: 300, required: false });

    const submitted = await interact({
      type: 5,
      data: {
        custom_id: form.callback.data.custom_id,
        components: [
          {
            type: 1,
            components: [{ type: 4, custom_id: input.custom_id, value: 'The figure is from 2022' }],
          },
        ],
      },
      user: other,
    });
    expect(submitted.callback).toMatchObject({ type: 4, data: { content: 'Thanks for the feedback!' } });

    const report = await insights({
      data: { name: 'insights', options: [{ name: 'period', type: 4, value: 30 }] },
    });
    const [embed] = report.callback.data.embeds;
    expect(embed.title).toBe('Insights: the last 30 days');
    const disliked = embed.fields.find((f: Json) => f.name.includes('👎, '));
    expect(disliked.name).toBe('Answers with the most 👎 · 1× 👎, 1× 👍');
    expect(disliked.value).toContain('**Q:** “How big was the regional GDP of Guangdong?”');
    expect(disliked.value).toMatch(
      /\*\*A:\*\* “.*13 trillion yuan.*” \(guangdong-first-conference-of-spring-2024#p3(\.\d+)?\)/,
    );
    expect(disliked.value).toContain('> The figure is from 2022');
    const topics = embed.fields.find((f: Json) => f.name === 'Most asked topics').value as string;
    expect(topics).toContain('regional GDP');
  });

  it('refuses /insights to a member without Manage Server, even if Discord let the command through', async () => {
    const { callback } = await insights({ memberPermissions: String(PermissionFlagsBits.SendMessages) });
    expect(callback.data.content).toBe('Only members with **Manage Server** can see insights.');
    expect(callback.data.embeds ?? []).toEqual([]);
  });
}
