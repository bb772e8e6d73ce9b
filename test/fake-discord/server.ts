/**
 * A local fake Discord for end-to-end tests: the real discord.js client connects to it (REST and
 * gateway on one 127.0.0.1 port), and the test drives interactions and inspects what the bot sent.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login(fake.botToken);
 * await fake.waitForReady();
 * const ask = fake.createInteraction({ type: 2, data: { name: 'ask', options: [{ name: 'q', type: 3, value: 'x' }] } });
 * expect(await ask.waitForCallback()).toMatchObject({ type: 5 });
 * expect(await ask.waitForEdit()).toMatchObject({ content: expect.stringContaining('x') });
 * expect(fake.violations()).toEqual([]);
 * await client.destroy();
 * await fake.close();
 * ```
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.js';
import { buildInteractionPayload, InteractionHandle, type InteractionInit } from './interactions.js';
import { type FailureRule, handleRestRequest, type RecordedRequest, type RestBackend } from './rest.js';
import { type Json, Signal } from './util.js';
import { type MessageInit, World, type WorldOptions } from './world.js';

/** Options for {@link startFakeDiscord}; all optional. */
export interface FakeDiscordOptions extends WorldOptions {
  /** Token the bot must log in with (default `'fake-bot-token'`). */
  botToken?: string;
  /** HELLO's heartbeat interval (default 41250 ms, Discord's usual value). */
  heartbeatIntervalMs?: number;
  /** Time allowed between dispatch and callback, as on Discord (default 3000 ms). Later callbacks get 404 Unknown interaction. */
  callbackDeadlineMs?: number;
  /** Default timeout of every `waitFor*` (default 5000 ms). */
  timeoutMs?: number;
}

/** A request matcher for {@link FakeDiscord.waitForRequest}. */
export interface RequestMatch {
  method?: string;
  path?: string | RegExp;
  /** Only requests answered with a 2xx status (default true). */
  succeeded?: boolean;
}

const matchesPath = (pattern: string | RegExp | undefined, path: string): boolean =>
  pattern === undefined || (typeof pattern === 'string' ? pattern === path : pattern.test(path));

/** The running fake. Create it with {@link startFakeDiscord}. */
export class FakeDiscord implements RestBackend {
  /** Base for discord.js's `rest.api` option: `http://127.0.0.1:PORT/api` (discord.js appends `/v10`). */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT`, returned by `GET /gateway/bot` and as `resume_gateway_url`. */
  readonly gatewayUrl: string;
  /** `http://127.0.0.1:PORT`. */
  readonly httpUrl: string;
  readonly port: number;
  readonly botToken: string;
  readonly callbackDeadlineMs: number;
  readonly timeoutMs: number;
  /** The model: bot, guilds, channels, messages, commands. */
  readonly world: World;
  /** The gateway side (stats, received frames, identify payload). */
  readonly gateway: FakeGateway;
  /** Every REST request received, in order, with the status answered and problems found. */
  readonly requests: RecordedRequest[] = [];
  /** Every interaction created, by id. */
  readonly interactions = new Map<string, InteractionHandle>();
  readonly #server: Server;
  readonly #signal = new Signal();
  readonly #failures: Array<FailureRule & { left: number }> = [];
  readonly #problems: string[] = [];
  #resumesAtDrop = 0;
  #closed = false;

  /** @internal Use {@link startFakeDiscord}. */
  constructor(server: Server, options: FakeDiscordOptions) {
    this.#server = server;
    this.port = (server.address() as AddressInfo).port;
    this.httpUrl = `http://127.0.0.1:${this.port}`;
    this.apiUrl = `${this.httpUrl}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${this.port}`;
    this.botToken = options.botToken ?? 'fake-bot-token';
    this.callbackDeadlineMs = options.callbackDeadlineMs ?? 3000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.world = new World(options);
    this.gateway = new FakeGateway(server, {
      world: this.world,
      botToken: this.botToken,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: this.gatewayUrl,
      signal: this.#signal,
      problem: (text) => this.#problems.push(text),
    });
    server.on('request', (req, res) => {
      handleRestRequest(this, req, res).catch((error: unknown) => {
        this.#problems.push(`fake-discord internal error on ${req.method} ${req.url}: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
      });
    });
  }

  /** The bot's application id (also the bot user's id). */
  get applicationId(): string {
    return this.world.applicationId;
  }
  /** The bot user object. */
  get botUser(): Json {
    return this.world.botUser;
  }
  /** The human user interactions come from by default. */
  get user(): Json {
    return this.world.user;
  }
  /** The first guild's id. */
  get guildId(): string {
    return this.world.defaultChannel.guildId;
  }
  /** The first guild's first text channel id. */
  get channelId(): string {
    return this.world.defaultChannel.id;
  }

