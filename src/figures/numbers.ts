/**
 * Reading numbers as press releases write them (`71,000`, `13 trillion`, `$4.8bn`, `58.3%`, `two`)
 * and rewriting them to one canonical token each, so that search matches however a number is written.
 *
 * Scale rule, kept deliberately simple:
 * - full scale words (`thousand`, `million`, `billion`, `trillion`) are read after a space, a hyphen
 *   or nothing (`71 thousand`, `1.2-trillion`, `5million`), and may chain (`5 thousand million`);
 * - abbreviations (`k`, `m`, `mn`, `mln`, `b`, `bn`, `bln`, `t`, `tn`, `trn`, any case) are read only
 *   when attached to the digits (`13tn`, `2.5m`, `4K`), or after one space when the number carries a
 *   currency prefix (`$4.8 bn`, `RMB 3 m`) or the abbreviation can be nothing but a scale (`2.8 bn`,
 *   `3 mn`). So the `m` of `5 m tall` stays a word, but the `m` of `2.5m` is read as million even
 *   when it meant metres.
 */

import { shiftDecimal } from './decimal.js';
import { EN } from './lexicon/data.js';
import { NUMBER_WORD_SOURCE, parseNumberWord } from './number-words.js';
import { scanChineseNumbers } from './zh-numbers.js';

const SCALE_EXPONENT: Record<string, number> = {
  thousand: 3,
  k: 3,
  million: 6,
  m: 6,
  mn: 6,
  mln: 6,
  billion: 9,
  b: 9,
  bn: 9,
  bln: 9,
  trillion: 12,
  t: 12,
  tn: 12,
  trn: 12,
};

/** Regex source for a currency written before a number: a symbol (`$`, `US$`, `€`) or a code (`RMB`). */
export const CURRENCY_PREFIX_SOURCE =
  '(?:(?:US|HK|NZ|NT|A|C|S|R)?\\$|€|£|¥|￥|₹|₩|USD|EUR|GBP|RMB|CNY|JPY|HKD|INR|CHF|AUD|CAD|SGD|KRW)';

const FULL_SCALE = '(?:thousand|million|billion|trillion)(?![\\p{L}\\p{N}_])';
const ABBREVIATION = '(?:k|mn|mln|m|bn|bln|b|tn|trn|t)(?![\\p{L}\\p{N}_])';
/** Abbreviations that are a scale whatever precedes them. */
const UNAMBIGUOUS_ABBREVIATION = /^(?:mn|mln|bn|bln|tn|trn)$/i;
// Digits with thousands separators (`1,234,567`) or without (`71000`), and an optional decimal part.
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

// One number phrase: optional currency prefix, the number (digits or a word), an optional scale,
// an optional percent sign or word. Guards: not glued to a word (`5G`, `A380`) unless that word is
// a currency (`RMB1.2 billion`), and not part of a longer digit string (`1.2.3`, `1234,5`).
const NUMBER_PHRASE_SOURCE = [
  `(?:(?<![\\p{L}\\p{N}_])(?<cur>${CURRENCY_PREFIX_SOURCE}[ \\u00a0]?)|(?<![\\p{L}\\p{N}_]|\\p{N}[.,]))`,
  '(?:',
  `(?<num>${DIGITS})`,
  '(?:',
  `(?<scale>(?:[ \\u00a0-]?${FULL_SCALE})+)`,
  `|(?<abbr>${ABBREVIATION})`,
  `|(?<spaced>[ \\u00a0]${ABBREVIATION})`,
  // Pence, as British reports give earnings and dividends per share: `11.9p`, `5 pence`.
  '|(?<pence>p|[ \\u00a0]pence)(?![\\p{L}\\p{N}_])',
  '|(?![\\p{L}\\p{N}_]|[.,]\\p{N})',
  ')',
  `|(?<![\\p{L}\\p{N}_])(?<word>${NUMBER_WORD_SOURCE})(?<wscale>(?:[ \\u00a0-]${FULL_SCALE})+)?(?![\\p{L}\\p{N}_-])`,
  ')',
  // No `pct` abbreviation: in press releases `PCT` is the Patent Cooperation Treaty.
  '(?<pct>[ \\u00a0]?%|[ \\u00a0](?:percent|per[ \\u00a0]cent)(?![\\p{L}]))?',
].join('');

const NUMBER_PHRASE = new RegExp(NUMBER_PHRASE_SOURCE, 'giu');

