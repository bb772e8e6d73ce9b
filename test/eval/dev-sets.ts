import path from 'node:path';
import { loadEvalQuestions } from './corpus.js';
import {
  externalQuestions,
  folder,
  type QuestionSet,
  ROOT,
  type ScoredQuestion,
  SHARED_QA,
  sample,
} from './datasets.js';

const sameValue = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

/** The project's own questions as scored questions: the expected document and passage text, and figure value. */
export function ownQuestions(file: string): ScoredQuestion[] {
  return loadEvalQuestions(path.join(ROOT, 'test/eval', file)).map((q) => {
    const expect = q.expect;
    if (!expect) return { id: q.id, question: q.question, kind: q.kind };
    const figure = expect.figure;
    return {
      id: q.id,
      question: q.question,
      kind: q.kind,
      answers: (passage) => passage.docId === expect.docId && passage.text.includes(expect.passage),
      ...(figure !== undefined ? { figure: (f: { value: number }) => sameValue(f.value, figure) } : {}),
    };
  });
}

export const EVAL_CORPUS = path.join(ROOT, 'test/fixtures/eval-corpus');
/** The paraphrase development set's documents: other registers, questions in other words than theirs. */
const PARAPHRASE_CORPUS = path.join(ROOT, 'test/fixtures/paraphrase-corpus');
const TATQA = path.join(SHARED_QA, 'tatqa-test/knowledge');
const CMRC = path.join(SHARED_QA, 'cmrc2018-dev/knowledge');
const SEED = path.join(ROOT, 'knowledge');
/** The project's Chinese set's documents: press releases, as the encyclopaedia set is not. */
const ZH_CORPUS = path.join(ROOT, 'test/fixtures/zh-corpus');

/** Questions grouped by the document that answers them. */
function byDoc(questions: readonly (ScoredQuestion & { doc: string })[]): Map<string, ScoredQuestion[]> {
  const groups = new Map<string, ScoredQuestion[]>();
  for (const q of questions) groups.set(q.doc, [...(groups.get(q.doc) ?? []), q]);
  return groups;
}

/** The tuning set's answerable questions by document. */
function tuningByDoc(): Map<string, ScoredQuestion[]> {
  const raw = loadEvalQuestions(path.join(ROOT, 'test/eval/questions.json'));
  const scored = ownQuestions('questions.json');
  const groups = new Map<string, ScoredQuestion[]>();
  raw.forEach((q, i) => {
    const docId = q.expect?.docId;
    const question = scored[i];
    if (docId && question) groups.set(docId, [...(groups.get(docId) ?? []), question]);
  });
  return groups;
}

/**
 * Each document alone in its folder (as a team with one release has it), asked its own
 * questions and, as off-topic ones, a question of the next document: a question about another
 * subject, even from the same domain, is not answered by a document about this one.
 */
function onePerFolder(
  name: string,
  language: 'en' | 'zh',
  dir: string,
  groups: Map<string, ScoredQuestion[]>,
  docs: number,
): QuestionSet {
  const ids = sample([...groups.keys()].sort(), docs);
  const questions: ScoredQuestion[] = [];
  ids.forEach((docId, i) => {
    const knowledge = folder(dir, (id) => id === docId);
    for (const q of (groups.get(docId) ?? []).slice(0, 3)) questions.push({ ...q, knowledge });
    const other = groups.get(ids[(i + 1) % ids.length] ?? '')?.[0];
    if (other && ids.length > 1)
      questions.push({ id: `${other.id}→${docId}`, question: other.question, kind: 'offtopic', knowledge });
  });
  return { name, language, knowledge: questions[0]?.knowledge ?? folder(dir), questions };
}

/** Strips the answer test: the question asked of a folder that does not hold its answer. */
const offTopic = (questions: readonly ScoredQuestion[]): ScoredQuestion[] =>
  questions.map(({ id, question }) => ({ id, question, kind: 'offtopic' }));

/** Whether a CMRC document is in the first half (even number) of the split used for negatives. */
const evenDoc = (docId: string) => Number(docId.replace(/\D/g, '')) % 2 === 0;

/**
 * The development sets the ranking is fitted on: the external sets (`../shared/qa`) and the
 * tuning set, each answerable question over its own folder, and off-topic questions made by
 * asking one set's questions of another set's folder (and CMRC questions of the half of CMRC
 * that does not hold their article).
 */
export function developmentSets(): QuestionSet[] {
  const tatqa = externalQuestions('tatqa-test');
  const cmrc = externalQuestions('cmrc2018-dev');
  const tuning = ownQuestions('questions.json');
  const tatqaKb = folder(TATQA);
  const cmrcKb = folder(CMRC);
  const corpusKb = folder(EVAL_CORPUS);
  const paraphrase = ownQuestions('paraphrase.json');
  const paraphraseKb = folder(PARAPHRASE_CORPUS);
  return [
    { name: 'tatqa-test', language: 'en', knowledge: tatqaKb, questions: tatqa },
    { name: 'tuning', language: 'en', knowledge: corpusKb, questions: tuning },
    { name: 'cmrc2018-dev', language: 'zh', knowledge: cmrcKb, questions: sample(cmrc, 1200) },
    { name: 'paraphrase', language: 'en', knowledge: paraphraseKb, questions: paraphrase },
    // Chinese press releases, whose questions name a company or a province as English ones do:
    // without them the Chinese ranking would learn from encyclopaedia articles alone.
    { name: 'chinese', language: 'zh', knowledge: folder(ZH_CORPUS), questions: ownQuestions('zh.json') },
    {
      name: 'paraphrase → tatqa',
      language: 'en',
      knowledge: tatqaKb,
      questions: offTopic(paraphrase.filter((q) => q.kind !== 'offtopic')),
    },
    {
      name: 'tuning → tatqa',
      language: 'en',
      knowledge: tatqaKb,
      questions: offTopic(tuning.filter((q) => q.kind !== 'offtopic')),
    },
    {
      name: 'tatqa → seed release',
      language: 'en',
      knowledge: folder(SEED),
      questions: offTopic(sample(tatqa, 300)),
    },
    onePerFolder('eval corpus, one per folder', 'en', EVAL_CORPUS, tuningByDoc(), 100),
    onePerFolder('cmrc, one per folder', 'zh', CMRC, byDoc(cmrc), 60),
    {
      name: 'cmrc odd → cmrc even',
      language: 'zh',
      knowledge: folder(CMRC, evenDoc),
      questions: offTopic(
        sample(
          cmrc.filter((q) => !evenDoc(q.doc)),
          600,
        ),
      ),
    },
    { name: 'tatqa → cmrc', language: 'zh', knowledge: cmrcKb, questions: offTopic(sample(tatqa, 150)) },
    { name: 'cmrc → tatqa', language: 'en', knowledge: tatqaKb, questions: offTopic(sample(cmrc, 150)) },
  ];
}
