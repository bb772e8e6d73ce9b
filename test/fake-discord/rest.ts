/**
 * The fake's REST API (`/api/v10/...`): routing, body parsing (JSON or multipart with
 * `payload_json`), bot-token checks, injected failures, validation and recording of every request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionCallbackBody, InteractionHandle } from './interactions.js';
import { isObject, type Json, snowflake } from './util.js';
import { type SpecOperation, validateRequestBody } from './validate.js';
import { buildChannel, type World } from './world.js';

/** A file part of a multipart request. */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** One REST request the fake received, with what it answered. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** The matched route template, e.g. `/interactions/:id/:token/callback`, or the path if none. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON body (from `payload_json` for multipart), or undefined. */
  body: unknown;
  files: RecordedFile[];
  /** HTTP status the fake answered. */
  status: number;
  /** Validation and protocol problems found in this request. */
  problems: string[];
  /** Interaction this request answered, for callback and webhook routes. */
  interactionId?: string;
  at: number;
}

/**
 * A failure to inject: the next `times` requests matching `method` and `path` get `status`
 * instead of being handled. A 429 carries `retry_after` and the rate-limit headers discord.js
 * honours (it sleeps `Retry-After` seconds and retries).
 */
export interface FailureRule {
  /** HTTP method to match (any if omitted). */
  method?: string;
  /** Path after `/api/v10` to match: exact string or RegExp (any if omitted). */
  path?: string | RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds to wait (default 0.2; real Discord sends whole seconds in Retry-After). */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`). */
  global?: boolean;
  /** For 429: `X-RateLimit-Scope`, default `user`. */
  scope?: 'user' | 'global' | 'shared';
  /** Response body to send instead of the default Discord-style error. */
  body?: unknown;
}

/** What the REST layer needs from the fake. */
export interface RestBackend {
  readonly world: World;
  readonly botToken: string;
  readonly gatewayUrl: string;
  /** `http://127.0.0.1:PORT`, used in attachment URLs (the fake does not serve them). */
  readonly httpUrl: string;
  readonly callbackDeadlineMs: number;
  readonly interactions: ReadonlyMap<string, InteractionHandle>;
  /** Removes and returns the first injected failure matching this request. */
  takeFailure(method: string, path: string): FailureRule | undefined;
  /** Stores a finished request and wakes waiters. */
  record(request: RecordedRequest): void;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Ctx {
  backend: RestBackend;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  /** Route-level problems (validation problems are added separately). */
  problems: string[];
  /** When the request arrived (before its body was read and validated). */
  receivedAt: number;
  interactionId?: string;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Whether the route needs `Authorization: Bot <token>`. */
  auth: boolean;
  operation?: SpecOperation;
  handle(ctx: Ctx): Reply;
}

const apiError = (status: number, code: number, message: string): Reply => ({
  status,
  body: { message, code },
});

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };

/** Thrown by route helpers to answer with a Discord-style error. */
class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(JSON.stringify(reply.body));
  }
}

/** Records `problem` on the request and returns an error to throw. */
function fail(ctx: Ctx, problem: string, status: number, code: number, message: string): ReplyError {
  ctx.problems.push(problem);
  return new ReplyError(apiError(status, code, message));
}

const MESSAGE_FLAG_EPHEMERAL = 1 << 6;
const MESSAGE_FLAG_LOADING = 1 << 7;

/** Callback types Discord accepts per interaction type. */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

function route(
  method: string,
  template: string,
  options: Omit<Route, 'method' | 'template' | 'pattern'>,
): Route {
  const source = template
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, template, pattern: new RegExp(`^${source}$`), ...options };
}

function attachmentsFrom(files: RecordedFile[], body: Json, channelId: string, backend: RestBackend): Json[] {
  const described = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
  return files.map((file, index) => {
    const id = snowflake();
    const meta = described.find((a) => String(a.id) === String(index)) ?? {};
    return {
      id,
      filename: String(meta.filename ?? file.filename),
      size: file.size,
      url: `${backend.httpUrl}/attachments/${channelId}/${id}/${file.filename}`,
      proxy_url: `${backend.httpUrl}/attachments/${channelId}/${id}/${file.filename}`,
      content_type: file.contentType,
      ...(meta.description ? { description: meta.description } : {}),
    };
  });
}

