import { bold } from '@discordjs/formatters';
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { AnswerPassage } from '../../src/answer/ask.js';
import type { CitedFigure, FigureAnswer } from '../../src/answer/figure-lookup.js';
import { ZH } from '../../src/figures/lexicon/data.js';
import type { Figure } from '../../src/types.js';
import { t } from '../i18n/index.js';
import { truncate } from '../reply/enforce.js';
import { LIMITS } from '../reply/limits.js';
import { citationLine } from './citation.js';
import { blockQuote, defuseMentions, escapeText, highlight } from './text.js';

/** factdesk's embed colour. */
export const EMBED_COLOR = 0x2f6fdb;

/** The question as the first embed's author line (and the console's first line) shows it: `Q: …`. */
export function questionHeading(question: string, locale?: string): string {
  return t(locale, 'answer.question', { question: defuseMentions(question) });
}

/** The heading of a page: its question on the first page, else which passages of the answer it shows. */
export function pageHeading(page: AnswerPage, locale?: string): string {
  return page.question
    ? questionHeading(page.question, locale)
    : t(locale, 'answer.morePassages', {
        from: page.offset + 1,
        to: page.offset + page.passages.length,
      });
}

/** Figures shown under one passage. */
const FIGURES_PER_PASSAGE = 6;

/** One page of an answer, everything its message shows and its buttons need. */
export interface AnswerPage {
  /** The question, on the first page (a later page is rebuilt from passage keys alone). */
  question?: string;
  /** Index of the first passage shown (0 on the first page). */
  offset: number;
  passages: AnswerPassage[];
  /** Figures of the passages shown, the most relevant first; each shows under its own passage. */
  figures: Figure[];
  /** Keys of the passages that follow, for "More". */
  next: string[];
}

/** Kinds whose text says what they count by itself (a date, a rank, a streak of years, "twice"). */
const SELF_DESCRIBING = new Set<Figure['kind']>(['date', 'year', 'rank', 'streak', 'multiple']);

/**
 * The unit to write after a figure's text, when the text lacks it and the source writes it right
 * after the number: `24.6 million` + `TEU`, `71,000` + `enterprises`; nothing for `13 trillion
 * yuan`, `$4.82 billion` or `21 percent`.
 */
function unitAfter(figure: Pick<Figure, 'kind' | 'text' | 'unit' | 'sentence'>): string | undefined {
  const unit = figure.unit.trim();
  if (!unit || SELF_DESCRIBING.has(figure.kind) || /[$€£¥%]/.test(figure.text)) return undefined;
  if (figure.text.toLowerCase().includes(unit.toLowerCase())) return undefined;
  const at = figure.sentence.indexOf(figure.text);
  if (at < 0) return undefined;
  const following = figure.sentence
    .slice(at + figure.text.length)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, '').toLowerCase());
  return following.includes(unit.toLowerCase()) ? unit : undefined;
}

const HAN = /\p{Script=Han}/u;
/** Chinese qualifier words by what they mean, longest first: `超过` before `超`. */
const byLength = (words: Record<string, string>) =>
  Object.entries(words).sort(([a], [b]) => b.length - a.length);
const ZH_BEFORE = byLength(ZH.qualifiersBefore);
const ZH_AFTER = byLength(ZH.qualifiersAfter);

/**
 * A Chinese figure with its qualifier as its sentence writes it (`超7.5万家`, `5.5%左右`): the
 * extractor names qualifiers in English (`more than`), which a Chinese figure should not show.
 * `undefined` when the sentence does not say it in one of the words the extractor knows.
 */
function writtenQualified(figure: Pick<Figure, 'qualifier' | 'text' | 'sentence'>): string | undefined {
  if (!figure.qualifier || !HAN.test(figure.sentence)) return undefined;
  const at = figure.sentence.indexOf(figure.text);
  if (at < 0) return undefined;
  const before = figure.sentence.slice(0, at);
  const after = figure.sentence.slice(at + figure.text.length);
  const lead = ZH_BEFORE.find(([word, meaning]) => meaning === figure.qualifier && before.endsWith(word));
  if (lead) return `${lead[0]}${figure.text}`;
  const tail = ZH_AFTER.find(([word, meaning]) => meaning === figure.qualifier && after.startsWith(word));
  return tail ? `${figure.text}${tail[0]}` : undefined;
}

/**
 * The figure as a reader wants it, with its unit: `more than 75,000 enterprises`, `24.6 million
 * TEU`, and a Chinese one with its own words: `超7.5万家`.
 */
export function figureValue(
  figure: Pick<Figure, 'qualifier' | 'text' | 'kind' | 'unit' | 'sentence'>,
): string {
  const written = writtenQualified(figure);
  if (written) return written;
  const unit = unitAfter(figure);
  const value = unit ? `${figure.text} ${unit}` : figure.text;
  return figure.qualifier ? `${figure.qualifier} ${value}` : value;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Figures as embed fields: the label as the name, the value (with its unit) in bold. */
export function figureFields(figures: readonly Figure[], max = FIGURES_PER_PASSAGE): APIEmbedField[] {
  return figures.slice(0, max).map((figure) => ({
    name: capitalise(figure.label || figure.unit),
    value: bold(escapeText(figureValue(figure))),
    inline: true,
  }));
}

/**
 * One passage as an embed: the quote with matched words in bold (cut to fit, never its citation,
 * which is the footer), the passage's own figures, and the document's title and link when the
 * message has not shown them already.
 */
function passageEmbed(
  passage: AnswerPassage,
  figures: readonly Figure[],
  showTitle: boolean,
  locale: string | undefined,
): APIEmbed {
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    description: truncate(blockQuote(highlight(passage.text, passage.matchedTerms)), LIMITS.embedDescription),
    footer: { text: citationLine(passage, locale) },
  };
  if (showTitle) {
    embed.title = passage.title;
    if (passage.url) embed.url = passage.url;
  }
  const fields = figureFields(figures);
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/**
 * Renders a page of an answer as embeds: one per quoted passage, each with the figures of that
 * passage, the document's title once per document, and the question (or which passages these
 * are, on a later page) in the first embed's author line.
 */
export function answerEmbeds(page: AnswerPage, locale?: string): APIEmbed[] {
  const shownDocs = new Set<string>();
  const embeds = page.passages.map((passage) => {
    const showTitle = !shownDocs.has(passage.docId);
    shownDocs.add(passage.docId);
    const own = page.figures.filter((figure) => passage.sources.includes(figure.passageId));
    return passageEmbed(passage, own, showTitle, locale);
  });
  const first = embeds[0];
  if (first) first.author = { name: truncate(pageHeading(page, locale), LIMITS.authorName) };
  return embeds;
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
export function figureEmbeds(answer: FigureAnswer, locale?: string): APIEmbed[] {
  const [top, ...rest] = answer.figures;
  if (!top) return [];
  const sentence = highlight(top.sentence.trim(), []).replace(
    escapeText(top.text),
    bold(escapeText(top.text)),
  );
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    author: { name: truncate(questionHeading(answer.query, locale), LIMITS.authorName) },
    title: top.citation.title,
    description: [
      `${bold(escapeText(figureValue(top)))}: ${escapeText(top.label)}`,
      blockQuote(sentence),
    ].join('\n'),
    footer: { text: citationLine(top.citation, locale) },
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
