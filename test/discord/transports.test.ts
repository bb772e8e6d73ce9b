/**
 * One table of reply cases run against both Discord transports: the gateway bot (real discord.js
 * against the fake Discord) and the HTTP endpoint (signed POSTs, webhooks to a recording server).
 * Each case lists what Discord receives, in order, as transport-neutral steps; both transports
 * must produce exactly the same steps, inline and when every answer is deferred.
 */
import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import {
  buttonClick,
  discordMessage,
  newKeys,
  post,
  type RecordedRequest,
  slash,
  startRecorder,
  testApp,
} from '../http/helpers.js';
import { option, type RunningBot, startBot } from './harness.js';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads in assertions are free-form JSON.
type Json = Record<string, any>;

const EPHEMERAL = 64;

/** What Discord received for one interaction: steps such as `reply:ephemeral`, and each body. */
interface Observed {
  steps(): string[];
  bodies(): Json[];
}

/** A transport under test: send a command or click a button as some user, observe the answer. */
interface Transport {
  name: string;
  app: App;
  command(name: string, options: Json[], userId: string): Promise<Observed>;
  button(customId: string, message: Json, userId: string): Promise<Observed>;
}

const audience = (data: Json | undefined) =>
  (Number(data?.flags ?? 0) & EPHEMERAL) !== 0 ? 'ephemeral' : 'public';

/** A callback (first response) as a step. */
function callbackStep(body: Json): string {
  switch (body.type) {
    case 4:
      return `reply:${audience(body.data)}`;
    case 5:
      return `defer:${audience(body.data)}`;
    case 6:
      return 'defer-update';
    case 7:
      return 'update';
    case 8:
      return 'choices';
    default:
      return `callback-${String(body.type)}`;
  }
}

/** A webhook call after the first response as a step. */
function webhookStep(method: string, isMessage: boolean, body: Json | undefined): string {
  if (method === 'PATCH') return 'edit';
  if (method === 'DELETE') return 'delete';
  if (method === 'POST' && !isMessage) return `follow-up:${audience(body)}`;
  return `${method.toLowerCase()}-webhook`;
}

async function gatewayTransport(bot: RunningBot, name: string): Promise<Transport> {
  const observe = (id: string): Observed => {
    const mine = () =>
      bot.fake.requests.filter((r) => r.interactionId === id && r.status < 300 && r.route !== 'unknown');
    return {
      steps: () =>
        mine().map((r) =>
          r.route.endsWith('/callback')
            ? callbackStep(r.body as Json)
            : webhookStep(r.method, r.route.includes('/messages/'), r.body as Json),
        ),
      bodies: () => mine().map((r) => (r.route.endsWith('/callback') ? (r.body as Json).data : r.body) ?? {}),
    };
  };
  return {
    name,
    app: bot.app,
    async command(command, options, userId) {
      const handle = bot.fake.createInteraction({
        type: 2,
        data: { name: command, options },
        user: { id: userId },
      });
      return observe(handle.id);
    },
    async button(customId, message, userId) {
      const handle = bot.fake.createInteraction({
        type: 3,
        data: { custom_id: customId },
        message: bot.fake.world.storeMessage(
          bot.fake.buildMessage({ author: bot.fake.world.botUser, flags: EPHEMERAL, ...message }),
        ),
        user: { id: userId },
      });
      return observe(handle.id);
    },
  };
}

