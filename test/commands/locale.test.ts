/**
 * The texts that bypassed the catalog (an expired button, /reload's problems and permission, the
 * headings of an answer, a citation's page) in each language, through the real handlers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import { citationLine, plainCitation } from '../../commands/render/citation.js';
import { answerMessage, askPaged, firstPage, pageOfKeys } from '../../commands/render/page.js';
import type { Reply } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../../src/runtime/app.js';
import { testApp } from '../http/helpers.js';

const user = { id: '444444444444444444', name: 'Ana' };
const ADMIN = String(PermissionFlagsBits.Administrator);

const contentOf = (reply: Reply) =>
  reply.kind === 'choices' || reply.kind === 'modal' ? '' : (reply.data.content ?? '');

let app: App;
let broken: App;
let dir = '';
beforeAll(async () => {
  app = await testApp();
  dir = await mkdtemp(path.join(tmpdir(), 'factdesk-reload-'));
  await writeFile(
    path.join(dir, 'good.md'),
    '---\ntitle: Harbour results\npublished: 2024-03-01\n---\n\nThe port handled 24.6 million TEU in 2024.\n',
  );
  await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Broken\npublished: 2024-13-45\n---\n\nText.\n');
  broken = await testApp({ KNOWLEDGE_DIR: dir });
});
afterAll(async () => {
  await Promise.all([app.close(), broken.close()]);
  await rm(dir, { recursive: true, force: true });
});

const run = (target: App, invocation: Omit<Invocation, 'user'>) =>
  dispatch({ user, ...invocation }, target.deps);

describe('an expired button', () => {
  it.each([
    [undefined, 'This button has expired: ask again with `/ask`.'],
    ['zh-CN', '这个按钮已过期：请用 `/提问` 再问一次。'],
    ['zh-TW', '這個按鈕已過期：請用 `/提問` 再問一次。'],
  ])('says so in the language of %s', async (locale, expected) => {
    const reply = await run(app, {
      kind: 'button',
      name: 'launch',
      customId: 'launch:missiles',
      options: {},
      ...(locale ? { locale } : {}),
    });
    expect(contentOf(reply)).toBe(expected);
  });
});

describe('/reload', () => {
  const reload = (locale?: string, permissions = ADMIN) =>
    run(broken, { kind: 'command', name: 'reload', options: {}, permissions, ...(locale ? { locale } : {}) });

  it('counts the problems in the right number and language, with the files skipped', async () => {
    const english = contentOf(await reload()).split('\n');
    expect(english[0]).toMatch(/^Reloaded: 1 document, \d+ passages?, \d+ figures?\.$/);
    expect(english[1]).toBe('1 problem; those files were skipped:');
    expect(english[2]).toMatch(/^• error: broken\.md: published must be a date/);
    const chinese = contentOf(await reload('zh-CN')).split('\n');
    expect(chinese[0]).toMatch(/^已重新加载：1 份文档、\d+ 个段落、\d+ 个数据。$/);
    expect(chinese[1]).toBe('1 个问题，这些文件已跳过：');
    expect(contentOf(await reload('zh-TW')).split('\n')[1]).toBe('1 個問題，這些檔案已略過：');
  });

  it('asks for Manage Server in the language of the member', async () => {
    expect(contentOf(await reload('zh-TW', '0'))).toBe(
      '重新載入知識庫需要「管理伺服器」權限。請聯絡伺服器管理員。',
    );
    expect(contentOf(await reload(undefined, '0'))).toBe(
      'Reloading the knowledge needs the Manage Server permission. Ask a server admin.',
    );
  });
});

describe('an answer', () => {
  const question = 'How many high-tech enterprises does Guangdong have?';

  it('heads its first page with the question and a later page with its passages, in the language', () => {
    const kb = app.knowledge.get();
    const page = firstPage(askPaged(kb, question));
    const [first] = answerMessage(page, { ephemeral: true, locale: 'zh-CN' }).embeds ?? [];
    expect(first?.author?.name).toBe(`问：${question}`);
    const later = pageOfKeys(kb, page.next, 3);
    expect(later).toBeDefined();
    if (!later) return;
    const to = 3 + later.passages.length;
    const zh = answerMessage(later, { ephemeral: true, locale: 'zh-TW' }).embeds ?? [];
    expect(zh[0]?.author?.name).toBe(`更多段落（第 4–${to} 段）`);
    const en = answerMessage(later, { ephemeral: true }).embeds ?? [];
    expect(en[0]?.author?.name).toBe(`More passages (4–${to})`);
  });

  it('shows its console view in the language: question, headings, the hint to /more', async () => {
    const reply = await run(app, { kind: 'command', name: 'ask', options: { question }, locale: 'zh-CN' });
    const view = JSON.stringify(reply.meta?.view);
    expect(view).toContain(`问：${question}`);
    expect(view).toContain('还有更多段落回答这个问题：/更多');
    const figure = await run(app, {
      kind: 'command',
      name: 'figure',
      options: { topic: 'regional GDP' },
      locale: 'zh-TW',
    });
    expect(JSON.stringify(figure.meta?.view)).toContain('相近的數據：');
  });
});

describe('a citation', () => {
  const citation = {
    docId: 'r',
    title: 'Results',
    source: 'Wire',
    published: '2024-02-20',
    section: 'Revenue by region',
    page: 2,
    paragraph: 6,
  };

  it('writes the page as the language does', () => {
    expect(citationLine(citation)).toBe('Wire · 2024-02-20 · Revenue by region · p. 2 · ¶6');
    expect(citationLine(citation, 'zh-CN')).toBe('Wire · 2024-02-20 · Revenue by region · 第 2 页 · ¶6');
    expect(plainCitation(citation, 'Revenue rose.', 'zh-TW')).toBe(
      '“Revenue rose.” Results, Wire, 2024-02-20, Revenue by region, 第 2 頁, ¶6.',
    );
  });
});

describe('a question nothing answers', () => {
  const topicsLine = (content: string) =>
    content.split('\n').find((line) => line.startsWith('可以试试这些主题：'));

  it('offers topics in the language of the question when nothing is near', async () => {
    const reply = await run(app, {
      kind: 'command',
      name: 'ask',
      options: { question: '巴黎的天气怎么样' },
      locale: 'zh-CN',
    });
    const line = topicsLine(contentOf(reply));
    expect(line).toBeDefined();
    // Every topic offered is written in Chinese, although the knowledge holds an English release too.
    const topics = line?.replace(/^可以试试这些主题：|。$/g, '').split('、') ?? [];
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) expect(topic).toMatch(/\p{Script=Han}/u);
  });

  it('turns the quotation marks of a quoted question into inner ones', async () => {
    const reply = await run(app, {
      kind: 'command',
      name: 'ask',
      options: { question: 'what did the “Paris Agreement” commit to' },
    });
    expect(contentOf(reply)).toContain('“what did the ‘Paris Agreement’ commit to”');
  });
});
