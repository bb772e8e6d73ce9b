import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const SEED_ID = 'guangdong-first-conference-of-spring-2024';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the bundled knowledge in a temporary folder, removed after the tests. */
async function copyOfKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-cli-'));
  made.push(dir);
  await cp(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  return dir;
}

describe('npm run ask', () => {
  it('prints one JSON answer with --json, and nothing else on stdout', async () => {
    const { code, stdout } = await runCli([
      'ask',
      'How many high-tech enterprises does Guangdong have?',
      '--json',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '');
    expect(answer).toMatchObject({
      query: 'How many high-tech enterprises does Guangdong have?',
      answered: true,
    });
    expect(answer.passages[0]).toMatchObject({
      docId: SEED_ID,
      source: 'PR Newswire',
      published: '2024-02-20',
      paragraph: 3,
      text: expect.stringContaining('75,000 high-tech enterprises'),
      score: expect.any(Number),
    });
    expect(answer.figures[0]).toMatchObject({
      text: '75,000',
      value: 75000,
      qualifier: 'more than',
      docId: SEED_ID,
    });
  });

  it('reads one question per line from a pipe and prints JSON Lines', async () => {
    const { code, stdout } = await runCli(['ask'], {
      input: 'regional GDP\n\nWhat is the capital of France?\n13tn yuan\n',
    });
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.query, a.answered])).toEqual([
      ['regional GDP', true],
      ['What is the capital of France?', false],
      ['13tn yuan', true],
    ]);
    expect(answers[2].passages[0].text).toContain('13 trillion yuan');
  });

  it('prints a readable answer with its citation', async () => {
    const { code, stdout } = await runCli(['ask', 'regional GDP of Guangdong']);
    expect(code).toBe(0);
    expect(stdout).toContain('Q: regional GDP of Guangdong');
    expect(stdout).toContain('PR Newswire · 2024-02-20 · ¶3');
    expect(stdout).toContain('13 trillion yuan');
  });
});

describe('npm run figure', () => {
  it('prints the best figures as JSON', async () => {
    const { code, stdout } = await runCli(['figure', 'high-tech enterprises', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.query).toBe('high-tech enterprises');
    expect(answer.figures[0]).toMatchObject({
      text: '75,000',
      value: 75000,
      label: 'high-tech enterprises',
      passageId: expect.any(String),
    });
  });
});

describe('npm run sources', () => {
  it('lists the documents with their counts', async () => {
    const { code, stdout } = await runCli(['sources', '--json']);
    expect(code).toBe(0);
    const { documents } = JSON.parse(stdout);
    expect(documents).toHaveLength(2);
    expect(documents.find((doc: { id: string }) => doc.id === SEED_ID)).toMatchObject({
      id: SEED_ID,
      published: '2024-02-20',
      passages: expect.any(Number),
      figures: expect.any(Number),
    });
  });
});

describe('npm run check-knowledge', () => {
  it('passes on the bundled knowledge', async () => {
    const { code, stdout } = await runCli(['check-knowledge']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 documents, \d+ passages, \d+ figures; 0 errors\.\n$/);
  });

  it('prints every problem with its file, field and fix, and exits 1', async () => {
    const dir = await copyOfKnowledge();
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Fine\npublished: 2024-13-01\n---\nText.\n');
    await writeFile(path.join(dir, 'untitled.md'), '---\nsource: Wire\n---\nText.\n');
    const { code, stdout } = await runCli(['check-knowledge'], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    expect(stdout).toContain('error: broken.md: published must be a date written YYYY-MM-DD');
    expect(stdout).toContain('Fix: write the date as `published: YYYY-MM-DD`');
    expect(stdout).toContain('warning: untitled.md: title is missing: the document is cited as "Untitled"');
    expect(stdout).toMatch(/3 documents, .*; 1 error\.\n$/);
  });

  it('keeps answering from the good documents when others are broken', async () => {
    const dir = await copyOfKnowledge();
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [oops\n---\nText.\n');
    const { code, stdout, stderr } = await runCli(['ask', 'regional GDP', '--json'], {
      env: { KNOWLEDGE_DIR: dir },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).answered).toBe(true);
    expect(stderr).toContain('broken.md');
  });
});

describe('npm run build-index', () => {
  it('writes a prebuilt index that gives the same answers', async () => {
    const dir = await copyOfKnowledge();
    const before = await runCli(['ask', 'high-tech enterprises', '--json'], { env: { KNOWLEDGE_DIR: dir } });
    const built = await runCli(['build-index'], { env: { KNOWLEDGE_DIR: dir } });
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^Wrote .*\.factdesk-index\.json \([\d.]+ KiB\): 2 documents/);
    const after = await runCli(['ask', 'high-tech enterprises', '--json'], { env: { KNOWLEDGE_DIR: dir } });
    expect(after.stdout).toBe(before.stdout);
  });
});

describe('a missing knowledge folder', () => {
  it('fails with the folder and the setting to change, without a stack trace', async () => {
    const { code, stderr } = await runCli(['ask', 'GDP'], { env: { KNOWLEDGE_DIR: '/nonexistent/kb' } });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'The knowledge folder /nonexistent/kb does not exist or is not a folder. Set KNOWLEDGE_DIR to a folder of documents (.md .markdown .txt .pdf .docx .html .htm .csv).',
    );
  });
});
