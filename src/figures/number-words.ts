/**
 * Number words and ordinal words: `two` → 2, `thirty-five` → 35, `third` → 3.
 *
 * Press releases spell small numbers out (`for two consecutive years`, `ranking first`), so the
 * figure extractor and the number canonicaliser both need to read them.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/**
 * Regex source (no groups, no flags) for a cardinal number word from `one` to `ninety-nine`.
 * Compound tens come first and teens before units, so that `seventeen` is not read as `seven`.
 */
export const NUMBER_WORD_SOURCE = [
  `(?:${TENS.slice(2).join('|')})(?:[ \\u00a0-](?:${UNITS.slice(1).join('|')}))?`,
  ...TEENS,
  ...UNITS.slice(1),
].join('|');

/** Regex source (no groups, no flags) for an ordinal word from `first` to `twentieth`. */
export const ORDINAL_WORD_SOURCE = Object.keys(ORDINAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * The value of a cardinal number word, or `undefined` when it is not one.
 *
 * @example
 * parseNumberWord('thirty-five') // → 35
 * parseNumberWord('Two')         // → 2
 * parseNumberWord('dozen')       // → undefined
 */
export function parseNumberWord(word: string): number | undefined {
  const parts = word
    .toLowerCase()
    .trim()
    .split(/[\s\u00a0-]+/);
  const [first, second] = parts;
  if (first === undefined || parts.length > 2) return undefined;
  const tens = TENS.indexOf(first);
  if (tens >= 2) {
    if (second === undefined) return tens * 10;
    const unit = UNITS.indexOf(second);
    return unit >= 1 ? tens * 10 + unit : undefined;
  }
  if (second !== undefined) return undefined;
  const teen = TEENS.indexOf(first);
  if (teen >= 0) return 10 + teen;
  const unit = UNITS.indexOf(first);
  return unit >= 0 ? unit : undefined;
}

/**
 * The value of an ordinal, spelt out or in digits, or `undefined` when it is not one.
 *
 * @example
 * parseOrdinal('first') // → 1
 * parseOrdinal('75th')  // → 75
 * parseOrdinal('22nd')  // → 22
 */
export function parseOrdinal(word: string): number | undefined {
  const lower = word.toLowerCase().trim();
  const spelt = ORDINAL_WORDS[lower];
  if (spelt !== undefined) return spelt;
  const digits = /^(\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)$/.exec(lower);
  return digits?.[1] === undefined ? undefined : Number(digits[1].replace(/,/g, ''));
}
