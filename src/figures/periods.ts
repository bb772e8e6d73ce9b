/**
 * Periods, read the same way from documents and from questions, written in one normalised form:
 * `2024-Q3`, `Q3`, `2024-H1`, `H1`, `FY2024`, `2023/24`, `2024-11`, `2024`.
 *
 * English: `Q3`, `Q3 2024`, `3Q24`, `third quarter (of 2024)`, `third-quarter`, `H1 2024`,
 * `first half (of 2024)`, `FY2024`, `FY24`, `fiscal (year) 2024`, `2023/24`, `2023–24`,
 * `November 2023`, `2024`. Chinese: `2023年`, `2023年11月`, `(2023年)第三季度`, `三季度`,
 * `(2023年)上半年`, `2024财年`. A quarter or half without a year takes the year the same text names
 * (`In 2024, third-quarter revenue …` → `2024-Q3`). Word lists live in `lexicon/en.json` and `zh.json`.
 */

import { EN, keysOf, ZH } from './lexicon/data.js';
import { foldWidth } from './width.js';

/** One period written in a text. */
export interface PeriodMention {
  start: number;
  end: number;
  /** The normalised period. */
  period: string;
  /** What the mention names; a year alone may lend its year to a quarter or half. */
  kind: 'year' | 'month' | 'quarter' | 'half' | 'fiscal' | 'split';
  year?: number;
  /** Quarter or half number, or month. */
  part?: number;
  /**
   * True when the mention's digits are no figure (`Q3`, `FY2024`, `2023–24`); a plain year or a
   * month stays a figure of kind `year` or `date`.
   */
  notFigure: boolean;
}

const ORDINALS: Record<string, number> = EN.periods.ordinals;
const ORD = keysOf(ORDINALS);
const FISCAL = EN.periods.fiscalWords
  .filter((w) => w !== 'FY')
  .map((w) => w.replace(/ /g, '[ \\u00a0]+'))
  .join('|');
const ZH_DIGIT: Record<string, number> = { ...ZH.digits, 1: 1, 2: 2, 3: 3, 4: 4 };
const SP = '[ \\u00a0]+';
const YEAR4 = '(?:19|20)\\d{2}';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/** Four-digit year of a two- or four-digit year (`'24`, `24`, `2024`). */
function fullYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/^'/, '');
  if (digits.length === 4) return Number(digits);
  return digits.length === 2 ? 2000 + Number(digits) : undefined;
}

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A mention, `undefined` when the match is none, or `null` for a full date, which names no period. */
type Make = (
  g: Record<string, string | undefined>,
) => Omit<PeriodMention, 'start' | 'end'> | undefined | null;
const FULL_DATE: Make = () => null;

const dated = (
  kind: 'quarter' | 'half',
  part: number | undefined,
  year: number | undefined,
): Omit<PeriodMention, 'start' | 'end'> | undefined => {
  if (!part) return undefined;
  const tag = `${kind === 'quarter' ? 'Q' : 'H'}${part}`;
  return {
    period: year ? `${year}-${tag}` : tag,
    kind,
    part,
    notFigure: true,
    ...(year ? { year } : {}),
  };
};

const split = (first: number, secondText: string): Omit<PeriodMention, 'start' | 'end'> | undefined => {
  const second =
    secondText.length === 2 ? Math.floor(first / 100) * 100 + Number(secondText) : Number(secondText);
  if (second !== first + 1) return undefined;
  return { period: `${first}/${String(second).slice(2)}`, kind: 'split', year: first, notFigure: true };
};

