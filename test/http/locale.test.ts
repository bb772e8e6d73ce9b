/**
 * The HTTP interactions endpoint answers in the interaction's `locale`: Chinese for `zh-CN` and
 * `zh-TW`, English for every other locale, with the same handlers as the gateway.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import {
  buttonClick,
  discordMessage,
  expectNoMassPings,
  newKeys,
  post,
  STRING,
  slash,
  testApp,
} from './helpers.js';

const keys = newKeys();
let server: HttpServer;

beforeAll(async () => {
  const app = await testApp({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
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

const send = async (payload: Record<string, unknown>) => {
  const sent = await post(server.url, keys.privateKey, payload);
  expect(sent.status).toBe(200);
  expectNoMassPings(sent);
  return sent;
};

/** The description of the help embed in a response. */
const helpText = (data: { embeds?: APIEmbed[] } | undefined) => data?.embeds?.[0]?.description ?? '';

const inLocale = (locale: string, payload: Record<string, unknown>) => ({ ...payload, locale });
const question = (text: string) => ({ name: 'question', type: STRING, value: text });
const labels = (data: Record<string, unknown> | undefined) =>
  ((data?.components ?? []) as { components: { label: string }[] }[]).flatMap((row) =>
    row.components.map((button) => button.label),
  );

describe('HTTP endpoint locale', () => {
  it('answers a zh-CN /ask with Chinese buttons and a zh-CN miss in Chinese', async () => {
    const answer = await send(inLocale('zh-CN', slash('ask', [question('regional GDP of Guangdong')])));
    expect(JSON.stringify(answer.body.data?.embeds)).toContain('13 trillion yuan');
    // More shows only when more passages answer; every button there is, is labelled in Chinese.
    expect(labels(answer.body.data)).toEqual(expect.arrayContaining(['分享到频道', '引用']));
    for (const label of labels(answer.body.data)) expect(label).toMatch(/^\p{Script=Han}+$/u);
    const miss = await send(inLocale('zh-CN', slash('ask', [question('recipe for chocolate cake')])));
    expect(miss.body.data?.content).toMatch(
      /^在 knowledge（2 份文档）中没有找到“recipe for chocolate cake”的答案。/,
    );
  });

  it('answers zh-TW in Traditional Chinese', async () => {
    const help = await send(inLocale('zh-TW', slash('help')));
    expect(helpText(help.body.data)).toContain('**/來源** — factdesk 回答所依據的文件。');
  });

  it('answers a zh-CN button click in Chinese', async () => {
    const answer = await send(inLocale('zh-CN', slash('ask', [question('Guangdong high-tech enterprises')])));
    const more = ((answer.body.data?.components ?? []) as { components: { custom_id: string }[] }[])
      .flatMap((row) => row.components)
      .find((button) => button.custom_id.startsWith('more:'));
    const next = await send(inLocale('zh-CN', buttonClick(more?.custom_id ?? '', discordMessage(''))));
    expect(next.body.type).toBe(7);
    expect(labels(next.body.data)).toContain('引用');
  });

  it('tells a zh-CN user in Chinese that a kind of interaction is not handled', async () => {
    // An interaction type factdesk does not know (modal submits are handled: the feedback form).
    const modal = { ...slash('help'), type: 99, data: { custom_id: 'form', components: [] } };
    const zh = await send(inLocale('zh-CN', modal));
    expect(zh.body.data?.content).toBe('抱歉，我处理不了这类交互。试试 `/帮助`。');
    const en = await send(inLocale('en-GB', modal));
    expect(en.body.data?.content).toBe("Sorry, I can't handle that kind of interaction. Try `/help`.");
  });

  it.each(['en-US', 'de', 'es-ES'])('answers %s in English', async (locale) => {
    const help = await send(inLocale(locale, slash('help')));
    expect(helpText(help.body.data)).toContain('**/sources** — the documents');
    const cite = await send(inLocale(locale, buttonClick('cite', discordMessage('no embeds here'))));
    expect(cite.body.data?.content).toBe('This button has expired: ask again with `/ask`.');
  });
});
