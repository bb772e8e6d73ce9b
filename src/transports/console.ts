import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { dispatch } from '../../commands/dispatch.js';
import {
  canonicalCommandName,
  countOf,
  localeFromLang,
  type MessageKey,
  t,
} from '../../commands/i18n/index.js';
import type { Reply } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../runtime/app.js';
import { renderReplyForTerminal } from './terminal.js';

const CONSOLE_USER = { id: '0', name: 'console' };
/** The person at the console runs factdesk on their own machine: every permission (Administrator). */
const CONSOLE_PERMISSIONS = String(PermissionFlagsBits.Administrator);

/** Characters a terminal draws two columns wide: Chinese, Japanese, Korean, full-width forms. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

/** How many columns `text` takes at a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/**
 * The console's help in the console's own syntax (`/ask …`, `/more`, `/cite`), in the language of
 * `locale`, with the commands typed as that language names them.
 */
export function consoleHelp(locale?: string): string {
  const named = (key: MessageKey) => `/${t(locale, key)}`;
  const rows: [string, string][] = [
    [t(locale, 'console.help.askExample'), t(locale, 'console.help.ask')],
    [t(locale, 'console.help.figureExample'), t(locale, 'console.help.figure')],
    [named('console.more.name'), t(locale, 'console.help.more')],
    [named('console.cite.name'), t(locale, 'console.help.cite')],
    [named('sources.name'), t(locale, 'console.help.sources')],
    [named('help.name'), t(locale, 'console.help.help')],
  ];
  const column = Math.max(...rows.map(([command]) => displayWidth(command))) + 3;
  return [
    t(locale, 'console.help.intro'),
    ...rows.map(([command, what]) => `  ${command}${' '.repeat(column - displayWidth(command))}${what}`),
    t(locale, 'console.help.quit'),
  ].join('\n');
}

/** A line the console answers itself, without a command handler. */
export type ConsoleLine =
  | { kind: 'invocation'; invocation: Invocation }
  | { kind: 'button'; button: 'more' | 'cite' }
  | { kind: 'text'; text: string };

/**
 * Reads one console line: `/ask …`, `/figure …`, `/sources`, `/more`, `/cite`, `/help`, or a bare
 * question (treated as `/ask`). Returns `undefined` for an empty line.
 *
 * @example
 * parseConsoleLine('/figure regional GDP') // → { kind: 'invocation', invocation: { name: 'figure', options: { topic: 'regional GDP' }, … } }
 */
export function parseConsoleLine(line: string, locale?: string): ConsoleLine | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const match = /^\/([\p{L}\p{N}_-]+)\s*(.*)$/su.exec(text);
  const name = match?.[1] ? canonicalCommandName(match[1]) : 'ask';
  const rest = match ? (match[2] ?? '').trim() : text;
  if (name === 'help') return { kind: 'text', text: consoleHelp(locale) };
  if (name === 'more' || name === 'cite') return { kind: 'button', button: name };
  if (name === 'ask' && !rest) return { kind: 'text', text: t(locale, 'console.ask.empty') };
  if (name === 'figure' && !rest) return { kind: 'text', text: t(locale, 'console.figure.empty') };
  const options: Invocation['options'] = {};
  if (name === 'ask') options.question = rest;
  if (name === 'figure') options.topic = rest;
  if (name === 'insights' && /^\d+$/.test(rest)) options.period = Number(rest);
  return {
    kind: 'invocation',
    invocation: {
      kind: 'command',
      name,
      options,
      user: CONSOLE_USER,
      permissions: CONSOLE_PERMISSIONS,
      ...(locale ? { locale } : {}),
    },
  };
}

/**
 * The language of the console and the CLI: `LC_ALL`, else `LANG` (`zh_CN.UTF-8` → `zh-CN`), from
 * the config or, before it is read, from the environment.
 */
export function terminalLocale(
  settings: { LC_ALL?: string | undefined; LANG?: string | undefined } = process.env,
): string | undefined {
  return localeFromLang(settings.LC_ALL || settings.LANG);
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

/** The custom id of a button under a reply (`more`, `cite`), if it has one. */
function buttonOf(reply: Reply | undefined, prefix: string): string | undefined {
  if (!reply || reply.kind === 'choices' || reply.kind === 'modal') return undefined;
  for (const row of reply.data.components ?? [])
    for (const component of row.components)
      if ('custom_id' in component && component.custom_id.startsWith(`${prefix}:`))
        return component.custom_id;
  return undefined;
}

/**
 * The local console: answers each line through the same handlers as the Discord bot and prints the
 * reply rendered for a terminal from its data. `/more` and `/cite` press the buttons of the last
 * answer. Interactive with a prompt on a TTY; with piped input it answers every line and resolves
 * at the end of input. Ctrl+C ends it as Ctrl+D does, on a new line.
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
  const lines = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
  });
  const quit = () => {
    io.output.write('\n');
    lines.close();
  };
  // Readline reports Ctrl+C at a TTY; a signal (piped input, `kill -INT`) comes to the process.
  lines.on('SIGINT', quit);
  process.once('SIGINT', quit);
  const locale = terminalLocale(app.config);
  io.output.write(`${consoleBanner(app, locale)}\n`);
  const prompt = () => {
    if (interactive) lines.prompt();
  };
  lines.setPrompt('factdesk> ');
  prompt();
  let last: Reply | undefined;
  const run = async (invocation: Invocation) => {
    // One person at a keyboard (or a script piping questions): no rate limit here.
    const reply = await dispatch(invocation, app.deps);
    if (buttonOf(reply, 'cite')) last = reply;
    return renderReplyForTerminal(reply, { color, ...(locale ? { locale } : {}) });
  };
  try {
    for await (const line of lines) {
      const parsed = parseConsoleLine(line, locale);
      let out: string | undefined;
      if (parsed?.kind === 'text') out = parsed.text;
      if (parsed?.kind === 'invocation') out = await run(parsed.invocation);
      if (parsed?.kind === 'button') {
        const customId = buttonOf(last, parsed.button);
        out = customId
          ? await run({
              kind: 'button',
              name: parsed.button,
              customId,
              options: {},
              user: CONSOLE_USER,
              ...(locale ? { locale } : {}),
            })
          : t(locale, parsed.button === 'more' ? 'console.more.none' : 'console.cite.none');
      }
      if (out !== undefined) io.output.write(`${out}\n\n`);
      prompt();
    }
  } finally {
    process.off('SIGINT', quit);
  }
}
