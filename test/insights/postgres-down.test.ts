/** A PostgreSQL server that stops while the HTTP endpoint serves: answers go on, rows catch up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { metricValue, newKeys, post, STRING, slash, testApp } from '../http/helpers.js';
import { type PostgresServer, postgresTestsRun, startPostgres } from './postgres-server.js';

describe.runIf(postgresTestsRun('PostgreSQL outage test'))('a stopped PostgreSQL server', () => {
  const keys = newKeys();
  let postgres: PostgresServer;
  let app: App;
  let server: HttpServer;

  beforeAll(async () => {
    postgres = await startPostgres();
    app = await testApp({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DATABASE_URL: postgres.url,
      INSIGHTS: 'on',
    });
    server = await startHttpServer(app, { host: '127.0.0.1', port: 0, defaultMetrics: false });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    await postgres?.destroy();
  });

  const ask = (value: string) =>
    post(server.url, keys.privateKey, slash('ask', [{ name: 'question', type: STRING, value }]));

  it('leaves answers flowing, counts the failed writes in /metrics, and writes the rows once it is back', async () => {
    const recorder = app.insights;
    if (!recorder) throw new Error('insights should be on');
    expect(JSON.stringify((await ask('regional GDP')).body)).toContain('13 trillion');
    await recorder.flush();
    expect(recorder.written).toBe(1);

    await postgres.stop();
    for (const question of ['regional GDP', 'What is the capital of France?']) {
      const sent = await ask(question);
      expect(sent.status).toBe(200);
      expect(sent.body.type).toBe(4);
    }
    expect(JSON.stringify((await ask('high-tech enterprises')).body)).toContain('75,000');
    await recorder.flush();
    expect(recorder.failures).toBeGreaterThanOrEqual(1);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metricValue(metrics, 'factdesk_insights_write_failures_total')).toBeGreaterThanOrEqual(1);

    await postgres.start();
    await recorder.flush();
    expect(recorder.written).toBe(4);
    const summary = await recorder.summary(1);
    expect([summary.asked, summary.answered]).toEqual([4, 3]);
    expect(summary.unanswered).toEqual([{ question: 'What is the capital of France?', count: 1 }]);
  });
});
