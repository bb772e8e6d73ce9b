import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { metricValue, newKeys, post, slash, startRecorder, testApp } from './helpers.js';

const keys = newKeys();
const TOKEN = 'metrics-token-0123456789';
const servers: HttpServer[] = [];
let recorder: Awaited<ReturnType<typeof startRecorder>>;

async function serve(env: Record<string, string>, options: Parameters<typeof startHttpServer>[1] = {}) {
  const app = await testApp({
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: `${recorder.url}/api`,
    ...env,
  });
  const server = await startHttpServer(app, {
    host: '127.0.0.1',
    port: 0,
    defaultMetrics: false,
    ...options,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  recorder = await startRecorder();
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await recorder?.close();
});

describe('/metrics with METRICS_TOKEN', () => {
  it('answers only a request bearing the token', async () => {
    const server = await serve({ METRICS_TOKEN: TOKEN });
    const get = (authorization?: string) =>
      fetch(`${server.url}/metrics`, authorization ? { headers: { authorization } } : {});
    expect((await get()).status).toBe(401);
    expect((await get('Bearer wrong-token-000000000')).status).toBe(401);
    const ok = await get(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('factdesk_interaction_requests_total');
  });
});

describe('/metrics with METRICS_PORT', () => {
  it('is served on its own port only', async () => {
    const server = await serve({}, { metricsPort: 0 });
    expect(server.metricsUrl).not.toBe(server.url);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.metricsUrl}/metrics`)).status).toBe(200);
    expect((await fetch(`${server.metricsUrl}/interactions`)).status).toBe(404);
  });
});

describe('a user over the rate limit', () => {
  it('is counted as rate_limited, not inline', async () => {
    const server = await serve({ RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_SECONDS: '600' });
    const user = { id: '666666666666666666' };
    await post(server.url, keys.privateKey, slash('help', [], user));
    const limited = await post(server.url, keys.privateKey, slash('help', [], user));
    expect(limited.body.data?.content).toContain("You're asking quickly");
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const count = (outcome: string) =>
      metricValue(text, 'factdesk_interaction_requests_total', { type: 'application_command', outcome });
    expect(count('inline')).toBe(1);
    expect(count('rate_limited')).toBe(1);
  });
});

describe('/reload', () => {
  const reload = (permissions: string): Record<string, unknown> => {
    const payload = slash('reload');
    return { ...payload, member: { ...(payload.member as Record<string, unknown>), permissions } };
  };

  it('refuses a member without Manage Server, even if a server admin let them use the command', async () => {
    const server = await serve({});
    const payload = reload('2048');
    const sent = await post(server.url, keys.privateKey, payload);
    expect(sent.body).toEqual({ type: 5, data: { flags: 64 } });
    await expect
      .poll(() => recorder.requests.find((r) => r.url.includes(String(payload.token)))?.body.content)
      .toBe('Reloading the knowledge needs the Manage Server permission. Ask a server admin.');
  });

  it('reloads for a member with Manage Server', async () => {
    const server = await serve({});
    const payload = reload('32');
    await post(server.url, keys.privateKey, payload);
    // A reload rebuilds the index (off the main thread): give it time.
    await expect
      .poll(() => recorder.requests.find((r) => r.url.includes(String(payload.token)))?.body.content, {
        timeout: 30_000,
      })
      .toMatch(/^Reloaded: \d+ documents?, \d+ passages, \d+ figures\.$/);
  });
});
