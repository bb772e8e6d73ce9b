import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE, type RunningBot, startBot } from '../discord/harness.js';
import { reportMarkdown } from '../formats/report.js';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads in assertions are free-form JSON.
type Json = Record<string, any>;

const MANAGE_GUILD = String(1 << 5);
const EPHEMERAL = 64;
const FILES: Record<string, string> = {
  '/velden.md': reportMarkdown(),
  '/big.md': `---\ntitle: Big\n---\n\n${'Cranes: 12 in use. '.repeat(2000)}`,
  '/photo.png': 'not a document',
  '/passwd.md': '---\ntitle: Not a password file\n---\n\nA harmless note with 3 lines.\n',
};

let bot: RunningBot;
let files: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  files = createServer((request, response) => {
    const body = FILES[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), 'factdesk-upload-'));
  await cp(KNOWLEDGE, dir, { recursive: true });
  bot = await startBot({ env: { KNOWLEDGE_DIR: dir, KNOWLEDGE_MAX_FILE_MB: '0.02', RATE_LIMIT_MAX: '100' } });
});

afterAll(async () => {
  const violations = bot?.fake.violations();
  await bot?.stop();
  await new Promise((resolve) => files?.close(resolve));
  expect(violations).toEqual([]);
});

/** Sends `/knowledge add file:` with an attachment served on loopback, and returns the final message. */
async function add(
  filename: string,
  urlPath: string,
  options: { permissions?: string; extra?: Json[]; locale?: string } = {},
) {
  const size = Buffer.byteLength(FILES[urlPath] ?? '');
  const handle = bot.fake.createInteraction({
    type: 2,
    data: {
      name: 'knowledge',
      options: [
        {
          name: 'add',
          type: 1,
          options: [{ name: 'file', type: 11, value: '900000000000000001' }, ...(options.extra ?? [])],
        },
      ],
      resolved: {
        attachments: {
          '900000000000000001': {
            id: '900000000000000001',
            filename,
            size,
            url: `${base}${urlPath}`,
            proxy_url: `${base}${urlPath}`,
          },
        },
      },
    },
    memberPermissions: options.permissions ?? MANAGE_GUILD,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const callback = (await handle.waitForCallback()) as unknown as { type: number; data?: Json };
  const final = callback.type === 5 ? await handle.waitForEdit() : (callback.data ?? {});
  return { callback, final };
}

/** `/knowledge remove` or `list` in a locale, and the final message. */
async function knowledge(locale: string, subcommand: Json) {
  const handle = bot.fake.createInteraction({
    type: 2,
    locale,
    data: { name: 'knowledge', options: [subcommand] },
    memberPermissions: MANAGE_GUILD,
  });
  const callback = (await handle.waitForCallback()) as unknown as { type: number; data?: Json };
  return callback.type === 5 ? await handle.waitForEdit() : (callback.data ?? {});
}

describe('/knowledge add', () => {
  it('adds a good file: written under its name, reloaded, and summarised privately', async () => {
    const { callback, final } = await add('Velden Report.md', '/velden.md');
    expect((callback.data?.flags ?? EPHEMERAL) & EPHEMERAL).toBe(EPHEMERAL);
    expect(final.content).toMatch(
      /^Added \*\*Port of Velden Annual Report 2023\*\* as `velden-report\.md`: \d+ passages, \d+ figures\./,
    );
    expect(final.allowed_mentions).toEqual({ parse: [] });
    expect(await readFile(path.join(dir, 'velden-report.md'), 'utf8')).toBe(FILES['/velden.md']);
    expect(bot.app.knowledge.get().documentsById.has('velden-report')).toBe(true);
    // The reload after the upload built the knowledge in a worker thread, as /reload does.
    expect(bot.app.knowledge.get().origin).toBe('worker');
  });

  it('refuses to overwrite the same name unless replace is set', async () => {
    const again = await add('Velden Report.md', '/velden.md');
    expect(again.final.content).toBe(
      'velden-report.md is already in the knowledge folder. Send it again with replace: True to overwrite it.',
    );
    const replaced = await add('Velden Report.md', '/velden.md', {
      extra: [{ name: 'replace', type: 5, value: true }],
    });
    expect(replaced.final.content).toMatch(/^Replaced \*\*/);
  });

  it('refuses an oversized file before downloading it', async () => {
    const { final } = await add('big.md', '/big.md');
    expect(final.content).toMatch(/^The file is \d+ KB, over the 21 KB limit\.$/);
    expect(await readdir(dir)).not.toContain('big.md');
  });

  it('refuses a type factdesk does not read', async () => {
    const { final } = await add('photo.png', '/photo.png');
    expect(final.content).toBe(
      'photo.png is not a type factdesk reads. Send one of .md .markdown .txt .pdf .docx .html .htm .csv.',
    );
  });

  it('keeps a name like ../../etc/passwd.md inside the knowledge folder', async () => {
    const { final } = await add('../../etc/passwd.md', '/passwd.md');
    expect(final.content).toMatch(/as `passwd\.md`/);
    expect(await readFile(path.join(dir, 'passwd.md'), 'utf8')).toBe(FILES['/passwd.md']);
    expect(await readFile('/etc/passwd', 'utf8')).not.toContain('Not a password file');
  });

  it('refuses a member without Manage Server, even if the command reached them', async () => {
    const { final } = await add('other.md', '/velden.md', { permissions: '0' });
    expect(final.content).toBe('You need the Manage Server permission to change the documents.');
    expect(await readdir(dir)).not.toContain('other.md');
  });
});

describe('/knowledge remove and list', () => {
  it('suggests documents as you type, and removes the one picked', async () => {
    const auto = bot.fake.createInteraction({
      type: 4,
      data: {
        name: 'knowledge',
        options: [
          {
            name: 'remove',
            type: 1,
            options: [{ name: 'document', type: 3, value: 'velden', focused: true }],
          },
        ],
      },
      memberPermissions: MANAGE_GUILD,
    });
    const choices = ((await auto.waitForCallback()) as unknown as { data: Json }).data.choices as Json[];
    expect(choices.map((c) => c.value)).toContain('velden-report');
    const handle = bot.fake.createInteraction({
      type: 2,
      data: {
        name: 'knowledge',
        options: [
          { name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: 'velden-report' }] },
        ],
      },
      memberPermissions: MANAGE_GUILD,
    });
    const callback = (await handle.waitForCallback()) as unknown as { type: number; data?: Json };
    const final = callback.type === 5 ? await handle.waitForEdit() : (callback.data ?? {});
    expect(final.content).toMatch(
      /^Removed \*\*Port of Velden Annual Report 2023\*\* \(`velden-report\.md`\)/,
    );
    expect(await readdir(dir)).not.toContain('velden-report.md');
    expect(bot.app.knowledge.get().documentsById.has('velden-report')).toBe(false);
    expect(bot.app.knowledge.get().origin).toBe('worker');
  });

  it('lists the documents', async () => {
    const handle = bot.fake.createInteraction({
      type: 2,
      data: { name: 'knowledge', options: [{ name: 'list', type: 1 }] },
    });
    const callback = (await handle.waitForCallback()) as unknown as { type: number; data?: Json };
    const final = callback.type === 5 ? await handle.waitForEdit() : (callback.data ?? {});
    expect(final.content).toMatch(/^\d+ documents:\n• \*\*/);
    expect(final.content).toContain('(`guangdong-first-conference-of-spring-2024.md`)');
  });
});

