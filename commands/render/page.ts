import { type Answer, type AnswerPassage, ask } from '../../src/answer/ask.js';
import { citationOf } from '../../src/answer/citation.js';
import { quoteOf } from '../../src/answer/quote.js';
import { askMeta } from '../../src/insights/meta.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import type { Passage } from '../../src/types.js';
import { countOf, languageOf, t } from '../i18n/index.js';
import { forAudience, isPublic, notice } from '../reply/messages.js';
import type { MessageData, Reply } from '../reply/payload.js';
import type { Invocation } from '../types.js';
import { type AnswerPage, answerEmbeds } from './answer.js';
import { answerButtons, MORE_KEYS } from './buttons.js';
import { passageKey, passagesOfKeys } from './keys.js';
import { escapeText } from './text.js';
import { answerView, plainView } from './view.js';

/** The longest question `/ask` accepts (its option's `max_length`), and More pages any of them. */
export const MAX_QUESTION_LENGTH = 300;

/** Passages quoted on one page of an answer. */
export const PAGE_SIZE = 3;

/**
 * Asks a question for a paged answer: the first page and the passages "More" will show, in one
 * search (the More button carries their keys).
 */
export function askPaged(kb: KnowledgeBase, question: string): Answer {
  return ask(kb, question, { limit: PAGE_SIZE + MORE_KEYS });
}

/** The first page of an answer (from {@link askPaged}): its best passages, their figures, the keys of the rest. */
export function firstPage(answer: Answer): AnswerPage {
  const passages = answer.passages.slice(0, PAGE_SIZE);
  const shown = new Set(passages.flatMap((passage) => passage.sources));
  return {
    question: answer.query,
    offset: 0,
    passages,
    figures: answer.figures.filter((figure) => shown.has(figure.passageId)),
    next: answer.passages.slice(PAGE_SIZE).map(passageKey),
  };
}

function quoted(kb: KnowledgeBase, passage: Passage): AnswerPassage {
  const quote = quoteOf(kb, passage);
  const { text, sources } = quote;
  return { id: passage.id, ...citationOf(kb, passage, quote), text, sources, score: 0, matchedTerms: [] };
}

/**
 * A later page, rebuilt from the passage keys a "More" button carries: the first {@link PAGE_SIZE}
 * of them with their figures, the rest for the next More. `undefined` when a passage is gone.
 */
export function pageOfKeys(
  kb: KnowledgeBase,
  keys: readonly string[],
  offset: number,
): AnswerPage | undefined {
  const passages = passagesOfKeys(kb, keys.slice(0, PAGE_SIZE));
  if (!passages || passages.length === 0) return undefined;
  const quotes = passages.map((passage) => quoted(kb, passage));
  return {
    offset,
    passages: quotes,
    figures: quotes.flatMap((quote) => quote.sources.flatMap((id) => kb.figuresByPassage.get(id) ?? [])),
    next: keys.slice(PAGE_SIZE),
  };
}

/**
 * The message of an answer page: embeds, and the buttons that fit its audience (Share only on an
 * ephemeral answer, More only when passages follow and the message is the asker's own, Cite always).
 */
export function answerMessage(
  page: AnswerPage,
  options: { ephemeral: boolean; locale?: string },
): MessageData {
  return {
    embeds: answerEmbeds(page, options.locale),
    components: answerButtons({
      ...(options.locale ? { locale: options.locale } : {}),
      shareable: options.ephemeral,
      cite: page.passages.map(passageKey),
      ...(options.ephemeral ? { more: { offset: page.offset + page.passages.length, keys: page.next } } : {}),
    }),
  };
}

/** The reply when the knowledge does not answer: never a random passage, but topics to try. */
export function notFoundReply(
  what: string,
  kb: KnowledgeBase,
  suggestions: string[],
  locale?: string,
): Reply {
  // Quotation marks inside a text we quote become the inner kind (“the ‘First Conference’ theme”).
  const nested = (text: string) =>
    text.replace(/“([^“”]*)”/g, (_, inner: string) => t(locale, 'list.innerQuoted', { text: inner }));
  const message = (quote: (text: string) => string) =>
    t(locale, 'notFound.message', {
      what: quote(nested(what)),
      knowledge: quote(kb.name),
      documents: countOf(locale, kb.documents.length, 'document'),
      tries:
        suggestions.length > 0
          ? t(locale, 'notFound.tries', {
              topics: suggestions
                .map((s) => t(locale, 'list.quoted', { text: quote(nested(s)) }))
                .join(t(locale, 'list.separator')),
            })
          : '',
    });
  // The same words for Discord (escaped Markdown) and the console (as written).
  const plain = message((text) => text);
  return notice(message(escapeText), {
    answered: false,
    view: plainView(...plain.split('\n')),
    question: { text: what },
  });
}

/** Replies with an answer for an invocation, respecting `share` and `for`; not found is always private. */
export function answerFor(
  invocation: Invocation,
  kb: KnowledgeBase,
  answer: Answer,
  memoKey?: string,
): Reply {
  const { locale } = invocation;
  if (!answer.answered) return notFoundReply(answer.query, kb, answer.suggestions, locale);
  const ephemeral = !isPublic(invocation);
  // The rendered message depends only on the answer, its audience and language: render it once per key.
  const render = () => {
    const page = firstPage(answer);
    return {
      data: answerMessage(page, { ephemeral, ...(locale ? { locale } : {}) }),
      view: answerView(page, locale),
    };
  };
  const { data, view } = memoKey
    ? kb.memo.get(`message:${ephemeral}:${languageOf(locale)}:${memoKey}`, render)
    : render();
  return forAudience(invocation, data, { answered: true, view, question: askMeta(answer.query, answer) });
}
