/** Exact decimal arithmetic on digit strings, for scales that floating point would round. */

/**
 * Shifts a decimal digit string by `exponent` places, exactly: ('4.82', 9) → '4820000000'.
 *
 * @example
 * shiftDecimal('4.82', 9) // → { plain: '4820000000', token: '4820000000' }
 */
export function shiftDecimal(digits: string, exponent: number): { plain: string; token: string } {
  const [intPart = '0', fracPart = ''] = digits.replace(/,/g, '').split('.');
  const all = intPart + fracPart;
  const point = intPart.length + exponent;
  let whole = point >= all.length ? all + '0'.repeat(point - all.length) : all.slice(0, point);
  let frac = point >= all.length ? '' : all.slice(point);
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return frac ? { plain: `${whole}.${frac}`, token: `${whole}p${frac}` } : { plain: whole, token: whole };
}
