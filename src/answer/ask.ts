import { scanNumberPhrases } from '../figures/numbers.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { analyzeWords } from '../search/analyzer.js';
import type { PassageHit, QuestionWord } from '../search/search-index.js';
import type { Citation, Figure, FigureKind } from '../types.js';
import { citationOf } from './citation.js';
import { type FigureIntent, figureIntent } from './intent.js';
import { topicsOf } from './suggest.js';

/**
 * The share of a question's words a passage must match (directly, by typo or by synonym) to count
 * as an answer. Below it, factdesk says it does not know instead of quoting a random passage.
 */
export const ANSWER_COVERAGE_THRESHOLD = 0.5;

/** A passage quoted in an answer, with its citation. */
export interface AnswerPassage extends Citation {
  id: string;
  text: string;
  score: number;
  /** Index terms of the passage that matched the question, for highlighting. */
  matchedTerms: string[];
}

/** The answer to a question. */
export interface Answer {
  query: string;
  answered: boolean;
  /** Best first. Empty when not answered. */
  passages: AnswerPassage[];
  /** Figures of the quoted passages, the most relevant to the question first. */
  figures: Figure[];
  /** The question's words that the best passage matched. */
  matchedWords: string[];
  /** Close topics to try, when not answered. */
  suggestions: string[];
  /** Whether more passages than those quoted match (for a "More" button). */
  hasMore: boolean;
}

/** Options of {@link ask}. */
export interface AskOptions {
  /** How many passages to quote (default 3). */
  limit?: number;
  /** Skip this many of the best passages (paging with "More"). */
  offset?: number;
}

/** Options of {@link rankFigures}. */
export interface FigureRankingOptions {
  /**
   * The question's words with their weights, synonyms included (from `SearchIndex.questionWords`).
   * Defaults to the question's own words, each weighing 1.
   */
  words?: QuestionWord[];
}

/** A passage whose figures are ranked: its figures and, when known, its search score. */
export interface RankedPassageFigures {
  figures: Figure[];
  score?: number;
}

/** The most a figure of another passage than the best weighs, before its passage's relative score. */
const OTHER_PASSAGE_WEIGHT = 0.75;
/** Points for the kinds a question asks for, by the rank of the kind in its intent. */
const INTENT_KIND_POINTS = [6, 2, 1, 0.5];
/** Points for a kind when the question states no intent: a figure that measures an amount or a count is the usual answer. */
const DEFAULT_KIND_POINTS: Partial<Record<FigureKind, number>> = {
  amount: 1,
  count: 0.8,
  percent: 0.3,
  date: -1.5,
};
/** Points per question word in the figure's label (synonyms count a little less). */
const LABEL_POINTS = 1.5;
/** Points for a label made only of the question's words (scaled by the share of its words the question has). */
const LABEL_PRECISION_POINTS = 1.5;
/** Points per question word right next to the figure in its sentence, fading to nothing {@link CONTEXT_WINDOW} words away. */
const CONTEXT_POINTS = 0.75;
const CONTEXT_WINDOW = 8;
/** Points for a count of the things the question names ("how many students" → `46,500 students`). */
const UNIT_POINTS = 1;
/** Points for the very number the question states. */
const STATED_NUMBER_POINTS = 4;
/** Points for a value at or just above a threshold the question names ("did it go above 1tn"). */
const THRESHOLD_POINTS = 3;
/** How far above a threshold a value may be and still be the one asked about. */
const THRESHOLD_MARGIN = 1.1;
/** Points for a precise value beside a bound ("passed 1.04 trillion" before "exceeded one trillion"). */
const PRECISE_POINTS = 0.5;
/** Qualifiers that make a figure a bound rather than a value. */
const BOUND_QUALIFIER =
  /\b(?:more than|over|above|exceed(?:ed|s|ing)?|pass(?:ed|es)?|broken through|broke through|at least|top(?:ped)?|surpass(?:ed)?|beyond|crossed|under|below|less than|up to|at most)\b/i;
/** Points taken from a figure that is a previous value, a change or a part, when the question does not ask for one. */
const ROLE_PENALTY: Record<FigureRole, number> = { previous: 2, change: 2, part: 2, restatement: 1, base: 2 };
/** Points taken per position in the passage, so that equal figures keep the passage's order. */
const POSITION_POINTS = 0.05;

