import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { REPORT, reportCsv, reportDocx, reportHtml, reportMarkdown, reportPdf } from './report.js';

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-formats-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

const TABLE_QUESTION = 'What was the revenue in the Americas in 2023?';
const TEXT_QUESTION = 'How many containers did the Port of Velden handle?';

const formats: Array<[string, () => Promise<string | Uint8Array>]> = [
  ['report.md', async () => reportMarkdown()],
  ['report.pdf', () => reportPdf()],
  ['report.docx', reportDocx],
  ['report.html', async () => reportHtml()],
  ['velden-revenue-by-region.csv', async () => reportCsv()],
];

describe('the same report in every format, through the CLI', () => {
  it.each(formats)('%s answers the same questions with the same figures', async (file, make) => {
    const dir = await folderWith({ [file]: await make() });
    const questions = file.endsWith('.csv') ? [TABLE_QUESTION] : [TABLE_QUESTION, TEXT_QUESTION];
    const { code, stdout, stderr } = await runCli(['ask', '--json'], {
      input: `${questions.join('\n')}\n`,
      env: { KNOWLEDGE_DIR: dir },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [table, text] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(table.answered).toBe(true);
    expect(table.passages[0].text).toBe('Americas — 2023: 196.9; 2022: 184.6 ($ million)');
    expect(table.figures[0]).toMatchObject({
      text: '196.9',
      value: 196_900_000,
      unit: 'USD',
      label: 'Americas, 2023',
    });
    if (file.endsWith('.csv')) return;
    expect(table.passages[0].section).toBe(REPORT.section);
    expect(table.passages[0].page).toBe(file.endsWith('.pdf') ? 2 : undefined);
    expect(text.passages[0].text).toContain('4.2 million containers');
    expect(text.figures[0]).toMatchObject({ value: 4_200_000 });
  });

  it('cites the page and the section of a PDF passage', async () => {
    const dir = await folderWith({ 'report.pdf': await reportPdf() });
    const { stdout } = await runCli(['ask', TABLE_QUESTION], { env: { KNOWLEDGE_DIR: dir, NO_COLOR: '1' } });
    expect(stdout).toContain('Revenue by region · p. 2 · ¶6');
  });
});

describe('check-knowledge and build-index on problem folders', () => {
  it('check-knowledge: an empty folder is an error', async () => {
    const { code, stdout } = await runCli(['check-knowledge'], {
      env: { KNOWLEDGE_DIR: await folderWith({}) },
    });
    expect(code).toBe(1);
    expect(stdout).toContain('error: .: folder holds no documents factdesk can serve.');
  });

  it('build-index prints every problem and exits 1 on errors, still writing the good documents', async () => {
    const dir = await folderWith({
      'good.md': reportMarkdown(),
      'crlf.md':
        '---\r\ntitle: Windows file\r\ntags: [a, b]\r\npublished: 2024-02-20\r\n---\r\n\r\nCranes: 12 in use.\r\n',
      'saved.pdf': reportHtml(),
      'broken.md': '---\ntitle: [oops\n---\n\nText.\n',
      'sheet.xlsx': 'PK',
    });
    const { code, stdout } = await runCli(['build-index'], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error: ')).map((l) => l.split(':')[1]?.trim())).toEqual([
      'broken.md',
      'saved.pdf',
    ]);
    expect(lines.some((l) => l.startsWith('warning: sheet.xlsx:'))).toBe(true);
    expect(lines.at(-2)).toMatch(/^Wrote .*\.factdesk-index\.json .*: 2 documents, /);
    expect(lines.at(-1)).toBe('2 errors: those files were left out of the index.');
  });

  it('build-index --out writes the index elsewhere, for a read-only knowledge folder', async () => {
    const dir = await folderWith({ 'good.md': reportMarkdown() });
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'factdesk-out-')), 'index.json');
    const { code, stdout } = await runCli(['build-index', '--out', out], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}`);
    expect(JSON.parse(await readFile(out, 'utf8')).documents[0].title).toBe(REPORT.title);
  });

  it('build-index into a folder it cannot write: one line naming --out', async () => {
    const dir = await folderWith({ 'good.md': reportMarkdown() });
    await chmod(dir, 0o555);
    // Unprivileged: as root, without the capability that writes into any folder.
    const { code, stderr } = await runCli(['build-index'], {
      env: { KNOWLEDGE_DIR: dir },
      unprivileged: true,
    });
    await chmod(dir, 0o755);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('npm run build-index -- --out PATH');
  });
});

describe('check-knowledge on broken files', () => {
  it('prints one line per problem and the summary, nothing from the parsers', async () => {
    const dir = await folderWith({
      'good.md': reportMarkdown(),
      'broken.pdf': '%PDF-1.4 garbage',
      'synonyms.json': 'not json\n',
    });
    const { code, stdout, stderr } = await runCli(['check-knowledge'], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    // pdf.js would print "Warning: Indexing all PDF objects"; JSON.parse quotes the broken text.
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^error: synonyms\.json: groups is not valid JSON \(.+\)\. Fix: /);
    expect(lines[1]).toMatch(/^error: broken\.pdf: body could not be read as PDF/);
    expect(lines[2]).toMatch(/: 1 document, \d+ passages, \d+ figures; 2 errors\.$/);
  });
});

describe('files and folders that cannot be read', () => {
  it('are one problem each with the chmod fix; the rest serves, and nothing stops with a stack', async () => {
    const dir = await folderWith({
      'good.md': reportMarkdown(),
      'locked.md': '---\ntitle: Locked\n---\n\nRevenue was 5 million dollars.\n',
      'synonyms.json': '{"groups": [["revenue", "sales"]]}',
    });
    await mkdir(path.join(dir, 'archive'));
    await writeFile(path.join(dir, 'archive', 'old.md'), '---\ntitle: Old\n---\n\nOld text.\n');
    await chmod(path.join(dir, 'locked.md'), 0o000);
    await chmod(path.join(dir, 'synonyms.json'), 0o000);
    await chmod(path.join(dir, 'archive'), 0o000);
    // Unprivileged: as root, without the capabilities that read anything.
    const check = await runCli(['check-knowledge'], { env: { KNOWLEDGE_DIR: dir }, unprivileged: true });
    const ask = await runCli(['ask', TEXT_QUESTION], { env: { KNOWLEDGE_DIR: dir }, unprivileged: true });
    await chmod(path.join(dir, 'archive'), 0o755);
    expect(check.stderr).toBe('');
    expect(check.stdout.split('\n').slice(0, 3)).toEqual([
      'error: synonyms.json: file cannot be read (permission denied). Fix: let the user running factdesk read it, e.g. `chmod a+r synonyms.json`.',
      'error: archive: folder cannot be read (permission denied). Fix: let the user running factdesk read it, e.g. `chmod a+rx archive`.',
      'error: locked.md: file cannot be read (permission denied). Fix: let the user running factdesk read it, e.g. `chmod a+r locked.md`.',
    ]);
    expect(check.stdout).toMatch(/: 1 document, \d+ passages, \d+ figures; 3 errors\.\n$/);
    expect(check.code).toBe(1);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toContain(REPORT.title);
    expect(ask.stderr).not.toMatch(/\n {4}at |factdesk stopped|cannot write/);
  });
});