/** A number phrase found in a text. */
export interface NumberPhrase {
  /** Offset of the first character (the currency prefix when there is one). */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** The phrase as written: `$4.82 billion`, `58.3%`, `two`. */
  text: string;
  value: number;
  /** The value as a token with no `.` or `,`: `4820000000`, `58p3`. */
  token: string;
  /** The currency prefix as written, trimmed (`$`, `US$`, `RMB`), if any. */
  currency?: string;
  /** True when a `%`, `percent` or `per cent` follows. */
  percent: boolean;
  /** True when a scale word or abbreviation was read. */
  scaled: boolean;
  /** True when the number is spelt out (`two`, `thirty-five`). */
  spelt: boolean;
  /** True when the digits carry a thousands separator or a decimal point. */
  formatted: boolean;
  /** True for digit strings with a leading zero (`007`, `0086`): codes, not quantities. */
  leadingZero: boolean;
  /** For a range (`10–15%`, `$2–3 billion`, `between 3 and 5 million`): the high end; `value` is the low end. */
  high?: number;
  /** The high end as a token. */
  highToken?: string;
  /** `between` when the range is written `between A and B` (the word stands before `start`). */
  between?: boolean;
  /** A qualifier written inside the phrase (`1500多` → `more than`). */
  qualifier?: string;
  /** True for a number written in Chinese or with Chinese scales (`13万亿`, `百分之五点二`). */
  chinese?: boolean;
  /** The digits as read and the power of ten of the scale, so a range can lend its scale. */
  digits: string;
  exponent: number;
}

function scaleExponent(scaleText: string | undefined): number {
  if (!scaleText) return 0;
  let exponent = 0;
  for (const word of scaleText.toLowerCase().split(/[\s\u00a0-]+/)) {
    if (word) exponent += SCALE_EXPONENT[word] ?? 0;
  }
  return exponent;
}

/** Every English number phrase of `text`, left to right, before ranges are joined. */
function scanEnglish(text: string): NumberPhrase[] {
  const phrases: NumberPhrase[] = [];
  for (const match of text.matchAll(NUMBER_PHRASE)) {
    const groups = match.groups ?? {};
    const start = match.index ?? 0;
    let raw = match[0];
    let exponent = 0;
    let percent = groups.pct !== undefined;
    let digits: string;
    if (groups.num !== undefined) {
      digits = groups.num;
      if (groups.scale !== undefined) exponent = scaleExponent(groups.scale);
      else if (groups.abbr !== undefined) exponent = scaleExponent(groups.abbr);
      else if (groups.pence !== undefined) {
        // A penny is a hundredth of a pound. `5P` or `£5p` is a code, not pence: a number glued
        // to a letter is none.
        if (groups.cur !== undefined || groups.pence !== groups.pence.toLowerCase()) continue;
        exponent = -2;
      } else if (groups.spaced !== undefined) {
        // `bn`, `mn`, `tn` and their kin name nothing but a scale: `2.8 bn` is read with or
        // without a currency; a lone `m`, `b`, `k` or `t` may be a unit (`5 m tall`).
        if (groups.cur !== undefined || UNAMBIGUOUS_ABBREVIATION.test(groups.spaced.trim()))
          exponent = scaleExponent(groups.spaced.trim());
        else {
          // Without a currency, a spaced abbreviation is a word (`5 m tall`): end before it.
          raw = (groups.cur ?? '') + digits;
          percent = false;
        }
      }
    } else {
      const wordValue = parseNumberWord(groups.word ?? '');
      if (wordValue === undefined) continue;
      digits = String(wordValue);
      exponent = scaleExponent(groups.wscale);
    }
    const { plain, token } = shiftDecimal(digits, exponent);
    const currency = groups.pence !== undefined ? '£' : groups.cur?.trim();
    phrases.push({
      start,
      end: start + raw.length,
      text: raw,
      value: Number(plain),
      token,
      ...(currency ? { currency } : {}),
      percent,
      scaled: exponent !== 0,
      spelt: groups.num === undefined,
      formatted: groups.num !== undefined && /[.,]/.test(groups.num),
      leadingZero: groups.num !== undefined && /^0\d/.test(groups.num),
      digits,
      exponent,
    });
  }
  return phrases;
}

const alternationOf = (words: readonly string[]): string =>
  words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]+')).join('|');
const TO_BETWEEN = /^[ \u00a0]+to[ \u00a0]+$/iu;
const NOT_A_TO_RANGE = new RegExp(
  `(?<![\\p{L}])(?:from|${[...EN.words.RISE_VERBS, ...EN.words.FALL_VERBS, ...EN.words.VERBS].join('|')})(?:[ \\u00a0]+(?:by|about|around|nearly|some|approximately|roughly))?[ \\u00a0]+(?:${CURRENCY_PREFIX_SOURCE}[ \\u00a0]?)?$`,
  'iu',
);
const DASH_BETWEEN = /^[ \u00a0]?[–—-][ \u00a0]?$/u;
const AND_BETWEEN = new RegExp(`^[ \\u00a0]+(?:${alternationOf(EN.ranges.and)})[ \\u00a0]+$`, 'iu');
const BETWEEN_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alternationOf(EN.ranges.between)})[ \\u00a0]+$`, 'iu');
const SCORE_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${alternationOf(EN.ranges.scoreWords)})[ \\u00a0]+(?:\\p{L}+[ \\u00a0]+){0,3}$`,
  'iu',
);
const SCORE_AFTER = new RegExp(`^[ \\u00a0-]+(?:${alternationOf(EN.ranges.scoreWords)})(?![\\p{L}])`, 'iu');