/**
 * The role of a figure in its sentence, read from the words just before it: a previous value
 * ("up from 36,900"), a change ("an increase of 5,200"), a part of a whole ("of whom 4,100") or
 * the same quantity said another way ("$738 million, or 15.3 percent of revenue") or the base of
 * a ratio ("118 for every 10,000 workers").
 */
export type FigureRole = 'previous' | 'change' | 'part' | 'restatement' | 'base';

/** Words before a figure that make it a previous value, a change or a part of a whole. */
const ROLE_BEFORE: [FigureRole, RegExp][] = [
  ['previous', /\b(?:from|compared (?:with|to)|versus|against)\s*$/i],
  [
    'change',
    /\b(?:increase|rise|growth|gain|decrease|decline|drop|fall) of\s*$|\badded\s*$|\badding\s*$|\bby\s*$/i,
  ],
  ['part', /\b(?:of (?:whom|which|them)|including|among them)\s*$/i],
  ['restatement', /[,(]\s*or\s*$/i],
  ['base', /\b(?:per|for every|for each|every|each|out of)\s*$/i],
];
/** Words of a question that ask for such a figure. */
const ROLE_CUES: Partial<Record<FigureRole, RegExp>> = {
  previous: /\b(?:previous|previously|earlier|before|prior|ago|from)\b/i,
  change: /\b(?:add|added|adds|new|increase|increased|net|change|changed|gain|gained|more)\b/i,
  part: /\b(?:of whom|of which|including|among)\b/i,
};
/** Qualifiers written between a role word and the figure (`of whom roughly 4,100`). */
const TRAILING_QUALIFIER =
  /\s*(?:about|around|roughly|nearly|almost|approximately|some|over|under|more than|less than|at least|up to)\s*$/i;
/** Words before a number of the question that make it a threshold ("above 1tn", "more than 50,000"). */
const THRESHOLD_BEFORE =
  /\b(?:above|over|beyond|more than|exceed(?:ed|s)?|pass(?:ed)?|surpass(?:ed)?|top(?:ped)?|cross(?:ed)?|break|broke|at least|reach(?:ed)?)\s*$/i;

/** A number stated in a question, and whether it is a threshold. Bare years are scope, not figures. */
export interface StatedNumber {
  value: number;
  threshold: boolean;
}

function statedNumbers(question: string): StatedNumber[] {
  return scanNumberPhrases(question)
    .filter(
      (phrase) =>
        !(
          phrase.value >= 1900 &&
          phrase.value < 2100 &&
          !phrase.formatted &&
          !phrase.scaled &&
          !phrase.percent
        ),
    )
    .map((phrase) => ({
      value: phrase.value,
      threshold: THRESHOLD_BEFORE.test(question.slice(0, phrase.start)),
    }));
}

/**
 * A clause break inside a sentence: a semicolon, or a comma or dash before a conjunction (", and
 * berth productivity …"). A comma alone often only adds a description of the same figure
 * ("4.3 percent of GDP, the highest research intensity").
 */
const CLAUSE_BREAK = /;|[,—–]\s+(?=(?:and|but|while|whereas|although|though|with)\b)/g;
/** How many words a clause break counts for, when measuring how near a word is to a figure. */
const CLAUSE_GAP = 4;

const sameValue = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

/** What is known about a figure's words and its place in its sentence, computed once per figure. */
interface FigureAnalysis {
  /** The terms of each word of the label. */
  label: string[][];
  labelTerms: Set<string>;
  unitTerms: Set<string>;
  role?: FigureRole;
  /** Distance in words from the figure to each term of its sentence (the nearest occurrence). */
  distances: Map<string, number>;
}

// Figures never change once extracted (a reload builds new ones), so their analysis is kept with
// them: a question then only looks up what earlier questions computed.
const analyses = new WeakMap<Figure, FigureAnalysis>();

function analysisOf(figure: Figure): FigureAnalysis {
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

function settingOf(figure: Figure): Pick<FigureAnalysis, 'role' | 'distances'> {
  const at = figure.sentence.indexOf(figure.text);
  if (at < 0) return { distances: new Map() };
  let before = figure.sentence.slice(0, at);
  if (figure.qualifier) before = before.replace(TRAILING_QUALIFIER, '');
  const role = ROLE_BEFORE.find(([, pattern]) => pattern.test(before))?.[0];
  const leftText = figure.sentence.slice(0, at);
  const rightText = figure.sentence.slice(at + figure.text.length);
  // Words beyond a clause break (see CLAUSE_BREAK) speak of something else more often than not:
  // "turnaround time fell to 21.5 hours, and berth productivity reached 186 moves".
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
      unit.terms.filter((term) => !/^\p{N}/u.test(term)),
    ),
    0,
  );
  nearLeft.forEach((unit, index) => {
    note(unit.terms, nearLeft.length - index);
  });
  farLeft.forEach((unit, index) => {
    note(unit.terms, nearLeft.length + farLeft.length - index + CLAUSE_GAP);
  });
  nearRight.forEach((unit, index) => {
    note(unit.terms, index + 1);
  });
  farRight.forEach((unit, index) => {
    note(unit.terms, nearRight.length + index + 1 + CLAUSE_GAP);
  });
  return role ? { role, distances } : { distances };
}

