/**
 * Self-test of the fake Discord with the real discord.js client (nothing of discord.js mocked):
 * each test starts a fake and a client, drives interactions, and plays the bot's handler inline.
 */
import { once } from 'node:events';
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  ActionRowBuilder,
  ApplicationCommandType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  RESTEvents,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './index.js';

const WAIT_MS = 5000;
const NO_MENTIONS = { parse: [] } as const;

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

/** Starts a fake and a logged-in, ready client. */
async function start(options: FakeDiscordOptions = {}): Promise<{ fake: FakeDiscord; client: Client }> {
  fake = await startFakeDiscord(options);
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(WAIT_MS) });
  await client.login(fake.botToken);
  await ready;
  return { fake, client };
}

/** The next interaction the client emits (register before dispatching). */
async function nextInteraction(c: Client): Promise<Interaction> {
  const [interaction] = (await once(c, Events.InteractionCreate, {
    signal: AbortSignal.timeout(WAIT_MS),
  })) as [Interaction];
  return interaction;
}

const ask = (question = 'What is the capital?') =>
  ({ type: 2, data: { name: 'ask', options: [{ name: 'question', type: 3, value: question }] } }) as const;

describe('fake Discord with the real discord.js client', () => {
  it('serves /gateway/bot, IDENTIFY → READY → GUILD_CREATE, and the client caches guild and channel', async () => {
    const { fake, client } = await start();
    const identify = await fake.waitForIdentify();
    expect(identify).toMatchObject({
      token: fake.botToken,
      intents: GatewayIntentBits.Guilds,
      compress: false,
    });
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
    const channel = client.channels.cache.get(fake.channelId);
    expect(channel?.isTextBased()).toBe(true);
    expect(client.guilds.cache.get(fake.guildId)?.name).toBe('Factdesk Test');
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
    expect(fake.violations()).toEqual([]);
  });

  it('dispatches a slash command and records the reply callback', async () => {
    const { fake, client } = await start();
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask('Where?'));
    const interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('Where?');
    expect(interaction.channel?.id).toBe(fake.channelId);
    expect(interaction.inGuild()).toBe(true);
    expect(interaction.user.id).toBe(fake.user.id);

    await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    // discord.js adds tts: false and enforce_nonce: false to every message body.
    expect(await handle.waitForCallback()).toEqual({
      type: 4,
      data: { content: 'hi', flags: 64, allowed_mentions: { parse: [] }, tts: false, enforce_nonce: false },
    });
    const callback = fake.requests.find((r) => r.route === '/interactions/:id/:token/callback');
    expect(callback).toMatchObject({
      status: 204,
      query: { with_response: 'false' },
      interactionId: handle.id,
    });
    expect(fake.channelMessages()).toEqual([
      expect.objectContaining({ content: 'hi', flags: MessageFlags.Ephemeral, type: 20 }),
    ]);
    expect(fake.violations()).toEqual([]);
  });

  it('answers with_response=true with the created message', async () => {
    const { fake, client } = await start();
    const next = nextInteraction(client);
    fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    const response = await interaction.reply({
      content: 'with response',
      allowedMentions: NO_MENTIONS,
      withResponse: true,
    });
    expect(response.resource?.message?.content).toBe('with response');
    expect(response.interaction.id).toBe(interaction.id);
    expect(fake.violations()).toEqual([]);
  });

  it('records deferReply, editReply and followUp, and serves fetchReply/deleteReply', async () => {
    const { fake, client } = await start();
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    expect(await handle.waitForCallback()).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });

    const edited = await interaction.editReply({ content: 'the answer', allowedMentions: NO_MENTIONS });
    expect(edited.content).toBe('the answer');
    // discord.js also sends tts: false and enforce_nonce: false in webhook edits.
    expect(await handle.waitForEdit()).toMatchObject({
      content: 'the answer',
      allowed_mentions: { parse: [] },
    });
    expect(handle.original).toMatchObject({ content: 'the answer', flags: MessageFlags.Ephemeral });

    // An edit with a file goes out as multipart/form-data with payload_json.
    const withFigure = await interaction.editReply({
      files: [new AttachmentBuilder(Buffer.from('png'), { name: 'figure.png' })],
      allowedMentions: NO_MENTIONS,
    });
    expect(withFigure.attachments.first()?.name).toBe('figure.png');
    expect(await handle.waitForEdit()).toMatchObject({ attachments: [{ id: '0' }] });
    expect(handle.original).toMatchObject({
      content: 'the answer',
      attachments: [{ filename: 'figure.png' }],
    });

    const followUp = await interaction.followUp({ content: 'sources', allowedMentions: NO_MENTIONS });
    expect(followUp.content).toBe('sources');
    expect(await handle.waitForFollowup()).toMatchObject({ content: 'sources' });

    expect((await interaction.fetchReply()).content).toBe('the answer');
    await interaction.deleteReply();
    expect(handle.original).toBeUndefined();
    expect(fake.violations()).toEqual([]);
  });

  it('sends 429s with rate-limit headers, and discord.js waits Retry-After and retries', async () => {
    const { fake, client } = await start();
    const debug: string[] = [];
    client.rest.on(RESTEvents.Debug, (message) => debug.push(message));
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 429, retryAfter: 0.1 });
    fake.failNext({ method: 'PATCH', path: /\/messages\/@original$/, status: 429, retryAfter: 0.1 });
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');

    await interaction.reply({ content: 'after retry', allowedMentions: NO_MENTIONS });
    expect(await handle.waitForCallback()).toMatchObject({ type: 4, data: { content: 'after retry' } });
    await interaction.editReply({ content: 'edited after retry', allowedMentions: NO_MENTIONS });
    expect(await handle.waitForEdit()).toMatchObject({ content: 'edited after retry' });

    const requests = fake.requests.filter((r) => r.interactionId === handle.id);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 429',
      'POST 204',
      'PATCH 429',
      'PATCH 200',
    ]);
    // Retry-After (0.1 s) plus discord.js's 50 ms offset.
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(100);
    // A 429 on a callback goes through the BurstHandler: no `rateLimited` event, only a debug line.
    expect(debug.join('\n')).toContain('Encountered unexpected 429 rate limit');
    expect(debug.join('\n')).toContain('Retry After    : 150ms');
    expect(fake.violations()).toEqual([]);
  });

  it('lets discord.js retry a single 500, and surfaces persistent 500s as an HTTPError', async () => {
    const { fake, client } = await start();
    // discord.js retries 5xx `retries` (3) times: one 500 is invisible to the bot.
    fake.failNext({ method: 'POST', path: /\/callback$/, status: 500 });
    let next = nextInteraction(client);
    const first = fake.createInteraction(ask());
    let interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply({ content: 'ok', allowedMentions: NO_MENTIONS });
    expect(await first.waitForCallback()).toMatchObject({ type: 4 });

    fake.failNext({ method: 'POST', path: /\/callback$/, status: 500, times: 4 });
    next = nextInteraction(client);
    const second = fake.createInteraction(ask());
    interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    const error = await interaction
      .reply({ content: 'fails', allowedMentions: NO_MENTIONS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 500, method: 'POST' });
    expect(second.callback).toBeUndefined();
    expect(fake.requests.filter((r) => r.interactionId === second.id).map((r) => r.status)).toEqual([
      500, 500, 500, 500,
    ]);
    expect(fake.violations()).toEqual([]);
  });

  it.each([4000, 1006])(
    'resumes after the gateway drops with %i and delivers interactions created meanwhile',
    async (code) => {
      const { fake, client } = await start();
      const resumed = once(client, Events.ShardResume, { signal: AbortSignal.timeout(WAIT_MS) });
      fake.dropGateway(code);
      const next = nextInteraction(client);
      const handle = fake.createInteraction(ask('after the drop'));
      await fake.waitForResume();
      await resumed;
      expect(fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1, connections: 2, drops: 1 });
      expect(fake.gateway.received.find((f) => f.op === 6)?.d).toMatchObject({ token: fake.botToken });

      const interaction = await next;
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(interaction.options.getString('question')).toBe('after the drop');
      await interaction.reply({ content: 'still here', allowedMentions: NO_MENTIONS });
      expect(await handle.waitForCallback()).toMatchObject({ data: { content: 'still here' } });
      expect(fake.violations()).toEqual([]);
    },
  );

  it('acknowledges heartbeats', async () => {
    const { fake, client } = await start({ heartbeatIntervalMs: 100 });
    await vi.waitFor(() => expect(fake.gateway.stats.heartbeats).toBeGreaterThanOrEqual(2), {
      timeout: WAIT_MS,
    });
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: WAIT_MS });
    expect(fake.violations()).toEqual([]);
  });

  it('records limit and policy violations without failing the request', async () => {
    const { fake, client } = await start();
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply({ content: 'x'.repeat(2001) });
    await handle.waitForCallback();
    expect(fake.violations()).toEqual([
      'POST /interactions/:id/:token/callback: spec: /data/content must NOT have more than 2000 characters',
      'POST /interactions/:id/:token/callback: data.content: 2001 characters (max 2000)',
      expect.stringContaining('data.allowed_mentions: missing'),
    ]);
  });

  it('rejects a second acknowledgement like Discord (40060)', async () => {
    const { fake, client } = await start();
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    const raw = client.rest.post(`/interactions/${handle.id}/${handle.token}/callback`, {
      body: { type: 4, data: { content: 'again', allowed_mentions: NO_MENTIONS } },
      auth: false,
    });
    await expect(raw).rejects.toMatchObject({ code: 40060, status: 400 });
    expect(fake.violations()).toEqual([
      'POST /interactions/:id/:token/callback: interaction acknowledged twice',
    ]);
  });

  it('answers a callback after the deadline with 404 Unknown interaction (10062), as Discord does', async () => {
    // A negative deadline makes every callback late without sleeping.
    const { fake, client } = await start({ callbackDeadlineMs: -1 });
    const next = nextInteraction(client);
    const handle = fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    const error = await interaction
      .reply({ content: 'late', allowedMentions: NO_MENTIONS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 10062 });
    expect(handle.callback).toBeUndefined();
    expect(fake.violations()).toEqual([
      expect.stringMatching(
        /^POST \/interactions\/:id\/:token\/callback: callback \d+ ms after the interaction/,
      ),
    ]);
  });

  it('builds autocomplete, button, message context menu and modal interactions discord.js accepts', async () => {
    const { fake, client } = await start();

    let next = nextInteraction(client);
    const auto = fake.createInteraction({
      type: 4,
      data: { name: 'ask', options: [{ name: 'question', type: 3, value: 'capi', focused: true }] },
    });
    let interaction = await next;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused()).toBe('capi');
    await interaction.respond([{ name: 'capital of France', value: 'capital of France' }]);
    expect(await auto.waitForCallback()).toEqual({
      type: 8,
      data: { choices: [{ name: 'capital of France', value: 'capital of France' }] },
    });

    next = nextInteraction(client);
    const button = fake.createInteraction({
      type: 3,
      data: { custom_id: 'more:1', component_type: 2 },
      message: { content: 'An answer', author: fake.botUser },
    });
    interaction = await next;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('more:1');
    expect(interaction.message.content).toBe('An answer');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:2').setLabel('More').setStyle(ButtonStyle.Secondary),
    );
    await interaction.update({ content: 'A longer answer', components: [row], allowedMentions: NO_MENTIONS });
    expect(await button.waitForCallback()).toMatchObject({ type: 7, data: { content: 'A longer answer' } });

    next = nextInteraction(client);
    const menu = fake.createInteraction({
      type: 2,
      data: { name: 'Ask factdesk', type: ApplicationCommandType.Message },
      message: { content: 'How many staff are there?' },
    });
    interaction = await next;
    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message context menu');
    expect(interaction.targetMessage.content).toBe('How many staff are there?');
    expect(interaction.targetMessage.author.id).toBe(fake.user.id);
    await interaction.reply({ content: 'Twelve.', allowedMentions: NO_MENTIONS });
    expect(await menu.waitForCallback()).toMatchObject({ type: 4 });
    expect(menu.original).toMatchObject({ type: 23 });

    next = nextInteraction(client);
    const modal = fake.createInteraction({
      type: 5,
      data: {
        custom_id: 'feedback',
        components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'Great' }] }],
      },
    });
    interaction = await next;
    if (!interaction.isModalSubmit()) throw new Error('expected a modal submit');
    expect(interaction.fields.getTextInputValue('text')).toBe('Great');
    await interaction.reply({
      content: 'Thanks',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    expect(await modal.waitForCallback()).toMatchObject({ type: 4 });

    next = nextInteraction(client);
    const opener = fake.createInteraction({ type: 2, data: { name: 'feedback' } });
    interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const form = new ModalBuilder()
      .setCustomId('feedback')
      .setTitle('Feedback')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId('text')
            .setLabel('Your feedback')
            .setStyle(TextInputStyle.Paragraph),
        ),
      );
    await interaction.showModal(form);
    expect(await opener.waitForCallback()).toMatchObject({
      type: 9,
      data: { custom_id: 'feedback', title: 'Feedback' },
    });

    next = nextInteraction(client);
    const dm = fake.createInteraction({ ...ask('from a DM'), guildId: null });
    interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.inGuild()).toBe(false);
    // discord.js caches DM channels only with `partials: [Partials.Channel]`; channelId is always set.
    expect(interaction.channel).toBeNull();
    expect(interaction.channelId).toBe((dm.payload.channel as { id: string }).id);
    await interaction.reply({ content: 'DM answer', allowedMentions: NO_MENTIONS });
    expect(await dm.waitForCallback()).toMatchObject({ type: 4 });
    expect(fake.violations()).toEqual([]);
  });

  it('stores registered commands, gives them ids, and uses them in interactions', async () => {
    const { fake, client } = await start();
    const global = await client.application?.commands.set([
      {
        name: 'ask',
        description: 'Ask a question',
        options: [{ name: 'question', description: 'What to ask', type: 3 }],
      },
      { name: 'Ask factdesk', type: ApplicationCommandType.Message },
    ]);
    expect(global?.size).toBe(2);
    expect(fake.commands().map((c) => c.name)).toEqual(['ask', 'Ask factdesk']);
    const guildCommands = await client.guilds.cache
      .get(fake.guildId)
      ?.commands.set([{ name: 'sources', description: 'List sources' }]);
    expect(guildCommands?.first()?.guildId).toBe(fake.guildId);
    expect(fake.commands(fake.guildId)).toHaveLength(1);

    const next = nextInteraction(client);
    fake.createInteraction(ask());
    const interaction = await next;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandId).toBe(global?.find((c) => c.name === 'ask')?.id);
    expect(interaction.command?.description).toBe('Ask a question');
    expect((await client.application?.fetch())?.name).toBe('factdesk');
    expect((await client.application?.commands.fetch())?.size).toBe(2);
    expect(fake.violations()).toEqual([]);
  });

  it('accepts channel messages as JSON and as multipart with files', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(fake.channelId);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    await channel.send({ content: 'hello', allowedMentions: NO_MENTIONS });
    const sent = await channel.send({
      content: 'a figure',
      files: [new AttachmentBuilder(Buffer.from('fake png bytes'), { name: 'figure.png' })],
      allowedMentions: NO_MENTIONS,
    });
    expect(sent.attachments.first()?.name).toBe('figure.png');
    const upload = await fake.waitForRequest({ method: 'POST', path: /\/messages$/ });
    expect(upload.body).toMatchObject({ content: 'hello' });
    const multipart = fake.requests.filter((r) => r.files.length > 0);
    expect(multipart).toHaveLength(1);
    expect(multipart[0]?.files[0]).toMatchObject({ field: 'files[0]', filename: 'figure.png', size: 14 });
    expect(multipart[0]?.body).toMatchObject({ content: 'a figure', attachments: [{ id: '0' }] });
    expect(fake.channelMessages().map((m) => m.content)).toEqual(['hello', 'a figure']);
    expect(fake.violations()).toEqual([]);
  });

  it('answers unknown routes with a Discord-style 404 and records them', async () => {
    const { fake, client } = await start();
    const error = await client.rest.get(`/guilds/${fake.guildId}/members/search`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(fake.violations()).toEqual([
      `GET /guilds/${fake.guildId}/members/search: unknown route GET /api/v10/guilds/${fake.guildId}/members/search`,
    ]);
  });
});

