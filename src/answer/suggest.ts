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
        .searchFigures(text, { limit: limit * 3, prefixLast: !/\s$/.test(partial) })
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

/** Words that say how a question is asked, not what it is about. */
const QUESTION_WORDS = new Set(
  'a an and are as at be by did do does for from had has have how in is it its many much of on or the their there to was were what when which who why with'.split(
    ' ',
  ),
);

/** A label that reads as a topic: not elided, not a quote, not a bare preposition phrase. */
function readableLabel(label: string): boolean {
  return (
    !label.includes('…') &&
    /^\p{L}/u.test(label) &&
    !QUESTION_WORDS.has(label.split(/\s+/)[0]?.toLowerCase() ?? '')
  );
}

/** Lower-case words of a text, hyphenated words also whole and joined (`high-tech` → high, tech, hightech). */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu)) {
    const parts = match[0].split(/[-‐‑]/);
    words.push(...parts);
    if (parts.length > 1) words.push(parts.join(''));
  }
  return words;
}

/** A question /ask can answer, with what it is about. */
interface Candidate {
  text: string;
  kind: Figure['kind'] | 'topic';
}

/** The questions of a knowledge base and, for each word, the questions about it. */
interface QuestionIndex {
  candidates: Candidate[];
  byWord: Map<string, number[]>;
  /** Every word, sorted, for prefix lookups. */
  words: string[];
}

/** The question a figure answers: `How many high-tech enterprises?`, `What was the regional GDP?`. */
function questionAbout(figure: Figure): string {
  const label = figure.label.replace(/^number of /i, '');
  if (figure.kind === 'count') return `How many ${label}?`;
  // "What was the …" only before a common noun: a name (`Halden companies`) stands as it is.
  if (
    (figure.kind === 'amount' || figure.kind === 'percent' || figure.kind === 'multiple') &&
    /^\p{Ll}/u.test(label)
  )
    return `What was the ${label}?`;
  return figure.label;
}

// Derived from an immutable knowledge base and dropped with it: a cache, not shared state.
const questionIndexes = new WeakMap<KnowledgeBase, QuestionIndex>();

/** Builds (once per knowledge base) the questions its figure labels and document titles answer. */
function questionIndex(kb: KnowledgeBase): QuestionIndex {
  const cached = questionIndexes.get(kb);
  if (cached) return cached;
  const candidates: Candidate[] = [];
  const byWord = new Map<string, number[]>();
  const seen = new Set<string>();
  const add = (text: string, kind: Candidate['kind'], about: string) => {
    const clipped = clip(text);
    const key = clipped.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const id = candidates.push({ text: clipped, kind }) - 1;
    for (const word of new Set(wordsOf(about))) {
      if (QUESTION_WORDS.has(word)) continue;
      const ids = byWord.get(word);
      if (ids) ids.push(id);
      else byWord.set(word, [id]);
    }
  };
  for (const figure of kb.figures)
    if (suggestible(figure) && readableLabel(figure.label))
      add(questionAbout(figure), figure.kind, figure.label);
  for (const doc of kb.documents) add(doc.title, 'topic', doc.title);
  const index = { candidates, byWord, words: [...byWord.keys()].sort() };
  questionIndexes.set(kb, index);
  return index;
}

/** The first index in sorted `words` at or after `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((words[mid] ?? '') < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The most words a prefix expands to (one letter could match thousands). */
const MAX_PREFIX_WORDS = 200;

/** The questions about words starting with `prefix` (a typed word matches its plural too). */
function idsWithPrefix(index: QuestionIndex, prefix: string): Set<number> {
  const ids = new Set<number>();
  const start = lowerBound(index.words, prefix);
  for (let i = start; i < Math.min(index.words.length, start + MAX_PREFIX_WORDS); i++) {
    const word = index.words[i] ?? '';
    if (!word.startsWith(prefix)) break;
    for (const id of index.byWord.get(word) ?? []) ids.add(id);
  }
  return ids;
}

/** The kind of figure a question's opening asks for (`how many` → a count). */
function intentOf(typed: string): Candidate['kind'] | undefined {
  if (/\bhow many\b/i.test(typed)) return 'count';
  if (/\bhow (much|big|large)\b/i.test(typed)) return 'amount';
  if (/\b(percent|share|rate)\b/i.test(typed)) return 'percent';
  return undefined;
}

/**
 * Autocomplete choices for `/ask`: questions the knowledge can answer, built from figure labels
 * (`How many high-tech enterprises?`) and document titles, ranked by the typed words. Every word
 * typed must be about the question (the last one may be half typed: `hig` → `high-tech`); the
 * question's opening words (`how many`) choose the kind of figure. Uses an index of words built
 * once per knowledge base, so a keystroke costs a few lookups.
 *
 * @example
 * suggestQuestions(kb, 'how many hig') // → [{ name: 'How many high-tech enterprises?', … }, …]
 */
export function suggestQuestions(kb: KnowledgeBase, partial: string, limit = MAX_CHOICES): Suggestion[] {
  const index = questionIndex(kb);
  const typed = wordsOf(partial);
  const halfTyped = partial.length > 0 && !/\s$/.test(partial) ? typed.at(-1) : undefined;
  const content = typed.filter((word) => !QUESTION_WORDS.has(word));
  const intent = intentOf(partial);
  let ids: number[];
  if (content.length === 0) {
    ids = index.candidates.map((_, id) => id);
  } else {
    // Every typed word must match; each is a prefix (the last is being typed, the others may be singular).
    let matched: Set<number> | undefined;
    for (const word of new Set(content)) {
      const found = idsWithPrefix(
        index,
        word.length > 3 && word !== halfTyped ? word.replace(/s$/, '') : word,
      );
      matched = matched ? new Set([...matched].filter((id) => found.has(id))) : found;
      if (matched.size === 0) return [];
    }
    ids = [...(matched ?? [])].sort((a, b) => a - b);
  }
  if (intent) {
    const wanted = ids.filter((id) => index.candidates[id]?.kind === intent);
    if (wanted.length > 0 || content.length === 0) ids = wanted;
  }
  return ids.slice(0, limit).map((id) => {
    const text = index.candidates[id]?.text ?? '';
    return { name: text, value: text };
  });
}
