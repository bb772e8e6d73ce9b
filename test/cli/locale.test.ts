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
    // The console's own help, in the console's syntax and in Chinese, /more and /cite included.
    expect(stdout).toContain('  /提问 2023年广东的经济规模有多大？   同上，写明命令');
    expect(stdout).toContain('  /更多                                上一个回答接下来的段落');
    expect(stdout).toContain('  /引用                                上一个回答的引用，可直接粘贴');
    expect(stdout).toContain('问：regional GDP');
    expect(stdout).toContain('相近的数据：');
    expect(stdout).toContain('13 trillion yuan');
    expect(stdout).toContain('在 knowledge（2 份文档）中没有找到“recipe for chocolate cake”的答案。');
    expect(stdout).not.toContain("I couldn't find");
  });

  it('pages and cites in Chinese, and says in Chinese what it cannot do', async () => {
    const input = ['/提问', '/数据', '/更多', '/引用', '广东高新技术企业', '/更多', '/引用', ''].join('\n');
    const { code, stdout } = await runEntry('src/main.ts', [], { input, env: { LANG: 'zh_CN.UTF-8' } });
    expect(code).toBe(0);
    expect(stdout).toContain('输入一个问题，或 /提问 <问题>、/数据 <主题>、/更多、/引用、/来源、/帮助');
    expect(stdout).toContain('请在 /提问 后面输入问题，例如 /提问 2023年广东的经济规模有多大？');
    expect(stdout).toContain('请在 /数据 后面写一个主题');
    expect(stdout).toContain('没有更多段落了：请先提一个问题');
    expect(stdout).toContain('还没有可以引用的内容：请先提一个问题。');
    expect(stdout).toContain('问：广东高新技术企业');
    expect(stdout).toContain('还有更多段落回答这个问题：/更多');
    // /更多 pressed More (the next passages) and /引用 Cite (a citation to paste).
    expect(stdout).toMatch(/” GDToday：[^\n]+, PR Newswire, 2024-02-20, ¶\d+\.\n/);
    for (const english of ['Type a question', 'Name a topic', 'No more passages', 'Nothing to cite'])
      expect(stdout).not.toContain(english);
  });

  it('shows the console help in Traditional Chinese with LANG=zh_TW.UTF-8', async () => {
    const { stdout } = await runEntry('src/main.ts', [], { input: '/說明\n', env: { LANG: 'zh_TW.UTF-8' } });
    expect(stdout).toContain('輸入一個問題，或 /提問 <問題>、/數據 <主題>、/更多、/引用、/來源、/說明');
    expect(stdout).toContain('  /更多                                上一個回答接下來的段落');
    expect(stdout).toContain('  /引用                                上一個回答的引用，可直接貼上');
    expect(stdout).toContain('按 Ctrl+D 或 Ctrl+C 離開。');
  });

  it('explains a mistake on the command line in Chinese, with the usage, and exits 2', async () => {
    const unknown = await runEntry('src/cli/main.ts', ['ask', '--bogus', 'x'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n').slice(0, 2)).toEqual(['未知选项“--bogus”。', '用法：']);
    const start = await runEntry('src/main.ts', ['extra'], { env: { LANG: 'zh_TW.UTF-8' } });
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/^多餘的參數「extra」。\n用法：npm start/);
    const command = await runEntry('src/cli/main.ts', ['frob'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^未知命令“frob”。\n用法：\n/);
    for (const result of [unknown, start, command]) expect(result.stderr).not.toMatch(/Usage|\n {4}at /);
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
