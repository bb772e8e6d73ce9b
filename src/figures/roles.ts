/**
 * The role of a figure in its sentence: the current value, a previous-period value ("up from $1.11
 * billion", "(2018: $2.0 million)", "36,900 a year earlier"), a value compared with ("versus"), a
 * change ("an increase of 5,200", "up 12%"), a part of a whole ("of which"), or a target. Read from
 * the cue words right before the figure (and its qualifier) and right after it; the cue lists live
 * in `lexicon/en.json` and `lexicon/zh.json`.
 */

import type { FigureKind, FigureRole } from '../types.js';
import type { LocatedFigure } from './extract.js';
import { alternation, EN, type RoleName, ZH } from './lexicon/data.js';
import { assignPeriods, type PeriodMention } from './periods.js';

/** Figures that can play a role; dates, years, ranks and streaks are what they are. */
const ROLE_KINDS = new Set<FigureKind>(['amount', 'count', 'percent', 'multiple']);

const ROLE_ORDER: RoleName[] = ['part', 'target', 'change', 'previous', 'comparison'];

function cueTable(table: Partial<Record<RoleName, string[]>>, english: boolean): Array<[RoleName, RegExp]> {
  return ROLE_ORDER.flatMap((role): Array<[RoleName, RegExp]> => {
    const phrases = table[role];
    if (!phrases?.length) return [];
    const source = english
      ? `(?<![\\p{L}\\p{N}])(?:${alternation(phrases)})[ \\u00a0]*$`
      : `(?:${alternation(phrases)})[ \\u00a0]*$`;
    return [[role, new RegExp(source, 'iu')]];
  });
}