describe('fake gateway protocol details', () => {
  it('speaks zlib-stream when a client asks for it', async () => {
    fake = await startFakeDiscord();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const frames: Buffer[] = [];
    const decoded = (): unknown[] => {
      const text = inflateSync(Buffer.concat(frames), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString();
      return text.split(/(?<=\})(?=\{"op")/).map((part) => JSON.parse(part));
    };
    socket.on('message', (data: Buffer) => frames.push(data));
    await vi.waitFor(() => expect(frames.length).toBe(1), { timeout: WAIT_MS });
    expect(decoded()[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    socket.send(
      JSON.stringify({ op: 2, d: { token: fake.botToken, intents: 1, properties: { os: 'linux' } } }),
    );
    await vi.waitFor(() => expect(decoded().length).toBeGreaterThanOrEqual(3), { timeout: WAIT_MS });
    expect(decoded().slice(1, 3)).toMatchObject([
      { op: 0, t: 'READY', s: 1 },
      { op: 0, t: 'GUILD_CREATE', s: 2 },
    ]);
    socket.close();
    expect(fake.violations()).toEqual([]);
  });

  it('closes with 4004 on a wrong token', async () => {
    fake = await startFakeDiscord();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    await once(socket, 'open');
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await once(socket, 'close', { signal: AbortSignal.timeout(WAIT_MS) })) as [number];
    expect(code).toBe(4004);
    expect(fake.violations()).toEqual(['gateway: IDENTIFY with a wrong token']);
  });
});
