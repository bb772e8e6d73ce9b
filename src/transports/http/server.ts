import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, Routes } from 'discord.js';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { newErrorId } from '../../../commands/dispatch.js';
import { t } from '../../../commands/i18n/index.js';
import { enforceReply } from '../../../commands/reply/enforce.js';
import { notice } from '../../../commands/reply/messages.js';
import type { MessageData, Reply } from '../../../commands/reply/payload.js';
import { registerInsightsMetrics } from '../../insights/metrics.js';
import type { App } from '../../runtime/app.js';
import { ConfigError } from '../../runtime/config.js';
import { answerInteraction, DEFER_AFTER_MS, type Responder, type ResponseOutcome } from '../respond.js';
import { invocationFromInteraction } from './invocation.js';
import { createMetrics, type HttpMetrics, type InteractionLabel, type Outcome } from './metrics.js';
import { createVerifier, type Verifier } from './verify.js';

/** The largest request body accepted; Discord's interactions are a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Where Discord's API lives unless `DISCORD_API_URL` says otherwise. */
export const DEFAULT_API_URL = 'https://discord.com/api';

export interface HttpServerOptions {
  /** Interface to listen on (default: `HOST` from the config). */
  host?: string;
  /** Port to listen on; 0 picks a free one (default: `PORT` from the config). */
  port?: number;
  /** Discord's public key, 64 hex characters (default: `DISCORD_PUBLIC_KEY` from the config). */
  publicKey?: string;
  /**
   * How long a handler may run before the endpoint defers and finishes by webhook (default
   * {@link DEFER_AFTER_MS}, as on the gateway). 0 always defers.
   */
  deferAfterMs?: number;
  /** Discord's API base without version (default: `DISCORD_API_URL`, else discord.com). */
  apiUrl?: string;
  /**
   * Sent as `X-Factdesk-Replica` on every response, to tell replicas apart behind a balancer
   * (not sent by default: it would tell the world about the deployment).
   */
  replicaId?: string;
  maxBodyBytes?: number;
  /** After this long, `close()` cuts connections still open (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Process metrics (CPU, memory, event loop) in `/metrics` (default true). */
  defaultMetrics?: boolean;
  /** A port of its own for `/metrics` (default: `METRICS_PORT`; unset serves it on `port`). 0 picks a free one. */
  metricsPort?: number;
  /** A bearer token `/metrics` requires (default: `METRICS_TOKEN`). */
  metricsToken?: string;
  /** The clock for the replay window (tests). */
  now?: () => number;
}

export interface HttpServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Where `/metrics` is served: `url`, or its own port with `METRICS_PORT`. */
  metricsUrl: string;
  server: Server;
  metrics: HttpMetrics;
  /**
   * Stops accepting connections, lets requests in flight and answers still owed by webhook finish,
   * then resolves. Safe to call twice.
   */
  close(): Promise<void>;
}

type JsonBody = Record<string, unknown> | APIInteractionResponse;

const SECURITY_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

function sendJson(
  res: ServerResponse,
  status: number,
  body: JsonBody | undefined,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Reads the raw body, refusing (without reading further) once it passes `max` bytes. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve('too_large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** Whether an `Authorization` header carries the bearer token, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7).trim() : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function interactionLabel(type: unknown): InteractionLabel {
  switch (type) {
    case InteractionType.Ping:
      return 'ping';
    case InteractionType.ApplicationCommand:
      return 'application_command';
    case InteractionType.ApplicationCommandAutocomplete:
      return 'autocomplete';
    case InteractionType.MessageComponent:
      return 'message_component';
    default:
      return 'unsupported';
  }
}

/** A polite ephemeral message, pinging nobody. */
function politeData(content: string): MessageData {
  const reply = enforceReply(notice(content));
  return reply.kind === 'choices' || reply.kind === 'modal'
    ? { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } }
    : reply.data;
}

/** A polite ephemeral message as an interaction response. */
function politeResponse(content: string): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: politeData(content) };
}

function _withoutFlags(data: MessageData): Omit<MessageData, 'flags'> {
  const { flags: _flags, ...rest } = data;
  return rest;
}

/** The user's language of a raw interaction, when it says (a PING has none). */
function localeOf(raw: APIInteraction): string | undefined {
  return 'locale' in raw ? raw.locale : undefined;
}

