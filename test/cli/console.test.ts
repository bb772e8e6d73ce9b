import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runEntry } from './run-cli.js';

describe('npm start without a token (local console)', () => {
  it('prints a banner, answers each piped line through the bot commands, and exits 0 at end of input', async () => {
    const input = [
      'How many high-tech enterprises?',
      '/figure regional GDP',
      '/sources',
      '/help',
      'recipe for chocolate cake',
      '',
    ].join('\n');
    const { code, stdout } = await runEntry('src/main.ts', [], { input });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^factdesk: 2 documents, \d+ passages, \d+ figures from /);
    expect(stdout).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    expect(stdout).toContain('Q: How many high-tech enterprises?');
    expect(stdout).toContain('more than 75,000');
    expect(stdout).toContain('13 trillion yuan');
    expect(stdout).toMatch(/knowledge: 2 documents/);
    expect(stdout).toContain('/figure GDP');
    expect(stdout).not.toContain('question:');
    expect(stdout).toContain("I couldn't find an answer to “recipe for chocolate cake”");
    expect(stdout).not.toContain('**');
    expect(stdout).not.toContain('\u001b[');
  });

  it('stops with one line naming the variable when the configuration is invalid', async () => {
    const { code, stderr } = await runEntry('src/main.ts', [], { env: { LOG_LEVEL: 'loud' } });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, e.g. LOG_LEVEL=info\n',
    );
  });

  it('pages with /more and cites with /cite, from the last answer', async () => {
    const input = ['Guangdong high-tech enterprises', '/more', '/cite', ''].join('\n');
    const { code, stdout } = await runEntry('src/main.ts', [], { input });
    expect(code).toBe(0);
    expect(stdout).toContain('More passages answer this: /more');
    expect(stdout).toMatch(/More passages \(4–6\)/);
    expect(stdout).toMatch(/“.+” GDToday: .+, PR Newswire, 2024-02-20, ¶\d+\./);
  });

  it('says what to do when /more or /cite comes before any answer', async () => {
    const { stdout } = await runEntry('src/main.ts', [], { input: '/more\n/cite\n' });
    expect(stdout).toContain('No more passages: ask a question first');
    expect(stdout).toContain('Nothing to cite yet: ask a question first.');
  });

  it('prints no log line with the settings of .env.example', async () => {
    const example = await readFile(path.join(ROOT, '.env.example'), 'utf8');
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(env.KNOWLEDGE_DIR).toBe('knowledge');
    const { code, stdout, stderr } = await runEntry('src/main.ts', [], { input: 'regional GDP\n', env });
    expect(code).toBe(0);
    expect(stdout).toContain('13 trillion yuan');
    expect(stderr).toBe('');
  });

  it('ends on Ctrl+C with a new line and exit code 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', () => {
        if (stdout.includes('Ctrl+D to quit.')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.endsWith('Ctrl+D to quit.\n\n')).toBe(true);
  });
});

describe('npm start with arguments it does not take', () => {
  it('prints the usage and exits 2', async () => {
    const { code, stdout, stderr } = await runEntry('src/main.ts', ['--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe("Unknown option '--bogus'.");
    expect(stderr).toContain('Usage: npm start');
  });
});

describe('the CLI with arguments it does not take', () => {
  it.each([
    [['ask', '--bogus', 'x'], "Unknown option '--bogus'."],
    [['build-index', '--out'], "Option '--out' needs a value."],
    [['frob'], 'Unknown command "frob".'],
  ])('%j says what is wrong and the usage, without a stack, and exits 2', async (args, problem) => {
    const { code, stdout, stderr } = await runEntry('src/cli/main.ts', args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(0, 2)).toEqual([problem, 'Usage:']);
    expect(stderr).not.toMatch(/\n {4}at |factdesk stopped/);
  });
});

describe('the console with an insights database it cannot open', () => {
  it('keeps answering and says why in readable log lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-console-blocked-'));
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, 'a file where the database folder should be');
    const { code, stdout, stderr } = await runEntry('src/main.ts', [], {
      input: 'regional GDP\n',
      env: {
        INSIGHTS: 'on',
        DATABASE_URL: `file:${path.join(blocker, 'insights.db')}`,
        LOG_FORMAT: 'pretty',
      },
    });
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(stdout).toContain('13 trillion yuan');
    expect(stderr).toMatch(/^\d\d:\d\d:\d\d warn {2}insights retention failed store=sqlite \(/m);
    expect(stderr).not.toMatch(/^\{|\n {4}at |factdesk stopped/m);
  });
});

describe('/insights in the console', () => {
  it('prints the summary as text, not nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-console-insights-'));
    const { code, stdout } = await runEntry('src/main.ts', [], {
      input: 'regional GDP\n/insights\n',
      env: { INSIGHTS: 'on', DATABASE_URL: `file:${path.join(dir, 'insights.db')}` },
    });
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(stdout).toContain('Insights: the last 7 days');
    expect(stdout).toContain('Questions asked: 1, 100% answered (1).');
    expect(stdout).toContain('Most asked topics:\n  1× ');
    expect(stdout).toContain('\n  1× regional GDP\n');
    expect(stdout).toContain('Who asked is never kept');
    expect(stdout).not.toContain('**');
  });
});

describe('/sources in the console', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factdesk-sources-'));
    await writeFile(
      path.join(dir, 'results.md'),
      '---\ntitle: Harbour *results* 2024\nsource: Port Wire\nurl: https://example.org/results?a=1&b=2\npublished: 2024-03-01\n---\n\nThe port handled 24.6 million TEU in 2024.\n',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows each title as written with its link after it, and counts in the right number', async () => {
    const { stdout } = await runEntry('src/main.ts', [], {
      input: '/sources\n',
      env: { KNOWLEDGE_DIR: dir },
    });
    expect(stdout).toContain(
      '• Harbour *results* 2024 <https://example.org/results?a=1&b=2> (Port Wire, 2024-03-01): 1 passage, 2 figures',
    );
    expect(stdout).not.toContain('\\');
  });
});
