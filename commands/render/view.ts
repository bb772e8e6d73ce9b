import type { FigureAnswer } from '../../src/answer/figure-lookup.js';
import { type AnswerPage, figureValue, QUESTION_PREFIX } from './answer.js';
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

/** A view of plain lines. */
export function plainView(...lines: string[]): TextView {
  return { blocks: [lines.map((text) => line({ text }))] };
}

/** The view of an answer page: per passage its title (once per document), quote, figures and citation. */
export function answerView(page: AnswerPage): TextView {
  const heading = page.question
    ? `${QUESTION_PREFIX}${page.question}`
    : `More passages (${page.offset + 1}–${page.offset + page.passages.length})`;
  const blocks: ViewSpan[][][] = [[line({ text: heading, dim: true })]];
  const shownDocs = new Set<string>();
  for (const passage of page.passages) {
    const block: ViewSpan[][] = [];
    if (!shownDocs.has(passage.docId)) {
      block.push(line({ text: passage.title, bold: true, ...(passage.url ? { url: passage.url } : {}) }));
      shownDocs.add(passage.docId);
    }
    block.push(line({ text: '“' }, ...highlightSpans(passage.text, passage.matchedTerms), { text: '”' }));
    for (const figure of page.figures.filter((f) => f.passageId === passage.id).slice(0, 6))
      block.push(
        line({ text: `  ${figure.label || figure.unit}: ` }, { text: figureValue(figure), bold: true }),
      );
    block.push(line({ text: citationLine(passage), dim: true }));
    blocks.push(block);
  }
  if (page.next.length > 0) blocks.push([line({ text: 'More passages answer this: /more', dim: true })]);
  return { blocks };
}

/** The view of a figure lookup: the figure, its sentence and citation, and the same metric elsewhere. */
export function figureView(answer: FigureAnswer): TextView {
  const [top, ...rest] = answer.figures;
  if (!top) return { blocks: [] };
  const main: ViewSpan[][] = [
    line({ text: `${QUESTION_PREFIX}${answer.query}`, dim: true }),
    line({ text: top.citation.title, bold: true, ...(top.citation.url ? { url: top.citation.url } : {}) }),
    line({ text: figureValue(top), bold: true }, { text: `: ${top.label}` }),
    line({ text: `“${top.sentence.trim()}”` }),
    line({ text: citationLine(top.citation), dim: true }),
  ];
  const blocks = [main];
  if (answer.sameMetric.length > 1) {
    blocks.push([
      line({ text: 'Reported by each document (newest first):' }),
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
      line({ text: 'Next closest:' }),
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
