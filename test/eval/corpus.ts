/**
 * Reads the project's own evaluation data as the data tests check it: a corpus folder of Markdown
 * documents (`test/fixtures/*-corpus/`) and a questions file (`test/eval/*.json`). The same reading
 * for every set, so the tuning, blind and Chinese sets are held to one idea of a paragraph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';

/** The kinds of question every set mixes. */
export const KINDS = [
  'paraphrase',
  'keyword',
  'typo',
  'synonym',
  'number',
  'disambiguation',
  'offtopic',
] as const;
export type Kind = (typeof KINDS)[number];

/** One question of a set: what a passage that answers it holds, or `null` for an off-topic one. */
export interface EvalQuestion {
  id: string;
  question: string;
  kind: Kind;
  expect: { docId: string; passage: string; figure?: number } | null;
}

/** One document of a corpus: its bytes as written, its front matter, its body's paragraphs. */
export interface CorpusDoc {
  id: string;
  raw: string;
  data: Record<string, unknown>;
  paragraphs: string[];
}

/**
 * The id a corpus file's questions name it by: the file name without `.md`, every `.` as `-`
 * (`release-2024.zh.md` → `release-2024-zh`), as factdesk names the document.
 */
export function corpusId(file: string): string {
  return file.replace(/\.md$/, '').replace(/\./g, '-');
}

/** The file names of a corpus folder, sorted, so nothing depends on the order of the directory. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * The Markdown documents of a corpus folder by id ({@link corpusId}), each with its front matter
 * and its body split into paragraphs on blank lines.
 */
export function loadEvalCorpus(dir: string): Map<string, CorpusDoc> {
  const docs = new Map<string, CorpusDoc>();
  for (const file of corpusFiles(dir).filter((name) => name.endsWith('.md'))) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const parsed = matter(raw);
    const paragraphs = parsed.content
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const id = corpusId(file);
    docs.set(id, { id, raw, data: parsed.data, paragraphs });
  }
  return docs;
}

/** The questions of a set file, as written (the blind set validates its own with a schema). */
export function loadEvalQuestions(file: string): EvalQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
}

/**
 * The shape every question of a set written from documents alone must have (the blind sets and
 * the paraphrase set are held to it): an id `<doc prefix>-<topic>`, a kind, and a passage of at
 * least 20 characters (or `null` for an off-topic question).
 */
const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)+$/, 'ids look like "<doc prefix>-<topic>"'),
    question: z.string().min(3),
    kind: z.enum(KINDS),
    expect: z
      .object({
        docId: z.string().min(1),
        passage: z.string().min(20, 'a passage has at least 20 characters'),
        figure: z.number().finite().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict();

/** The questions of a set file, validated against {@link questionSchema} (a mistake names the question and field). */
export function loadCheckedQuestions(file: string): EvalQuestion[] {
  return z.array(questionSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A front-matter date as `YYYY-MM-DD`, whether YAML read it as a date or left it a string. */
export function dateText(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
