import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { ask } from '../../src/answer/ask.js';
import { type KnowledgeBase, openKnowledgeBase } from '../../src/knowledge-base.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EVAL_CORPUS = path.join(here, '../fixtures/eval-corpus');
export const SYNONYMS = path.join(here, '../../knowledge/synonyms.json');

/** One question of the evaluation set. */
export interface EvalQuestion {
  id: string;
  question: string;
  kind: string;
  expect: { docId: string; passage: string; figure?: number } | null;
}

/** Accuracy numbers, each 0–1. */
export interface Scores {
  top1: number;
  top3: number;
  figure: number;
  offTopic: number;
}

/** The outcome of one question, for the failure list. */
export interface QuestionOutcome {
  id: string;
  kind: string;
  question: string;
  top1: boolean;
  top3: boolean;
  figure?: boolean;
  got: string;
}

export interface EvalReport {
  questions: number;
  factdesk: Scores;
  baseline: Scores;
  byKind: Record<string, { n: number; top1: number }>;
  failures: QuestionOutcome[];
}

/** The question set used to tune factdesk, and one written apart from it to check that tuning generalises. */
export const QUESTION_SETS = { tuning: 'questions.json', holdout: 'holdout.json' } as const;

export function loadQuestions(file: string = QUESTION_SETS.tuning): EvalQuestion[] {
  return JSON.parse(readFileSync(path.join(here, file), 'utf8')) as EvalQuestion[];
}

export async function openEvalCorpus(): Promise<KnowledgeBase> {
  return openKnowledgeBase({ dir: EVAL_CORPUS, synonymsFile: SYNONYMS, usePrebuilt: false });
}

const sameValue = (a: number | undefined, b: number) =>
  a !== undefined && Math.abs(a - b) <= Math.abs(b) * 1e-9;

function ratio(hits: number, total: number): number {
  return total === 0 ? 1 : hits / total;
}

/** A passage answers the question when it is from the expected document and contains the expected text. */
function isExpected(
  kb: KnowledgeBase,
  passageId: string | undefined,
  expect: NonNullable<EvalQuestion['expect']>,
) {
  const passage = passageId ? kb.passagesById.get(passageId) : undefined;
  return passage !== undefined && passage.docId === expect.docId && passage.text.includes(expect.passage);
}

/**
 * Runs every question through factdesk and through plain MiniSearch (default options, on the same
 * passages) and scores both: top-1 and top-3 passage accuracy, figure accuracy (the first figure
 * of the answer), and off-topic accuracy (saying "not found" when nothing answers).
 */
export async function evaluate(kb?: KnowledgeBase, file: string = QUESTION_SETS.tuning): Promise<EvalReport> {
  const knowledge = kb ?? (await openEvalCorpus());
  const questions = loadQuestions(file);
  const plain = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  plain.addAll(knowledge.passages.map((p) => ({ id: p.id, text: p.text })));

  const counts = { on: 0, off: 0, fig: 0 };
  const ours = { top1: 0, top3: 0, figure: 0, offTopic: 0 };
  const base = { top1: 0, top3: 0, figure: 0, offTopic: 0 };
  const byKind: Record<string, { n: number; hits: number }> = {};
  const failures: QuestionOutcome[] = [];

  for (const q of questions) {
    const answer = ask(knowledge, q.question);
    const plainHits = plain.search(q.question).slice(0, 3);
    byKind[q.kind] ??= { n: 0, hits: 0 };
    const kind = byKind[q.kind] as { n: number; hits: number };
    kind.n++;
    if (q.expect === null) {
      counts.off++;
      const ok = !answer.answered;
      if (ok) ours.offTopic++;
      if (plainHits.length === 0) base.offTopic++;
      if (ok) kind.hits++;
      else
        failures.push({
          id: q.id,
          kind: q.kind,
          question: q.question,
          top1: false,
          top3: false,
          got: answer.passages[0]?.id ?? '',
        });
      continue;
    }
    counts.on++;
    const expect = q.expect;
    const top1 = isExpected(knowledge, answer.passages[0]?.id, expect);
    const top3 = answer.passages.slice(0, 3).some((p) => isExpected(knowledge, p.id, expect));
    if (top1) ours.top1++;
    if (top3) ours.top3++;
    if (isExpected(knowledge, String(plainHits[0]?.id ?? ''), expect)) base.top1++;
    if (plainHits.some((hit) => isExpected(knowledge, String(hit.id), expect))) base.top3++;
    let figureOk: boolean | undefined;
    if (expect.figure !== undefined) {
      counts.fig++;
      figureOk = sameValue(answer.figures[0]?.value, expect.figure);
      if (figureOk) ours.figure++;
      const plainFigures = (knowledge.figuresByPassage.get(String(plainHits[0]?.id ?? '')) ?? []).filter(
        (f) => f.kind !== 'year',
      );
      if (sameValue(plainFigures[0]?.value, expect.figure)) base.figure++;
    }
    if (top1) kind.hits++;
    if (!top1 || figureOk === false) {
      failures.push({
        id: q.id,
        kind: q.kind,
        question: q.question,
        top1,
        top3,
        ...(figureOk !== undefined ? { figure: figureOk } : {}),
        got: `${answer.passages[0]?.id ?? '(none)'} fig=${answer.figures[0]?.text ?? '-'}(${answer.figures[0]?.value ?? '-'})`,
      });
    }
  }
  const scores = (s: typeof ours): Scores => ({
    top1: ratio(s.top1, counts.on),
    top3: ratio(s.top3, counts.on),
    figure: ratio(s.figure, counts.fig),
    offTopic: ratio(s.offTopic, counts.off),
  });
  return {
    questions: questions.length,
    factdesk: scores(ours),
    baseline: scores(base),
    byKind: Object.fromEntries(
      Object.entries(byKind).map(([k, v]) => [k, { n: v.n, top1: ratio(v.hits, v.n) }]),
    ),
    failures,
  };
}
