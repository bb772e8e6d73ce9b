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
  options: { permissions?: string; extra?: Json[] } = {},
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
  });
  const callback = (await handle.waitForCallback()) as unknown as { type: number; data?: Json };
  const final = callback.type === 5 ? await handle.waitForEdit() : (callback.data ?? {});
  return { callback, final };
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
