import { request } from 'node:http';
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import {
  APP_ID,
  autocomplete,
  BOOLEAN,
  buttonClick,
  discordMessage,
  ephemeral,
  expectNoMassPings,
  testApp as makeApp,
  messageMenu,
  metricValue,
  newKeys,
  OTHER_USER_ID,
  ping,
  post,
  received,
  type Sent,
  STRING,
  signatureHeaders,
  slash,
  startRecorder,
  USER,
  USER_ID,
} from './helpers.js';

const keys = newKeys();
let app: App;
let server: HttpServer;

beforeAll(async () => {
  app = await testApp();
  server = await startHttpServer(app, {
    host: '127.0.0.1',
    port: 0,
    publicKey: keys.publicKeyHex,
    defaultMetrics: false,
  });
});

afterAll(async () => {
  await server?.close();
});

const testApp = (env: Record<string, string> = {}) =>
  makeApp({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, ...env });

const send = (payload: Record<string, unknown> | string, options?: Parameters<typeof post>[3]) =>
  post(server.url, keys.privateKey, payload, options);

const question = (text: string) => ({ name: 'question', type: STRING, value: text });

function buttonsOf(sent: Sent): APIButtonComponentWithCustomId[] {
  const rows = (sent.body.data?.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[];
  return rows.flatMap((row) => row.components);
}

function text(sent: Sent): string {
  const data = sent.body.data ?? {};
  return [
    String(data.content ?? ''),
    ...(data.embeds ?? []).map((embed: APIEmbed) => JSON.stringify(embed)),
  ].join('\n');
}

describe('signature verification', () => {
  it('accepts a request signed with the application key', async () => {
    const sent = await send(ping());
    expect(sent.status).toBe(200);
  });

  it('refuses a request without signature headers with 401 and no detail', async () => {
    const response = await fetch(`${server.url}/interactions`, {
      method: 'POST',
      body: JSON.stringify(ping()),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
  });

  it('refuses a body changed after signing', async () => {
    const sent = await send(ping(), { tamper: (body) => body.replace('"type":1', '"type":2') });
    expect(sent.status).toBe(401);
    expect(sent.text).toBe('');
  });

  it('refuses a signature made with another key', async () => {
    const sent = await post(server.url, newKeys().privateKey, ping());
    expect(sent.status).toBe(401);
  });

  it('refuses a signature that is not hex', async () => {
    const sent = await send(ping(), { headers: { 'x-signature-ed25519': 'not-a-signature' } });
    expect(sent.status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes old (replay)', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const sent = await send(ping(), { timestamp: stale });
    expect(sent.status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes ahead', async () => {
    const ahead = String(Math.floor(Date.now() / 1000) + 6 * 60);
    expect((await send(ping(), { timestamp: ahead })).status).toBe(401);
  });

  it('accepts a timestamp a little in the past (clock skew within the window)', async () => {
    const recent = String(Math.floor(Date.now() / 1000) - 60);
    expect((await send(ping(), { timestamp: recent })).status).toBe(200);
  });
});

describe('PING', () => {
  it('answers a PING with a PONG', async () => {
    const sent = await send(ping());
    expect(sent.body).toEqual({ type: 1 });
    expect(sent.headers.get('content-type')).toMatch(/^application\/json/);
    expect(sent.headers.get('x-factdesk-replica')).toBeNull();
  });
});

describe('slash commands', () => {
  it('/ask answers inline with an ephemeral message quoting the passage, with Share and Cite buttons', async () => {
    const sent = await send(slash('ask', [question('How many high-tech enterprises does Guangdong have?')]));
    expect(sent.status).toBe(200);
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(text(sent)).toContain('75,000');
    const ids = buttonsOf(sent).map((button) => button.custom_id.split(':')[0]);
    expect(ids).toContain('share');
    expect(ids).toContain('cite');
    expectNoMassPings(sent);
  });

  it('/ask share:true posts in the channel, asked by the user, pinging nobody', async () => {
    const sent = await send(
      slash('ask', [
        question('What was the regional GDP of Guangdong?'),
        { name: 'share', type: BOOLEAN, value: true },
      ]),
    );
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(false);
    expect(sent.body.data?.content).toContain(`Asked by <@${USER_ID}>`);
    expect(text(sent)).toContain('13 trillion');
    expect(sent.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('/ask for:@user posts for that user and may ping only them', async () => {
    const sent = await send(
      slash('ask', [
        question('How many high-tech enterprises?'),
        { name: 'for', type: USER, value: OTHER_USER_ID },
      ]),
    );
    expect(ephemeral(sent)).toBe(false);
    expect(sent.body.data?.content).toContain(`<@${OTHER_USER_ID}>`);
    expect(sent.body.data?.allowed_mentions).toEqual({ parse: [], users: [OTHER_USER_ID] });
  });

  it('/ask with a question full of @everyone and user mentions pings nobody', async () => {
    const noisy = '@everyone @here <@123> <@&456> how many high-tech enterprises @everyone <@123>?';
    for (const options of [
      [question(noisy)],
      [question(noisy), { name: 'share', type: BOOLEAN, value: true }],
    ]) {
      const sent = await send(slash('ask', options));
      expect(sent.body.type).toBe(4);
      expect(sent.body.data?.allowed_mentions).toEqual({ parse: [] });
    }
    const unanswerable = await send(
      slash('ask', [question('@everyone <@123> what is the airspeed of a swallow?')]),
    );
    expect(unanswerable.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('/ask with a question the documents do not answer says so politely, only to the user', async () => {
    const sent = await send(slash('ask', [question('What is the airspeed velocity of an unladen swallow?')]));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(sent.body.data?.content).toMatch(/couldn't find an answer/);
  });

  it('/figure answers with the figure and where it comes from', async () => {
    const sent = await send(slash('figure', [{ name: 'topic', type: STRING, value: 'regional GDP' }]));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(text(sent)).toContain('13 trillion');
    expectNoMassPings(sent);
  });

  it('/sources lists the documents with their counts', async () => {
    const sent = await send(slash('sources'));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(text(sent)).toContain('First Conference of Spring');
    expect(text(sent)).toMatch(/\d+ passages/);
  });

  it('/help explains the commands', async () => {
    const sent = await send(slash('help'));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(text(sent)).toContain('/ask');
  });

  it('an unknown command gets a polite ephemeral reply', async () => {
    const sent = await send(slash('frobnicate'));
    expect(sent.status).toBe(200);
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(sent.body.data?.content).toMatch(/don't know that command/);
    expect(sent.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('an unknown interaction type gets a polite ephemeral reply, not an error', async () => {
    for (const type of [5, 42]) {
      const sent = await send({ ...slash('ask'), type, data: { custom_id: 'modal', components: [] } });
      expect(sent.status).toBe(200);
      expect(sent.body.type).toBe(4);
      expect(ephemeral(sent)).toBe(true);
      expect(sent.body.data?.allowed_mentions).toEqual({ parse: [] });
      expect(sent.text).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});

describe('message context menu "Find in factdesk"', () => {
  it('finds where a number quoted in the selected message comes from', async () => {
    const target = discordMessage('Guangdong apparently has more than 75,000 high-tech enterprises now');
    const sent = await send(messageMenu(target));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(text(sent)).toContain('75,000');
    expectNoMassPings(sent);
  });

  it('says politely when the selected message has no text', async () => {
    const sent = await send(messageMenu(discordMessage('')));
    expect(sent.body.type).toBe(4);
    expect(sent.body.data?.content).toMatch(/no text/);
  });
});

describe('autocomplete', () => {
  it('suggests at most 25 questions for the focused option', async () => {
    const sent = await send(
      autocomplete('ask', [{ name: 'question', type: STRING, value: 'high', focused: true }]),
    );
    expect(sent.body.type).toBe(8);
    const choices = (sent.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(Array.isArray(choices)).toBe(true);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('answers an autocomplete for an unknown command with no choices (never a message)', async () => {
    const sent = await send(
      autocomplete('frobnicate', [{ name: 'thing', type: STRING, value: 'x', focused: true }]),
    );
    expect(sent.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('suggests figure topics for /figure', async () => {
    const sent = await send(
      autocomplete('figure', [{ name: 'topic', type: STRING, value: 'GDP', focused: true }]),
    );
    expect(sent.body.type).toBe(8);
    const choices = (sent.body.data as { choices: unknown[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});

describe('buttons', () => {
  let answer: Sent;
  let answerMessage: Record<string, unknown>;

  beforeAll(async () => {
    answer = await send(slash('ask', [question('Guangdong high-tech enterprises')]));
    answerMessage = discordMessage('', answer.body.data?.embeds ?? []);
  });

  it('Share posts the answer publicly with "Asked by", copying its embeds', async () => {
    const sent = await send(buttonClick('share', answerMessage));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(false);
    expect(sent.body.data?.content).toContain(`Asked by <@${USER_ID}>`);
    expect(sent.body.data?.embeds).toEqual(answer.body.data?.embeds);
    expect(sent.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('More replaces the answer in place (type 7) with the next passages', async () => {
    const more = buttonsOf(answer).find((button) => button.custom_id.startsWith('more:'));
    expect(more, 'the answer offers More').toBeDefined();
    const sent = await send(buttonClick(more?.custom_id ?? 'more:', answerMessage));
    expect(sent.body.type).toBe(7);
    expect(sent.body.data?.embeds?.length).toBeGreaterThan(0);
    expect(sent.body.data?.embeds).not.toEqual(answer.body.data?.embeds);
    expectNoMassPings(sent);
  });

  it('Cite answers only the user with a citation to paste', async () => {
    const cite = buttonsOf(answer).find((button) => button.custom_id.startsWith('cite:'));
    const sent = await send(buttonClick(cite?.custom_id ?? 'cite', answerMessage));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(sent.body.data?.content).toContain('```');
    expect(sent.body.data?.content).toContain('PR Newswire');
  });

  it('an unknown button says it has expired, to the user only', async () => {
    const sent = await send(buttonClick('launch:missiles', answerMessage));
    expect(sent.body.type).toBe(4);
    expect(ephemeral(sent)).toBe(true);
    expect(sent.body.data?.content).toBe('This button has expired: ask again with `/ask`.');
  });
});

describe('bad input', () => {
  it('refuses a body over 64 KiB with 413', async () => {
    const big = JSON.stringify({ ...ping(), padding: 'x'.repeat(64 * 1024) });
    const sent = await send(big);
    expect(sent.status).toBe(413);
  });

  it('stops reading a streamed body (no Content-Length) once it passes 64 KiB', async () => {
    const url = new URL(`${server.url}/interactions`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write(Buffer.alloc(16 * 1024, 0x20));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('refuses malformed JSON with 400, even when signed', async () => {
    const sent = await send('{"type": 1,');
    expect(sent.status).toBe(400);
    expect(sent.text).not.toMatch(/SyntaxError|at JSON\.parse/);
  });

  it('refuses JSON that is not an interaction with 400', async () => {
    expect((await send('[1,2,3]')).status).toBe(400);
    expect((await send('{"hello":"world"}')).status).toBe(400);
  });

  it('answers 404 on other paths', async () => {
    const response = await fetch(`${server.url}/admin`);
    expect(response.status).toBe(404);
  });

  it('answers 405 with Allow on the wrong method', async () => {
    const get = await fetch(`${server.url}/interactions`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const postHealth = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(postHealth.status).toBe(405);
    expect(postHealth.headers.get('allow')).toBe('GET, HEAD');
    const deleteMetrics = await fetch(`${server.url}/metrics`, { method: 'DELETE' });
    expect(deleteMetrics.status).toBe(405);
  });
});

describe('health and metrics', () => {
  it('/healthz reports ok with the knowledge counts', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const kb = app.knowledge.get();
    expect(await response.json()).toEqual({
      status: 'ok',
      documents: 2,
      passages: kb.passages.length,
      figures: kb.figures.length,
    });
    expect(kb.figures.length).toBeGreaterThan(0);
  });

  it('/metrics counts requests by type and outcome, answered questions and signature failures', async () => {
    const read = async () => (await fetch(`${server.url}/metrics`)).text();
    const before = await read();
    await send(ping());
    await send(slash('ask', [question('How many high-tech enterprises?')]));
    await send(slash('ask', [question('What is the airspeed velocity of an unladen swallow?')]));
    await send(ping(), { timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
    const after = await read();
    const delta = (name: string, labels: Record<string, string>) =>
      metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(delta('factdesk_interaction_requests_total', { type: 'ping', outcome: 'inline' })).toBe(1);
    expect(
      delta('factdesk_interaction_requests_total', { type: 'application_command', outcome: 'inline' }),
    ).toBe(2);
    expect(delta('factdesk_interaction_requests_total', { type: 'none', outcome: 'unauthorized' })).toBe(1);
    expect(delta('factdesk_questions_total', { answered: 'true' })).toBe(1);
    expect(delta('factdesk_questions_total', { answered: 'false' })).toBe(1);
    expect(delta('factdesk_signature_failures_total', { reason: 'stale' })).toBe(1);
    expect(delta('factdesk_interaction_response_seconds_count', { type: 'ping' })).toBe(1);
    expect(metricValue(after, 'factdesk_knowledge_documents')).toBe(2);
  });
});

describe('deferral when a handler is slow', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let slowServer: HttpServer;

  beforeAll(async () => {
    recorder = await startRecorder();
    const slowApp = await testApp({ DISCORD_API_URL: `${recorder.url}/api` });
    slowServer = await startHttpServer(slowApp, {
      host: '127.0.0.1',
      port: 0,
      deferAfterMs: 0,
      defaultMetrics: false,
    });
  });

  afterAll(async () => {
    await slowServer?.close();
    await recorder?.close();
  });

  it('defers an ephemeral answer (type 5, ephemeral) and edits the original response by webhook', async () => {
    const payload = slash('ask', [question('How many high-tech enterprises does Guangdong have?')]);
    const sent = await post(slowServer.url, keys.privateKey, payload);
    expect(sent.body).toEqual({ type: 5, data: { flags: 64 } });
    const [edit] = await recorder.waitFor(1);
    expect(edit?.method).toBe('PATCH');
    expect(edit?.url).toBe(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(edit?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(edit?.body.embeds)).toContain('75,000');
    expect(edit?.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit?.body.flags).toBeUndefined();
  });

  it('defers /reload at once (it reads files) and reports the counts by webhook', async () => {
    const before = recorder.requests.length;
    const sent = await post(slowServer.url, keys.privateKey, slash('reload'));
    expect(sent.body).toEqual({ type: 5, data: { flags: 64 } });
    const requests = await recorder.waitFor(before + 1);
    expect(requests[before]?.body.content).toMatch(/^Reloaded: 2 documents, \d+ passages, \d+ figures/);
  });

  it('defers a public answer without the ephemeral flag', async () => {
    const before = recorder.requests.length;
    const sent = await post(
      slowServer.url,
      keys.privateKey,
      slash('ask', [question('regional GDP'), { name: 'share', type: BOOLEAN, value: true }]),
    );
    expect(sent.body).toEqual({ type: 5 });
    const requests = await recorder.waitFor(before + 1);
    expect(requests[before]?.body.content).toContain('Asked by');
  });

  it('defers a More click as an update (type 6) and edits the message in place', async () => {
    const answer = await send(slash('ask', [question('Guangdong high-tech enterprises')]));
    const more = buttonsOf(answer).find((button) => button.custom_id.startsWith('more:'));
    const before = recorder.requests.length;
    const payload = buttonClick(
      more?.custom_id ?? 'more:3',
      discordMessage('', answer.body.data?.embeds ?? []),
    );
    const sent = await post(slowServer.url, keys.privateKey, payload);
    expect(sent.body).toEqual({ type: 6 });
    const requests = await recorder.waitFor(before + 1);
    expect(requests[before]?.method).toBe('PATCH');
    expect(requests[before]?.url).toBe(`/api/v10/webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(requests[before]?.body.embeds).toBeDefined();
  });

  it('counts the deferred answers it sent', async () => {
    const text = await (await fetch(`${slowServer.url}/metrics`)).text();
    expect(metricValue(text, 'factdesk_deferred_edits_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(
      metricValue(text, 'factdesk_interaction_requests_total', {
        type: 'application_command',
        outcome: 'deferred',
      }),
    ).toBe(3);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then resolves close()', async () => {
    const own = await startHttpServer(app, {
      host: '127.0.0.1',
      port: 0,
      publicKey: keys.publicKeyHex,
      defaultMetrics: false,
    });
    const body = JSON.stringify(ping());
    const url = new URL(`${own.url}/interactions`);
    const arrived = new Promise<void>((resolve) => own.server.once('request', () => resolve()));
    let response = '';
    const finished = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...signatureHeaders(keys.privateKey, body),
          },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            response += chunk;
          });
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      arrived.then(() => setTimeout(() => req.end(body.slice(10)), 100));
    });
    await arrived;
    let closed = false;
    const closing = own.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
    expect(await finished).toBe(200);
    expect(JSON.parse(response)).toEqual({ type: 1 });
    await closing;
    expect(closed).toBe(true);
  });
});

describe('every response', () => {
  it('carries allowed_mentions that parse neither everyone, roles nor users', () => {
    const messages = received.filter((sent) => sent.body.type === 4 || sent.body.type === 7);
    expect(messages.length).toBeGreaterThan(15);
    for (const sent of messages) expectNoMassPings(sent);
  });
});
