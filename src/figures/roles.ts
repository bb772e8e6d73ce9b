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
import { type PeriodMention, periodNear, yearBefore } from './periods.js';

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
  /\(\s*(?:(?:FY|fiscal|financial year)?\s*['’]?\d{2,4}(?:[/–-]\d{2,4})?|prior year|previous year|last year|PY|20\d{2}年|上年|去年)\s*[:：]\s*$/iu;
const EN_AFTER_PREVIOUS = new RegExp(
  `^[ \\u00a0]*,?[ \\u00a0]*(?:${alternation(EN.roles.after.previous)})(?![\\p{L}\\p{N}])`,
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
  let best: { role: RoleName; length: number } | undefined;
  for (const [role, pattern] of chinese ? ZH_BEFORE : EN_BEFORE) {
    const match = pattern.exec(before);
    if (match && (!best || match[0].length > best.length)) best = { role, length: match[0].length };
  }
  const yearBack = PREVIOUS_YEAR_AFTER.test(after);
  if (PARENTHESISED_PERIOD.test(before)) return { role: 'previous', yearBack: false };
  // `compared with 36,900 a year earlier`: the words after say whose value it is.
  if ((!best || best.role === 'comparison') && (yearBack || EN_AFTER_PREVIOUS.test(after)))
    return { role: 'previous', yearBack };
  return { role: best?.role ?? 'current', yearBack: best?.role === 'previous' && yearBack };
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

/**
 * A figure's role, period and role-aware label. A previous, compared or target value is labelled
 * as such after the label of the sentence's current value (`Revenue, previous period`).
 */
export function withRoleAndPeriod(
  figures: LocatedFigure[],
  qualifierStarts: readonly number[],
  mentions: readonly PeriodMention[],
  chinese: boolean,
): LocatedFigure[] {
  let currentLabel: string | undefined;
  return figures.map((figure, index) => {
    const reading = roleOf(
      figure.sentence,
      qualifierStarts[index] ?? figure.start,
      figure.end,
      figure.kind,
      chinese,
    );
    let period = periodNear(mentions, figure.start, figure.end);
    if (reading?.yearBack && period) period = yearBefore(period) ?? period;
    const out: LocatedFigure = { ...figure };
    if (reading) {
      out.role = reading.role;
      if (reading.role === 'current') currentLabel ??= figure.label;
      let named = figure.label;
      if (['previous', 'comparison', 'target'].includes(reading.role)) named = currentLabel ?? figure.label;
      // `an increase of 12%`: the change of the sentence's current value.
      if (reading.role === 'change' && currentLabel && CHANGE_WORD.test(figure.label))
        named = `${currentLabel} ${figure.label}`;
      out.label = labelForRole(named, reading.role, chinese);
    }
    if (period) out.period = period;
    return out;
  });
}
