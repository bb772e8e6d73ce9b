import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { dispatch } from '../../commands/dispatch.js';
import { countOf, t } from '../../commands/i18n/index.js';
import { ask } from '../answer/ask.js';
import { lookupFigure } from '../answer/figure-lookup.js';
import { formatProblem } from '../knowledge/load.js';
import { openKnowledgeBase, writePrebuiltIndex } from '../knowledge-base.js';
import { createApp } from '../runtime/app.js';
import { loadConfig } from '../runtime/config.js';
import { configuredLogger, interactiveLevel } from '../runtime/logger.js';
import { terminalLocale } from '../transports/console.js';
import { renderReplyForTerminal } from '../transports/terminal.js';
import type { Problem } from '../types.js';
import { argumentError, fail, run } from './run.js';

type Mode = 'ask' | 'figure';

const COMMANDS: readonly string[] = ['ask', 'figure', 'sources', 'build-index', 'check-knowledge'];

/** The CLI's arguments: a command, its words, and `--json`, `--out PATH`, `--help`. */
function parseArguments(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
}

const CLI_USER = { id: '0', name: 'cli' };

/** A knowledge base's counts, written in `locale`, for the summary lines. */
function countsOf(locale: string | undefined, kb: Parameters<typeof ask>[0]) {
  return {
    documents: countOf(locale, kb.documents.length, 'document'),
    passages: countOf(locale, kb.passages.length, 'passage'),
    figures: countOf(locale, kb.figures.length, 'figure'),
  };
}

/** The CLI answers in the language of `LANG` (or `LC_ALL`), like the console. */
function localeOf(config: Parameters<typeof terminalLocale>[0]): { locale?: string } {
  const locale = terminalLocale(config);
  return locale ? { locale } : {};
}

/** A mistake on the command line: what is wrong (if anything is said) and the usage, on standard error (exit code 2). */
function usageError(problem: string | undefined, locale: string | undefined): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${t(locale, 'cli.usage')}\n`);
  return 2;
}

/** Answers one question as the JSON object of the CLI's `--json` mode. */
function answerJson(mode: Mode, kb: Parameters<typeof ask>[0], text: string): unknown {
  return mode === 'ask' ? ask(kb, text) : lookupFigure(kb, text);
}

/**
 * Prints every problem, one line each, and returns the number of errors. An empty folder is an
 * error where it is checked (`strictEmpty`), a warning elsewhere.
 */
function printProblems(problems: readonly Problem[], documents: number, strictEmpty: boolean): number {
  let errors = 0;
  for (const problem of problems) {
    const emptyFolder = problem.field === 'folder' && documents === 0;
    const shown = emptyFolder && strictEmpty ? { ...problem, severity: 'error' as const } : problem;
    if (shown.severity === 'error') errors++;
    process.stdout.write(`${formatProblem(shown)}\n`);
  }
  return errors;
}

async function main(argv: string[]): Promise<number> {
  // Before the config is read (it may be what is wrong), the language comes from the environment.
  const { locale: shellLocale } = localeOf(process.env);
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    return usageError(argumentError(error, shellLocale), shellLocale);
  }
  const { values, positionals } = parsed;
  const [command, ...words] = positionals;
  if (values.help) {
    process.stdout.write(`${t(shellLocale, 'cli.usage')}\n`);
    return 0;
  }
  if (!command) return usageError(undefined, shellLocale);
  if (!COMMANDS.includes(command))
    return usageError(t(shellLocale, 'cli.unknownCommand', { command }), shellLocale);
  const config = loadConfig();
  const { locale } = localeOf(config);

  const open = () =>
    openKnowledgeBase({
      dir: config.KNOWLEDGE_DIR,
      usePrebuilt: false,
      maxFileBytes: config.KNOWLEDGE_MAX_FILE_MB * 1024 * 1024,
    });
  if (command === 'check-knowledge') {
    const kb = await open();
    const errors = printProblems(kb.problems, kb.documents.length, true);
    process.stdout.write(
      `${t(locale, 'cli.checked', { dir: kb.dir, ...countsOf(locale, kb), errors: countOf(locale, errors, 'error') })}\n`,
    );
    return errors > 0 ? 1 : 0;
  }
  if (command === 'build-index') {
    const started = performance.now();
    const kb = await open();
    const errors = printProblems(kb.problems, kb.documents.length, false);
    const target = values.out ?? config.KNOWLEDGE_INDEX_FILE;
    let written: { file: string; bytes: number };
    try {
      written = await writePrebuiltIndex(kb, target ? path.resolve(target) : undefined);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        return fail(t(locale, 'cli.readOnly', { dir: target ?? kb.dir, code }));
      }
      throw error;
    }
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `${t(locale, 'cli.wrote', { file: written.file, size: (written.bytes / 1024).toFixed(1), ms, ...countsOf(locale, kb) })}\n`,
    );
    if (errors > 0)
      process.stdout.write(`${t(locale, 'cli.leftOut', { errors: countOf(locale, errors, 'error') })}\n`);
    return errors > 0 ? 1 : 0;
  }

  // One-shot commands from a shell are not questions from the community: not logged.
  const app = await createApp(config, configuredLogger(config, interactiveLevel(config)), {
    insights: false,
  });
  const kb = app.knowledge.get();
  if (command === 'sources') {
    if (values.json) {
      const documents = kb.documents.map((doc) => ({
        ...doc,
        passages: kb.passages.filter((p) => p.docId === doc.id).length,
        figures: kb.figures.filter((f) => f.docId === doc.id).length,
      }));
      process.stdout.write(`${JSON.stringify({ documents })}\n`);
    } else {
      const reply = await dispatch(
        { kind: 'command', name: 'sources', options: {}, user: CLI_USER, ...localeOf(config) },
        app.deps,
      );
      process.stdout.write(`${renderReplyForTerminal(reply, { color: Boolean(process.stdout.isTTY) })}\n`);
    }
    return 0;
  }
  if (command !== 'ask' && command !== 'figure') return usageError(undefined, locale);

  const text = words.join(' ').trim();
  if (!text) {
    if (process.stdin.isTTY)
      return usageError(t(locale, command === 'ask' ? 'cli.noQuestion' : 'cli.noTopic'), locale);
    // JSON Lines: one question per line in, one object per line out, on the same index.
    for await (const line of createInterface({ input: process.stdin })) {
      if (line.trim()) process.stdout.write(`${JSON.stringify(answerJson(command, kb, line))}\n`);
    }
    return 0;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(answerJson(command, kb, text))}\n`);
    return 0;
  }
  const options = command === 'ask' ? { question: text } : { topic: text };
  const reply = await dispatch(
    { kind: 'command', name: command, options, user: CLI_USER, ...localeOf(config) },
    { context: app.deps.context },
  );
  process.stdout.write(`${renderReplyForTerminal(reply, { color: Boolean(process.stdout.isTTY) })}\n`);
  return 0;
}

run(() => main(process.argv.slice(2)));
