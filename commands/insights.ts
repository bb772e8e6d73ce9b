import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { answeredShare, periodText } from '../src/insights/report.js';
import type { InsightsSummary } from '../src/insights/types.js';
import { escapeText } from './render/text.js';
import { truncate } from './reply/enforce.js';
import { LIMITS } from './reply/limits.js';
import { ephemeral, notice } from './reply/messages.js';
import type { CommandModule, Invocation } from './types.js';

/** The periods `/insights` offers, in days. */
export const PERIODS = [7, 30] as const;
/** How much of a disliked answer's passage the report quotes. */
const QUOTE = 180;
/** The most one disliked answer's field takes, so five fit in an embed's 6000 characters. */
const DISLIKED_FIELD = 600;

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'insights',
  description: 'What people asked, what went unanswered, which answers got 👎 (Manage Server)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'period',
      description: 'How far back to look (default: 7 days)',
      choices: PERIODS.map((days) => ({ name: `Last ${days} days`, value: days })),
    },
  ],
};

/** Whether the member may see insights: Manage Server, checked here as well as by Discord. */
export function mayManageServer(invocation: Invocation): boolean {
  if (!invocation.memberPermissions || !/^\d+$/.test(invocation.memberPermissions)) return false;
  const permissions = BigInt(invocation.memberPermissions);
  return (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

/** Lines joined with newlines, as many as fit in `max` characters (a "…and N more" when some do not). */
function fitLines(lines: string[], max: number, empty: string): string {
  if (lines.length === 0) return empty;
  const out: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more`;
    if (size + line.length + 1 + more.length > max && i < lines.length) {
      out.push(more);
      break;
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

const quoted = (text: string, max: number) => `“${escapeText(truncate(text, max))}”`;

/** The summary as one embed within Discord's limits. Never who asked: the log holds no names. */
export function insightsEmbed(summary: InsightsSummary, now: number = Date.now()): APIEmbed {
  const field = LIMITS.fieldValue;
  const fields: NonNullable<APIEmbed['fields']> = [
    {
      name: 'Top unanswered questions',
      value: fitLines(
        summary.unanswered.map((u) => `**${u.count}×** ${quoted(u.question, 150)}`),
        field,
        'None: every question found an answer.',
      ),
    },
    {
      name: 'Most asked topics',
      value: fitLines(
        summary.topics.map((t) => `**${t.count}×** ${escapeText(truncate(t.label, 100))}`),
        field,
        'None yet.',
      ),
    },
  ];
  if (summary.disliked.length === 0) fields.push({ name: 'Answers with the most 👎', value: 'None.' });
  for (const [i, d] of summary.disliked.entries()) {
    const lines = [
      `**Q:** ${quoted(d.question, 150)}`,
      ...(d.passageQuote || d.passageId
        ? [
            `**A:** ${d.passageQuote ? quoted(d.passageQuote, QUOTE) : ''} ${d.passageId ? `(${escapeText(d.passageId)})` : ''}`.trim(),
          ]
        : []),
      ...d.comments.map((comment) => `> ${escapeText(truncate(comment.replace(/\s+/g, ' '), 150))}`),
    ];
    fields.push({
      name: truncate(
        `${i === 0 ? 'Answers with the most 👎 · ' : ''}${d.down}× 👎, ${d.up}× 👍`,
        LIMITS.fieldName,
      ),
      value: fitLines(lines, DISLIKED_FIELD, '—'),
    });
  }
  return {
    title: `Insights: ${periodText(summary, now)}`,
    description: `**${summary.asked}** question${summary.asked === 1 ? '' : 's'} asked, **${answeredShare(summary)}%** answered (${summary.answered}).`,
    fields,
    footer: { text: 'Who asked is never kept: user ids are stored only as salted hashes.' },
  };
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  async execute(invocation, context) {
    if (!mayManageServer(invocation)) return notice('Only members with **Manage Server** can see insights.');
    if (!context.insights)
      return notice('Insights are off here (`INSIGHTS=off`): no questions are being kept.');
    const period = Number(invocation.options.period);
    const days = (PERIODS as readonly number[]).includes(period) ? period : PERIODS[0];
    try {
      return ephemeral({ embeds: [insightsEmbed(await context.insights.summary(days))] });
    } catch (error) {
      context.logger.warn({ err: error, store: context.insights.store.kind }, 'insights summary failed');
      return notice('The insights database is not answering right now; answers still work. Try again later.');
    }
  },
};
