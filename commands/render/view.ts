import type { FigureAnswer } from '../../src/answer/figure-lookup.js';
import { t } from '../i18n/index.js';
import { type AnswerPage, figureValue, pageHeading, questionHeading } from './answer.js';
import { citationLine } from './citation.js';
import { highlightSpans, type Span } from './text.js';

/** A span of a text view: plain text, maybe bold or dimmed, maybe a link. */
export interface ViewSpan extends Span {
  dim?: boolean;
  url?: string;
}

/**
 * A reply as plain text with light structure, for surfaces without Discord Markdown (the local
 * console, the command line): blocks of lines of spans, built from the same data as the embeds.
 */
export interface TextView {
  blocks: ViewSpan[][][];
}

const line = (...spans: ViewSpan[]): ViewSpan[] => spans;

/** A catalog line as spans: its `**bold**` stretches bold, for the console. */
export function catalogSpans(line: string): ViewSpan[] {
  return line.split('**').map((text, i) => (i % 2 === 1 ? { text, bold: true } : { text }));
}

/** A view of plain lines. */
export function plainView(...lines: string[]): TextView {
  return { blocks: [lines.map((text) => line({ text }))] };
}

/** A list's heading line: `Next closest:`, `相近的数据：`. */
const heading = (text: string, locale: string | undefined) => t(locale, 'list.heading', { heading: text });

/**
 * The view of an answer page, in the language of `locale`: per passage its title (once per
 * document), quote, figures and citation.
 */
export function answerView(page: AnswerPage, locale?: string): TextView {
  const blocks: ViewSpan[][][] = [[line({ text: pageHeading(page, locale), dim: true })]];
  const shownDocs = new Set<string>();
  for (const passage of page.passages) {
    const block: ViewSpan[][] = [];
    if (!shownDocs.has(passage.docId)) {
      block.push(line({ text: passage.title, bold: true, ...(passage.url ? { url: passage.url } : {}) }));
      shownDocs.add(passage.docId);
    }
    block.push(line({ text: '“' }, ...highlightSpans(passage.text, passage.matchedTerms), { text: '”' }));
    for (const figure of page.figures.filter((f) => passage.sources.includes(f.passageId)).slice(0, 6))
      block.push(
        line({ text: `  ${figure.label || figure.unit}: ` }, { text: figureValue(figure), bold: true }),
      );
    block.push(line({ text: citationLine(passage, locale), dim: true }));
    blocks.push(block);
  }
  if (page.next.length > 0) blocks.push([line({ text: t(locale, 'answer.moreHint'), dim: true })]);
  return { blocks };
}

/**
 * The view of a figure lookup, in the language of `locale`: the figure, its sentence and citation,
 * and the same metric elsewhere.
 */
export function figureView(answer: FigureAnswer, locale?: string): TextView {
  const [top, ...rest] = answer.figures;
  if (!top) return { blocks: [] };
  const main: ViewSpan[][] = [
    line({ text: questionHeading(answer.query, locale), dim: true }),
    line({ text: top.citation.title, bold: true, ...(top.citation.url ? { url: top.citation.url } : {}) }),
    line({ text: figureValue(top), bold: true }, { text: `: ${top.label}` }),
    line({ text: `“${top.sentence.trim()}”` }),
    line({ text: citationLine(top.citation, locale), dim: true }),
  ];
  const blocks = [main];
  if (answer.sameMetric.length > 1) {
    blocks.push([
      line({ text: heading(t(locale, 'answer.sameMetric'), locale) }),
      ...answer.sameMetric.map((figure) =>
        line(
          { text: '  ' },
          { text: figureValue(figure), bold: true },
          {
            text: `: ${figure.label} (${[figure.citation.title, figure.citation.published].filter(Boolean).join(', ')})`,
          },
        ),
      ),
    ]);
  }
  const next = rest.filter((figure) => !answer.sameMetric.some((same) => same.id === figure.id)).slice(0, 4);
  if (next.length > 0)
    blocks.push([
      line({ text: heading(t(locale, 'answer.nextClosest'), locale) }),
      ...next.map((figure) =>
        line(
          { text: '  ' },
          { text: figureValue(figure), bold: true },
          { text: `: ${figure.label} (¶${figure.citation.paragraph})` },
        ),
      ),
    ]);
  return { blocks };
}
