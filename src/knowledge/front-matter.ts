import { z } from 'zod';

/** A calendar date written `YYYY-MM-DD` that exists (no 2024-02-30). */
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2024-02-20' });

/**
 * The front matter a Markdown document may carry. Only `title` is required; unknown keys are
 * kept out of the document but do not fail it, so teams can add their own bookkeeping.
 */
export const FrontMatterSchema = z.object({
  title: z
    .string({ error: 'is required: add `title: Your document title` to the front matter' })
    .trim()
    .min(1, { error: 'must not be empty' }),
  source: z.string().trim().min(1).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://example.org/release' })
    .optional(),
  published: isoDate.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { error: 'must be a language tag such as en or en-GB' })
    .optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** What to do about an invalid front-matter field, by field name. */
export const FRONT_MATTER_FIXES: Record<string, string> = {
  title: 'add a non-empty `title:` line to the front matter',
  source: 'write the publisher as text, e.g. `source: PR Newswire`, or remove the line',
  url: 'write a full link such as `url: https://example.org/release`, or remove the line',
  published: 'write the date as `published: YYYY-MM-DD`, e.g. `published: 2024-02-20`',
  language: 'write a language tag such as `language: en`, or remove the line',
  tags: 'write tags as a list of words, e.g. `tags: [economy, innovation]`',
};
