/**
 * Reading numbers as Chinese text writes them, with the same values as English: digits with Chinese
 * scales (`13万亿` = 13 trillion, `7.5万` = 75 thousand, `1500多` = more than 1,500), Chinese numerals
 * (`十三万亿`, `三百五十`, `五点二`), percentages (`百分之五点二` = `5.2%`), full-width digits (`１３`),
 * and digits standing in Chinese text (`达13家`). Numerals, scales and the words that only look like
 * numbers (`一些`, `统一`, `十分`) live in `lexicon/zh.json`.
 */

import { shiftDecimal } from './decimal.js';
import { keysOf, ZH } from './lexicon/data.js';
import type { NumberPhrase } from './numbers.js';
import { foldWidth } from './width.js';

const DIGITS: Record<string, number> = ZH.digits;
const UNITS: Record<string, number> = ZH.units;
const SCALES: Record<string, number> = ZH.scales;
const QUALIFIERS_AFTER: Record<string, string> = ZH.qualifiersAfter;
const MEASURES = Object.keys(ZH.measureWords);
const CURRENCIES = Object.keys(ZH.currenciesAfter);

const DIGIT_CHARS = Object.keys(DIGITS).join('');
const UNIT_CHARS = Object.keys(UNITS).join('');
const SCALE_CHARS = Object.keys(SCALES).join('');
const POINT = ZH.decimalPoint;
const NUMERAL = `[${DIGIT_CHARS}${UNIT_CHARS}](?:[${DIGIT_CHARS}${UNIT_CHARS}${SCALE_CHARS}])*(?:${POINT}[${DIGIT_CHARS}]+)?(?:[${SCALE_CHARS}])*`;
const ARABIC = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const TAIL = keysOf(QUALIFIERS_AFTER);
// What may follow a lone Chinese digit for it to be a number (`三家`, `两个`, `五年`).
const COUNTED = `(?:${[...MEASURES, ...CURRENCIES, '年', '月', '日', '倍', '%'].sort((a, b) => b.length - a.length).join('|')})`;

const COUNTED_AFTER = new RegExp(`^${COUNTED}`, 'u');

const PHRASE = new RegExp(
  [
    `${ZH.percentPrefix}(?<pctNum>${ARABIC}|${NUMERAL})`,
    `(?<![\\p{N}.,])(?<num>${ARABIC})(?![.,]\\d)(?<q1>多|余)?(?<scale>[${UNIT_CHARS}${SCALE_CHARS}]+)?(?<tail>${TAIL})?(?<pct>[ \\u00a0]?%)?`,
    `(?<zh>${NUMERAL})(?<ztail>${TAIL})?(?<zpct>[ \\u00a0]?%)?`,
  ].join('|'),
  'gu',
);

/**
 * The integer a run of Chinese numerals stands for, or `undefined` when it is not a well-formed
 * number (`十三五`, the name of a five-year plan). A run of digits alone reads digit by digit
 * (`二〇二三` → 2023).
 *
 * @example
 * chineseInteger('十三万亿') // → 13000000000000
 * chineseInteger('三百五十') // → 350
 * chineseInteger('二〇二三') // → 2023
 */
