import { scanNumberPhrases } from '../figures/numbers.js';
import { patternsOfEveryLexicon } from '../lexicon/lexicon.js';
import type { Figure } from '../types.js';

/** Words right before a number of the question that make it a threshold ("above 1tn", "超过13万亿"). */
const THRESHOLD_BEFORE = patternsOfEveryLexicon((lexicon) => lexicon.thresholdWords, { atEnd: true });
/** How far above a threshold a value may be and still be the one asked about. */
const THRESHOLD_MARGIN = 1.1;

/** A number stated in a question, whether it is a threshold, and how far off a rounded one may be. */
export interface StatedNumber {
  value: number;
  threshold: boolean;
  /**
   * Half a unit of the last digit written, at the number's scale: people round, so "5.5bn" is
   * any value from 5.45 to 5.55 billion, "60k" one from 59,500 to 60,500, and "2,314" only 2,314.
   */
  tolerance: number;
}

/**
 * The numbers a question states, other than bare years (a year is scope, not a figure).
 *
 * @example
 * statedNumbers('did Fenmore make 5.5bn in 2024?') // → [{ value: 5500000000, threshold: false, tolerance: 50000000 }]
 * statedNumbers('more than 1.1m visits')[0].threshold // → true
 */
export function statedNumbers(question: string): StatedNumber[] {
  return scanNumberPhrases(question)
    .filter(
      (phrase) =>
        !(
          phrase.value >= 1900 &&
          phrase.value < 2100 &&
          !phrase.formatted &&
          !phrase.scaled &&
          !phrase.percent
        ),
    )
    .map((phrase) => ({
      value: phrase.value,
      threshold: THRESHOLD_BEFORE.some((pattern) => pattern.test(question.slice(0, phrase.start))),
      tolerance: toleranceOf(phrase.text, phrase.value),
    }));
}

/** Half a unit of the last digit of `text` (`5.5bn` → 0.05 × 10⁹), or none for a spelt-out number. */
function toleranceOf(text: string, value: number): number {
  const digits = /\d[\d,]*(?:\.(\d+))?/.exec(text.normalize('NFKC'));
  if (!digits) return 0;
  const written = Number.parseFloat(digits[0].replace(/,/g, ''));
  if (!(written > 0)) return 0;
  const scale = value / written;
  return 0.5 * 10 ** -(digits[1]?.length ?? 0) * scale;
}

/**
 * Whether a figure is the number a question states: the value itself, as rounded as the question
 * wrote it, or, for a threshold ("more than 1.1m"), a value just past it.
 */
export function reachesStated(figure: Pick<Figure, 'value'>, number: StatedNumber): boolean {
  if (number.threshold)
    return figure.value >= number.value && figure.value <= number.value * THRESHOLD_MARGIN;
  return Math.abs(figure.value - number.value) <= Math.max(number.tolerance, Math.abs(number.value) * 1e-9);
}