  /** @internal */
  takeFailure(method: string, path: string): FailureRule | undefined {
    const index = this.#failures.findIndex(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && matchesPath(f.path, path),
    );
    const rule = this.#failures[index];
    if (!rule) return undefined;
    rule.left -= 1;
    if (rule.left <= 0) this.#failures.splice(index, 1);
    return rule;
  }

  /** @internal */
  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.#signal.notify();
  }

  /** Resolves with the IDENTIFY payload once the client identified. */
  waitForIdentify(timeoutMs = this.timeoutMs): Promise<Json> {
    return this.#wait(() => this.gateway.identifyPayload, timeoutMs, 'the client to IDENTIFY');
  }

  /** Resolves once READY and every GUILD_CREATE were sent (await the client's `ready` event too). */
  async waitForReady(timeoutMs = this.timeoutMs): Promise<void> {
    await this.#wait(
      () => (this.gateway.stats.readies > 0 ? true : undefined),
      timeoutMs,
      'READY to be sent',
    );
  }

  /** Resolves once the client RESUMEd after the latest {@link FakeDiscord.dropGateway}. */
  async waitForResume(timeoutMs = this.timeoutMs): Promise<void> {
    await this.#wait(
      () => (this.gateway.stats.resumes > this.#resumesAtDrop && this.gateway.live ? true : undefined),
      timeoutMs,
      'the client to RESUME',
    );
  }

  /**
   * Closes the gateway connection as Discord would on trouble: 4000 (default) and other resumable
   * codes make discord.js reconnect and RESUME (after ~0.5 s); 1006 cuts the connection without a
   * close frame. Await {@link FakeDiscord.waitForResume} next. Interactions created meanwhile are
   * delivered after the RESUMED.
   */
  dropGateway(code = 4000): void {
    this.#resumesAtDrop = this.gateway.stats.resumes;
    this.gateway.drop(code);
  }

  /**
   * Builds a complete INTERACTION_CREATE payload from `init`, dispatches it over the gateway
   * (queued until the session is live) and returns the handle to await the bot's answers.
   */
  createInteraction(init: InteractionInit): InteractionHandle {
    const payload = buildInteractionPayload(this.world, init);
    const handle = new InteractionHandle(payload, {
      signal: this.#signal,
      timeoutMs: this.timeoutMs,
      describe: () => this.#describe(),
    });
    this.interactions.set(handle.id, handle);
    this.gateway.dispatch('INTERACTION_CREATE', payload, () => {
      handle.dispatchedAt = Date.now();
    });
    return handle;
  }

  /** Sends any gateway dispatch (e.g. `MESSAGE_CREATE`) to the client. */
  dispatch(t: string, d: Json): void {
    this.gateway.dispatch(t, d);
  }

  /** Builds a realistic message object (author defaults to the human user); not stored. */
  buildMessage(init: Partial<MessageInit> = {}): Json {
    return this.world.buildMessage({ channelId: this.channelId, author: this.world.user, ...init });
  }

  /**
   * Makes the next `times` (default 1) requests matching `rule` fail with `rule.status`. For 429
   * the answer carries `retry_after` and `Retry-After`/`X-RateLimit-*` headers; discord.js waits
   * and retries. discord.js also retries 5xx up to 3 times (rest option `retries`), so a 500
   * reaches the bot's code only with `times: 4` or more.
   */
  failNext(rule: FailureRule): void {
    this.#failures.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Messages the bot created in a channel (default: the first channel), current state, oldest first. Includes ephemeral replies (flag 64). */
  channelMessages(channelId = this.channelId): Json[] {
    return [...(this.world.messages.get(channelId) ?? [])];
  }

  /** Registered commands: global by default, or a guild's. */
  commands(guildId?: string): Json[] {
    return [...(this.world.commands.get(guildId ?? 'global') ?? [])];
  }

  /**
   * All problems so far: request validation (`METHOD route: problem`), protocol misuse, unknown
   * routes, late callbacks, gateway trouble. Tests assert `expect(fake.violations()).toEqual([])`.
   */
  violations(): string[] {
    const fromRequests = this.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.route}: ${p}`));
    return [...fromRequests, ...this.#problems];
  }

  /** Resolves with the first recorded request (past or future) matching `match`. */
  waitForRequest(match: RequestMatch, timeoutMs = this.timeoutMs): Promise<RecordedRequest> {
    const succeeded = match.succeeded ?? true;
    return this.#wait(
      () =>
        this.requests.find(
          (r) =>
            (match.method === undefined || match.method.toUpperCase() === r.method) &&
            matchesPath(match.path, r.path) &&
            (!succeeded || (r.status >= 200 && r.status < 300)),
        ),
      timeoutMs,
      `a request ${match.method ?? '*'} ${String(match.path ?? '*')}`,
    );
  }

  /** Stops the fake: closes WebSockets and HTTP connections, rejects pending waits. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#signal.cancelAll('closed');
    await this.gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #wait<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return this.#signal.waitUntil(check, timeoutMs, what, () => this.#describe());
  }

  #describe(): string {
    const recent = this.requests
      .slice(-8)
      .map(
        (r) =>
          `  ${r.method} ${r.path} → ${r.status}${r.problems.length ? ` (${r.problems.join('; ')})` : ''}`,
      );
    const { stats } = this.gateway;
    return [
      `gateway: live=${this.gateway.live} identifies=${stats.identifies} resumes=${stats.resumes} drops=${stats.drops}`,
      `last requests (${this.requests.length} total):`,
      ...recent,
      ...(this.#problems.length ? [`problems: ${this.#problems.join('; ')}`] : []),
    ].join('\n');
  }
}

/** Starts a fake Discord on 127.0.0.1 at a random free port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return new FakeDiscord(server, options);
}
