import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_LABEL } from '../../commands/render/buttons.js';
import { option, type RunningBot, startBot } from './harness.js';

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

const EPHEMERAL = 64;

async function command(name: string, options: Json[] = [], extra: Json = {}) {
  const handle = bot.fake.createInteraction({ type: 2, data: { name, options }, ...extra });
  const callback = (await handle.waitForCallback()) as unknown as { type: number; data: Json };
  return { handle, callback };
}

const buttonsOf = (data: Json) => (data.components ?? []).flatMap((row: Json) => row.components) as Json[];

describe('/ask', () => {
  it('answers privately with the passage, its citation, the figures and the buttons', async () => {
    const { callback } = await command('ask', [
      option('question', 'How many high-tech enterprises does Guangdong have?'),
    ]);
    expect(callback.type).toBe(4);
    expect(callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    const [first] = callback.data.embeds;
    expect(first.author.name).toBe('Q: How many high-tech enterprises does Guangdong have?');
    expect(first.title).toContain('Guangdong');
    expect(first.description).toContain('75,000');
    expect(first.description).toContain('**enterprises**');
    expect(first.footer.text).toBe('PR Newswire · 2024-02-20 · ¶3');
    expect(first.fields.map((f: Json) => f.value)).toContain('**more than 75,000 enterprises**');
    expect(buttonsOf(callback.data).map((b) => b.label)).toEqual([SHARE_LABEL, 'More', 'Cite']);
  });

  it('posts in the channel with share:true, naming the asker without pinging', async () => {
    const { callback } = await command('ask', [option('question', 'regional GDP'), option('share', true)]);
    expect(callback.data.flags ?? 0).toBe(0);
    expect(callback.data.content).toBe(`Asked by <@${bot.fake.user.id}>`);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(callback.data).map((b) => b.label)).not.toContain(SHARE_LABEL);
  });

  it('addresses the answer to the for: user and pings only them', async () => {
    const target = '123456789012345678';
    const { callback } = await command('ask', [
      option('question', 'regional GDP'),
      { name: 'for', type: 6, value: target },
    ]);
    expect(callback.data.flags ?? 0).toBe(0);
    expect(callback.data.content).toContain(`<@${target}>`);
    expect(callback.data.allowed_mentions).toEqual({ parse: [], users: [target] });
  });

  it('pings nobody when the question is full of mentions', async () => {
    const question =
      '@everyone @here <@123456789012345678> <@&234567890123456789> what is the GDP of Guangdong?';
    const { callback } = await command('ask', [option('question', question), option('share', true)]);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(callback.data)).not.toContain('@everyone');
  });

  it('says it does not know, privately, instead of quoting a random passage', async () => {
    const { callback } = await command('ask', [
      option('question', 'What is the capital of France?'),
      option('share', true),
    ]);
    expect(callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data.embeds ?? []).toEqual([]);
    expect(callback.data.content).toMatch(/^I couldn't find an answer to “What is the capital of France\?”/);
  });

  it('suggests questions as the user types', async () => {
    const handle = bot.fake.createInteraction({
      type: 4,
      data: { name: 'ask', options: [{ name: 'question', type: 3, value: 'high-te', focused: true }] },
    });
    const callback = (await handle.waitForCallback()) as unknown as {
      type: number;
      data: { choices: Json[] };
    };
    expect(callback.type).toBe(8);
    expect(callback.data.choices.length).toBeGreaterThan(0);
    expect(callback.data.choices.length).toBeLessThanOrEqual(25);
    expect(callback.data.choices).toContainEqual({
      name: 'How many high-tech enterprises?',
      value: 'How many high-tech enterprises?',
    });
    expect(callback.data.choices.every((c) => /high-te/i.test(c.name))).toBe(true);
  });
});

