import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply } from '../../commands/reply/payload.js';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET_BOLD = '\u001b[22m';

/**
 * Turns Discord markdown into terminal text: `**bold**` becomes ANSI bold (or plain when `color` is
 * off), escapes are removed, subtext (`-# `) is dimmed, mentions show as `@user`.
 */
export function markdownToTerminal(text: string, color: boolean): string {
  return text
    .replace(/^-# (.*)$/gm, (_, line: string) => (color ? `${DIM}${line}${RESET_BOLD}` : line))
    .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => (color ? `${BOLD}${inner}${RESET_BOLD}` : inner))
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 <$2>')
    .replace(/<@!?(\d+)>/g, '@user:$1')
    .replace(/\\([\\*_~`|>#\-[\]().])/g, '$1')
    .replace(/@\u200b/g, '@')
    .replace(/```\n?/g, '');
}

function renderEmbed(embed: APIEmbed, color: boolean): string {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(markdownToTerminal(embed.author.name, color));
  if (embed.title) {
    const title = color ? `${BOLD}${embed.title}${RESET_BOLD}` : embed.title;
    lines.push(`━━ ${title}${embed.url ? ` <${embed.url}>` : ''}`);
  }
  if (embed.description) lines.push(markdownToTerminal(embed.description, color));
  for (const field of embed.fields ?? []) {
    lines.push(`  ${field.name}: ${markdownToTerminal(field.value, color).replace(/\n/g, '\n    ')}`);
  }
  if (embed.footer?.text) lines.push(color ? `${DIM}${embed.footer.text}${RESET_BOLD}` : embed.footer.text);
  return lines.join('\n');
}

/**
 * Renders a reply for a terminal: the same answer the bot sends to Discord (content, embeds,
 * citations, figures in bold), as text.
 */
export function renderReplyForTerminal(reply: Reply, { color = false } = {}): string {
  if (reply.kind === 'choices') return reply.choices.map((choice) => `  ${choice.name}`).join('\n');
  if (reply.kind === 'modal') return `(a form: ${reply.modal.title})`;
  const parts: string[] = [];
  if (reply.data.content) parts.push(markdownToTerminal(reply.data.content, color));
  for (const embed of reply.data.embeds ?? []) parts.push(renderEmbed(embed, color));
  return parts.join('\n\n');
}
