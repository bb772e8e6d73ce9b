import { existsSync } from 'node:fs';
import path from 'node:path';
import { folder, type QuestionSet, ROOT } from './datasets.js';
import { EVAL_CORPUS, ownQuestions } from './dev-sets.js';

/** A set of the project's own: its questions file and its corpus, when both exist. */
function own(name: string, file: string, corpus: string, language: 'en' | 'zh'): QuestionSet[] {
  const dir = path.join(ROOT, 'test/fixtures', corpus);
  if (!existsSync(path.join(ROOT, 'test/eval', file)) || !existsSync(dir)) return [];
  return [{ name, language, knowledge: folder(dir), questions: ownQuestions(file) }];
}

/**
 * The project's own question sets: the tuning set (fitted on), the two blind sets (each written from its
 * documents alone before the engine's answers were seen, frozen by its hash test, never fitted
 * on), and the Chinese set.
 */
export function ownSets(): QuestionSet[] {
  return [
    {
      name: 'tuning',
      language: 'en',
      knowledge: folder(EVAL_CORPUS),
      questions: ownQuestions('questions.json'),
    },
    ...own('blind', 'blind.json', 'blind-corpus', 'en'),
    ...own('blind2', 'blind2.json', 'blind2-corpus', 'en'),
    ...own('chinese', 'zh.json', 'zh-corpus', 'zh'),
  ];
}
