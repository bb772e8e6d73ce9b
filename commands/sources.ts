import { hyperlink } from '@discordjs/formatters';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { count } from '../src/text/count.js';
import { EMBED_COLOR } from './render/answer.js';
import { escapeText } from './render/text.js';
import { LIMITS } from './reply/limits.js';
import { ephemeral } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  description: 'List the documents factdesk answers from, with dates and counts',
};

/** One line per document: title (linked when it has a url), source, date, passage and figure counts. */
export function sourceLines(kb: KnowledgeBase): string[] {
  return kb.documents.map((doc) => {
    const passages = kb.passages.filter((passage) => passage.docId === doc.id).length;
    const figures = kb.figures.filter((figure) => figure.docId === doc.id).length;
    const title = doc.url ? hyperlink(escapeText(doc.title), doc.url) : `**${escapeText(doc.title)}**`;
    const meta = [doc.source, doc.published].filter(Boolean).join(', ');
    return `• ${title}${meta ? ` (${escapeText(meta)})` : ''}: ${passages} passages, ${figures} figures`;
  });
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute(_invocation, context) {
    const kb = context.knowledge();
    const lines = sourceLines(kb);
    let description = '';
    let shown = 0;
    for (const line of lines) {
      const more = `\n…and ${lines.length - shown} more`;
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
          title: `${kb.name}: ${count(kb.documents.length, 'document')}`,
          description: description || 'The knowledge folder has no documents yet.',
          footer: { text: `${kb.passages.length} passages · ${kb.figures.length} figures · factdesk` },
        },
      ],
    });
  },
};
