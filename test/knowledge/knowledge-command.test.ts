import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import { AddDocumentError, assertWritable, safeFileName } from '../../src/knowledge/add.js';
import { createApp } from '../../src/runtime/app.js';
import { loadConfig } from '../../src/runtime/config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { KNOWLEDGE } from '../discord/harness.js';

const invocation = (memberPermissions?: string, locale?: string) => ({
  kind: 'command' as const,
  name: 'knowledge',
  subcommand: 'add',
  options: { file: '1' },
  attachments: { '1': { url: 'http://127.0.0.1:9/x.md', filename: 'x.md', size: 10 } },
  user: { id: '1', name: 'admin' },
  ...(memberPermissions ? { memberPermissions } : {}),
  ...(locale ? { locale } : {}),
});

describe('/knowledge refuses where it cannot write for everyone', () => {
  it('refuses with a clear message when the endpoint runs as several replicas', async () => {
    const config = loadConfig({ KNOWLEDGE_DIR: KNOWLEDGE, REPLICAS: '3' }, { dotenv: false });
    const app = await createApp(config, createLogger('silent'));
    const reply = await dispatch(invocation(String(1 << 5)), app.deps);
    expect(reply.kind === 'message' && reply.data.content).toMatch(
      /^This bot runs as 3 replicas without a database they share, .* rebuild the index and roll the replicas\.$/,
    );
    const zh = await dispatch(invocation(String(1 << 5), 'zh-CN'), app.deps);
    expect(zh.kind === 'message' && zh.data.content).toMatch(
      /^本机器人以 3 个副本运行，而且没有它们共享的数据库，.*PostgreSQL `DATABASE_URL`/,
    );
  });

  it('checks Manage Server in the handler: no permissions given is no permission', async () => {
    const app = await createApp(
      loadConfig({ KNOWLEDGE_DIR: KNOWLEDGE }, { dotenv: false }),
      createLogger('silent'),
    );
    const reply = await dispatch(invocation(), app.deps);
    expect(reply.kind === 'message' && reply.data.content).toBe(
      'You need the Manage Server permission to change the documents.',
    );
  });

  it('refuses a read-only folder with where to add documents instead', async () => {
    if (process.getuid?.() === 0) {
      console.log('read-only folder check not run: root may write to any folder');
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-ro-'));
    await chmod(dir, 0o555);
    await expect(assertWritable(dir)).rejects.toThrow(/read-only here/);
    await chmod(dir, 0o755);
  });
});

describe('safeFileName', () => {
  it('keeps the base name only, in any script, and refuses unknown types', () => {
    expect(safeFileName('../../etc/passwd.md')).toBe('passwd.md');
    expect(safeFileName('..\\..\\Windows\\report.PDF')).toBe('report.pdf');
    expect(safeFileName('新闻稿 春季.md')).toBe('新闻稿-春季.md');
    expect(() => safeFileName('script.sh')).toThrow(AddDocumentError);
    expect(() => safeFileName('...md')).toThrow(AddDocumentError);
  });
});