export function chineseInteger(text: string): number | undefined {
  const chars = [...text];
  if (chars.length === 0) return undefined;
  if (chars.every((c) => DIGITS[c] !== undefined)) {
    return chars.length === 1 ? DIGITS[chars[0] as string] : Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of chars) {
    const d = DIGITS[c];
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const unit = UNITS[c];
    if (unit !== undefined) {
      section += (digit ?? 1) * 10 ** unit;
      digit = undefined;
      continue;
    }
    const scale = SCALES[c];
    if (scale === undefined) return undefined;
    if (scale >= 8) {
      total = (total + section + (digit ?? 0)) * 10 ** scale;
      if (total === 0) total = 10 ** scale;
    } else {
      const part = (section + (digit ?? 0)) * 10 ** scale;
      total += part === 0 ? 10 ** scale : part;
    }
    section = 0;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/** The power of ten of a run of scale characters (`万亿` → 12, `百万` → 6). */
function scaleExponent(text: string | undefined): number {
  let exponent = 0;
  for (const c of text ?? '') exponent += SCALES[c] ?? UNITS[c] ?? 0;
  return exponent;
}

/** A Chinese numeral as digits and exponent: `一点二万亿` → `1.2` and 12. */
function readNumeral(text: string): { digits: string; exponent: number } | undefined {
  const [whole = '', rest] = text.split(POINT);
  if (rest === undefined) {
    const value = chineseInteger(whole);
    return value === undefined ? undefined : { digits: String(value), exponent: 0 };
  }
  const fracEnd = [...rest].findIndex((c) => DIGITS[c] === undefined);
  const frac = fracEnd < 0 ? rest : rest.slice(0, fracEnd);
  const scale = fracEnd < 0 ? '' : rest.slice(fracEnd);
  const integer = chineseInteger(whole);
  if (integer === undefined || frac === '') return undefined;
  return { digits: `${integer}.${[...frac].map((c) => DIGITS[c]).join('')}`, exponent: scaleExponent(scale) };
}

/** Characters covered by a word that only looks like a number (`一些`, `统一`, `十分`). */
function blockedChars(text: string): Uint8Array {
  const blocked = new Uint8Array(text.length);
  for (const word of ZH.notNumbers) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      blocked.fill(1, at, at + word.length);
    }
  }
  return blocked;
}

const HAN = /\p{Script=Han}/u;

/**
 * Every number written the Chinese way in `text` (offsets into `text` itself; full-width digits are
 * read as digits). Arabic digits count only when a Chinese scale, a Chinese qualifier or a Han
 * character stands next to them; other digits are English number phrases.
 *
 * @example
 * scanChineseNumbers('高新技术企业超7.5万家').map((p) => [p.text, p.value]) // → [['7.5万', 75000]]
 * scanChineseNumbers('增长百分之五点二')[0]?.value                            // → 5.2
 */
export function scanChineseNumbers(text: string): NumberPhrase[] {
  const folded = foldWidth(text);
  const blocked = blockedChars(folded);
  const phrases: NumberPhrase[] = [];
  for (const match of folded.matchAll(PHRASE)) {
    const g = match.groups ?? {};
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (blocked.subarray(start, end).some((c) => c === 1)) continue;
    let read: { digits: string; exponent: number } | undefined;
    let percent = false;
    const qualifierText = g.q1 ?? g.tail ?? g.ztail;
    if (g.pctNum !== undefined) {
      read = /\d/.test(g.pctNum) ? { digits: g.pctNum, exponent: 0 } : readNumeral(g.pctNum);
      percent = true;
    } else if (g.num !== undefined) {
      const near = `${folded[start - 1] ?? ''}${folded[end] ?? ''}`;
      // Digits glued to a Latin letter are a code (`32M线`, `5G网络`, `A380`), not a number.
      if (/\p{Script=Latin}/u.test(near)) continue;
      const fullWidth = text.slice(start, end) !== match[0];
      if (!g.scale && !qualifierText && !HAN.test(near) && !fullWidth) continue;
      read = { digits: g.num, exponent: scaleExponent(g.scale) };
      percent = g.pct !== undefined;
    } else if (g.zh !== undefined) {
      // A lone `一` before a measure word is mostly the article (`一支球队`, a team), as `one` is in English.
      if (g.zh === '一' && !g.ztail && !g.zpct) continue;
      const hasUnit = [...g.zh].some((c) => UNITS[c] !== undefined || SCALES[c] !== undefined || c === POINT);
      if (!hasUnit && !COUNTED_AFTER.test(folded.slice(end, end + 8))) continue;
      read = readNumeral(g.zh);
      percent = g.zpct !== undefined;
    }
    if (!read) continue;
    const { plain, token } = shiftDecimal(read.digits, read.exponent);
    const value = Number(plain);
    if (!Number.isFinite(value)) continue;
    const qualifier = qualifierText ? QUALIFIERS_AFTER[qualifierText] : undefined;
    phrases.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      token,
      percent,
      scaled: read.exponent > 0,
      spelt: g.zh !== undefined,
      formatted: /[.,]/.test(read.digits),
      leadingZero: g.num !== undefined && /^0\d/.test(g.num),
      chinese: true,
      digits: read.digits,
      exponent: read.exponent,
      ...(qualifier ? { qualifier } : {}),
    });
  }
  return phrases;
}
