import type { ScoredQuestion } from './datasets.js';
import type { Engine } from './engines.js';

/** The scores of one engine on one set of questions, each 0–1. */
export interface SetScores {
  /** Answerable questions. */
  answerable: number;
  top1: number;
  top3: number;
  /** The answer is the first figure (of the questions that say which figure answers). */
  figure: number;
  /** Answerable questions declined. */
  wronglyDeclined: number;
  /** Questions nothing answers. */
  offTopic: number;
  /** Off-topic questions declined. */
  offTopicDeclined: number;
  /** Top-1 by question kind (`from` of the external sets, `kind` of the project's). */
  byKind: Record<string, { n: number; top1: number }>;
  /** The answerable questions missed at top-1, and the off-topic ones answered, by id. */
  misses: string[];
}

const ratio = (x: number, n: number) => (n === 0 ? 0 : x / n);

/** Scores an engine on questions: top-1 and top-3 passages, first figure, wrong and right declines. */
export function scoreEngine(engine: Engine, questions: readonly ScoredQuestion[]): SetScores {
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let figureQuestions = 0;
  let figure = 0;
  let wrong = 0;
  let off = 0;
  let offDeclined = 0;
  const kinds: Record<string, { n: number; hits: number }> = {};
  const misses: string[] = [];
  for (const q of questions) {
    const answer = engine(q.question);
    if (!q.answers) {
      off++;
      if (!answer.answered) offDeclined++;
      else misses.push(q.id);
      continue;
    }
    answerable++;
    const kindName = q.kind ?? 'all';
    kinds[kindName] ??= { n: 0, hits: 0 };
    const kind = kinds[kindName];
    kind.n++;
    const passages = answer.answered ? answer.passages : [];
    const first = passages[0] !== undefined && q.answers(passages[0]);
    if (first) {
      top1++;
      kind.hits++;
    } else misses.push(q.id);
    if (passages.slice(0, 3).some((p) => q.answers?.(p))) top3++;
    if (!answer.answered) wrong++;
    if (q.figure) {
      figureQuestions++;
      const f = answer.answered ? answer.figures[0] : undefined;
      if (f && q.figure(f)) figure++;
    }
  }
  return {
    answerable,
    top1: ratio(top1, answerable),
    top3: ratio(top3, answerable),
    figure: ratio(figure, figureQuestions),
    wronglyDeclined: ratio(wrong, answerable),
    offTopic: off,
    offTopicDeclined: ratio(offDeclined, off),
    byKind: Object.fromEntries(
      Object.entries(kinds).map(([k, v]) => [k, { n: v.n, top1: ratio(v.hits, v.n) }]),
    ),
    misses,
  };
}

/** The scores of several runs over parts of one set, as if scored in one run. */
export function mergeScores(parts: readonly SetScores[]): SetScores {
  const answerable = parts.reduce((sum, s) => sum + s.answerable, 0);
  const offTopic = parts.reduce((sum, s) => sum + s.offTopic, 0);
  const mean = (key: 'top1' | 'top3' | 'figure' | 'wronglyDeclined') =>
    ratio(
      parts.reduce((sum, s) => sum + s[key] * s.answerable, 0),
      answerable,
    );
  const byKind: SetScores['byKind'] = {};
  for (const part of parts)
    for (const [kind, { n, top1 }] of Object.entries(part.byKind)) {
      const seen = byKind[kind] ?? { n: 0, top1: 0 };
      byKind[kind] = { n: seen.n + n, top1: (seen.top1 * seen.n + top1 * n) / (seen.n + n) };
    }
  return {
    answerable,
    top1: mean('top1'),
    top3: mean('top3'),
    figure: mean('figure'),
    wronglyDeclined: mean('wronglyDeclined'),
    offTopic,
    offTopicDeclined: ratio(
      parts.reduce((sum, s) => sum + s.offTopicDeclined * s.offTopic, 0),
      offTopic,
    ),
    byKind,
    misses: parts.flatMap((s) => s.misses),
  };
}
