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

describe('👍/👎 after More', () => {
  type Row = { type: number; components: { custom_id: string }[] };
  const rowsOf = (sent: Awaited<ReturnType<typeof post>>) => (sent.body.data?.components ?? []) as Row[];
  const idsOf = (sent: Awaited<ReturnType<typeof post>>) =>
    rowsOf(sent).flatMap((row) => row.components.map((c) => c.custom_id));

  it('stay under the next page of the answer, rating the same question, within the button limits', async () => {
    const answer = await post(
      server.url,
      keys.privateKey,
      slash('ask', [
        { name: 'question', type: STRING, value: 'enterprises industry innovation manufacturing Guangdong' },
      ]),
    );
    const up = idsOf(answer).find((id) => id.startsWith('feedback:up:')) ?? '';
    const questionId = up.slice('feedback:up:'.length);
    expect(questionId).toMatch(/^[0-9a-z]{9}[\w-]{8}$/);
    const more = idsOf(answer).find((id) => id.startsWith('more:')) ?? '';
    expect(more.endsWith(`:${questionId}`)).toBe(true);
    // The message as Discord sends it back, without components: the button carries what it needs.
    const page = await post(server.url, keys.privateKey, buttonClick(more, discordMessage('', [])));
    expect(page.body.type).toBe(7);
    expect(JSON.stringify(page.body.data?.embeds)).not.toBe(JSON.stringify(answer.body.data?.embeds));
    expect(idsOf(page)).toEqual(
      expect.arrayContaining([`feedback:up:${questionId}`, `feedback:down:${questionId}`]),
    );
    expect(rowsOf(page).length).toBeLessThanOrEqual(5);
    for (const row of rowsOf(page)) expect(row.components.length).toBeLessThanOrEqual(5);
    for (const id of idsOf(page)) expect(id.length).toBeLessThanOrEqual(100);
    // A 👎 on the second page opens the form for the question asked.
    const form = await post(
      server.url,
      keys.privateKey,
      buttonClick(`feedback:down:${questionId}`, discordMessage('', [])),
    );
    expect(form.body).toMatchObject({ type: 9, data: { custom_id: `feedback-form:${questionId}` } });
  });
});
