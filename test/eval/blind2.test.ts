/**
 * Keeps the second blind evaluation set frozen and well-formed. The set (`blind2.json` and the documents in
 * `test/fixtures/blind2-corpus/`) was written from the documents alone, and the engine was never run on
 * it; editing it after seeing answers would make it a tuned set, so every byte is pinned by a hash. A
 * passage answered by a table row is the exact text of one cell of exactly one row. This checks the data
 * only, not the search engine; the checks are shared in `frozen-set.ts`.
 */
import { describeFrozenSet } from './frozen-set.js';

describeFrozenSet({
  title: 'second blind evaluation set',
  file: 'blind2.json',
  corpus: 'blind2-corpus',
  sha256: '716cc22bfd402730cc8e710416e25157bdbdf36114e132516c87853e3c4211ff',
  minDocuments: 5,
  minQuestions: 120,
  minOffTopic: 18,
});
