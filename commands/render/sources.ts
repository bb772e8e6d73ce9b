import { bold, hyperlink } from '@discordjs/formatters';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { countOf, t } from '../i18n/index.js';
import { LIMITS } from '../reply/limits.js';
import { ephemeral } from '../reply/messages.js';
import type { Reply } from '../reply/payload.js';
import { EMBED_COLOR } from './answer.js';
import { escapeText } from './text.js';
import type { TextView } from './view.js';

interface SourceEntry {
  title: string;
  url?: string;
  /** Source and date, e.g. `PR Newswire, 2024-02-20`. */
  meta: string;
  passages: string;
  figures: string;
}

/** Each document with what /sources shows of it. */
function sourceEntries(kb: KnowledgeBase, locale?: string): SourceEntry[] {
  return kb.documents.map((doc) => {
    const passages = kb.passages.filter((passage) => passage.docId === doc.id).length;
    const figures = kb.figures.filter((figure) => figure.docId === doc.id).length;
    return {
      title: doc.title,
      ...(doc.url ? { url: doc.url } : {}),
      meta: [doc.source, doc.published].filter(Boolean).join(', '),
      passages: countOf(locale, passages, 'passage'),
      figures: countOf(locale, figures, 'figure'),
    };
  });
}

/** One line per document: title (linked when it has a url), source, date, passage and figure counts. */
export function sourceLines(kb: KnowledgeBase, locale?: string): string[] {
  return sourceEntries(kb, locale).map((entry) =>
    t(locale, 'sources.line', {
      title: entry.url ? hyperlink(escapeText(entry.title), entry.url) : bold(escapeText(entry.title)),
      meta: entry.meta ? ` (${escapeText(entry.meta)})` : '',
      passages: entry.passages,
      figures: entry.figures,
    }),
  );
}

/** The same list as text for the console: titles in bold, links after them. */
function sourcesView(kb: KnowledgeBase, locale?: string): TextView {
  const heading = t(locale, 'sources.title', {
    knowledge: kb.name,
    documents: countOf(locale, kb.documents.length, 'document'),
  });
  return {
    blocks: [
      [[{ text: heading, bold: true }]],
      sourceEntries(kb, locale).map((entry) => {
        // The catalog's line, with the title as a span of its own (bold, its link after it).
        const [before = '', after = ''] = t(locale, 'sources.line', {
          title: '\u0000',
          meta: entry.meta ? ` (${entry.meta})` : '',
          passages: entry.passages,
          figures: entry.figures,
        }).split('\u0000');
        return [
          { text: before },
          { text: entry.title, bold: true, ...(entry.url ? { url: entry.url } : {}) },
          { text: after },
        ];
      }),
    ],
  };
}

/** The list of documents as a private reply (`/sources`, `/knowledge list`), within Discord's limits. */
export function sourcesReply(kb: KnowledgeBase, locale?: string): Reply {
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
  return ephemeral(
    {
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
    },
    { view: sourcesView(kb, locale) },
  );
}
