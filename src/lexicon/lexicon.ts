import { zho as chineseStopWords, eng as englishStopWords } from 'stopword';
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };

/** The languages factdesk analyses: English (Latin script and digits) and Chinese (Han script). */
export type Language = 'en' | 'zh';

/** A language's word lists, read from its data file (`src/lexicon/<lang>.json`). */
export interface Lexicon {
  /** Words that say nothing about the topic: the `stopword` package's list and the file's additions. */
  stopWords: ReadonlySet<string>;
  /** Irregular forms and their base (`grew` → `grow`), applied before stemming. */
  irregular: Readonly<Record<string, string>>;
  /** Phrases that ask for a kind of figure, by kind, in the file's priority order. */
  intentCues: readonly (readonly [kind: string, phrases: readonly string[]])[];
}

function cuesOf(raw: Record<string, unknown>): Lexicon['intentCues'] {
  return Object.entries(raw).flatMap(([kind, phrases]) =>
    Array.isArray(phrases) ? [[kind, phrases.map(String)] as const] : [],
  );
}

/** The lexicons, one per language. Immutable data, loaded once with the module. */
export const LEXICONS: Readonly<Record<Language, Lexicon>> = {
  en: {
    stopWords: new Set([...englishStopWords, ...en.stopWords]),
    irregular: en.irregular,
    intentCues: cuesOf(en.intentCues),
  },
  zh: {
    stopWords: new Set([...chineseStopWords.filter((word) => word.length > 1), ...zh.stopWords]),
    irregular: {},
    intentCues: cuesOf(zh.intentCues),
  },
};