async function httpTransport(
  server: HttpServer,
  app: App,
  privateKey: KeyObject,
  recorder: Awaited<ReturnType<typeof startRecorder>>,
  name: string,
): Promise<Transport> {
  const observe = async (payload: Json): Promise<Observed> => {
    const sent = await post(server.url, privateKey, payload);
    const later = () => recorder.requests.filter((r: RecordedRequest) => r.url.includes(`/${payload.token}`));
    return {
      steps: () => [
        callbackStep(sent.body as Json),
        ...later().map((r) => webhookStep(r.method, r.url.includes('/messages/'), r.body)),
      ],
      bodies: () => [(sent.body as Json).data ?? {}, ...later().map((r) => r.body)],
    };
  };
  return {
    name,
    app,
    command: (command, options, userId) => observe(slash(command, options as never, { id: userId })),
    button: (customId, message, userId) =>
      observe(
        buttonClick(
          customId,
          { ...discordMessage(message.content ?? '', message.embeds ?? []), ...message },
          {
            id: userId,
          },
        ),
      ),
  };
}

let userCounter = 700000000000000000n;
/** A user of their own for each case, so the rate limit of one case never touches another. */
const newUser = () => String(userCounter++);

/** The first answer to `/ask`, as a message a button can sit on, with its buttons' custom ids. */
async function askedAnswer(t: Transport, question: string, userId: string) {
  const observed = await t.command('ask', [option('question', question)], userId);
  await expect.poll(() => observed.steps().at(-1)).toMatch(/^(reply|edit)/);
  const data = observed.bodies().at(-1) ?? {};
  const ids: string[] = (data.components ?? []).flatMap((row: Json) =>
    row.components.map((c: Json) => c.custom_id),
  );
  return {
    message: { content: data.content ?? '', embeds: data.embeds ?? [], components: data.components ?? [] },
    ids,
  };
}

const textOf = (body: Json) => JSON.stringify([body.content, body.embeds]);

interface Case {
  name: string;
  /** The steps Discord receives when replies are inline, and when every answer is deferred. */
  inline: string[];
  deferred: string[];
  run(t: Transport, userId: string): Promise<Observed>;
  /** Checks on the bodies sent, once the steps are complete. */
  check?(bodies: Json[], t: Transport): void;
}

const CASES: Case[] = [
  {
    name: 'an ephemeral answer',
    inline: ['reply:ephemeral'],
    deferred: ['defer:ephemeral', 'edit'],
    run: (t, user) =>
      t.command('ask', [option('question', 'How many high-tech enterprises does Guangdong have?')], user),
    check: (bodies) => expect(textOf(bodies.at(-1) ?? {})).toContain('75,000'),
  },
  {
    name: 'a shared answer',
    inline: ['reply:public'],
    deferred: ['defer:public', 'edit'],
    run: (t, user) => t.command('ask', [option('question', 'regional GDP'), option('share', true)], user),
    check: (bodies) => expect(textOf(bodies.at(-1) ?? {})).toContain('13 trillion'),
  },
  {
    name: 'a shared question nothing answers (never public)',
    inline: ['reply:ephemeral'],
    deferred: ['defer:public', 'delete', 'follow-up:ephemeral'],
    run: (t, user) =>
      t.command('ask', [option('question', 'What is the capital of France?'), option('share', true)], user),
    check: (bodies) => expect(textOf(bodies.at(-1) ?? {})).toContain("couldn't find"),
  },
  {
    name: 'More with further passages (an update of the answer)',
    inline: ['update'],
    deferred: ['defer-update', 'edit'],
    async run(t, user) {
      const { message, ids } = await askedAnswer(t, 'Guangdong high-tech enterprises', user);
      const more = ids.find((id) => id.startsWith('more:'));
      expect(more, 'the answer offers More').toBeDefined();
      return t.button(more ?? '', message, user);
    },
    check: (bodies) => expect((bodies.at(-1)?.embeds ?? []).length).toBeGreaterThan(0),
  },
  {
    name: 'More with nothing further (the answer stays, an ephemeral note says so)',
    inline: ['reply:ephemeral'],
    deferred: ['defer-update', 'follow-up:ephemeral'],
    async run(t, user) {
      const { message } = await askedAnswer(t, 'Guangdong high-tech enterprises', user);
      return t.button('more:50:Guangdong high-tech enterprises', message, user);
    },
    check: (bodies) => expect(bodies.at(-1)?.content).toBe('This button has expired: ask again with `/ask`.'),
  },
  {
    name: 'Cite on a shared answer (an ephemeral note)',
    inline: ['reply:ephemeral'],
    deferred: ['defer:ephemeral', 'edit'],
    async run(t, user) {
      const { message, ids } = await askedAnswer(t, 'regional GDP', user);
      const cite = ids.find((id) => id.startsWith('cite'));
      return t.button(cite ?? 'cite', message, user);
    },
    check: (bodies) => expect(bodies.at(-1)?.content).toContain('```'),
  },
  {
    name: 'a handler that throws (an apology with an error id, only to the user)',
    inline: ['reply:ephemeral'],
    deferred: ['defer:public', 'delete', 'follow-up:ephemeral'],
    async run(t, user) {
      const context = t.app.deps.context;
      t.app.deps.context = {
        ...context,
        knowledge: () => {
          throw new Error('index exploded');
        },
      };
      try {
        const observed = await t.command(
          'ask',
          [option('question', 'regional GDP'), option('share', true)],
          user,
        );
        await expect.poll(() => observed.steps().at(-1)).toMatch(/^(reply|follow-up)/);
        return observed;
      } finally {
        t.app.deps.context = context;
      }
    },
    check: (bodies) => expect(bodies.at(-1)?.content).toMatch(/^Sorry, something went wrong.*`[0-9a-f]{8}`/),
  },
  {
    name: 'a user over the rate limit (an ephemeral note, never deferred)',
    inline: ['reply:ephemeral'],
    deferred: ['reply:ephemeral'],
    async run(t, user) {
      for (let i = 0; i < 3; i++) {
        const observed = await t.command('help', [], user);
        await expect.poll(() => observed.steps().at(-1)).toMatch(/^(reply|edit)/);
      }
      return t.command('help', [], user);
    },
    check: (bodies) => expect(bodies.at(-1)?.content).toContain("You're asking quickly"),
  },
];

