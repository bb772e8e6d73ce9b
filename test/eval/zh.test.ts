/**
 * Keeps the Chinese evaluation set honest: the corpus holds an exact copy of the Chinese release and
 * three fictional Chinese documents marked as such, every expected passage is an exact substring of
 * exactly one paragraph (within one sentence), and the set keeps its size and mix of kinds. This
 * checks the data only, not the search engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KINDS,
  type Kind,
  loadEvalCorpus,
  loadEvalQuestions,
  type EvalQuestion as Question,
} from './corpus.js';

const RELEASE_FILE = 'guangdong-first-conference-of-spring-2024.zh';
/** Document ids are file names with every run of other characters than letters and digits as one `-`. */
const RELEASE_ID = 'guangdong-first-conference-of-spring-2024-zh';
const corpusDir = fileURLToPath(new URL('../fixtures/zh-corpus/', import.meta.url));
const releaseFile = fileURLToPath(new URL(`../../knowledge/${RELEASE_FILE}.md`, import.meta.url));
const questionsFile = fileURLToPath(new URL('./zh.json', import.meta.url));

/** Chinese characters (Han script), the measure of a passage's length. */
const hanCount = (text: string) => [...text.matchAll(/\p{Script=Han}/gu)].length;
/** Chinese numerals and scale words, as a question may write a number. */
const CHINESE_NUMERAL = /[零一二两三四五六七八九十百千万亿]|百分之|点/;
/** Arabic digits, half- or full-width. */
const ARABIC_DIGIT = /[0-9０-９]/;

const corpus = loadEvalCorpus(corpusDir);
const questions = loadEvalQuestions(questionsFile);
const answered = questions.filter((q): q is Question & { expect: NonNullable<Question['expect']> } =>
  Boolean(q.expect),
);

describe('Chinese eval corpus', () => {
  it('holds an exact copy of the Chinese release and three fictional documents', () => {
    expect(corpus.get(RELEASE_ID)?.raw).toBe(readFileSync(releaseFile, 'utf8'));
    expect([...corpus.keys()].filter((id) => id !== RELEASE_ID)).toHaveLength(3);
  });

  it('marks the release as a translation and every other document as fictional Chinese', () => {
    expect(corpus.get(RELEASE_ID)?.data.tags).toContain('translation');
    for (const doc of corpus.values()) {
      expect(doc.data.language, `${doc.id}: language`).toBe('zh');
      expect(typeof doc.data.title, `${doc.id}: title`).toBe('string');
      if (doc.id === RELEASE_ID) continue;
      expect(doc.data.tags, `${doc.id}: tags`).toContain('fictional');
      expect(doc.paragraphs[0], `${doc.id}: first line`).toMatch(/^\*虚构文档/);
      expect(String(doc.data.url), `${doc.id}: url`).toMatch(/^https:\/\/example\.org\//);
      expect(doc.paragraphs.length, `${doc.id}: paragraphs`).toBeGreaterThanOrEqual(6);
      expect(doc.paragraphs.length, `${doc.id}: paragraphs`).toBeLessThanOrEqual(10);
    }
  });
});

describe('Chinese eval questions', () => {
  it('have unique ids, known kinds and an expectation unless off-topic', () => {
    const ids = new Set<string>();
    for (const q of questions) {
      expect(ids.has(q.id), `duplicate id ${q.id}`).toBe(false);
      ids.add(q.id);
      expect(KINDS, q.id).toContain(q.kind);
      expect(q.question.trim().length, q.id).toBeGreaterThan(0);
      expect(q.expect === null, `${q.id}: expect must be null exactly for off-topic questions`).toBe(
        q.kind === 'offtopic',
      );
    }
  });

  it('expect passages of at least 8 Chinese characters, within one sentence of exactly one paragraph', () => {
    for (const q of answered) {
      const doc = corpus.get(q.expect.docId);
      expect(doc, `${q.id}: unknown docId ${q.expect.docId}`).toBeDefined();
      if (!doc) continue;
      const { passage, figure } = q.expect;
      expect(hanCount(passage), `${q.id}: Chinese characters in the passage`).toBeGreaterThanOrEqual(8);
      expect(passage, `${q.id}: passage spans sentences`).not.toMatch(/[。！？；]/);
      const hits = doc.paragraphs.filter((p) => p.includes(passage)).length;
      expect(hits, `${q.id}: passage found in ${hits} paragraphs of ${doc.id}`).toBe(1);
      if (figure !== undefined) expect(Number.isFinite(figure), `${q.id}: figure`).toBe(true);
    }
  });

  it('keep the size and the mix of the set', () => {
    const ofKind = (kind: Kind) => questions.filter((q) => q.kind === kind).length;
    expect(questions.length).toBeGreaterThanOrEqual(45);
    expect(ofKind('offtopic')).toBeGreaterThanOrEqual(8);
    for (const kind of KINDS) expect(ofKind(kind), kind).toBeGreaterThanOrEqual(4);
    for (const id of corpus.keys()) {
      expect(answered.filter((q) => q.expect.docId === id).length, id).toBeGreaterThanOrEqual(8);
    }
    const numbers = questions.filter((q) => q.kind === 'number');
    expect(numbers.some((q) => CHINESE_NUMERAL.test(q.question) && !ARABIC_DIGIT.test(q.question))).toBe(
      true,
    );
    expect(numbers.some((q) => ARABIC_DIGIT.test(q.question))).toBe(true);
  });

  it('name the document when several documents report the same metric', () => {
    const names: Record<string, RegExp> = {
      'guangdong-first-conference-of-spring-2024-zh': /广东/,
      'yunzhou-spring-conference-2024-zh': /云洲/,
      'haicheng-science-report-2023-zh': /海澄/,
      'nanling-new-energy-2023-results-zh': /南岭/,
    };
    for (const q of answered.filter((question) => question.kind === 'disambiguation')) {
      expect(q.question, q.id).toMatch(names[q.expect.docId] ?? /^$/);
    }
  });
});
