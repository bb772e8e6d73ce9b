/**
 * Keeps the blind evaluation set frozen and well-formed. The set (`blind.json` and the documents in
 * `test/fixtures/blind-corpus/`) was written from the documents alone, before any answer of the engine
 * was looked at; editing it after seeing answers would make it a tuned set, so every byte is pinned by a
 * hash. This checks the data only, not the search engine; the checks are shared in `frozen-set.ts`.
 */
import { describeFrozenSet } from './frozen-set.js';

describeFrozenSet({
  title: 'blind evaluation set',
  file: 'blind.json',
  corpus: 'blind-corpus',
  sha256: '4c7338e3cd2555ea73d1337de58458aacdcaf137eb61fbaac3e8434127e139e2',
  minDocuments: 4,
  minQuestions: 70,
  minOffTopic: 15,
});
