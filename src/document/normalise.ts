/**
 * Text normalisation applied before anything is parsed: files saved on Windows (CRLF), old Macs
 * (lone CR), with a byte-order mark, or copied from web pages (no-break and zero-width spaces) read
 * exactly as the same text typed plainly.
 */

// U+200B zero-width space, U+200C/U+200D joiners only between Latin/digits would matter for
// scripts that use them, so only the space and the word joiner / BOM inside text are removed.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const NO_BREAK_SPACES = /[\u00A0\u2007\u202F]/g;

/**
 * Line endings to `\n`, the BOM and zero-width spaces removed, no-break spaces made plain spaces.
 *
 * @example
 * normaliseText('\uFEFFtitle: A\r\nbody\u00A0text\rend') // → 'title: A\nbody text\nend'
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ZERO_WIDTH, '').replace(NO_BREAK_SPACES, ' ');
}

/** Collapses runs of whitespace (line breaks included) into single spaces and trims. */
export function foldSpaces(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ').trim();
}
