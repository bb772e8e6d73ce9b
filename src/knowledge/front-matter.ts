import { z } from 'zod';

/** A calendar date written `YYYY-MM-DD` that exists (no 2024-02-30). */
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2024-02-20' });

// YAML reads `title: 12345` as a number and `tags: economy` as one string: both mean what they say.
const asText = (value: unknown) =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
const asList = (value: unknown) =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(asText) : value;

/**
 * The front matter a Markdown document may carry (and a sidecar `NAME.EXT.yml` any document).
 * Only `title` is required; unknown keys are kept out of the document but do not fail it (a
 * misspelt one is warned about), so teams can add their own bookkeeping.
 */
export const FrontMatterSchema = z.object({
  title: z.preprocess(
    asText,
    z
      .string({ error: 'is required: add `title: Your document title` to the front matter' })
      .trim()
      .min(1, { error: 'must not be empty' }),
  ),
  source: z.preprocess(asText, z.string().trim().min(1).optional()),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://example.org/release' })
    .optional(),
  published: isoDate.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { error: 'must be a language tag such as en or en-GB' })
    .optional(),
  tags: z.preprocess(asList, z.array(z.string().trim().min(1)).default([])),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** The fields front matter and sidecars know. */
export const FRONT_MATTER_KEYS = ['title', 'source', 'url', 'published', 'language', 'tags'] as const;

/** What to do about an invalid front-matter field, by field name. */
export const FRONT_MATTER_FIXES: Record<string, string> = {
  title: 'add a non-empty `title:` line to the front matter',
  source: 'write the publisher as text, e.g. `source: PR Newswire`, or remove the line',
  url: 'write a full link such as `url: https://example.org/release`, or remove the line',
  published: 'write the date as `published: YYYY-MM-DD`, e.g. `published: 2024-02-20`',
  language: 'write a language tag such as `language: en`, or remove the line',
  tags: 'write tags as a list of words, e.g. `tags: [economy, innovation]`',
};

/** Edit distance with adjacent swaps, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known field a misspelt key most likely meant, or `undefined` when none is close.
 *
 * @example
 * suggestField('publised') // → 'published'
 * suggestField('owner')    // → undefined
 */
export function suggestField(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of FRONT_MATTER_KEYS) {
    const d = distance(lower, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best && lower !== best && bestDistance <= Math.max(1, Math.floor(best.length / 3))
    ? best
    : undefined;
}

/** True when a line is indented under a `key: value` line, which YAML reads as a nested mapping. */
function hasStrayIndent(yaml: string): boolean {
  const lines = yaml.split('\n');
  return lines.some((line, i) => /^\s+[\w-]+\s*:/.test(line) && /^[\w-]+\s*:\s*\S/.test(lines[i - 1] ?? ''));
}

/**
 * A hint for a YAML error, matching what went wrong: an unquoted colon, an unclosed bracket or
 * quote, a bad indentation, a tab. `yaml` is the text that failed, to tell an indented line from a
 * colon inside a value (YAML reports both as a nested mapping).
 */
export function yamlHint(code: string | undefined, message: string, yaml = ''): string {
  if (/tab/i.test(message) || code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  if (/quote/i.test(message))
    return 'close the quote: a value that opens with `"` must end with `"` on the same line';
  if (/flow (?:sequence|collection|map)|\]|\}/i.test(message))
    return 'close the bracket: write lists as `tags: [economy, innovation]`, each `[` with its `]`';
  if (code === 'BAD_INDENT' || /indent/i.test(message) || hasStrayIndent(yaml))
    return 'start every field at the beginning of its line, without spaces before the key';
  if (/mapping|implicit key/i.test(message) || code === 'BLOCK_AS_IMPLICIT_KEY')
    return 'put a value that contains a colon in quotes, e.g. `title: "Results: 2024"`';
  return 'fix the YAML between the two `---` lines: one `key: value` per line, quoting values that contain `:` or `#`';
}