const yearLike = (p: NumberPhrase): boolean =>
  !p.formatted && !p.scaled && !p.currency && !p.percent && /^\d{4}$/.test(p.text);

/** `low` and `high` read as one range, or `undefined` when they are two figures. */
function joinRange(text: string, low: NumberPhrase, high: NumberPhrase): NumberPhrase | undefined {
  const gap = text.slice(low.end, high.start);
  const dash = DASH_BETWEEN.test(gap) && !low.spelt && !high.spelt;
  const between =
    AND_BETWEEN.test(gap) && BETWEEN_BEFORE.test(text.slice(Math.max(0, low.start - 12), low.start));
  // `30 to 90 days`, but not `from 10 to 15` (a change) nor `rose 5% to $3 billion` (two figures).
  const to =
    TO_BETWEEN.test(gap) &&
    !low.spelt &&
    !high.spelt &&
    !NOT_A_TO_RANGE.test(text.slice(Math.max(0, low.start - 40), low.start));
  if (!dash && !between && !to) return undefined;
  if (low.leadingZero || high.leadingZero || low.chinese || high.chinese) return undefined;
  if ((low.percent && !high.percent) || (low.scaled && !high.scaled) || (high.currency && !low.currency))
    return undefined;
  if (low.currency && high.currency && low.currency !== high.currency) return undefined;
  if (yearLike(low) || yearLike(high)) return undefined;
  // `won 3-1`, `a 2-0 win`: a score, two figures.
  if (dash && SCORE_BEFORE.test(text.slice(Math.max(0, low.start - 40), low.start))) return undefined;
  if (dash && SCORE_AFTER.test(text.slice(high.end))) return undefined;
  const lowShifted = low.scaled
    ? { plain: String(low.value), token: low.token }
    : shiftDecimal(low.digits, high.exponent);
  const lowValue = Number(lowShifted.plain);
  if (!(lowValue < high.value)) return undefined;
  return {
    ...high,
    start: low.start,
    text: text.slice(low.start, high.end),
    value: lowValue,
    token: lowShifted.token,
    high: high.value,
    highToken: high.token,
    ...(low.currency ? { currency: low.currency } : {}),
    spelt: low.spelt,
    formatted: low.formatted || high.formatted,
    digits: low.digits,
    exponent: low.scaled ? low.exponent : high.exponent,
    ...(between ? { between: true } : {}),
  };
}

/**
 * Every number phrase in `text`, left to right, never overlapping: English phrases (`$4.82
 * billion`, `two`), Chinese ones (`13万亿`, `百分之五点二`, `１３`), and ranges (`10–15%`, `$2–3
 * billion`, `between 3 and 5 million`) as one phrase whose `value` is the low end and `high` the
 * high end; the low end takes the high end's scale (`$2–3 billion` → 2000000000 to 3000000000).
 *
 * @example
 * scanNumberPhrases('revenue of $4.82 billion, up 18.4%').map((p) => [p.text, p.value])
 * // → [['$4.82 billion', 4820000000], ['18.4%', 18.4]]
 * scanNumberPhrases('a 10–15% margin')[0]  // → { text: '10–15%', value: 10, high: 15, … }
 * scanNumberPhrases('GDP达13万亿元')[0]     // → { text: '13万亿', value: 13000000000000, … }
 */
export function scanNumberPhrases(text: string): NumberPhrase[] {
  let phrases = scanEnglish(text);
  if (/[\p{Script=Han}\uff10-\uff19]/u.test(text)) {
    const chinese = scanChineseNumbers(text);
    if (chinese.length > 0) {
      const all = [...chinese, ...phrases].sort((a, b) => a.start - b.start || b.end - a.end);
      phrases = [];
      let end = 0;
      for (const phrase of all) {
        if (phrase.start < end) continue;
        phrases.push(phrase);
        end = phrase.end;
      }
    }
  }
  const joined: NumberPhrase[] = [];
  for (let i = 0; i < phrases.length; i++) {
    const phrase = phrases[i] as NumberPhrase;
    const next = phrases[i + 1];
    const range = next ? joinRange(text, phrase, next) : undefined;
    if (range) i++;
    joined.push(range ?? phrase);
  }
  return joined;
}