/**
 * Orders the figures of the answer's passages by how well they answer the question:
 * - the passage: figures of the best passage first, unless another passage's figure fits much better;
 * - the kind the question asks for ("how many years in a row" → a streak, "how much" → an amount,
 *   "what share" → a percentage), or, when it says none, amounts and counts before rates;
 * - the question's words and their synonyms in the figure's label, and a label made of them;
 * - the question's words right around the figure in its sentence;
 * - the number itself when the question states it, or a value at a threshold it names;
 * - a previous value ("up from 36,900"), a change ("an increase of 5,200") or a part ("of whom
 *   4,100") only when the question asks for one.
 * Bare years are left out unless the question asks "when".
 */
export function rankFigures(
  question: string,
  hits: RankedPassageFigures[],
  options: FigureRankingOptions = {},
): Figure[] {
  return scoreFigures(question, hits, options).map((entry) => entry.figure);
}

/** A question read once for ranking figures (see {@link figurePoints}). */
export interface FigureQuestion {
  intent: FigureIntent;
  stated: StatedNumber[];
  /** The roles the question asks about ("how many were added" → `change`). */
  asked: Set<FigureRole>;
  words: QuestionWord[];
  terms: Set<string>;
  /** The question's own words, without the words its synonyms bring in. */
  ownWords: QuestionWord[];
}

/**
 * Reads a question for ranking figures. `words` are its words with their synonyms (from
 * `SearchIndex.questionWords`); without them, its own words only.
 */
export function readFigureQuestion(
  question: string,
  words: QuestionWord[] = analyzeWords(question).map((unit) => ({ terms: unit.terms, weight: 1 })),
): FigureQuestion {
  return {
    intent: figureIntent(question),
    stated: statedNumbers(question),
    asked: new Set(
      (Object.keys(ROLE_CUES) as FigureRole[]).filter((role) => ROLE_CUES[role]?.test(question)),
    ),
    words,
    terms: new Set(words.flatMap((word) => word.terms)),
    ownWords: words.filter((word) => word.weight >= 1),
  };
}

/**
 * How well one figure answers a question, in points (see {@link rankFigures}); `undefined` for a
 * bare year when the question does not ask when. `position` is the figure's place in its passage.
 */