const ENV = { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '600' };
const keys = newKeys();
const transports: Array<{ transport: Transport; deferred: boolean }> = [];
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  for (const deferred of [false, true]) {
    const deferAfterMs = deferred ? 0 : 1500;
    const bot = await startBot({ deferAfterMs, env: ENV });
    stops.push(async () => {
      expect(bot.fake.violations()).toEqual([]);
      await bot.stop();
    });
    transports.push({ transport: await gatewayTransport(bot, 'gateway'), deferred });
    const recorder = await startRecorder();
    const app = await testApp({
      ...ENV,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: `${recorder.url}/api`,
    });
    const server = await startHttpServer(app, {
      host: '127.0.0.1',
      port: 0,
      deferAfterMs,
      defaultMetrics: false,
    });
    stops.push(async () => {
      await server.close();
      await recorder.close();
    });
    transports.push({
      transport: await httpTransport(server, app, keys.privateKey, recorder, 'HTTP'),
      deferred,
    });
  }
}, 60_000);

afterAll(async () => {
  for (const stop of stops) await stop();
});

describe.each(['gateway', 'HTTP'])('replies over the %s transport', (name) => {
  describe.each([false, true])('with every answer deferred: %s', (deferred) => {
    it.each(CASES)('$name', async (testCase) => {
      const entry = transports.find((t) => t.transport.name === name && t.deferred === deferred);
      if (!entry) throw new Error(`no ${name} transport`);
      const observed = await testCase.run(entry.transport, newUser());
      const expected = deferred ? testCase.deferred : testCase.inline;
      await expect.poll(() => observed.steps()).toEqual(expected);
      testCase.check?.(observed.bodies(), entry.transport);
      for (const body of observed.bodies().slice(0, 1).concat(observed.bodies().slice(1)))
        if (body.content !== undefined || body.embeds) expect(body.allowed_mentions).toEqual({ parse: [] });
    });
  });
});