// A currency word after a number phrase, accepted by parseNumberPhrase (`13 trillion yuan`).
const TRAILING_CURRENCY =
  /^(?:(?:US|U\.S\.|Hong Kong|HK|Singapore|Australian|Canadian|New Taiwan|NT)\s+)?(?:dollars?|yuan|renminbi|RMB|CNY|euros?|EUR|USD|HKD|GBP|pounds?(?:\s+sterling)?|sterling|yen|JPY)$/i;

/**
 * Parses one number phrase into a number, or `undefined` when the text is not (only) a number phrase.
 * Accepts digits with thousands separators and decimals, scale words and abbreviations (see the
 * module comment for when abbreviations count), a currency prefix, a trailing currency word or
 * percent, and spelt-out numbers up to ninety-nine.
 *
 * @example
 * parseNumberPhrase('13 trillion')    // → 13000000000000
 * parseNumberPhrase('$4.82 billion')  // → 4820000000
 * parseNumberPhrase('71,000')         // → 71000
 * parseNumberPhrase('13tn')           // → 13000000000000
 * parseNumberPhrase('58.3%')          // → 58.3
 * parseNumberPhrase('5 m')            // → undefined (a spaced abbreviation needs a currency)
 */
export function parseNumberPhrase(text: string): number | undefined {
  const trimmed = text.trim();
  const [phrase] = scanNumberPhrases(trimmed);
  if (phrase?.start !== 0) return undefined;
  const rest = trimmed.slice(phrase.end).trim();
  if (rest === '' || (!phrase.percent && TRAILING_CURRENCY.test(rest))) return phrase.value;
  return undefined;
}

/** One pass of canonicalisation; {@link canonicalizeNumbers} repeats it to a fixed point. */
function canonicalPass(text: string, hanNumerals: boolean): string {
  let out = '';
  let cursor = 0;
  for (const phrase of scanNumberPhrases(text)) {
    out += text.slice(cursor, phrase.start);
    cursor = phrase.end;
    if (!hanNumerals && phrase.chinese && !/[0-9]/.test(phrase.text)) {
      out += phrase.text;
      continue;
    }
    // Codes with a leading zero (`0086`) and a lone `one` (mostly a pronoun) are left as written.
    const bareOne = phrase.spelt && phrase.value === 1 && !phrase.scaled && !phrase.percent;
    if (phrase.leadingZero || bareOne) {
      out += phrase.text;
      continue;
    }
    // The currency prefix is kept but split off by a space, so the number is a token of its own.
    const prefix = phrase.currency ? `${phrase.currency} ` : '';
    const high = phrase.highToken ? ` ${phrase.highToken}` : '';
    const token = `${prefix}${phrase.token}${high}${phrase.percent ? ' percent' : ''}`;
    const before = text[phrase.start - 1] ?? '';
    const after = text[phrase.end] ?? '';
    if (phrase.chinese || /\p{Script=Han}/u.test(before + after)) {
      // Inside Chinese text the number stands apart, so a word splitter sees it whole.
      out += `${before === '' || /\s/.test(before) ? '' : ' '}${token}${after === '' || /\s/.test(after) ? '' : ' '}`;
    } else out += token;
  }
  return out + text.slice(cursor);
}

/**
 * Rewrites every number phrase to one canonical token so that a word tokenizer sees the same token
 * however the number is written. Tokens hold no `.` or `,`: integers are plain digits (`71000`,
 * `13000000000000`), decimals use `p` for the point (`58p3`), a percent becomes `<token> percent`, a
 * currency prefix is split off (`$4.8bn` → `$ 4800000000`), spelt numbers become digits (`two` → `2`;
 * a lone `one` stays a word). Ordinals (`75th`), years (`2024`), codes with a leading zero (`0086`)
 * and all other words are left as they are. Deterministic and idempotent. With `hanNumerals: false`,
 * numbers written in Chinese numerals only (`十三万亿`) stay as written: inside running Chinese text
 * numeral characters are often parts of words (`一般`, `万达`), which a search must not split.
 *
 * @example
 * canonicalizeNumbers('more than 71,000 firms')   // → 'more than 71000 firms'
 * canonicalizeNumbers('71 thousand firms')        // → '71000 firms'
 * canonicalizeNumbers('GDP of 13tn yuan')         // → 'GDP of 13000000000000 yuan'
 * canonicalizeNumbers('58.3% share')              // → '58p3 percent share'
 */
export function canonicalizeNumbers(text: string, options: { hanNumerals?: boolean } = {}): string {
  const hanNumerals = options.hanNumerals ?? true;
  // A pass can create a new phrase (`5 thousand million` → `5000 million`), so repeat until stable;
  // every pass only removes separators and scale words, so this ends within a few passes.
  let current = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = canonicalPass(current, hanNumerals);
    if (next === current) return next;
    current = next;
  }
  return current;
}
