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
  /** Phrases that ask for a figure of a role (`previous`, `change`, `part`), by role. */
  roleCues: readonly (readonly [role: string, phrases: readonly string[]])[];
  /** Words right before a number of a question that make it a threshold ("above 1tn", "超过13万亿"). */
  thresholdWords: readonly string[];
  /** Phrases of a question that ask for a reason ("why", "what led to", "为什么"). */
  reasonCues: readonly string[];
  /** Phrases of a sentence that give a reason ("due to", "driven by", "由于"). */
  causeMarkers: readonly string[];
  /**
   * Phrases of a question that ask across the rows of a table: which of several, what a total is
   * made of, the largest ("which", "components", "respectively", "哪些", "最高").
   */
  rowCues: readonly string[];
  /** Short words an initialism may skip (`EBITDA`: earnings before interest, taxes, depreciation and amortisation). */
  connectors: ReadonlySet<string>;
}

function cuesOf(raw: Record<string, unknown>): Lexicon['intentCues'] {
  return Object.entries(raw).flatMap(([kind, phrases]) =>
    Array.isArray(phrases) ? [[kind, phrases.map(String)] as const] : [],
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A lexicon phrase as a pattern: whole words for Latin script (`*` stands for any word ending), a
 * substring for Chinese. `atEnd` anchors it to the end of the text (after optional spaces).
 *
 * @example
 * phrasePattern('double*').test('it doubled') // → true
 * phrasePattern('more than', { atEnd: true }).test('revenue of more than ') // → true
 */
export function phrasePattern(phrase: string, { atEnd = false }: { atEnd?: boolean } = {}): RegExp {
  const end = atEnd ? '\\s*$' : '';
  if (/\p{Script=Han}|%/u.test(phrase)) return new RegExp(`${escapeRegExp(phrase)}${end}`, 'u');
  const body = escapeRegExp(phrase).replace(/\\\*/g, '\\p{L}*').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])${end}`, 'iu');
}

/** The lexicons, one per language. Immutable data, loaded once with the module. */
export const LEXICONS: Readonly<Record<Language, Lexicon>> = {
  en: {
    stopWords: new Set([...englishStopWords, ...en.stopWords]),
    irregular: en.irregular,
    intentCues: cuesOf(en.intentCues),
    roleCues: cuesOf(en.roleCues),
    thresholdWords: en.thresholdWords,
    reasonCues: en.reasonCues,
    causeMarkers: en.causeMarkers,
    rowCues: en.rowCues,
    connectors: new Set(en.connectors),
  },
  zh: {
    stopWords: new Set([...chineseStopWords.filter((word) => word.length > 1), ...zh.stopWords]),
    irregular: {},
    intentCues: cuesOf(zh.intentCues),
    roleCues: cuesOf(zh.roleCues),
    thresholdWords: zh.thresholdWords,
    reasonCues: zh.reasonCues,
    causeMarkers: zh.causeMarkers,
    rowCues: zh.rowCues,
    connectors: new Set(zh.connectors),
  },
};

/**
 * One word list of every lexicon as patterns (see {@link phrasePattern}): a question in either
 * language is read with both languages' cues, since Chinese questions hold English words and digits.
 *
 * @example
 * patternsOfEveryLexicon((lexicon) => lexicon.reasonCues).some((p) => p.test('为什么增长？')) // → true
 */
export function patternsOfEveryLexicon(
  list: (lexicon: Lexicon) => readonly string[],
  options: { atEnd?: boolean } = {},
): RegExp[] {
  return Object.values(LEXICONS).flatMap((lexicon) =>
    list(lexicon).map((phrase) => phrasePattern(phrase, options)),
  );
}
