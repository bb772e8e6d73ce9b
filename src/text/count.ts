/**
 * A number with its noun, singular or plural as the number wants.
 *
 * @example
 * count(1, 'document') // → '1 document'
 * count(16, 'passage') // → '16 passages'
 */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