/** Applies a create/edit body to a message object (content, embeds, components, flags, files). */
function applyMessageBody(
  message: Json,
  body: Json,
  files: RecordedFile[],
  backend: RestBackend,
  edit: boolean,
): Json {
  const updated: Json = { ...message };
  if ('content' in body) updated.content = body.content ?? '';
  if ('embeds' in body)
    updated.embeds = ((body.embeds as unknown[] | null) ?? []).map((e) => ({ type: 'rich', ...(e as Json) }));
  if ('components' in body) updated.components = body.components ?? [];
  if ('poll' in body && body.poll) updated.poll = body.poll;
  const uploaded = attachmentsFrom(files, body, String(message.channel_id), backend);
  if (edit && Array.isArray(body.attachments)) {
    const keep = new Set((body.attachments as Json[]).map((a) => String(a.id)));
    const existing = (message.attachments as Json[]).filter((a) => keep.has(String(a.id)));
    updated.attachments = [...existing, ...uploaded];
  } else {
    updated.attachments = [...((message.attachments as Json[]) ?? []), ...uploaded];
  }
  const flags = Number(message.flags ?? 0);
  if (edit) {
    updated.flags = flags & ~MESSAGE_FLAG_LOADING;
    updated.edited_timestamp = new Date().toISOString();
  } else if (typeof body.flags === 'number') {
    updated.flags = flags | body.flags;
  }
  return updated;
}

function replaceMessage(world: World, message: Json): Json {
  const list = world.messages.get(String(message.channel_id));
  const index = list?.findIndex((m) => m.id === message.id) ?? -1;
  if (list && index >= 0) list[index] = message;
  return message;
}

/** Message type of a reply to this interaction: 20 slash command, 23 context menu, 0 otherwise. */
function replyType(handle: InteractionHandle): number {
  const data = handle.payload.data as Json;
  if (handle.type !== 2) return 0;
  return data.type === 1 ? 20 : 23;
}

function interactionMessage(ctx: Ctx, handle: InteractionHandle, body: Json, flags: number): Json {
  const { world } = ctx.backend;
  const user = (handle.payload.member as Json | undefined)?.user ?? handle.payload.user;
  const base = world.buildMessage({
    channelId: String(handle.payload.channel_id),
    author: world.botUser,
    flags,
    type: replyType(handle),
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    interactionMetadata: {
      id: handle.id,
      type: handle.type,
      user,
      authorizing_integration_owners: handle.payload.authorizing_integration_owners,
    },
  });
  return applyMessageBody(base, body, ctx.files, ctx.backend, false);
}

