import { t } from '../../commands/i18n/index.js';
import type { TextView, ViewSpan } from '../../commands/render/view.js';
import type { Reply } from '../../commands/reply/payload.js';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[22m';

function renderSpan(span: ViewSpan, color: boolean): string {
  let text = span.text;
  if (color && span.bold) text = `${BOLD}${text}${RESET}`;
  else if (color && span.dim) text = `${DIM}${text}${RESET}`;
  return span.url ? `${text} <${span.url}>` : text;
}

/** Renders a text view: lines of spans, blocks separated by a blank line; bold and dim as ANSI when `color`. */
export function renderView(view: TextView, color: boolean): string {
  return view.blocks
    .map((block) => block.map((line) => line.map((span) => renderSpan(span, color)).join('')).join('\n'))
    .join('\n\n');
}

/**
 * Renders a reply for a terminal from its data: the text view the command built from the same
 * answer as its Discord message (never by reading the Markdown back), autocomplete choices as a
 * list, or the plain content of a short notice.
 */
export function renderReplyForTerminal(
  reply: Reply,
  { color = false, locale }: { color?: boolean; locale?: string } = {},
): string {
  if (reply.kind === 'choices') return reply.choices.map((choice) => `  ${choice.name}`).join('\n');
  if (reply.meta?.view) return renderView(reply.meta.view, color);
  if (reply.kind === 'modal') return t(locale, 'console.form', { title: reply.modal.title });
  return reply.data.content ?? '';
}
