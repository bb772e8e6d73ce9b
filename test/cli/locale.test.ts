import { describe, expect, it } from 'vitest';
import { runEntry } from './run-cli.js';

describe('the console and the CLI follow LANG', () => {
  it('speaks Simplified Chinese with LANG=zh_CN.UTF-8', async () => {
    const input = [
      'How many high-tech enterprises?',
      '/sources',
      '/帮助',
      '/数据 regional GDP',
      'recipe for chocolate cake',
      '',
    ].join('\n');
    const { code, stdout } = await runEntry('src/main.ts', [], { input, env: { LANG: 'zh_CN.UTF-8' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^factdesk：2 份文档，\d+ 个段落，\d+ 个数据，来自 /);
    expect(stdout).toContain('本地控制台（未设置 DISCORD_TOKEN）');
    expect(stdout).toContain('more than 75,000');
    expect(stdout).toContain('knowledge：2 份文档');
    expect(stdout).toContain('/提问 `问题`');
    expect(stdout).toContain('13 trillion yuan');
    expect(stdout).toContain('在 knowledge（2 份文档）中没有找到“recipe for chocolate cake”的答案。');
    expect(stdout).not.toContain("I couldn't find");
  });

  it('lets LC_ALL win over LANG, and answers a CLI question in Traditional Chinese', async () => {
    const { code, stdout } = await runEntry('src/cli/main.ts', ['ask', 'recipe for chocolate cake'], {
      env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('在 knowledge（2 份文件）中沒有找到「recipe for chocolate cake」的答案。');
  });

  it('sums up check-knowledge in Chinese', async () => {
    const { code, stdout } = await runEntry('src/cli/main.ts', ['check-knowledge'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/：2 份文档，\d+ 个段落，\d+ 个数据；0 个错误。\n$/);
  });

  it('stays English with LANG=en_US.UTF-8', async () => {
    const { code, stdout } = await runEntry('src/cli/main.ts', ['ask', 'recipe for chocolate cake'], {
      env: { LANG: 'en_US.UTF-8' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(
      "I couldn't find an answer to “recipe for chocolate cake” in knowledge (2 documents).",
    );
  });
});