describe("/knowledge in the user's language", () => {
  it('answers a zh-CN admin in Simplified Chinese: added, refused, removed, listed', async () => {
    const added = await add('Velden 中文.md', '/velden.md', { locale: 'zh-CN' });
    expect(added.final.content).toMatch(
      /^已添加 \*\*Port of Velden Annual Report 2023\*\*，保存为 `velden-中文\.md`：\d+ 个段落，\d+ 个数据。\n现在共有 \d+ 份文档。$/,
    );
    expect(added.final.allowed_mentions).toEqual({ parse: [] });
    expect(await readFile(path.join(dir, 'velden-中文.md'), 'utf8')).toBe(FILES['/velden.md']);

    const again = await add('Velden 中文.md', '/velden.md', { locale: 'zh-CN' });
    expect(again.final.content).toBe(
      '知识库文件夹里已经有 velden-中文.md。要覆盖它，请加上 `替换: True` 重新发送。',
    );
    const photo = await add('photo.png', '/photo.png', { locale: 'zh-CN' });
    expect(photo.final.content).toBe(
      'photo.png 不是 factdesk 能读取的类型。请发送以下类型之一：.md .markdown .txt .pdf .docx .html .htm .csv。',
    );
    const big = await add('big.md', '/big.md', { locale: 'zh-CN' });
    expect(big.final.content).toMatch(/^文件大小为 \d+ KB，超过了 21 KB 的上限。$/);
    const forbidden = await add('other.md', '/velden.md', { locale: 'zh-CN', permissions: '0' });
    expect(forbidden.final.content).toBe('修改文档需要“管理服务器”权限。');

    const listed = await knowledge('zh-CN', { name: 'list', type: 1 });
    expect(listed.content).toMatch(/^\d+ 份文档：\n• \*\*/);
    expect(listed.content).toMatch(
      /• \*\*Port of Velden Annual Report 2023\*\*（`velden-中文\.md`）：\d+ 个段落/,
    );

    const missing = await knowledge('zh-CN', {
      name: 'remove',
      type: 1,
      options: [{ name: 'document', type: 3, value: 'no-such-document' }],
    });
    expect(missing.content).toBe('没有文档 `no-such-document`。请在输入时从列表中选择一个。');
    const removed = await knowledge('zh-CN', {
      name: 'remove',
      type: 1,
      options: [{ name: 'document', type: 3, value: 'velden-中文' }],
    });
    expect(removed.content).toMatch(
      /^已删除 \*\*Port of Velden Annual Report 2023\*\*（`velden-中文\.md`）。现在共有 \d+ 份文档。$/,
    );
    expect(await readdir(dir)).not.toContain('velden-中文.md');
  });

  it('answers zh-TW in Traditional Chinese, and any other locale in English', async () => {
    const tw = await add('other.md', '/velden.md', { locale: 'zh-TW', permissions: '0' });
    expect(tw.final.content).toBe('修改文件需要「管理伺服器」權限。');
    const fr = await add('other.md', '/velden.md', { locale: 'fr', permissions: '0' });
    expect(fr.final.content).toBe('You need the Manage Server permission to change the documents.');
    const listed = await knowledge('zh-TW', { name: 'list', type: 1 });
    expect(listed.content).toMatch(/^\d+ 份文件：\n• \*\*/);
  });
});
