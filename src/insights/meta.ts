import type { Answer } from '../answer/ask.js';
import type { FigureAnswer } from '../answer/figure-lookup.js';
import type { QuestionMeta } from './types.js';

/** How much of the top passage the log keeps, to quote a disliked answer. */
export const QUOTE_LENGTH = 200;
/** How many figure labels of an answer count as its topics. */
const TOPICS = 3;

function quote(text: string): string {
  return text.length <= QUOTE_LENGTH ? text : `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…`;
}

function distinct(labels: string[]): string[] {
  return [...new Set(labels.map((label) => label.trim()).filter(Boolean))].slice(0, TOPICS);
}

/** What the log keeps of an `/ask` (or Find in factdesk) answer. */
export function askMeta(text: string, answer: Answer): QuestionMeta {
  const top = answer.passages[0];
  if (!answer.answered || !top) return { text };
  return {
    text,
    passageId: top.id,
    score: top.score,
    passageQuote: quote(top.text),
    topics: distinct(answer.figures.map((figure) => figure.label)),
  };
}

/** What the log keeps of a `/figure` answer: its passage is the best figure's. */
export function figureMeta(text: string, answer: FigureAnswer): QuestionMeta {
  const top = answer.figures[0];
  if (!answer.answered || !top) return { text };
  return {
    text,
    passageId: top.passageId,
    score: top.score,
    passageQuote: quote(top.sentence),
    topics: distinct([top.label]),
  };
}
