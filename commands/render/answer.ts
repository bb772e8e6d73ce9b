import { bold } from '@discordjs/formatters';
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Answer, AnswerPassage } from '../../src/answer/ask.js';
import type { CitedFigure, FigureAnswer } from '../../src/answer/figure-lookup.js';
import type { Figure } from '../../src/types.js';
import { t } from '../i18n/index.js';
import { LIMITS } from '../reply/limits.js';
import { CITATION_PREFIX, citationLine } from './citation.js';
import { blockQuote, escapeText, highlight } from './text.js';

/** factdesk's embed colour. */
export const EMBED_COLOR = 0x2f6fdb;

/** Marks the question in the first embed's author line, where "More" reads it back. */
export const QUESTION_PREFIX = 'Q: ';

/** The figure as a reader wants it: `more than 75,000`. */
export function figureValue(figure: Pick<Figure, 'qualifier' | 'text'>): string {
  return figure.qualifier ? `${figure.qualifier} ${figure.text}` : figure.text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function passageEmbed(passage: AnswerPassage, footer: string): APIEmbed {
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: passage.title,
    description: `${blockQuote(highlight(passage.text, passage.matchedTerms))}\n${CITATION_PREFIX}${citationLine(passage)}`,
    footer: { text: footer },
  };
  if (passage.url) embed.url = passage.url;
  return embed;
}

/** Figures as embed fields: the label as the name, the value in bold. */
export function figureFields(figures: Figure[], max = 6): APIEmbedField[] {
  return figures.slice(0, max).map((figure) => ({
    name: capitalise(figure.label || figure.unit),
    value: bold(escapeText(figureValue(figure))),
    inline: true,
  }));
}

/**
 * Renders an answer as embeds: one per quoted passage (title linked to the document, the quote
 * with matched words in bold, the citation line), the question in the first embed's author line,
 * and the cited figures as fields.
 */
export function answerEmbeds(answer: Answer, knowledgeName: string): APIEmbed[] {
  const footer = `${knowledgeName} · factdesk`;
  const embeds = answer.passages.map((passage) => passageEmbed(passage, footer));
  const first = embeds[0];
  if (first) {
    first.author = { name: `${QUESTION_PREFIX}${answer.query}`.slice(0, LIMITS.authorName) };
    const fields = figureFields(answer.figures);
    if (fields.length > 0) first.fields = fields;
  }
  return embeds;
}

/** The question an answer message was for, read from its first embed. */
export function questionOf(embeds: readonly APIEmbed[]): string | undefined {
  const name = embeds[0]?.author?.name;
  return name?.startsWith(QUESTION_PREFIX) ? name.slice(QUESTION_PREFIX.length) : undefined;
}

/** A title short enough for a list line. */
function shortTitle(title: string, max = 60): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One line per figure in a list: the value in bold, what it measures, and where it comes from
 * (the paragraph when it is the same document as the main figure, else the document and date).
 */
function citedLine(figure: CitedFigure, mainDocId: string): string {
  const where =
    figure.docId === mainDocId
      ? `¶${figure.citation.paragraph}`
      : [shortTitle(figure.citation.title), figure.citation.published, `¶${figure.citation.paragraph}`]
          .filter(Boolean)
          .join(', ');
  return `${bold(escapeText(figureValue(figure)))}: ${escapeText(figure.label)} (${escapeText(where)})`;
}

/**
 * Renders a figure lookup: the figure in bold with what it measures, the sentence it comes from
 * and its citation; the values other documents give for the same metric (newest first); and the
 * next closest figures.
 */
export function figureEmbeds(answer: FigureAnswer, knowledgeName: string, locale?: string): APIEmbed[] {
  const [top, ...rest] = answer.figures;
  if (!top) return [];
  const sentence = highlight(top.sentence.trim(), []).replace(
    escapeText(top.text),
    bold(escapeText(top.text)),
  );
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    author: { name: `${QUESTION_PREFIX}${answer.query}`.slice(0, LIMITS.authorName) },
    title: top.citation.title,
    description: [
      `${bold(escapeText(figureValue(top)))}: ${escapeText(top.label)}`,
      blockQuote(sentence),
      `${CITATION_PREFIX}${citationLine(top.citation)}`,
    ].join('\n'),
    footer: { text: `${knowledgeName} · factdesk` },
  };
  if (top.citation.url) embed.url = top.citation.url;
  const fields: APIEmbedField[] = [];
  if (answer.sameMetric.length > 1) {
    fields.push({
      name: t(locale, 'answer.sameMetric'),
      value: answer.sameMetric.map((figure) => citedLine(figure, '')).join('\n'),
    });
  }
  const next = rest.filter((figure) => !answer.sameMetric.some((same) => same.id === figure.id)).slice(0, 4);
  if (next.length > 0)
    fields.push({
      name: t(locale, 'answer.nextClosest'),
      value: next.map((figure) => citedLine(figure, top.docId)).join('\n'),
    });
  if (fields.length > 0) embed.fields = fields;
  return [embed];
}