function interactionCallback(ctx: Ctx): Reply {
  const [id, token] = ctx.params as [string, string];
  ctx.interactionId = id;
  const handle = ctx.backend.interactions.get(id);
  if (!handle || handle.token !== token) {
    throw fail(ctx, 'callback for an unknown interaction id/token', 404, 10062, 'Unknown interaction');
  }
  const elapsed = ctx.receivedAt - handle.dispatchedAt;
  if (elapsed > ctx.backend.callbackDeadlineMs) {
    const problem = `callback ${elapsed} ms after the interaction (Discord allows ${ctx.backend.callbackDeadlineMs} ms)`;
    throw fail(ctx, problem, 404, 10062, 'Unknown interaction');
  }
  if (handle.callback) {
    throw fail(
      ctx,
      'interaction acknowledged twice',
      400,
      40060,
      'Interaction has already been acknowledged.',
    );
  }
  const body = (isObject(ctx.body) ? ctx.body : {}) as InteractionCallbackBody & Json;
  if (!(ALLOWED_CALLBACKS[handle.type] ?? []).includes(body.type)) {
    const problem = `callback type ${String(body.type)} is not valid for interaction type ${handle.type}`;
    throw fail(ctx, problem, 400, 50035, 'Invalid Form Body');
  }
  const data = isObject(body.data) ? body.data : {};
  const { world } = ctx.backend;
  const componentMessage = handle.payload.message as Json | undefined;
  switch (body.type) {
    case 4:
      handle.original = world.storeMessage(interactionMessage(ctx, handle, data, Number(data.flags ?? 0)));
      break;
    case 5:
      handle.original = world.storeMessage(
        interactionMessage(
          ctx,
          handle,
          {},
          (Number(data.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL) | MESSAGE_FLAG_LOADING,
        ),
      );
      break;
    case 6:
      handle.original = componentMessage;
      break;
    case 7:
      if (componentMessage) {
        handle.original = replaceMessage(
          world,
          applyMessageBody(componentMessage, data, ctx.files, ctx.backend, true),
        );
      }
      break;
  }
  handle.callback = { type: body.type, ...(isObject(body.data) ? { data: body.data } : {}) };
  if (ctx.query.get('with_response') !== 'true') return noContent;
  const original = handle.original;
  return ok({
    interaction: {
      id: handle.id,
      type: handle.type,
      ...(original
        ? {
            response_message_id: original.id,
            response_message_loading: (Number(original.flags) & MESSAGE_FLAG_LOADING) !== 0,
            response_message_ephemeral: (Number(original.flags) & MESSAGE_FLAG_EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: {
      type: body.type,
      ...(original && [4, 5, 7].includes(body.type) ? { message: original } : {}),
    },
  });
}

/** The interaction behind `/webhooks/:app/:token...`; throws 404 Unknown Webhook if none. */
function webhookInteraction(ctx: Ctx): InteractionHandle {
  const [app, token] = ctx.params as [string, string];
  const handle = [...ctx.backend.interactions.values()].find((h) => h.token === token);
  if (!handle || app !== ctx.backend.world.applicationId) {
    throw fail(
      ctx,
      'webhook call with an unknown application id or interaction token',
      404,
      10015,
      'Unknown Webhook',
    );
  }
  ctx.interactionId = handle.id;
  if (!handle.callback) {
    throw fail(ctx, 'webhook call before the interaction was acknowledged', 404, 10015, 'Unknown Webhook');
  }
  return handle;
}

/** The message `/messages/:id` names (`@original` or a followup); throws 404 Unknown Message. */
function webhookMessage(ctx: Ctx, handle: InteractionHandle): Json {
  const messageId = ctx.params[2];
  const original = handle.original;
  const isOriginal = messageId === '@original' || original?.id === messageId;
  const message = isOriginal ? original : handle.followupMessages.find((m) => m.id === messageId);
  if (!message || (isOriginal && [8, 9].includes(handle.callback?.type ?? 0))) {
    throw fail(ctx, `webhook message ${String(messageId)} does not exist`, 404, 10008, 'Unknown Message');
  }
  return message;
}

function editWebhookMessage(ctx: Ctx): Reply {
  const handle = webhookInteraction(ctx);
  const message = webhookMessage(ctx, handle);
  const body = isObject(ctx.body) ? ctx.body : {};
  const updated = replaceMessage(
    ctx.backend.world,
    applyMessageBody(message, body, ctx.files, ctx.backend, true),
  );
  if (message === handle.original) {
    handle.original = updated;
    handle.edits.push(body);
  } else {
    const index = handle.followupMessages.indexOf(message);
    handle.followupMessages[index] = updated;
  }
  return ok(updated);
}

function getWebhookMessage(ctx: Ctx): Reply {
  return ok(webhookMessage(ctx, webhookInteraction(ctx)));
}

function deleteWebhookMessage(ctx: Ctx): Reply {
  const handle = webhookInteraction(ctx);
  const message = webhookMessage(ctx, handle);
  ctx.backend.world.deleteMessage(String(message.id));
  if (message === handle.original) handle.original = undefined;
  else handle.followupMessages.splice(handle.followupMessages.indexOf(message), 1);
  return noContent;
}

function followup(ctx: Ctx): Reply {
  const handle = webhookInteraction(ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  const message = ctx.backend.world.storeMessage(interactionMessage(ctx, handle, body, 0));
  handle.followups.push(body);
  handle.followupMessages.push(message);
  return ok(message);
}

function createChannelMessage(ctx: Ctx): Reply {
  const { world } = ctx.backend;
  const channelId = ctx.params[0] as string;
  if (!world.channel(channelId))
    throw fail(ctx, `message to unknown channel ${channelId}`, 404, 10003, 'Unknown Channel');
  const body = isObject(ctx.body) ? ctx.body : {};
  const base = world.buildMessage({
    channelId,
    author: world.botUser,
    type: body.message_reference ? 19 : 0,
  });
  if (isObject(body.message_reference)) base.message_reference = body.message_reference;
  return ok(world.storeMessage(applyMessageBody(base, body, ctx.files, ctx.backend, false)));
}

/** Scope of a command route: `'global'` or the guild id; checks the application and guild. */
function commandScope(ctx: Ctx): string {
  const [app, guildId] = ctx.params;
  if (app !== ctx.backend.world.applicationId) {
    throw fail(
      ctx,
      `command route for application ${String(app)}, not the bot's`,
      403,
      50001,
      'Missing Access',
    );
  }
  if (guildId !== undefined && !ctx.backend.world.guilds.some((g) => g.id === guildId)) {
    throw fail(ctx, `command route for unknown guild ${guildId}`, 403, 50001, 'Missing Access');
  }
  return guildId ?? 'global';
}

function commandRoutes(base: string, bulk: SpecOperation, one: SpecOperation): Route[] {
  return [
    route('GET', base, {
      auth: true,
      handle: (ctx) => ok(ctx.backend.world.commands.get(commandScope(ctx)) ?? []),
    }),
    route('PUT', base, {
      auth: true,
      operation: bulk,
      handle: (ctx) => {
        const bodies = Array.isArray(ctx.body) ? ctx.body.filter(isObject) : [];
        return ok(ctx.backend.world.setCommands(commandScope(ctx), bodies));
      },
    }),
    route('POST', base, {
      auth: true,
      operation: one,
      handle: (ctx) => ({
        status: 201,
        body: ctx.backend.world.upsertCommand(commandScope(ctx), isObject(ctx.body) ? ctx.body : {}),
      }),
    }),
  ];
}

const ROUTES: Route[] = [
  route('GET', '/gateway', { auth: false, handle: (ctx) => ok({ url: ctx.backend.gatewayUrl }) }),
  route('GET', '/gateway/bot', {
    auth: true,
    handle: (ctx) =>
      ok({
        url: ctx.backend.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
  }),
  route('GET', '/users/@me', { auth: true, handle: (ctx) => ok(ctx.backend.world.botUser) }),
  route('GET', '/applications/@me', {
    auth: true,
    handle: (ctx) => {
      const { world } = ctx.backend;
      return ok({
        id: world.applicationId,
        name: world.botUser.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        bot: world.botUser,
        owner: world.user,
        flags: 0,
        verify_key: '0'.repeat(64),
        team: null,
        summary: '',
        approximate_guild_count: world.guilds.length,
        integration_types_config: { '0': {} },
      });
    },
  }),
  ...commandRoutes(
    '/applications/:app/commands',
    'bulk_set_application_commands',
    'create_application_command',
  ),
  ...commandRoutes(
    '/applications/:app/guilds/:guild/commands',
    'bulk_set_guild_application_commands',
    'create_guild_application_command',
  ),
  route('POST', '/interactions/:id/:token/callback', {
    auth: false,
    operation: 'create_interaction_response',
    handle: interactionCallback,
  }),
  route('POST', '/webhooks/:app/:token', { auth: false, operation: 'execute_webhook', handle: followup }),
  route('GET', '/webhooks/:app/:token/messages/:message', { auth: false, handle: getWebhookMessage }),
  route('PATCH', '/webhooks/:app/:token/messages/:message', {
    auth: false,
    operation: 'update_webhook_message',
    handle: editWebhookMessage,
  }),
  route('DELETE', '/webhooks/:app/:token/messages/:message', { auth: false, handle: deleteWebhookMessage }),
  route('GET', '/channels/:channel', {
    auth: true,
    handle: (ctx) => {
      const channel = ctx.backend.world.channel(ctx.params[0] as string);
      if (!channel)
        throw fail(ctx, `unknown channel ${String(ctx.params[0])}`, 404, 10003, 'Unknown Channel');
      return ok(buildChannel(channel));
    },
  }),
  route('POST', '/channels/:channel/messages', {
    auth: true,
    operation: 'create_message',
    handle: createChannelMessage,
  }),
];

async function readBody(
  req: IncomingMessage,
  problems: string[],
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      problems.push('body is not valid JSON');
      return { body: undefined, files: [] };
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: RecordedFile[] = [];
    const fields: Json = {};
    let body: unknown;
    for (const [name, value] of form) {
      if (typeof value === 'string') {
        if (name === 'payload_json') {
          try {
            body = JSON.parse(value);
          } catch {
            problems.push('payload_json is not valid JSON');
          }
        } else {
          fields[name] = value;
        }
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field: name, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body: body ?? fields, files };
  }
  problems.push(`unsupported content-type "${type}"`);
  return { body: raw.toString('utf8'), files: [] };
}

function failureReply(rule: FailureRule, path: string): Reply {
  if (rule.body !== undefined) return { status: rule.status, body: rule.body };
  if (rule.status !== 429) {
    const text = rule.status >= 500 ? 'Internal Server Error' : 'Injected failure';
    return apiError(rule.status, 0, `${rule.status}: ${text}`);
  }
  const retryAfter = rule.retryAfter ?? 0.2;
  const scope = rule.scope ?? (rule.global ? 'global' : 'user');
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': (Date.now() / 1000 + retryAfter).toFixed(3),
    'x-ratelimit-reset-after': String(retryAfter),
    'x-ratelimit-bucket': `fake-${Buffer.from(path.replace(/\d{17,19}/g, ':id'))
      .toString('base64url')
      .slice(0, 16)}`,
    'x-ratelimit-scope': scope,
  };
  if (rule.global) headers['x-ratelimit-global'] = 'true';
  return {
    status: 429,
    headers,
    body: {
      message: scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.',
      retry_after: retryAfter,
      global: rule.global ?? false,
    },
  };
}

/** Serves one REST request: parse, check, route (or inject a failure), validate, record, answer. */
export async function handleRestRequest(
  backend: RestBackend,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = Date.now();
  const url = new URL(req.url ?? '/', 'http://fake-discord.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const problems: string[] = [];
  const { body, files } = await readBody(req, problems);
  const prefix = '/api/v10';
  // discord.js percent-encodes `@original`; match and record decoded paths.
  const pathname = decodeURIComponent(url.pathname);
  const underApi = pathname.startsWith(`${prefix}/`);
  const path = underApi ? pathname.slice(prefix.length) : pathname;
  const candidates = underApi ? ROUTES.filter((r) => r.pattern.test(path)) : [];
  const matched = candidates.find((r) => r.method === method);
  const ctx: Ctx = { backend, params: [], query: url.searchParams, body, files, problems, receivedAt };

  let reply: Reply;
  if (!matched) {
    problems.push(
      candidates.length > 0
        ? `method ${method} not allowed on ${path}`
        : `unknown route ${method} ${pathname}`,
    );
    reply =
      candidates.length > 0
        ? apiError(405, 0, '405: Method Not Allowed')
        : apiError(404, 0, '404: Not Found');
  } else if (matched.auth && req.headers.authorization !== `Bot ${backend.botToken}`) {
    problems.push('missing or wrong bot token in Authorization');
    reply = apiError(401, 0, '401: Unauthorized');
  } else {
    ctx.params = (matched.pattern.exec(path) ?? []).slice(1);
    if (matched.template.startsWith('/interactions/')) ctx.interactionId = ctx.params[0];
    if (matched.template.startsWith('/webhooks/')) {
      ctx.interactionId = [...backend.interactions.values()].find((h) => h.token === ctx.params[1])?.id;
    }
    if (matched.operation) {
      const operation =
        matched.operation === 'update_webhook_message' && ctx.params[2] === '@original'
          ? 'update_original_webhook_message'
          : matched.operation;
      problems.push(...validateRequestBody(operation, body));
    }
    const failure = backend.takeFailure(method, path);
    if (failure) {
      reply = failureReply(failure, path);
    } else {
      try {
        reply = matched.handle(ctx);
      } catch (error) {
        if (!(error instanceof ReplyError)) throw error;
        reply = error.reply;
      }
    }
  }

  backend.record({
    method,
    path,
    route: matched?.template ?? path,
    query: Object.fromEntries(url.searchParams),
    body,
    files,
    status: reply.status,
    problems,
    ...(ctx.interactionId ? { interactionId: ctx.interactionId } : {}),
    at: Date.now(),
  });
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body !== undefined) headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers);
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}
