import { bold, hyperlink } from '@discordjs/formatters';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { count } from '../src/text/count.js';
import { EMBED_COLOR } from './render/answer.js';
import { escapeText } from './render/text.js';
import type { TextView } from './render/view.js';
import { LIMITS } from './reply/limits.js';
import { ephemeral } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  description: 'List the documents factdesk answers from, with dates and counts',
};

interface SourceEntry {
  title: string;
  url?: string;
  /** Source and date, e.g. `PR Newswire, 2024-02-20`. */
  meta: string;
  /** `16 passages, 8 figures`. */
  counts: string;
}

/** Each document with what /sources shows of it. */
function sourceEntries(kb: KnowledgeBase): SourceEntry[] {
  return kb.documents.map((doc) => {
    const passages = kb.passages.filter((passage) => passage.docId === doc.id).length;
    const figures = kb.figures.filter((figure) => figure.docId === doc.id).length;
    return {
      title: doc.title,
      ...(doc.url ? { url: doc.url } : {}),
      meta: [doc.source, doc.published].filter(Boolean).join(', '),
      counts: `${count(passages, 'passage')}, ${count(figures, 'figure')}`,
    };
  });
}

/** One line per document: title (linked when it has a url), source, date, passage and figure counts. */
export function sourceLines(kb: KnowledgeBase): string[] {
  return sourceEntries(kb).map((entry) => {
    const title = entry.url ? hyperlink(escapeText(entry.title), entry.url) : bold(escapeText(entry.title));
    return `• ${title}${entry.meta ? ` (${escapeText(entry.meta)})` : ''}: ${entry.counts}`;
  });
}

/** The same list as text for the console: titles in bold, links after them. */
function sourcesView(kb: KnowledgeBase): TextView {
  const heading = `${kb.name}: ${count(kb.documents.length, 'document')}`;
  return {
    blocks: [
      [[{ text: heading, bold: true }]],
      sourceEntries(kb).map((entry) => [
        { text: '• ' },
        { text: entry.title, bold: true, ...(entry.url ? { url: entry.url } : {}) },
        { text: `${entry.meta ? ` (${entry.meta})` : ''}: ${entry.counts}` },
      ]),
    ],
  };
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
    return ephemeral(
      {
        embeds: [
          {
            color: EMBED_COLOR,
            title: `${kb.name}: ${count(kb.documents.length, 'document')}`,
            description: description || 'The knowledge folder has no documents yet.',
            footer: {
              text: `${count(kb.passages.length, 'passage')} · ${count(kb.figures.length, 'figure')} · factdesk`,
            },
          },
        ],
      },
      { view: sourcesView(kb) },
    );
  },
};
