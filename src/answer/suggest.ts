import type { KnowledgeBase } from '../knowledge-base.js';
import type { Figure } from '../types.js';

/** Discord's limits on one autocomplete choice. */
export const MAX_CHOICE_LENGTH = 100;
export const MAX_CHOICES = 25;

/** One autocomplete suggestion: what the user sees and what the option receives. */
export interface Suggestion {
  name: string;
  value: string;
}

function clip(text: string, max = MAX_CHOICE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Figures worth suggesting: bare years and dates measure nothing on their own. */
function suggestible(figure: Figure): boolean {
  return figure.kind !== 'year' && figure.kind !== 'date' && figure.label.trim().length > 0;
}

/** Figures matching a partial input, best first; with no input, the figures in document order. */
function figuresFor(kb: KnowledgeBase, partial: string, limit: number): Figure[] {
  const text = partial.trim();
  const figures = text
    ? kb.index
        // Labels and titles only: what a topic is called, not every sentence that mentions it,
        // which keeps each keystroke cheap.
        .searchFigures(text, {
          limit: limit * 3,
          prefixLast: !/\s$/.test(partial),
          fields: ['label', 'title'],
        })
        .map((hit) => kb.figuresById.get(hit.figureId))
    : kb.figures;
  return figures.filter((figure): figure is Figure => figure !== undefined && suggestible(figure));
}

/**
 * Labels of the given figures worth suggesting, without repeats, at most `limit`: the "try
 * instead" hints of an unanswered question come from the passages that came closest, at no
 * extra search.
 */
export function topicsOf(figures: readonly Figure[], limit = 5): string[] {
  const labels: string[] = [];
  for (const figure of figures) {
    if (!suggestible(figure)) continue;
    const label = clip(figure.label);
    if (!labels.some((seen) => seen.toLowerCase() === label.toLowerCase())) labels.push(label);
    if (labels.length >= limit) break;
  }
  return labels;
}

/**
 * Labels of figures that match a partial topic, without repeats, for `/figure` autocomplete and
 * for "try instead" hints. At most `limit` (Discord allows 25), each at most 100 characters.
 *
 * @example
 * suggestTopics(kb, 'high-te') // → ['high-tech enterprises', …]
 */
export function suggestTopics(kb: KnowledgeBase, partial: string, limit = MAX_CHOICES): string[] {
  return topicsOf(figuresFor(kb, partial, limit), limit);
}

/** Autocomplete choices for a `/figure` topic: the label, with the value and document in the name. */
export function suggestFigureChoices(kb: KnowledgeBase, partial: string, limit = MAX_CHOICES): Suggestion[] {
  const choices: Suggestion[] = [];
  for (const figure of figuresFor(kb, partial, limit)) {
    const value = clip(figure.label);
    if (choices.some((choice) => choice.value.toLowerCase() === value.toLowerCase())) continue;
    const docName = kb.documentsById.get(figure.docId)?.title ?? figure.docId;
    choices.push({ name: clip(`${figure.label}: ${figure.text} (${clip(docName, 40)})`), value });
    if (choices.length >= limit) break;
  }
  return choices;
}

/**
 * What to suggest for a figure: a question for a count (`How many high-tech enterprises?`), the
 * label itself otherwise (`regional GDP`), which reads better than a forced question and searches
 * just as well.
 */
function questionAbout(figure: Figure): string {
  return figure.kind === 'count' ? `How many ${figure.label}?` : figure.label;
}

/**
 * Autocomplete choices for `/ask`: what the user typed first (so it can be sent as is), then
 * questions about the figures the input points to.
 */
export function suggestQuestions(kb: KnowledgeBase, partial: string, limit = MAX_CHOICES): Suggestion[] {
  const choices: Suggestion[] = [];
  const typed = partial.trim();
  if (typed) choices.push({ name: clip(typed), value: clip(typed) });
  for (const figure of figuresFor(kb, partial, limit)) {
    const question = clip(questionAbout(figure));
    if (choices.some((choice) => choice.value.toLowerCase() === question.toLowerCase())) continue;
    choices.push({ name: question, value: question });
    if (choices.length >= limit) break;
  }
  return choices;
}
