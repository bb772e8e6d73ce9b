/**
 * Full-width digits (`１３`), point and percent sign (`．`, `％`) as their ASCII forms, one character
 * for one, so offsets found in the folded text are offsets in the original.
 */

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff05]/g;

/**
 * `text` with full-width digits, point and percent sign folded to ASCII; same length as `text`.
 *
 * @example
 * foldWidth('１３．５％') // → '13.5%'
 */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