// Most specific first: a mention overlapping an earlier one is dropped.
const PATTERNS: Array<[RegExp, Make, boolean]> = (
  [
    // `the year ended December 31, 2019` is 2019; a fiscal year ending in another month is `FY2024`.
    [
      `${B}(?:(?:fiscal|financial)${SP})?(?:years?|twelve${SP}months|12${SP}months|period)${SP}end(?:ed|ing)${SP}(?:on${SP})?(?<m>${MONTHS})\\.?${SP}\\d{1,2}(?:st|nd|rd|th)?,?${SP}(?<y>${YEAR4})${E}`,
      (g) => {
        const december = monthOf(g.m ?? '') === 12;
        return {
          period: december ? String(g.y) : `FY${g.y}`,
          kind: december ? 'year' : 'fiscal',
          year: Number(g.y),
          notFigure: false,
        };
      },
    ],
    // Full dates (a dateline names no period of the figures after it)
    [`(?<y>${YEAR4})年(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\\d|0?[1-9])[日号]`, FULL_DATE],
    [`${B}(?:${MONTHS})\\.?${SP}\\d{1,2}(?:st|nd|rd|th)?,?${SP}${YEAR4}${E}`, FULL_DATE],
    [`${B}\\d{1,2}${SP}(?:${MONTHS})\\.?,?${SP}${YEAR4}${E}`, FULL_DATE],
    [`${B}${YEAR4}([-/])\\d{1,2}\\1\\d{1,2}${E}`, FULL_DATE],
    // Chinese
    [
      `(?<y>${YEAR4})年(?:${ZH.periods.quarterPrefix})?(?<q>[一二三四1-4])${ZH.periods.quarter}`,
      (g) => dated('quarter', ZH_DIGIT[g.q ?? ''], Number(g.y)),
    ],
    [
      `(?<y>${YEAR4})年(?<h>${keysOf(ZH.periods.halves)})`,
      (g) => dated('half', (ZH.periods.halves as Record<string, number>)[g.h ?? ''], Number(g.y)),
    ],
    [
      `(?<y>${YEAR4})(?:${ZH.periods.seasons.filter((w) => w !== ZH.periods.fiscalYear).join('|')})`,
      (g) => ({ period: String(g.y), kind: 'year', year: Number(g.y), notFigure: false }),
    ],
    [
      `(?<y>${YEAR4})${ZH.periods.fiscalYear}`,
      (g) => ({ period: `FY${g.y}`, kind: 'fiscal', year: Number(g.y), notFigure: true }),
    ],
    [
      `(?<y>${YEAR4})年(?<m>1[0-2]|0?[1-9])${ZH.periods.month}`,
      (g) => ({
        period: `${g.y}-${String(Number(g.m)).padStart(2, '0')}`,
        kind: 'month',
        year: Number(g.y),
        part: Number(g.m),
        notFigure: false,
      }),
    ],
    [
      `(?<y>${YEAR4})${ZH.periods.year}(?!代|前|后)`,
      (g) => ({ period: String(g.y), kind: 'year', year: Number(g.y), notFigure: false }),
    ],
    [
      `(?:${ZH.periods.quarterPrefix})?(?<q>[一二三四1-4])${ZH.periods.quarter}`,
      (g) => dated('quarter', ZH_DIGIT[g.q ?? ''], undefined),
    ],
    [
      `(?<h>${keysOf(ZH.periods.halves)})`,
      (g) => dated('half', (ZH.periods.halves as Record<string, number>)[g.h ?? ''], undefined),
    ],
    // English quarters
    [
      `${B}(?<y>${YEAR4})${SP}(?:Q(?<q>[1-4])|(?<o>${ORD})[ \\u00a0-]+quarter)${E}`,
      (g) => dated('quarter', g.q ? Number(g.q) : ORDINALS[(g.o ?? '').toLowerCase()], Number(g.y)),
    ],
    [
      `${B}Q(?<q>[1-4])(?:(?:${SP}|[ \\u00a0]?['’]|[ \\u00a0]?[/-]?)(?:FY[ \\u00a0]?)?(?<y>${YEAR4}|\\d{2}))?${E}`,
      (g) => dated('quarter', Number(g.q), fullYear(g.y?.replace('’', "'"))),
    ],
    [
      `${B}(?<q>[1-4])Q[ \\u00a0]?['’]?(?<y>${YEAR4}|\\d{2})${E}`,
      (g) => dated('quarter', Number(g.q), fullYear(g.y)),
    ],
    [
      `${B}(?<o>${ORD})[ \\u00a0-]+(?:fiscal[ \\u00a0-]+)?quarter(?:${SP}of${SP}(?:(?:fiscal|financial)${SP}(?:year${SP})?|FY[ \\u00a0]?)?(?<y>${YEAR4}))?${E}`,
      (g) => dated('quarter', ORDINALS[(g.o ?? '').toLowerCase()], fullYear(g.y)),
    ],
    // English halves
    [
      `${B}(?<y>${YEAR4})${SP}(?:H(?<h>[12])|(?<o>first|second|1st|2nd)[ \\u00a0-]+half)${E}`,
      (g) => dated('half', g.h ? Number(g.h) : ORDINALS[(g.o ?? '').toLowerCase()], Number(g.y)),
    ],
    [
      `${B}H(?<h>[12])(?:(?:${SP}|[ \\u00a0]?['’]|[ \\u00a0]?[/-]?)(?:FY[ \\u00a0]?)?(?<y>${YEAR4}|\\d{2}))?${E}`,
      (g) => dated('half', Number(g.h), fullYear(g.y?.replace('’', "'"))),
    ],
    [
      `${B}(?<h>[12])H[ \\u00a0]?['’]?(?<y>${YEAR4}|\\d{2})${E}`,
      (g) => dated('half', Number(g.h), fullYear(g.y)),
    ],
    [
      `${B}(?<o>first|second|1st|2nd)[ \\u00a0-]+half(?:${SP}of${SP}(?:the${SP})?(?:(?:fiscal|financial)${SP}(?:year${SP})?|FY[ \\u00a0]?)?(?<y>${YEAR4}))?${E}`,
      (g) => dated('half', ORDINALS[(g.o ?? '').toLowerCase()], fullYear(g.y)),
    ],
    // Fiscal years and split years
    [
      `${B}(?:${FISCAL})${SP}(?<y>${YEAR4})[/–—-](?<y2>\\d{4}|\\d{2})${E}`,
      (g) => split(Number(g.y), g.y2 ?? ''),
    ],
    [
      `${B}FY[ \\u00a0]?['’]?(?<y>${YEAR4}|\\d{2})${E}`,
      (g) => {
        const year = fullYear(g.y?.replace('’', "'"));
        return year ? { period: `FY${year}`, kind: 'fiscal', year, notFigure: true } : undefined;
      },
    ],
    [
      `${B}(?:${FISCAL})${SP}(?<y>${YEAR4})${E}`,
      (g) => ({ period: `FY${g.y}`, kind: 'fiscal', year: Number(g.y), notFigure: true }),
    ],
    [
      `(?<![\\p{L}\\p{N}.,/–—-])(?<y>${YEAR4})[ \\u00a0]?[/–—-][ \\u00a0]?(?<y2>\\d{4}|\\d{2})(?![\\p{L}\\p{N}]|[.,/–—-]\\d)`,
      (g) => split(Number(g.y), g.y2 ?? ''),
    ],
    // Months and years
    [
      `${B}(?<m>${MONTHS})\\.?,?${SP}(?<y>${YEAR4})${E}`,
      (g) => {
        const month = monthOf(g.m ?? '');
        return {
          period: `${g.y}-${String(month).padStart(2, '0')}`,
          kind: 'month',
          year: Number(g.y),
          part: month,
          notFigure: false,
        };
      },
    ],
    [
      `(?<![\\p{L}\\p{N}.,$€£¥])(?<y>${YEAR4})(?![\\p{N}]|[.,]\\d|[ \\u00a0]?%|[^\\P{L}\\p{Script=Han}])`,
      (g) => ({ period: String(g.y), kind: 'year', year: Number(g.y), notFigure: false }),
    ],
  ] as Array<[string, Make]>
).map(([source, make]) => [new RegExp(source, 'giu'), make, /\p{Script=Han}/u.test(source)]);

