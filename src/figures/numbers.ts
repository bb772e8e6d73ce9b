/**
 * Reading numbers as press releases write them (`71,000`, `13 trillion`, `$4.8bn`, `58.3%`, `two`)
 * and rewriting them to one canonical token each, so that search matches however a number is written.
 *
 * Scale rule, kept deliberately simple:
 * - full scale words (`thousand`, `million`, `billion`, `trillion`) are read after a space, a hyphen
 *   or nothing (`71 thousand`, `1.2-trillion`, `5million`), and may chain (`5 thousand million`);
 * - abbreviations (`k`, `m`, `mn`, `mln`, `b`, `bn`, `bln`, `t`, `tn`, `trn`, any case) are read only
 *   when attached to the digits (`13tn`, `2.5m`, `4K`), or after one space when the number carries a
 *   currency prefix (`$4.8 bn`, `RMB 3 m`). So the `m` of `5 m tall` stays a word, but the `m` of
 *   `2.5m` is read as million even when it meant metres.
 */

import { NUMBER_WORD_SOURCE, parseNumberWord } from './number-words.js';

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
}

/** Shifts a decimal digit string by `exponent` places, exactly: ('4.82', 9) → '4820000000'. */
function shiftDecimal(digits: string, exponent: number): { plain: string; token: string } {
  const [intPart = '0', fracPart = ''] = digits.replace(/,/g, '').split('.');
  const all = intPart + fracPart;
  const point = intPart.length + exponent;
  let whole = point >= all.length ? all + '0'.repeat(point - all.length) : all.slice(0, point);
  let frac = point >= all.length ? '' : all.slice(point);
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return frac ? { plain: `${whole}.${frac}`, token: `${whole}p${frac}` } : { plain: whole, token: whole };
}

function scaleExponent(scaleText: string | undefined): number {
  if (!scaleText) return 0;
  let exponent = 0;
  for (const word of scaleText.toLowerCase().split(/[\s\u00a0-]+/)) {
    if (word) exponent += SCALE_EXPONENT[word] ?? 0;
  }
  return exponent;
}

/**
 * Every number phrase in `text`, left to right, never overlapping.
 *
 * @example
 * scanNumberPhrases('revenue of $4.82 billion, up 18.4%').map((p) => [p.text, p.value])
 * // → [['$4.82 billion', 4820000000], ['18.4%', 18.4]]
 */
export function scanNumberPhrases(text: string): NumberPhrase[] {
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
      else if (groups.spaced !== undefined) {
        if (groups.cur !== undefined) exponent = scaleExponent(groups.spaced.trim());
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
    const currency = groups.cur?.trim();
    phrases.push({
      start,
      end: start + raw.length,
      text: raw,
      value: Number(plain),
      token,
      ...(currency ? { currency } : {}),
      percent,
      scaled: exponent > 0,
      spelt: groups.num === undefined,
      formatted: groups.num !== undefined && /[.,]/.test(groups.num),
      leadingZero: groups.num !== undefined && /^0\d/.test(groups.num),
    });
  }
  return phrases;
}

// A currency word after a number phrase, accepted by parseNumberPhrase (`13 trillion yuan`).
const TRAILING_CURRENCY =
  /^(?:(?:US|U\.S\.|Hong Kong|HK|Singapore|Australian|Canadian)\s+)?(?:dollars?|yuan|renminbi|RMB|CNY|euros?|EUR|USD|HKD|GBP|pounds?(?:\s+sterling)?|sterling|yen|JPY)$/i;

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
function canonicalPass(text: string): string {
  let out = '';
  let cursor = 0;
  for (const phrase of scanNumberPhrases(text)) {
    out += text.slice(cursor, phrase.start);
    cursor = phrase.end;
    // Codes with a leading zero (`0086`) and a lone `one` (mostly a pronoun) are left as written.
    const bareOne = phrase.spelt && phrase.value === 1 && !phrase.scaled && !phrase.percent;
    if (phrase.leadingZero || bareOne) {
      out += phrase.text;
      continue;
    }
    // The currency prefix is kept but split off by a space, so the number is a token of its own.
    const prefix = phrase.currency ? `${phrase.currency} ` : '';
    out += `${prefix}${phrase.token}${phrase.percent ? ' percent' : ''}`;
  }
  return out + text.slice(cursor);
}

/**
 * Rewrites every number phrase to one canonical token so that a word tokenizer sees the same token
 * however the number is written. Tokens hold no `.` or `,`: integers are plain digits (`71000`,
 * `13000000000000`), decimals use `p` for the point (`58p3`), a percent becomes `<token> percent`, a
 * currency prefix is split off (`$4.8bn` → `$ 4800000000`), spelt numbers become digits (`two` → `2`;
 * a lone `one` stays a word). Ordinals (`75th`), years (`2024`), codes with a leading zero (`0086`)
 * and all other words are left as they are. Deterministic and idempotent.
 *
 * @example
 * canonicalizeNumbers('more than 71,000 firms')   // → 'more than 71000 firms'
 * canonicalizeNumbers('71 thousand firms')        // → '71000 firms'
 * canonicalizeNumbers('GDP of 13tn yuan')         // → 'GDP of 13000000000000 yuan'
 * canonicalizeNumbers('58.3% share')              // → '58p3 percent share'
 */
export function canonicalizeNumbers(text: string): string {
  // A pass can create a new phrase (`5 thousand million` → `5000 million`), so repeat until stable;
  // every pass only removes separators and scale words, so this ends within a few passes.
  let current = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = canonicalPass(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
