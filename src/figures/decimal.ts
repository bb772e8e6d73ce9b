/** Exact decimal arithmetic on digit strings, for scales that floating point would round. */

/**
 * Shifts a decimal digit string by `exponent` places, exactly: ('4.82', 9) → '4820000000'.
 *
 * @example
 * shiftDecimal('4.82', 9) // → { plain: '4820000000', token: '4820000000' }
 */
export function shiftDecimal(digits: string, exponent: number): { plain: string; token: string } {
  const [intPart = '0', fracPart = ''] = digits.replace(/,/g, '').split('.');
  // A negative exponent (pence: `11.9p` is £0.119) may move the point left of every digit.
  const shift = Math.max(0, -(intPart.length + exponent));
  const all = '0'.repeat(shift) + intPart + fracPart;
  const point = intPart.length + exponent + shift;
  let whole = point >= all.length ? all + '0'.repeat(point - all.length) : all.slice(0, point);
  let frac = point >= all.length ? '' : all.slice(point);
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  return frac ? { plain: `${whole}.${frac}`, token: `${whole}p${frac}` } : { plain: whole, token: whole };
}
