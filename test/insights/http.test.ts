/** Feedback and /insights through the HTTP interactions endpoint, on a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { buttonClick, discordMessage, newKeys, post, STRING, slash, testApp } from '../http/helpers.js';

const keys = newKeys();
const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-http-insights-'));
let app: App;
let server: HttpServer;

beforeAll(async () => {
  app = await testApp({
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    INSIGHTS: 'on',
    DATABASE_URL: `file:${path.join(dir, 'http.db')}`,
  });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0, defaultMetrics: false });
});
afterAll(async () => {
  await server?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('insights over the HTTP endpoint', () => {
  it('answers 👎 with the form (type 9), keeps the comment, and /insights quotes it', async () => {
    const answer = await post(
      server.url,
      keys.privateKey,
      slash('ask', [{ name: 'question', type: STRING, value: 'How many high-tech enterprises are there?' }]),
    );
    const buttons = (
      (answer.body.data?.components ?? []) as { components: { custom_id: string }[] }[]
    ).flatMap((row) => row.components);
    const down = buttons.find((b) => b.custom_id.startsWith('feedback:down:'))?.custom_id ?? '';
    expect(down).not.toBe('');

    const form = await post(server.url, keys.privateKey, buttonClick(down, discordMessage('', [])));
    expect(form.body.type).toBe(9);
    const data = form.body.data as { custom_id: string; title: string };
    expect(data.title).toBe('What was wrong?');

    const { message: _message, ...base } = buttonClick(down, discordMessage(''));
    const submit = {
      ...base,
      type: 5,
      data: {
        custom_id: data.custom_id,
        components: [
          { type: 1, components: [{ type: 4, custom_id: 'comment', value: 'Counts are from 2022' }] },
        ],
      },
    };
    const thanks = await post(server.url, keys.privateKey, submit);
    expect(thanks.body).toMatchObject({ type: 4, data: { content: 'Thanks for the feedback!', flags: 64 } });

    // The helpers' member has Administrator (permissions 8).
    const report = await post(server.url, keys.privateKey, slash('insights', []));
    const text = JSON.stringify(report.body.data?.embeds);
    expect(text).toContain('How many high-tech enterprises are there?');
    expect(text).toContain('> Counts are from 2022');
    expect(text).toContain('1× 👎, 0× 👍');
  });
});