export function figurePoints(question: FigureQuestion, figure: Figure, position = 0): number | undefined {
  const { intent, words, terms, asked, ownWords, stated } = question;
  if (figure.kind === 'year' && !intent.wantsTime) return undefined;
  let points = 1;
  const kindRank = intent.kinds.indexOf(figure.kind);
  if (intent.kinds.length > 0) points += kindRank < 0 ? 0 : (INTENT_KIND_POINTS[kindRank] ?? 0.3);
  else points += DEFAULT_KIND_POINTS[figure.kind] ?? 0;
  if (figure.kind === 'date' && !intent.wantsTime) points += DEFAULT_KIND_POINTS.date ?? 0;

  const analysis = analysisOf(figure);
  const { label, labelTerms, unitTerms } = analysis;
  for (const word of words) {
    if (word.terms.some((term) => labelTerms.has(term))) {
      points += LABEL_POINTS * word.weight;
      continue;
    }
    const distance = Math.min(...word.terms.map((term) => analysis.distances.get(term) ?? CONTEXT_WINDOW));
    if (distance < CONTEXT_WINDOW) points += CONTEXT_POINTS * word.weight * (1 - distance / CONTEXT_WINDOW);
  }
  const labelMatched = label.filter((unit) => unit.some((term) => terms.has(term))).length;
  if (label.length > 0) points += (LABEL_PRECISION_POINTS * labelMatched) / label.length;
  if (analysis.role && !asked.has(analysis.role)) {
    // A part named by the question ("how many R&D staff" → "including 2,900 R&D staff") is
    // what it asks for; the less of the part's label the question names, the more it is a detail.
    const named = analysis.role === 'part' && label.length > 0 ? labelMatched / label.length : 0;
    points -= ROLE_PENALTY[analysis.role] * (1 - named);
  }
  if (figure.kind === 'count' && ownWords.some((word) => word.terms.some((term) => unitTerms.has(term)))) {
    points += UNIT_POINTS;
  }

  const timely = !intent.wantsTime || figure.kind === 'date' || figure.kind === 'year';
  for (const number of stated) {
    if (number.threshold) {
      // "Did it go above 1tn?": the value reached answers, the threshold itself is a bound.
      const reached = sameValue(figure.value, number.value) || figure.value > number.value;
      if (reached && figure.value <= number.value * THRESHOLD_MARGIN) {
        points += THRESHOLD_POINTS + (BOUND_QUALIFIER.test(figure.qualifier ?? '') ? 0 : PRECISE_POINTS);
      }
    } else if (sameValue(figure.value, number.value)) points += timely ? STATED_NUMBER_POINTS : 0.5;
  }
  return points - POSITION_POINTS * position;
}