function baseUrl(server: Server): string {
  const address = server.address() as AddressInfo;
  const host =
    address.address === '0.0.0.0' || address.address === '::'
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Serves Discord's HTTP interactions (`POST /interactions`), `GET /healthz` and `GET /metrics` on
 * `node:http`. Stateless: every replica answers any interaction from the knowledge it loaded, so
 * any number of them can run behind a load balancer. Interactions go through the same `dispatch`
 * as the gateway; answers are inline, or deferred and sent by webhook when a handler is slow.
 *
 * @throws {ConfigError} when no public key is configured.
 */
export async function startHttpServer(app: App, options: HttpServerOptions = {}): Promise<HttpServer> {
  const publicKey = options.publicKey ?? app.config.DISCORD_PUBLIC_KEY;
  if (!publicKey) {
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY is not set: the HTTP endpoint must verify that requests come from Discord. Copy the "Public Key" from the Developer Portal → General Information.',
    );
  }
  const verifier: Verifier = createVerifier(publicKey, options.now ? { now: options.now } : {});
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const metrics = createMetrics(app.knowledge, { defaultMetrics: options.defaultMetrics ?? true });
  registerInsightsMetrics(metrics.registry, app.insights);
  // The interaction token authorises webhook edits: no bot token, `auth: false` on each call.
  const rest = new REST({
    version: '10',
    api: options.apiUrl ?? app.config.DISCORD_API_URL ?? DEFAULT_API_URL,
  });
  const { logger } = app;
  const metricsPort = options.metricsPort ?? app.config.METRICS_PORT;
  const metricsToken = options.metricsToken ?? app.config.METRICS_TOKEN;

  /** Answers still owed by webhook after a deferral; `close()` waits for them. */
  const owed = new Set<Promise<void>>();
  let closing: Promise<void> | undefined;

  function countQuestion(reply: Reply): void {
    if (reply.meta?.answered !== undefined) metrics.questions.inc({ answered: String(reply.meta.answered) });
  }

  function owe(task: Promise<void>): void {
    const tracked = task.finally(() => owed.delete(tracked));
    owed.add(tracked);
  }

  /**
   * The endpoint's {@link Responder}: the first response becomes the HTTP response body; what
   * comes after a deferral goes by webhook once that body has been sent (the interaction token
   * authorises it).
   */
  function httpResponder(
    raw: APIInteraction,
    respondWith: (body: APIInteractionResponse) => void,
    responseSent: Promise<void>,
  ): Responder {
    const original = Routes.webhookMessage(raw.application_id, raw.token);
    const later = async (send: () => Promise<unknown>) => {
      await responseSent;
      try {
        await send();
        metrics.followUps.inc({ outcome: 'ok' });
      } catch (error) {
        metrics.followUps.inc({ outcome: 'failed' });
        throw error;
      }
    };
    return {
      async choices(choices) {
        respondWith({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices },
        });
      },
      async reply(data) {
        respondWith({ type: InteractionResponseType.ChannelMessageWithSource, data });
      },
      async modal(data) {
        respondWith({ type: InteractionResponseType.Modal, data });
      },
      async update(data) {
        respondWith({ type: InteractionResponseType.UpdateMessage, data });
      },
      async deferReply(ephemeral) {
        respondWith({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
        });
      },
      async deferUpdate() {
        respondWith({ type: InteractionResponseType.DeferredMessageUpdate });
      },
      editOriginal: (data) => later(() => rest.patch(original, { body: data, auth: false })),
      deleteOriginal: () => later(() => rest.delete(original, { auth: false })),
      followUp: (data) =>
        later(() => rest.post(Routes.webhook(raw.application_id, raw.token), { body: data, auth: false })),
    };
  }

  /** Works out the response to one verified interaction; may leave an answer owed by webhook. */
  async function respond(
    raw: APIInteraction,
    responseSent: Promise<void>,
  ): Promise<{ body: APIInteractionResponse; outcome: Outcome }> {
    if (raw.type === InteractionType.Ping)
      return { body: { type: InteractionResponseType.Pong }, outcome: 'inline' };
    const invocation = invocationFromInteraction(raw);
    if (!invocation) {
      return {
        body: politeResponse(t(localeOf(raw), 'http.unsupported')),
        outcome: 'unsupported',
      };
    }
    let respondWith: (body: APIInteractionResponse) => void = () => {};
    const first = new Promise<APIInteractionResponse>((resolve) => {
      respondWith = resolve;
    });
    let outcome: ResponseOutcome = 'inline';
    const task = answerInteraction(invocation, app, httpResponder(raw, respondWith, responseSent), {
      deferAfterMs,
      onOutcome: (how) => {
        outcome = how;
      },
      onReply: countQuestion,
    });
    owe(
      task.then(
        () => {},
        (error: unknown) =>
          logger.error(
            { err: error, errorId: newErrorId(), command: invocation.name, kind: invocation.kind },
            'sending a deferred answer to Discord failed',
          ),
      ),
    );
    const body = await Promise.race([first, task.then(() => first)]);
    return { body, outcome };
  }

  async function interactions(req: IncomingMessage, res: ServerResponse, started: number): Promise<void> {
    let type: InteractionLabel = 'none';
    const finish = (status: number, body: JsonBody | undefined, outcome: Outcome) => {
      sendJson(res, status, body, status === 413 ? { Connection: 'close' } : {});
      metrics.requests.inc({ type, outcome });
      metrics.latency.observe({ type }, (performance.now() - started) / 1000);
    };
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') return finish(413, { error: 'request body too large' }, 'too_large');
    const signature = verifier(
      req.headers['x-signature-ed25519'] as string | undefined,
      req.headers['x-signature-timestamp'] as string | undefined,
      body,
    );
    if (!signature.ok) {
      metrics.signatureFailures.inc({ reason: signature.reason });
      logger.debug({ reason: signature.reason }, 'refused an unsigned or badly signed request');
      return finish(401, undefined, 'unauthorized');
    }
    let raw: APIInteraction;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      return finish(400, { error: 'malformed JSON' }, 'bad_request');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || typeof raw.type !== 'number') {
      return finish(400, { error: 'not an interaction' }, 'bad_request');
    }
    type = interactionLabel(raw.type);
    try {
      const sent = new Promise<void>((resolve) => res.once('close', resolve));
      const { body: response, outcome } = await respond(raw, sent);
      finish(200, response, outcome);
    } catch (error) {
      const errorId = newErrorId();
      logger.error({ err: error, errorId, type }, 'interaction failed');
      finish(200, politeResponse(t(localeOf(raw), 'dispatch.failed', { errorId })), 'error');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    if (options.replicaId) res.setHeader('X-Factdesk-Replica', options.replicaId);
    if (closing) res.setHeader('Connection', 'close');
    const path = (req.url ?? '/').split('?', 1)[0];
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    switch (path) {
      case '/interactions':
        if (req.method !== 'POST')
          return sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
        return interactions(req, res, started);
      case '/healthz': {
        if (!readOnly) return sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
        const kb = app.knowledge.get();
        const counts = {
          documents: kb.documents.length,
          passages: kb.passages.length,
          figures: kb.figures.length,
        };
        // While shutting down, tell the balancer to stop sending here.
        return closing
          ? sendJson(res, 503, { status: 'shutting-down', ...counts })
          : sendJson(res, 200, { status: 'ok', ...counts });
      }
      case '/metrics':
        // With METRICS_PORT, metrics are served there only.
        if (metricsPort !== undefined) return sendJson(res, 404, { error: 'not found' });
        return serveMetrics(req, res);
      default:
        return sendJson(res, 404, { error: 'not found' });
    }
  }

  /** `GET /metrics`, behind `METRICS_TOKEN` when it is set. */
  async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
    if (metricsToken && !bearerMatches(req.headers.authorization, metricsToken))
      return sendJson(res, 401, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
    const text = await metrics.registry.metrics();
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': metrics.registry.contentType });
    res.end(text);
  }

  /** Responses not yet finished: on close they are told to end their keep-alive connection. */
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handle(req, res).catch((error: unknown) => {
      const errorId = newErrorId();
      logger.error({ err: error, errorId }, 'request failed');
      sendJson(res, 500, { error: 'internal error', id: errorId });
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? app.config.PORT, options.host ?? app.config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = baseUrl(server);
  let metricsServer: Server | undefined;
  if (metricsPort !== undefined) {
    const separate = createServer((req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0];
      if (path !== '/metrics') return sendJson(res, 404, { error: 'not found' });
      serveMetrics(req, res).catch((error: unknown) => {
        logger.error({ err: error, errorId: newErrorId() }, 'metrics request failed');
        sendJson(res, 500, { error: 'internal error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      separate.once('error', reject);
      separate.listen(metricsPort, options.host ?? app.config.HOST, () => {
        separate.off('error', reject);
        resolve();
      });
    });
    metricsServer = separate;
  }
  const metricsUrl = metricsServer ? baseUrl(metricsServer) : url;

  function close(): Promise<void> {
    closing ??= (async () => {
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      let force: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        force = setTimeout(() => {
          logger.warn({ owed: owed.size }, 'shutdown deadline passed; closing the remaining connections');
          server.closeAllConnections();
          resolve();
        }, options.shutdownTimeoutMs ?? 10_000);
      });
      const drained = (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await Promise.allSettled([...owed]);
      })();
      await Promise.race([drained, deadline]);
      clearTimeout(force);
      if (metricsServer) {
        const closingMetrics = metricsServer;
        await new Promise<void>((resolve) => {
          closingMetrics.close(() => resolve());
          closingMetrics.closeAllConnections();
        });
      }
      rest.clearHandlerSweeper();
      rest.clearHashSweeper();
    })();
    return closing;
  }

  return { url, metricsUrl, server, metrics, close };
}
