/** The console and `npm run insights` as real processes, sharing one SQLite file. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntry } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-cli-insights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUESTIONS = [
  'How many high-tech enterprises does Guangdong have?',
  'What is the capital of France?',
  '/figure regional GDP',
  'what is the capital of france',
  'What is the capital of France??',
  'Who won the 1998 World Cup?',
].join('\n');

describe('npm run insights', () => {
  const env = { INSIGHTS: 'on', DATABASE_URL: `file:${path.join(dir, 'console.db')}` };

  it('reports the questions asked in the console, the unanswered one asked three times first', async () => {
    const asked = await runEntry('src/main.ts', [], { input: `${QUESTIONS}\n`, env });
    expect(asked.code).toBe(0);
    const result = await runEntry('src/cli/insights.ts', ['--json'], { env });
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ asked: 6, answered: 2 });
    expect(summary.unanswered[0]).toEqual({
      question: expect.stringMatching(/capital of france/i),
      count: 3,
    });
    expect(summary.unanswered[1]).toEqual({ question: 'Who won the 1998 World Cup?', count: 1 });
    expect(summary.topics.map((t: { label: string }) => t.label)).toContain('regional GDP');
    expect(result.stdout).not.toMatch(/"userHash"|"user_hash"|console/);
  });

  it('prints the same summary as text and as CSV', async () => {
    const text = await runEntry('src/cli/insights.ts', ['--since', '7d'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Insights for the last 7 days');
    expect(text.stdout).toContain('Questions asked: 6, answered: 2 (33%)');
    expect(text.stdout).toMatch(/Top unanswered questions:\n {2}3× “what is the capital of france”/i);
    const csv = await runEntry('src/cli/insights.ts', ['--csv'], { env });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,text,count,down,up,passage_id,passage_quote,comments');
    expect(lines).toContain('asked,,6');
    expect(lines.find((line) => line.startsWith('unanswered,'))).toMatch(
      /^unanswered,.*capital of france.*,3$/i,
    );
  });

  it('explains a bad --since without a stack trace', async () => {
    const result = await runEntry('src/cli/insights.ts', ['--since', 'last week'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('--since last week: write a period such as 30d (days) or 12h (hours).');
  });

  it('keeps nothing with INSIGHTS=off', async () => {
    const file = path.join(dir, 'off.db');
    const asked = await runEntry('src/main.ts', [], {
      input: `${QUESTIONS}\n`,
      env: { INSIGHTS: 'off', DATABASE_URL: `file:${file}` },
    });
    expect(asked.code).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