/** {@link rankFigures} with the score of each figure, best first. */
export function scoreFigures(
  question: string,
  hits: RankedPassageFigures[],
  { words }: FigureRankingOptions = {},
): { figure: Figure; score: number }[] {
  const read = readFigureQuestion(question, words);
  const topScore = hits[0]?.score;
  const scored: { figure: Figure; score: number }[] = [];
  hits.forEach(({ figures, score }, rank) => {
    const relative = topScore && score !== undefined ? Math.min(1, score / topScore) : 1 / (1 + rank);
    const passageWeight = rank === 0 ? 1 : OTHER_PASSAGE_WEIGHT * relative ** 2;
    figures.forEach((figure, position) => {
      const points = figurePoints(read, figure, position);
      if (points !== undefined) scored.push({ figure, score: passageWeight * points });
    });
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** How many of the best passages {@link preferFittingFigures} re-orders. */
const FIGURE_FIT_POOL = 10;
/** The most a passage's score grows when it holds the figure the question asks for. */
const FIGURE_FIT_BONUS = 0.3;
/** The factor for a passage holding no figure of the kinds the question asks for. */
const NO_FIGURE_FACTOR = 0.5;
/** Words this close to a figure count (half) as part of what it measures. */
const NEAR_WORDS = 3;

const fitFactor = (fit: number) => (fit === 0 ? NO_FIGURE_FACTOR : 1 + FIGURE_FIT_BONUS * fit);

/**
 * How well a passage's figures fit a question that asks for a kind of figure (0–1): a figure of
 * the most wanted kind (or, less, of the next) whose label has the question's words.
 */
export function figureFit(
  figures: readonly Figure[],
  intent: FigureIntent,
  words: readonly QuestionWord[],
): number {
  let best = 0;
  for (const figure of figures) {
    const rank = intent.kinds.indexOf(figure.kind);
    if (rank < 0 || rank > 1) continue;
    const { labelTerms, distances } = analysisOf(figure);
    let matched = 0;
    for (const word of words) {
      if (word.terms.some((term) => labelTerms.has(term))) matched += word.weight;
      else if (word.terms.some((term) => (distances.get(term) ?? CONTEXT_WINDOW) <= NEAR_WORDS))
        matched += word.weight / 2;
    }
    best = Math.max(best, (rank === 0 ? 1 : 0.6) * (0.3 + 0.7 * Math.min(1, matched / 2)));
  }
  return best;
}

/**
 * Re-orders the best hits by whether they hold the figure the question asks for: "how much did
 * banks lend" is answered by the passage stating the amount lent, before one that only talks of
 * loans. Questions that ask for no kind of figure keep the search order.
 */
function preferFittingFigures(
  kb: KnowledgeBase,
  hits: PassageHit[],
  intent: FigureIntent,
  words: readonly QuestionWord[],
): PassageHit[] {
  if (intent.kinds.length === 0) return hits;
  return hits
    .map((hit) => ({
      ...hit,
      score: hit.score * fitFactor(figureFit(kb.figuresByPassage.get(hit.passageId) ?? [], intent, words)),
    }))
    .sort((a, b) => b.score - a.score);
}

/**
 * The passages that best answer a question, best first: the search's hits, re-ordered by whether
 * they hold the kind of figure the question asks for; at least `limit` hits when there are. With
 * them, the question read for ranking figures (its words, synonyms and typo corrections included).
 */
export function findAnsweringPassages(
  kb: KnowledgeBase,
  query: string,
  limit: number,
): { hits: PassageHit[]; question: FigureQuestion } {
  const found = kb.index.searchPassages(query, { limit: Math.max(limit, FIGURE_FIT_POOL) });
  const question = readFigureQuestion(query, kb.index.questionWords(query, found[0]?.matchedTerms));
  // Re-ordering cannot make an answer of passages that do not answer: skip it then.
  const hits = found.some((hit) => isAnswer(hit))
    ? preferFittingFigures(kb, found, question.intent, question.words)
    : found;
  return { hits, question };
}

/**
 * Topics to suggest when a question is not answered: the figures of the passages that came
 * closest, or, when nothing came close, the first figures of the knowledge base.
 */
function closeTopics(kb: KnowledgeBase, hits: readonly { passageId: string }[]): string[] {
  const near = hits.flatMap((hit) => kb.figuresByPassage.get(hit.passageId) ?? []);
  return topicsOf(near.length > 0 ? near : kb.figures.slice(0, 50), 5);
}

/** True when the best hit covers enough of the question to be an answer. */
export function isAnswer(hit: (Pick<PassageHit, 'coverage'> & { named?: boolean }) | undefined): boolean {
  return hit !== undefined && hit.named !== false && hit.coverage >= ANSWER_COVERAGE_THRESHOLD;
}

/**
 * Answers a question with the best passages of the knowledge base, their citations and figures.
 * A question the knowledge does not answer gets `answered: false` and suggestions.
 *
 * @example
 * const answer = ask(kb, "What was Guangdong's GDP in 2023?");
 * answer.passages[0].text // → 'Guangdong’s economic strength surged in 2023, and … 13 trillion yuan …'
 * answer.figures[0].text  // → '13 trillion yuan'
 */
export function ask(kb: KnowledgeBase, question: string, { limit = 3, offset = 0 }: AskOptions = {}): Answer {
  const query = question.trim();
  const { hits, question: read } = findAnsweringPassages(kb, query, offset + limit + 1);
  const best = hits[0];
  if (!isAnswer(best) || analyzeWords(query).length === 0) {
    return {
      query,
      answered: false,
      passages: [],
      figures: [],
      matchedWords: [],
      suggestions: closeTopics(kb, hits),
      hasMore: false,
    };
  }
  // Quote only passages that answer too, not the long tail of single-word matches.
  const answering = hits.filter((hit) => isAnswer(hit));
  const page = answering.slice(offset, offset + limit);
  const passages: AnswerPassage[] = [];
  for (const hit of page) {
    const passage = kb.passagesById.get(hit.passageId);
    if (!passage) continue;
    passages.push({
      id: passage.id,
      ...citationOf(kb, passage),
      text: passage.text,
      score: Math.round(hit.score * 1000) / 1000,
      matchedTerms: hit.matchedTerms,
    });
  }
  const figures = rankFigures(
    query,
    passages.map((passage) => ({ figures: kb.figuresByPassage.get(passage.id) ?? [], score: passage.score })),
    { words: read.words },
  );
  return {
    query,
    answered: passages.length > 0,
    passages,
    figures,
    matchedWords: best?.matchedWords ?? [],
    suggestions: [],
    hasMore: answering.length > offset + limit,
  };
}