describe('/figure', () => {
  it('shows the figure in bold with its sentence and citation', async () => {
    const { callback } = await command('figure', [option('topic', 'regional GDP')]);
    expect(callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = callback.data.embeds;
    expect(embed.description).toMatch(/^\*\*(broken through )?13 trillion yuan\*\*/);
    expect(embed.footer.text).toContain('¶3');
    expect(buttonsOf(callback.data).map((b) => b.custom_id)).toContainEqual(
      expect.stringMatching(/^cite:[\w-]{7}$/),
    );
  });

  it('autocompletes figure labels', async () => {
    const handle = bot.fake.createInteraction({
      type: 4,
      data: { name: 'figure', options: [{ name: 'topic', type: 3, value: 'enterp', focused: true }] },
    });
    const callback = (await handle.waitForCallback()) as unknown as { data: { choices: Json[] } };
    expect(callback.data.choices.length).toBeGreaterThan(0);
    expect(callback.data.choices[0]?.value).toMatch(/enterprises/);
    for (const choice of callback.data.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});

describe('/sources and /help', () => {
  it('lists the documents with counts', async () => {
    const { callback } = await command('sources');
    expect(callback.data.embeds[0].title).toBe('knowledge: 2 documents');
    expect(callback.data.embeds[0].description).toMatch(
      /GDToday.*PR Newswire, 2024-02-20.*passages, \d+ figures/,
    );
  });

  it('explains every command', async () => {
    const { callback } = await command('help');
    for (const name of ['/ask', '/figure', '/sources', 'Find in factdesk', '/reload']) {
      expect(callback.data.embeds[0].description).toContain(name);
    }
  });
});

describe('answer buttons', () => {
  async function privateAnswer() {
    const { handle, callback } = await command('ask', [
      option('question', 'Guangdong high-tech enterprises'),
    ]);
    return {
      message: {
        ...handle.original,
        embeds: callback.data.embeds,
        components: callback.data.components,
        flags: EPHEMERAL,
      },
      callback,
    };
  }

  it('Share in channel posts the same answer publicly with "asked by", pinging nobody', async () => {
    const { message, callback } = await privateAnswer();
    const click = bot.fake.createInteraction({
      type: 3,
      data: { custom_id: 'share', component_type: 2 },
      message,
    });
    const shared = (await click.waitForCallback()) as unknown as { type: number; data: Json };
    expect(shared.type).toBe(4);
    expect(shared.data.flags ?? 0).toBe(0);
    expect(shared.data.content).toBe(`Asked by <@${bot.fake.user.id}>`);
    expect(shared.data.embeds).toEqual(callback.data.embeds);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('More replaces the answer with the next passages', async () => {
    const { message, callback } = await privateAnswer();
    const more = buttonsOf(callback.data).find((b) => b.label === 'More');
    expect(more?.custom_id).toMatch(/^more:3:([\w-]{7})+$/);
    const click = bot.fake.createInteraction({
      type: 3,
      data: { custom_id: more?.custom_id, component_type: 2 },
      message,
    });
    const updated = (await click.waitForCallback()) as unknown as { type: number; data: Json };
    expect(updated.type).toBe(7);
    const before = callback.data.embeds.map((e: Json) => e.description);
    for (const embed of updated.data.embeds) expect(before).not.toContain(embed.description);
  });

  it('Cite gives a plain-text citation to paste', async () => {
    const { message, callback } = await privateAnswer();
    const cite = buttonsOf(callback.data).find((b) => b.label === 'Cite');
    const click = bot.fake.createInteraction({
      type: 3,
      data: { custom_id: cite?.custom_id, component_type: 2 },
      message,
    });
    const cited = (await click.waitForCallback()) as unknown as { data: Json };
    expect(cited.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cited.data.content).toMatch(
      /^```\n“.*75,000 high-tech enterprises.*” GDToday: .*, PR Newswire, 2024-02-20, ¶3\.\n```/s,
    );
  });
});

describe('Find in factdesk', () => {
  it('finds where a number quoted in a message comes from', async () => {
    const handle = bot.fake.createInteraction({
      type: 2,
      data: { name: 'Find in factdesk', type: 3 },
      message: { content: 'Apparently they now count 75k high-tech firms, is that right?' },
    });
    const callback = (await handle.waitForCallback()) as unknown as { data: Json };
    expect(callback.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data.embeds[0].description).toContain('75,000');
  });
});

describe('/reload', () => {
  it('defers, reloads the knowledge and reports the counts', async () => {
    const { handle, callback } = await command('reload', [], { memberPermissions: '32' });
    expect(callback).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = (await handle.waitForEdit()) as unknown as Json;
    expect(edit.content).toMatch(/^Reloaded: 2 documents, \d+ passages, \d+ figures\.$/);
  });
});

describe('logging', () => {
  it('logs one line per command with its latency and outcome, and no message content', async () => {
    const before = bot.logs.length;
    await command('ask', [option('question', 'Guangdong regional GDP')]);
    const lines = bot.logs.slice(before).filter((line) => line.msg === 'command');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      command: 'ask',
      kind: 'command',
      outcome: 'ok',
      answered: true,
      latencyMs: expect.any(Number),
    });
    expect(JSON.stringify(bot.logs)).not.toContain('Guangdong regional GDP');
    expect(JSON.stringify(bot.logs)).not.toContain(bot.fake.botToken);
  });

  it('logged that it was ready with the knowledge counts', () => {
    expect(bot.logs.find((line) => line.msg === 'ready')).toMatchObject({
      documents: 2,
      guilds: 1,
      passages: expect.any(Number),
    });
  });
});
