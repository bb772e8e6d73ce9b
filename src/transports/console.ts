import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { dispatch } from '../../commands/dispatch.js';
import { canonicalCommandName, countOf, localeFromLang, t } from '../../commands/i18n/index.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../runtime/app.js';
import { renderReplyForTerminal } from './terminal.js';

const CONSOLE_USER = { id: '0', name: 'console' };
/** The person at the console runs the bot: every permission (so `/insights` works there). */
const CONSOLE_PERMISSIONS = String((1n << 53n) - 1n);

/**
 * Reads one console line as an invocation: `/ask …`, `/figure …`, `/sources`, `/help`, or a bare
 * question (treated as `/ask`), answered in `locale` (from `LANG`). Returns `undefined` for an empty line.
 *
 * @example
 * parseConsoleLine('/figure regional GDP') // → { kind: 'command', name: 'figure', options: { topic: 'regional GDP' }, … }
 */
export function parseConsoleLine(line: string, locale?: string): Invocation | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const match = /^\/([\p{L}\p{N}_-]+)\s*(.*)$/su.exec(text);
  const name = match?.[1] ? canonicalCommandName(match[1]) : 'ask';
  const rest = match ? (match[2] ?? '').trim() : text;
  const options: Invocation['options'] = {};
  if (name === 'ask') options.question = rest;
  if (name === 'figure') options.topic = rest;
  if (name === 'insights' && /^\d+$/.test(rest)) options.period = Number(rest);
  return {
    kind: 'command',
    name,
    options,
    user: CONSOLE_USER,
    memberPermissions: CONSOLE_PERMISSIONS,
    ...(locale ? { locale } : {}),
  };
}

/** The language of the console and the CLI: `LC_ALL`, else `LANG` (`zh_CN.UTF-8` → `zh-CN`). */
export function terminalLocale(config: App['config']): string | undefined {
  return localeFromLang(config.LC_ALL ?? config.LANG);
}

/** The banner printed when the console opens, in the console's language. */
export function consoleBanner(app: App, locale = terminalLocale(app.config)): string {
  const kb = app.knowledge.get();
  return [
    t(locale, 'console.counts', {
      documents: countOf(locale, kb.documents.length, 'document'),
      passages: countOf(locale, kb.passages.length, 'passage'),
      figures: countOf(locale, kb.figures.length, 'figure'),
      dir: kb.dir,
    }),
    t(locale, 'console.noToken'),
    t(locale, 'console.usage'),
  ].join('\n');
}

/**
 * The local console: answers each line through the same handlers as the Discord bot and prints the
 * reply rendered for a terminal. Interactive with a prompt on a TTY; with piped input it answers
 * every line and resolves at the end of input.
 */
export async function runConsole(
  app: App,
  io: { input: Readable & { isTTY?: boolean }; output: Writable & { isTTY?: boolean } } = {
    input: process.stdin,
    output: process.stdout,
  },
): Promise<void> {
  const interactive = Boolean(io.input.isTTY && io.output.isTTY);
  const color = Boolean(io.output.isTTY) && !process.env.NO_COLOR;
  const locale = terminalLocale(app.config);
  io.output.write(`${consoleBanner(app, locale)}\n`);
  const lines = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
  });
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt('factdesk> ');
  prompt();
  for await (const line of lines) {
    const invocation = parseConsoleLine(line, locale);
    if (invocation) {
      // One person at a keyboard (or a script piping questions): no rate limit here.
      const reply = await dispatch(invocation, { context: app.deps.context });
      io.output.write(`${renderReplyForTerminal(reply, { color })}\n\n`);
    }
    prompt();
  }
}
