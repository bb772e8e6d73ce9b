import { hyperlink } from '@discordjs/formatters';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { countOf, localizations, t } from './i18n/index.js';
import { EMBED_COLOR } from './render/answer.js';
import { escapeText } from './render/text.js';
import { LIMITS } from './reply/limits.js';
import { ephemeral } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  name_localizations: localizations('sources.name'),
  description: t(undefined, 'sources.description'),
  description_localizations: localizations('sources.description'),
};

/** One line per document: title (linked when it has a url), source, date, passage and figure counts. */
export function sourceLines(kb: KnowledgeBase, locale?: string): string[] {
  return kb.documents.map((doc) => {
    const passages = kb.passages.filter((passage) => passage.docId === doc.id).length;
    const figures = kb.figures.filter((figure) => figure.docId === doc.id).length;
    const title = doc.url ? hyperlink(escapeText(doc.title), doc.url) : `**${escapeText(doc.title)}**`;
    const meta = [doc.source, doc.published].filter(Boolean).join(', ');
    return t(locale, 'sources.line', {
      title,
      meta: meta ? ` (${escapeText(meta)})` : '',
      passages: countOf(locale, passages, 'passage'),
      figures: countOf(locale, figures, 'figure'),
    });
  });
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute(invocation, context) {
    const { locale } = invocation;
    const kb = context.knowledge();
    const lines = sourceLines(kb, locale);
    let description = '';
    let shown = 0;
    for (const line of lines) {
      const more = t(locale, 'sources.more', { n: lines.length - shown });
      if (description.length + line.length + 1 + more.length > LIMITS.embedDescription) {
        description += more;
        break;
      }
      description += `${description ? '\n' : ''}${line}`;
      shown++;
    }
    return ephemeral({
      embeds: [
        {
          color: EMBED_COLOR,
          title: t(locale, 'sources.title', {
            knowledge: kb.name,
            documents: countOf(locale, kb.documents.length, 'document'),
          }),
          description: description || t(locale, 'sources.empty'),
          footer: {
            text: t(locale, 'sources.footer', {
              passages: countOf(locale, kb.passages.length, 'passage'),
              figures: countOf(locale, kb.figures.length, 'figure'),
            }),
          },
        },
      ],
    });
  },
};
