import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIEmbed, APIInteractionResponse } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { type App, createApp } from '../../src/runtime/app.js';
import { loadConfig } from '../../src/runtime/config.js';

export const APP_ID = '111111111111111111';
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';
export const USER_ID = '444444444444444444';
export const OTHER_USER_ID = '555555555555555555';

/** A fresh Ed25519 key pair; the public key as Discord shows it (64 hex characters). */
export function newKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** The two headers Discord adds: the signature of timestamp + body. */
export function signatureHeaders(privateKey: KeyObject, body: string | Buffer, timestamp = nowSeconds()) {
  const signature = sign(
    null,
    Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
    privateKey,
  ).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/** An app on the seed knowledge folder, quiet, with a rate limit the tests never reach. */
export function testApp(env: Record<string, string> = {}): Promise<App> {
  const config = loadConfig(
    { KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000', INSIGHTS: 'off', ...env },
    { dotenv: false },
  );
  return createApp(config);
}

let nextId = 1_000_000_000_000_000n;
const snowflake = () => String(nextId++);

type Json = Record<string, unknown>;

function interaction(type: number, extra: Json, user: { id: string; name?: string } = { id: USER_ID }): Json {
  const id = snowflake();
  return {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0 },
    member: {
      user: {
        id: user.id,
        username: 'ana',
        global_name: user.name ?? 'Ana',
        discriminator: '0',
        avatar: null,
      },
      roles: [],
      permissions: '8',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    ...extra,
  };
}

export const ping = () => ({
  id: snowflake(),
  application_id: APP_ID,
  type: 1,
  token: 'ping-token',
  version: 1,
});

type Option = { name: string; type: number; value: string | number | boolean; focused?: boolean };

export const STRING = 3;
export const BOOLEAN = 5;
export const USER = 6;

export function slash(name: string, options: Option[] = [], user?: { id: string; name?: string }): Json {
  return interaction(2, { data: { id: snowflake(), name, type: 1, options } }, user);
}

export function autocomplete(name: string, options: Option[]): Json {
  return interaction(4, { data: { id: snowflake(), name, type: 1, options } });
}

export function discordMessage(content: string, embeds: APIEmbed[] = []): Json {
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    author: {
      id: APP_ID,
      username: 'factdesk',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
    },
    content,
    timestamp: '2024-02-20T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds,
    pinned: false,
    type: 0,
  };
}

export function messageMenu(message: Json, name = 'Find in factdesk'): Json {
  return interaction(2, {
    data: {
      id: snowflake(),
      name,
      type: 3,
      target_id: message.id,
      resolved: { messages: { [String(message.id)]: message } },
    },
  });
}

export function buttonClick(customId: string, message: Json, user?: { id: string; name?: string }): Json {
  return interaction(3, { data: { custom_id: customId, component_type: 2 }, message }, user);
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, when it is JSON. */
  body: APIInteractionResponse & { data?: Json & { flags?: number; embeds?: APIEmbed[] } };
}

/** Every interaction response a test received, checked once at the end for pings. */
export const received: Sent[] = [];

/** POSTs an interaction signed with `privateKey` (or as given) and reads the response. */
export async function post(
  url: string,
  privateKey: KeyObject,
  payload: Json | string,
  options: { timestamp?: string; headers?: Record<string, string>; tamper?: (body: string) => string } = {},
): Promise<Sent> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers = {
    'content-type': 'application/json',
    ...signatureHeaders(privateKey, body, options.timestamp),
    ...options.headers,
  };
  const response = await fetch(`${url}/interactions`, {
    method: 'POST',
    headers,
    body: options.tamper ? options.tamper(body) : body,
  });
  const text = await response.text();
  let parsed: Sent['body'] = { type: 0 } as unknown as Sent['body'];
  try {
    parsed = JSON.parse(text);
  } catch {}
  const sent = { status: response.status, headers: response.headers, text, body: parsed };
  if (response.status === 200) received.push(sent);
  return sent;
}

/** A message response must carry allowed_mentions that never parses everyone, roles or users. */
export function expectNoMassPings(sent: Sent): void {
  if (sent.body.type !== 4 && sent.body.type !== 7) return;
  const mentions = (sent.body.data as Json | undefined)?.allowed_mentions as { parse?: string[] } | undefined;
  expect(mentions, `allowed_mentions in ${sent.text.slice(0, 200)}`).toBeDefined();
  expect(mentions?.parse ?? []).toEqual([]);
}

export function ephemeral(sent: Sent): boolean {
  return ((sent.body.data?.flags ?? 0) & 64) !== 0;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Json;
}

/**
 * A stand-in for Discord's REST API: records each request (the webhook edits after a deferral) and
 * answers with a minimal message.
 */
export async function startRecorder(): Promise<{
  url: string;
  requests: RecordedRequest[];
  waitFor(count: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : {},
      });
      for (const wake of waiters.splice(0)) wake();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '999999999999999999', channel_id: CHANNEL_ID, content: '', embeds: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async waitFor(count) {
      const deadline = Date.now() + 10_000;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} requests to the fake Discord API, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads one sample of a Prometheus text exposition, 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
