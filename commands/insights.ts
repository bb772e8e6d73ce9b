import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { answeredShare } from '../src/insights/report.js';
import type { InsightsSummary } from '../src/insights/types.js';
import { localizations, t } from './i18n/index.js';
import { escapeText } from './render/text.js';
import { catalogSpans, type TextView, type ViewSpan } from './render/view.js';
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
  name_localizations: localizations('insights.name'),
  description: t(undefined, 'insights.description'),
  description_localizations: localizations('insights.description'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'period',
      name_localizations: localizations('insights.period.name'),
      description: t(undefined, 'insights.period.description'),
      description_localizations: localizations('insights.period.description'),
      choices: PERIODS.map((days) => ({
        name: t(undefined, 'insights.period.choice', { n: days }),
        name_localizations: {
          'zh-CN': t('zh-CN', 'insights.period.choice', { n: days }),
          'zh-TW': t('zh-TW', 'insights.period.choice', { n: days }),
        },
        value: days,
      })),
    },
  ],
};

/** Whether the member may see insights: Manage Server, checked here as well as by Discord. */
export function mayManageServer(invocation: Invocation): boolean {
  const granted = invocation.permissions ?? invocation.memberPermissions;
  if (!granted || !/^\d+$/.test(granted)) return false;
  const permissions = BigInt(granted);
  return (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

/** Lines joined with newlines, as many as fit in `max` characters (a "…and N more" when some do not). */
function fitLines(lines: string[], max: number, empty: string, locale?: string): string {
  if (lines.length === 0) return empty;
  const out: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const more = t(locale, 'insights.more', { n: lines.length - i });
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

/**
 * The same summary as a text view for the console, in the language of `locale`, from the summary
 * itself (never from the embed's Markdown).
 */
export function insightsView(summary: InsightsSummary, now: number = Date.now(), locale?: string): TextView {
  const days = Math.max(1, Math.round((now - summary.since) / 86_400_000));
  const line = (text: string): ViewSpan[] => [{ text }];
  const list = (heading: string, lines: string[], none: string): ViewSpan[][] => [
    [{ text: t(locale, 'list.heading', { heading }), bold: true }],
    ...(lines.length > 0 ? lines : [none]).map((text) => line(`  ${text}`)),
  ];
  const disliked = summary.disliked.flatMap((d) => [
    `${d.down}× 👎, ${d.up}× 👍: “${d.question}”`,
    ...(d.passageQuote || d.passageId
      ? [
          `  ${[d.passageQuote ? `“${d.passageQuote}”` : '', d.passageId ? `(${d.passageId})` : ''].join(' ').trim()}`,
        ]
      : []),
    ...d.comments.map((comment) => `  > ${comment.replace(/\s+/g, ' ')}`),
  ]);
  return {
    blocks: [
      [
        [{ text: t(locale, 'insights.title', { n: days }), bold: true }],
        catalogSpans(
          t(locale, 'insights.summary', {
            asked: summary.asked,
            share: answeredShare(summary),
            answered: summary.answered,
          }),
        ),
      ],
      list(
        t(locale, 'insights.unanswered'),
        summary.unanswered.map((u) => `${u.count}× “${u.question}”`),
        t(locale, 'insights.unanswered.none'),
      ),
      list(
        t(locale, 'insights.topics'),
        summary.topics.map((topic) => `${topic.count}× ${topic.label}`),
        t(locale, 'insights.topics.none'),
      ),
      list(t(locale, 'insights.disliked'), disliked, t(locale, 'insights.disliked.none')),
      [[{ text: t(locale, 'insights.footer'), dim: true }]],
    ],
  };
}

/**
 * The summary as one embed within Discord's limits, in the language of `locale`. Never who asked:
 * the log holds no names.
 */
export function insightsEmbed(summary: InsightsSummary, now: number = Date.now(), locale?: string): APIEmbed {
  const field = LIMITS.fieldValue;
  const days = Math.max(1, Math.round((now - summary.since) / 86_400_000));
  const fields: NonNullable<APIEmbed['fields']> = [
    {
      name: t(locale, 'insights.unanswered'),
      value: fitLines(
        summary.unanswered.map((u) => `**${u.count}×** ${quoted(u.question, 150)}`),
        field,
        t(locale, 'insights.unanswered.none'),
        locale,
      ),
    },
    {
      name: t(locale, 'insights.topics'),
      value: fitLines(
        summary.topics.map((topic) => `**${topic.count}×** ${escapeText(truncate(topic.label, 100))}`),
        field,
        t(locale, 'insights.topics.none'),
        locale,
      ),
    },
  ];
  if (summary.disliked.length === 0)
    fields.push({ name: t(locale, 'insights.disliked'), value: t(locale, 'insights.disliked.none') });
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
        `${i === 0 ? `${t(locale, 'insights.disliked')} · ` : ''}${d.down}× 👎, ${d.up}× 👍`,
        LIMITS.fieldName,
      ),
      value: fitLines(lines, DISLIKED_FIELD, '—', locale),
    });
  }
  return {
    title: t(locale, 'insights.title', { n: days }),
    description: t(locale, 'insights.summary', {
      asked: summary.asked,
      share: answeredShare(summary),
      answered: summary.answered,
    }),
    fields,
    footer: { text: t(locale, 'insights.footer') },
  };
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  async execute(invocation, context) {
    const { locale } = invocation;
    if (!mayManageServer(invocation)) return notice(t(locale, 'insights.forbidden'));
    if (!context.insights) return notice(t(locale, 'insights.off'));
    const period = Number(invocation.options.period);
    const days = (PERIODS as readonly number[]).includes(period) ? period : PERIODS[0];
    try {
      const summary = await context.insights.summary(days);
      const now = Date.now();
      return ephemeral(
        { embeds: [insightsEmbed(summary, now, locale)] },
        { view: insightsView(summary, now, locale) },
      );
    } catch (error) {
      context.logger.warn({ err: error, store: context.insights.store.kind }, 'insights summary failed');
      return notice(t(locale, 'insights.unavailable'));
    }
  },
};
