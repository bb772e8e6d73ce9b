import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocuments } from '../../src/knowledge/load.js';
import { type KnowledgeBase, openKnowledgeBase } from '../../src/knowledge-base.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project root. */
export const ROOT = path.resolve(here, '../..');
/** The external development sets, beside the project (not in a fresh clone). */
export const SHARED_QA = path.resolve(ROOT, '../shared/qa');
export const SYNONYMS = path.join(ROOT, 'knowledge/synonyms.json');

/** One question to score: its text, and how to tell a passage that answers it (none for off-topic). */
export interface ScoredQuestion {
  id: string;
  question: string;
  /** Whether a passage (by id and text) answers it; `undefined` for a question nothing should answer. */
  answers?: (passage: { id: string; docId: string; text: string }) => boolean;
  /** For the figure metric: whether a figure's text or value is the answer. */
  figure?: (figure: { text: string; value: number }) => boolean;
  kind?: string;
  /** The folder this question is asked of, when it is not its set's (one folder per document). */
  knowledge?: () => Promise<KnowledgeBase>;
}

/** A knowledge folder and the questions asked of it. */
export interface QuestionSet {
  name: string;
  language: 'en' | 'zh';
  knowledge: () => Promise<KnowledgeBase>;
  questions: ScoredQuestion[];
}

/** Case, curly quotes, thousands separators, punctuation and articles folded, as the external sets are scored. */
export function normaliseAnswerText(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/'s\b/g, 's')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether `text` contains the answer string, as the external sets' scorer reads it. */
export function containsAnswer(text: string, answer: string): boolean {
  const haystack = ` ${normaliseAnswerText(text)} `;
  const needle = normaliseAnswerText(answer);
  if (!needle) return false;
  return CJK.test(needle)
    ? haystack.replace(/ /g, '').includes(needle.replace(/ /g, ''))
    : haystack.includes(` ${needle} `);
}

interface ExternalQuestion {
  id: string;
  question: string;
  answers: string[];
  doc: string;
  from?: string;
  type?: string;
}

/** The questions of an external set (`../shared/qa/<set>/questions.json`), scored by answer string. */
export function externalQuestions(set: string): (ScoredQuestion & { doc: string })[] {
  const file = path.join(SHARED_QA, set, 'questions.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as ExternalQuestion[];
  return raw.map((q) => {
    const has = (text: string) =>
      q.type === 'multi-span'
        ? q.answers.every((a) => containsAnswer(text, a))
        : q.answers.some((a) => containsAnswer(text, a));
    return {
      id: q.id,
      doc: q.doc,
      question: q.question.replace(/\n/g, ' '),
      kind: q.from ?? 'text',
      answers: (passage) => has(passage.text),
      figure: (figure) => q.answers.some((a) => containsAnswer(figure.text, a)),
    };
  });
}

/** Whether the external development sets are beside the project. */
export function hasDevSets(): boolean {
  return existsSync(path.join(SHARED_QA, 'tatqa-test')) && existsSync(path.join(SHARED_QA, 'cmrc2018-dev'));
}

/** Opens a knowledge folder without its prebuilt index (always built with the engine as it is). */
export function folder(dir: string, only?: (docId: string) => boolean): () => Promise<KnowledgeBase> {
  let kb: Promise<KnowledgeBase> | undefined;
  return () => {
    kb ??= only
      ? openSubset(dir, only)
      : openKnowledgeBase({ dir, synonymsFile: SYNONYMS, usePrebuilt: false });
    return kb;
  };
}

/** Each folder's documents, read once for all its subsets. */
const loadedFolders = new Map<string, ReturnType<typeof loadDocuments>>();

async function openSubset(dir: string, only: (docId: string) => boolean): Promise<KnowledgeBase> {
  const { buildKnowledgeBase } = await import('../../src/knowledge-base.js');
  const { Synonyms, loadSynonyms } = await import('../../src/search/synonyms.js');
  if (!loadedFolders.has(dir)) loadedFolders.set(dir, loadDocuments(dir));
  const loaded = await (loadedFolders.get(dir) as ReturnType<typeof loadDocuments>);
  const { synonyms } = await loadSynonyms(SYNONYMS, 'synonyms.json').catch(() => ({
    synonyms: new Synonyms(),
  }));
  return buildKnowledgeBase(
    loaded.documents.filter((doc) => only(doc.id)),
    synonyms,
    { dir, name: path.basename(dir) },
  );
}

/** A deterministic sample of `n` items (every k-th), so runs compare. */
export function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)] as T);
}

/** A set's questions grouped by the folder each is asked of (its own, or its set's). */
export async function questionsByKnowledge(set: QuestionSet): Promise<Map<KnowledgeBase, ScoredQuestion[]>> {
  const groups = new Map<KnowledgeBase, ScoredQuestion[]>();
  for (const q of set.questions) {
    const kb = await (q.knowledge ?? set.knowledge)();
    groups.set(kb, [...(groups.get(kb) ?? []), q]);
  }
  return groups;
}