/** Every period mention of `text`, in order, not overlapping, before years are lent to quarters. */
function rawMentions(text: string): PeriodMention[] {
  const folded = foldWidth(text);
  // Every pattern needs a digit, or the word quarter or half (`third quarter`, `上半年`).
  if (!/\d|quarter|half|季度|半年/iu.test(folded)) return [];
  const han = /\p{Script=Han}/u.test(folded);
  const taken = new Uint8Array(folded.length);
  const found: PeriodMention[] = [];
  for (const [pattern, make, chinese] of PATTERNS) {
    if (chinese && !han) continue;
    for (const match of folded.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (end === start || taken.subarray(start, end).some((c) => c === 1)) continue;
      const made = make(match.groups ?? {});
      if (made === undefined) continue;
      taken.fill(1, start, end);
      if (made) found.push({ start, end, ...made });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The period mentions of `text`, in text order. A quarter or half without a year takes the year of
 * the one plain year the text names; that year then stands for no period of its own.
 *
 * @example
 * findPeriods('In 2024, third-quarter revenue rose.').map((m) => m.period) // → ['2024-Q3']
 */
export function findPeriods(text: string): PeriodMention[] {
  const mentions = rawMentions(text);
  const years = mentions.filter((m) => m.kind === 'year');
  const undated = mentions.filter((m) => (m.kind === 'quarter' || m.kind === 'half') && !m.year);
  const [year] = years;
  if (years.length !== 1 || !year?.year || undated.length === 0) return mentions;
  const lent = undated.map((m) => ({ ...m, ...dated(m.kind as 'quarter' | 'half', m.part, year.year) }));
  return mentions.filter((m) => m !== year).map((m) => lent[undated.indexOf(m)] ?? m);
}

/**
 * The periods a text names, normalised and in order, each once: for questions ("Q3 revenue",
 * "in the first half of 2024") as for documents.
 *
 * @example
 * periodsOf('What was revenue in the third quarter of 2024?') // → ['2024-Q3']
 * periodsOf('FY24 vs fiscal 2023')                            // → ['FY2024', 'FY2023']
 * periodsOf('广东2023年上半年GDP')                              // → ['2023-H1']
 */
export function periodsOf(text: string): string[] {
  return [...new Set(findPeriods(text).map((m) => m.period))];
}

/**
 * The periods a text names (see {@link periodsOf}) or, when it names none, the years of the dates
 * it holds: a column headed `June 30, 2019` reports 2019's values.
 *
 * @example
 * periodsOrYearsOf('June 30, 2019') // → ['2019']
 * periodsOrYearsOf('Q3 2024')       // → ['2024-Q3']
 */
export function periodsOrYearsOf(text: string): string[] {
  const periods = periodsOf(text);
  return periods.length > 0 ? periods : [...new Set(text.match(/\b(?:19|20)\d{2}\b/g) ?? [])];
}

/**
 * Whether a figure's period is the one a question names: `Q3` is any year's third quarter, and a
 * year names its quarters, halves and months (`2024` names `2024-Q3`; `2024-Q3` does not name
 * `2024`), and a fiscal year is named by its number (`2024` and `FY2024`), as people say both.
 *
 * @example
 * samePeriod('Q3', '2024-Q3') // → true
 * samePeriod('2023', '2024')  // → false
 */
export function samePeriod(asked: string, figure: string): boolean {
  const fiscal = /^FY(\d{4})$/;
  if (fiscal.test(asked) || fiscal.test(figure))
    return asked.replace(fiscal, '$1') === figure.replace(fiscal, '$1');
  return (
    figure === asked ||
    figure.endsWith(`-${asked}`) ||
    asked.endsWith(`-${figure}`) ||
    figure.startsWith(`${asked}-`)
  );
}

/**
 * The same period one year earlier (`FY2024` → `FY2023`, `2024-Q3` → `2023-Q3`, `2023/24` →
 * `2022/23`); `undefined` for a period without a year.
 *
 * @example
 * yearBefore('2024-Q3') // → '2023-Q3'
 */
export function yearBefore(period: string): string | undefined {
  const splitYear = /^(\d{4})\/(\d{2})$/.exec(period);
  if (splitYear) return `${Number(splitYear[1]) - 1}/${splitYear[1]?.slice(2)}`;
  const match = /^(FY)?(\d{4})(-.*)?$/.exec(period);
  if (!match) return undefined;
  return `${match[1] ?? ''}${Number(match[2]) - 1}${match[3] ?? ''}`;
}

/**
 * The period of a figure at `start..end` of its sentence, from the sentence's mentions: the nearest
 * one, a mention after the figure counting half again as far as one before (`$5.2 million in 2019
 * (2018: $2.0 million)`). A mention inside the figure itself (a year figure) is its own period.
 *
 * @example
 * const sentence = 'Revenue was $5.2 million in 2019 (2018: $2.0 million).';
 * periodNear(findPeriods(sentence), 12, 24) // → '2019'
 */
export function periodNear(
  mentions: readonly PeriodMention[],
  start: number,
  end: number,
): string | undefined {
  let best: PeriodMention | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const m of mentions) {
    if (m.start >= start && m.end <= end) return m.period;
    if (m.start < end && m.end > start) continue;
    const distance = m.end <= start ? start - m.end : (m.start - end) * 1.5;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = m;
    }
  }
  return best?.period;
}

/** A figure as {@link assignPeriods} sees it. */
export interface PeriodSlot {
  start: number;
  end: number;
  /** A previous or compared value: it takes the periods written next to past values. */
  past: boolean;
  /** Read as last year's value (`36,900 a year earlier`): one year before the current period. */
  yearBack: boolean;
  /** False for dates and years, which compete for no mention. */
  owns: boolean;
}

/** The index of the first span of `spans` (sorted by start) that starts at or after `at`. */
function firstFrom(spans: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far (in characters) a period may stand from its figure. */
const PERIOD_REACH = 80;

const distance = (m: PeriodMention, s: PeriodSlot): number =>
  m.end <= s.start ? s.start - m.end : m.start >= s.end ? (m.start - s.end) * 1.5 : 0;

/**
 * The period of each figure of a sentence. Each mention belongs to its nearest figure (a mention
 * after a figure counts half again as far: `$1.11 billion in Q3 2023`); a figure takes the nearest
 * mention within reach that belongs to itself or to a figure of the same tense (current values do
 * not take a previous value's `Q3 2023`), else the period of the sentence's first figure of that
 * tense. A value read as last year's takes the current period one year back.
 *
 * @example
 * // 'Revenue was $1.27 billion, up from $1.11 billion in Q3 2023, an increase of 14.4%.' (no period for the current values)
 * assignPeriods(findPeriods(sentence), slots) // → [undefined, '2023-Q3', undefined]
 */
export function assignPeriods(
  mentions: readonly PeriodMention[],
  slots: readonly PeriodSlot[],
  pastMentions: readonly boolean[] = [],
): Array<string | undefined> {
  // Only neighbours within reach matter, so each side is searched in a window: linear in practice.
  const window = PERIOD_REACH * 2;
  const owner = mentions.map((m) => {
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let k = firstFrom(slots, m.start - window); k < slots.length; k++) {
      const s = slots[k] as PeriodSlot;
      if (s.start > m.end + window) break;
      const d = distance(m, s);
      if (s.owns && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  });
  const periods = slots.map((slot) => {
    let best: PeriodMention | undefined;
    let bestDistance = PERIOD_REACH;
    for (let i = firstFrom(mentions, slot.start - window); i < mentions.length; i++) {
      const m = mentions[i] as PeriodMention;
      if (m.start > slot.end + window) break;
      if (m.start >= slot.start && m.end <= slot.end) {
        best = m;
        break;
      }
      if (m.start < slot.end && m.end > slot.start) continue;
      if (pastMentions[i] && !slot.past) continue;
      const o = slots[owner[i] ?? -1];
      if (o && o !== slot && o.past !== slot.past) continue;
      const d = distance(m, slot);
      if (d < bestDistance) {
        bestDistance = d;
        best = m;
      }
    }
    return best?.period;
  });
  const firstNow = slots.findIndex((s, k) => s.owns && !s.past && periods[k]);
  const firstPast = slots.findIndex((s, k) => s.owns && s.past && periods[k]);
  return slots.map((slot, k) => {
    if (!slot.owns) return periods[k];
    const now = firstNow >= 0 ? periods[firstNow] : undefined;
    if (slot.past && slot.yearBack && now && (!periods[k] || periods[k] === now))
      return yearBefore(now) ?? periods[k];
    if (periods[k]) return periods[k];
    return slot.past ? (firstPast >= 0 ? periods[firstPast] : undefined) : now;
  });
}
