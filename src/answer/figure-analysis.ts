import { analyzeWords } from '../search/analyzer.js';
import type { QuestionWord } from '../search/search-index.js';
import type { Figure } from '../types.js';
import type { FigureIntent } from './intent.js';

/**
 * The role of a figure in its sentence: a previous or comparison value ("up from 36,900"), a
 * change ("an increase of 5,200"), a part of a whole ("of whom 4,100"), the same quantity said
 * another way ("…, or 15.3 percent") or the base of a ratio ("118 for every 10,000 workers").
 */
export type FigureRole = 'previous' | 'change' | 'part' | 'restatement' | 'base';

/** Words just before a figure that give it a role, when the extractor did not set one. */
const ROLE_BEFORE: [FigureRole, RegExp][] = [
  ['previous', /\b(?:from|compared (?:with|to)|versus|against)\s*$|\(\s*(?:19|20)\d\d\s*:?\s*$/i],
  [
    'change',
    /\b(?:increase|rise|growth|gain|decrease|decline|drop|fall) of\s*$|\badd(?:ed|ing)\s*$|\bby\s*$/i,
  ],
  ['part', /\b(?:of (?:whom|which|them)|including|among them)\s*$/i],
  ['restatement', /[,(]\s*or\s*$/i],
  ['base', /\b(?:per|for every|for each|every|each|out of)\s*$/i],
];
/** Qualifiers written between a role word and the figure (`of whom roughly 4,100`). */
const TRAILING_QUALIFIER =
  /\s*(?:about|around|roughly|nearly|almost|approximately|some|over|under|more than|less than|at least|up to)\s*$/i;
/** A clause break: a semicolon, or a comma or dash before a conjunction. Words beyond it are farther. */
const CLAUSE_BREAK = /;|[,—–]\s+(?=(?:and|but|while|whereas|although|though|with)\b)/g;
/** How many words a clause break counts for. */
const CLAUSE_GAP = 4;
/** Words farther than this from a figure do not describe it. */
export const CONTEXT_WINDOW = 8;

/** What is known about a figure's words and its place in its sentence, computed once per figure. */
export interface FigureAnalysis {
  /** The terms of each word of the label. */
  label: string[][];
  labelTerms: Set<string>;
  unitTerms: Set<string>;
  role?: FigureRole | undefined;
  /** Distance in words from the figure to each term of its sentence (the nearest occurrence). */
  distances: Map<string, number>;
}

// Figures never change once extracted (a reload builds new ones), so their analysis is kept with them.
const analyses = new WeakMap<Figure, FigureAnalysis>();

/** The analysis of a figure, computed on first use and kept with the figure. */
export function analysisOf(figure: Figure): FigureAnalysis {
  let analysis = analyses.get(figure);
  if (!analysis) {
    const label = analyzeWords(figure.label).map((unit) => unit.terms);
    analysis = {
      label,
      labelTerms: new Set(label.flat()),
      unitTerms: new Set(analyzeWords(figure.unit).flatMap((unit) => unit.terms)),
      ...settingOf(figure),
    };
    analyses.set(figure, analysis);
  }
  return analysis;
}

function roleOf(figure: Figure, before: string): FigureRole | undefined {
  const given = (figure as Figure & { role?: string }).role;
  if (given === 'previous' || given === 'comparison') return 'previous';
  if (given === 'change' || given === 'part') return given;
  if (given === 'current' || given === 'target') return undefined;
  const text = figure.qualifier ? before.replace(TRAILING_QUALIFIER, '') : before;
  return ROLE_BEFORE.find(([, pattern]) => pattern.test(text))?.[0];
}

function settingOf(figure: Figure): Pick<FigureAnalysis, 'role' | 'distances'> {
  const at = figure.sentence.indexOf(figure.text);
  if (at < 0) return { distances: new Map(), role: roleOf(figure, '') };
  const leftText = figure.sentence.slice(0, at);
  const rightText = figure.sentence.slice(at + figure.text.length);
  const leftBreak = Math.max(...[...leftText.matchAll(CLAUSE_BREAK)].map((match) => match.index ?? -1), -1);
  const rightBreak = rightText.search(CLAUSE_BREAK);
  const nearLeft = analyzeWords(leftText.slice(leftBreak + 1));
  const farLeft = analyzeWords(leftText.slice(0, leftBreak + 1));
  const nearRight = analyzeWords(rightBreak < 0 ? rightText : rightText.slice(0, rightBreak));
  const farRight = rightBreak < 0 ? [] : analyzeWords(rightText.slice(rightBreak));
  const distances = new Map<string, number>();
  const note = (terms: string[], distance: number) => {
    for (const term of terms)
      if (distance < (distances.get(term) ?? Number.POSITIVE_INFINITY)) distances.set(term, distance);
  };
  note(
    analyzeWords(`${figure.text} ${figure.unit}`).flatMap((unit) =>
      unit.terms.filter((t) => !/^\p{N}/u.test(t)),
    ),
    0,
  );
  for (const [i, unit] of nearLeft.entries()) note(unit.terms, nearLeft.length - i);
  for (const [i, unit] of farLeft.entries())
    note(unit.terms, nearLeft.length + farLeft.length - i + CLAUSE_GAP);
  for (const [i, unit] of nearRight.entries()) note(unit.terms, i + 1);
  for (const [i, unit] of farRight.entries()) note(unit.terms, nearRight.length + i + 1 + CLAUSE_GAP);
  return { role: roleOf(figure, leftText), distances };
}

/**
 * How much of a question's words describe a figure (0–1): a word in its label counts fully, a
 * word of its sentence counts less the farther it stands from the figure.
 */
export function descriptionMatch(figure: Figure, words: readonly QuestionWord[]): number {
  const { labelTerms, distances } = analysisOf(figure);
  let total = 0;
  let matched = 0;
  for (const word of words) {
    total += word.weight;
    if (word.terms.some((term) => labelTerms.has(term))) matched += word.weight;
    else {
      const distance = Math.min(...word.terms.map((term) => distances.get(term) ?? CONTEXT_WINDOW));
      if (distance < CONTEXT_WINDOW) matched += word.weight * (1 - distance / CONTEXT_WINDOW);
    }
  }
  return total === 0 ? 0 : matched / total;
}

/** How well a figure's kind fits the intent: 1 for the most wanted kind, ½ for another wanted kind. */
export function kindMatch(figure: Figure, intent: FigureIntent): number {
  const rank = intent.kinds.indexOf(figure.kind);
  return rank < 0 ? 0 : rank === 0 ? 1 : 0.5;
}

/**
 * How well a passage's figures fit a question that asks for a kind of figure (0–1): the best
 * figure's kind match times how much of the question describes it. 0 when the question asks for
 * no kind of figure.
 */
export function figureFit(
  figures: readonly Figure[],
  intent: FigureIntent,
  words: readonly QuestionWord[],
): number {
  if (intent.kinds.length === 0) return 0;
  let best = 0;
  for (const figure of figures) {
    const kind = kindMatch(figure, intent);
    if (kind > 0) best = Math.max(best, kind * (0.3 + 0.7 * descriptionMatch(figure, words)));
  }
  return best;
}