const EN_BEFORE = cueTable(EN.roles.before, true);
const ZH_BEFORE = cueTable(ZH.roles.before, false);
// `(2018: $2.0 million)`, `(prior year: 36,900)`, `(FY2023: …)`.
const PARENTHESISED_PERIOD =
  /\(\s*(?:[^():：]{0,16}?['’]?\d{2,4}(?:[/–-]\d{2,4})?|prior year|previous year|last year|PY|20\d{2}年|上年|去年)\s*[:：]\s*$/iu;
// A short unit phrase may stand between (`$0.81 per diluted share, in the prior-year quarter`).
const EN_AFTER_PREVIOUS = new RegExp(
  `^(?:[ \\u00a0]+per(?:[ \\u00a0]+[\\p{L}-]+){1,2})?[ \\u00a0]*,?[ \\u00a0]*(?:${alternation(EN.roles.after.previous)})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** Cues after a figure that make it last year's value, so its period is one year back. */
export const PREVIOUS_YEAR_AFTER = new RegExp(
  `^[ \\u00a0]*,?[ \\u00a0]*(?:in[ \\u00a0]+)?(?:${alternation(EN.periods.previousYearCues)})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** A role and whether it was read as last year's value (so the period moves one year back). */
export interface RoleReading {
  role: FigureRole;
  yearBack: boolean;
  /** The cue words read before the figure, lowercased, when there were any. */
  cue?: string;
}

/**
 * The role of a figure of `kind` whose qualifier starts at `start` and whose text ends at `end` in
 * `sentence`; `undefined` for kinds that play none (dates, years, ranks, streaks).
 *
 * @example
 * roleOf('Revenue rose to $1.31 billion, up from $1.11 billion.', 38, 51, 'amount', false)
 * // → { role: 'previous', yearBack: false }
 */
export function roleOf(
  sentence: string,
  start: number,
  end: number,
  kind: FigureKind,
  chinese: boolean,
): RoleReading | undefined {
  if (!ROLE_KINDS.has(kind)) return undefined;
  const before = sentence.slice(Math.max(0, start - 48), start);
  const after = sentence.slice(end, end + 64);
  let best: { role: RoleName; length: number; cue: string } | undefined;
  for (const [role, pattern] of chinese ? ZH_BEFORE : EN_BEFORE) {
    const match = pattern.exec(before);
    if (match && (!best || match[0].length > best.length))
      best = { role, length: match[0].length, cue: match[0].trim().toLowerCase() };
  }
  const yearBack = PREVIOUS_YEAR_AFTER.test(after);
  if (PARENTHESISED_PERIOD.test(before)) return { role: 'previous', yearBack: false };
  // `compared with 36,900 a year earlier`: the words after say whose value it is.
  if ((!best || best.role === 'comparison') && (yearBack || EN_AFTER_PREVIOUS.test(after)))
    return { role: 'previous', yearBack };
  return {
    role: best?.role ?? 'current',
    yearBack: best?.role === 'previous' && yearBack,
    ...(best ? { cue: best.cue } : {}),
  };
}

const CHANGE_ENDINGS = new RegExp(
  `(?:${alternation(EN.roles.changeLabels)}|增长|下降|增加|减少|变化)$`,
  'iu',
);
const CHANGE_WORD = new RegExp(`^(?:${alternation(EN.roles.changeLabels)})$`, 'iu');
const ROLE_LABELS: Partial<Record<FigureRole, string>> = EN.roles.labels;
const ZH_ROLE_LABELS: Partial<Record<FigureRole | 'change', string>> = ZH.roles.labels;

/**
 * The label a figure of this role shows: a previous, compared or target value says so (`revenue,
 * previous period`), so it never reads as the current value; a change says `change` unless its
 * label already says how it changed (`revenue growth`). Within `max` characters.
 *
 * @example
 * labelForRole('Revenue', 'previous') // → 'Revenue, previous period'
 * labelForRole('Revenue', 'change')   // → 'Revenue change'
 * labelForRole('地区生产总值', 'previous', true) // → '地区生产总值（上期）'
 */
export function labelForRole(label: string, role: FigureRole | undefined, chinese = false, max = 60): string {
  if (role === 'change') {
    if (CHANGE_ENDINGS.test(label)) return label;
    return withSuffix(label, chinese ? (ZH_ROLE_LABELS.change ?? '') : ' change', max);
  }
  const suffix = role ? (chinese ? ZH_ROLE_LABELS : ROLE_LABELS)[role] : undefined;
  if (!suffix) return label;
  return withSuffix(label, chinese ? `（${suffix}）` : `, ${suffix}`, max);
}

function withSuffix(label: string, suffix: string, max: number): string {
  if (label.length + suffix.length <= max) return `${label}${suffix}`;
  const room = max - suffix.length - 1;
  const cut = label.slice(0, room).replace(/\s+\S*$/, '');
  return `${cut || label.slice(0, room)}…${suffix}`;
}

/** Figures a previous or compared value may take its label from: same kind and unit, same order of magnitude. */
function matchingCurrent(
  figures: readonly LocatedFigure[],
  roles: readonly (FigureRole | undefined)[],
  index: number,
) {
  const figure = figures[index] as LocatedFigure;
  let sameKind: LocatedFigure | undefined;
  let any: LocatedFigure | undefined;
  // The nearest few figures are enough, and keep a sentence of thousands of numbers linear.
  const floor = Math.max(0, index - 16);
  for (let k = index - 1; k >= floor; k--) {
    const other = figures[k] as LocatedFigure;
    if (roles[k] !== 'current') continue;
    any ??= other;
    if (other.kind !== figure.kind || other.unit !== figure.unit) continue;
    sameKind ??= other;
    const ratio = Math.abs(figure.value) / Math.max(Math.abs(other.value), Number.MIN_VALUE);
    if (ratio >= 0.1 && ratio <= 10) return other;
  }
  // A value stated before the current one it is compared with (`from $151 million`).
  for (let k = index + 1; k < Math.min(figures.length, index + 16) && !sameKind; k++) {
    const other = figures[k] as LocatedFigure;
    if (roles[k] === 'current' && other.kind === figure.kind && other.unit === figure.unit) sameKind = other;
  }
  return sameKind ?? any;
}

// `up 18% on the third quarter of 2023`, `versus Q3 2023`: the period is the comparison base.
const COMPARISON_BASE_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${alternation([...EN.periods.comparisonBase, ...ZH.periods.comparisonBase, ...ZH.roles.before.previous])})[ \\u00a0]*(?:the[ \\u00a0]+)?(?:(?:${alternation(EN.periods.pastWords)})[ \\u00a0]+)?(?:(?:period|quarter|half|year)[ \\u00a0]+(?:of|in)[ \\u00a0]+)?$`,
  'iu',
);

const RESTATEMENT_BEFORE = /[,(][ \u00a0]*or[ \u00a0]+$/iu;

/**
 * Each figure's role, period and role-aware label. A previous, compared or target value is labelled
 * as such after the label of the current value it goes with (same kind and unit, same order of
 * magnitude): `Revenue, previous period`. A restatement (`$109 million, or $0.81 per share`) plays
 * the role of the figure it restates. Periods: see {@link assignPeriods}.
 */
export function withRoleAndPeriod(
  figures: LocatedFigure[],
  qualifierStarts: readonly number[],
  mentions: readonly PeriodMention[],
  chinese: boolean,
): LocatedFigure[] {
  const readings = figures.map((figure, index) =>
    roleOf(figure.sentence, qualifierStarts[index] ?? figure.start, figure.end, figure.kind, chinese),
  );
  readings.forEach((reading, index) => {
    const figure = figures[index] as LocatedFigure;
    const before = figure.sentence.slice(
      Math.max(0, (qualifierStarts[index] ?? figure.start) - 8),
      qualifierStarts[index] ?? figure.start,
    );
    const restated = readings[index - 1];
    if (reading?.role === 'current' && restated && RESTATEMENT_BEFORE.test(before))
      readings[index] = { ...restated };
  });
  // A bare `from` names a previous value only beside a current value of its kind (`to 42.8% from
  // 40.1%`); otherwise it names a base (`63 points from 38 matches`).
  readings.forEach((reading, index) => {
    if (reading?.role !== 'previous' || reading.cue !== 'from') return;
    const figure = figures[index] as LocatedFigure;
    const alike = figures.some(
      (other, k) =>
        k !== index &&
        readings[k]?.role === 'current' &&
        other.kind === figure.kind &&
        other.unit === figure.unit,
    );
    if (!alike) readings[index] = { role: 'current', yearBack: false };
  });
  const roles = readings.map((r) => r?.role);
  const periods = assignPeriods(
    mentions,
    figures.map((figure, index) => ({
      start: figure.start,
      end: figure.end,
      past: roles[index] === 'previous' || roles[index] === 'comparison',
      yearBack: readings[index]?.yearBack ?? false,
      owns: roles[index] !== undefined,
    })),
    mentions.map((m) =>
      COMPARISON_BASE_BEFORE.test(figures[0]?.sentence.slice(Math.max(0, m.start - 40), m.start) ?? ''),
    ),
  );
  return figures.map((figure, index) => {
    const reading = readings[index];
    const out: LocatedFigure = { ...figure };
    if (reading) {
      out.role = reading.role;
      let named = figure.label;
      if (['previous', 'comparison', 'target'].includes(reading.role))
        named = matchingCurrent(figures, roles, index)?.label ?? figure.label;
      // `an increase of 12%`: the change of the sentence's current value.
      const current = matchingCurrent(figures, roles, index);
      if (reading.role === 'change' && current && CHANGE_WORD.test(figure.label))
        named = `${current.label} ${figure.label}`;
      out.label = labelForRole(named, reading.role, chinese);
    }
    const period = periods[index];
    if (period) out.period = period;
    return out;
  });
}
