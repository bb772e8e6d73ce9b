import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import type { KnowledgeDocument, Problem } from '../types.js';
import { parseDateline } from './dateline.js';
import { FRONT_MATTER_FIXES, FrontMatterSchema } from './front-matter.js';

/** File endings read as documents. */
export const DOCUMENT_EXTENSIONS = ['.md', '.txt'] as const;

/** Documents that loaded, and every problem found on the way. */
export interface LoadResult {
  documents: KnowledgeDocument[];
  problems: Problem[];
}

/** The knowledge folder itself cannot be read: nothing can be served. */
export class KnowledgeFolderError extends Error {
  override name = 'KnowledgeFolderError';
}

/** Turns a file path into a document id: `Reports/Q3 Results.md` → `q3-results`. */
export function documentIdOf(file: string): string {
  return path
    .basename(file, path.extname(file))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One line a problem: `file: field: message. Fix: fix`. */
export function formatProblem(problem: Problem): string {
  return `${problem.severity}: ${problem.file}: ${problem.field} ${problem.message}. Fix: ${problem.fix}.`;
}

// YAML 1.2's core schema keeps `published: 2024-02-20` a string, so the date is validated as written
// instead of being silently rolled over by a Date constructor (js-yaml turns 2024-02-30 into March 1).
const matterOptions = {
  engines: { yaml: (source: string) => YAML.parse(source, { schema: 'core' }) as object },
};

function problem(file: string, field: string, message: string, fix: string): Problem {
  return { severity: 'error', file, field, message, fix };
}

function decodeText(file: string, bytes: Buffer): { text?: string; problem?: Problem } {
  const binaryFix =
    'save the document as UTF-8 text (.md or .txt), or move the file out of the knowledge folder';
  if (bytes.subarray(0, 8192).includes(0)) {
    return { problem: problem(file, 'encoding', 'is a binary file, not text', binaryFix) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { problem: problem(file, 'encoding', 'is not valid UTF-8 text', binaryFix) };
  }
}

/**
 * Parses one document file (`.md` with optional YAML front matter, or `.txt` whose first non-empty
 * line is the title). Never throws: what is wrong comes back as problems naming the field and the fix.
 *
 * @example
 * parseDocument('release.md', Buffer.from('---\ntitle: Results\n---\nRevenue rose 4 percent.'))
 * // → { document: { id: 'release', title: 'Results', body: 'Revenue rose 4 percent.', ... }, problems: [] }
 */
export function parseDocument(
  file: string,
  bytes: Buffer,
): { document?: KnowledgeDocument; problems: Problem[] } {
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return { problems: decoded.problem ? [decoded.problem] : [] };
  const text = decoded.text;
  const id = documentIdOf(file);
  if (id.length === 0) {
    return {
      problems: [problem(file, 'id', 'gives an empty document id', 'rename the file with letters or digits')],
    };
  }

  let fields: Record<string, unknown>;
  let body: string;
  if (file.toLowerCase().endsWith('.txt')) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const titleIndex = lines.findIndex((line) => line.trim().length > 0);
    fields = titleIndex === -1 ? {} : { title: lines[titleIndex]?.trim() };
    body = titleIndex === -1 ? '' : lines.slice(titleIndex + 1).join('\n');
  } else {
    try {
      const parsed = matter(text, matterOptions);
      fields = (parsed.data ?? {}) as Record<string, unknown>;
      body = parsed.content;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        problems: [
          problem(
            file,
            'front matter',
            `is not valid YAML (${reason})`,
            'fix the YAML between the two `---` lines, e.g. quote a title that contains a colon',
          ),
        ],
      };
    }
  }

  const dateline = parseDateline(body);
  const result = FrontMatterSchema.safeParse(fields);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'front matter');
        return problem(file, field, issue.message, FRONT_MATTER_FIXES[field] ?? 'correct the front matter');
      }),
    };
  }
  if (body.trim().length === 0) {
    return {
      problems: [
        problem(file, 'body', 'is empty', 'write the document text below the title or front matter'),
      ],
    };
  }
  const meta = result.data;
  const document: KnowledgeDocument = {
    id,
    title: meta.title,
    tags: meta.tags,
    file,
    body: body.trim(),
  };
  const source = meta.source ?? dateline?.source;
  const published = meta.published ?? dateline?.published;
  if (source) document.source = source;
  if (published) document.published = published;
  if (meta.url) document.url = meta.url;
  if (meta.language) document.language = meta.language;
  return { document, problems: [] };
}

async function listDocumentFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listDocumentFiles(dir, relative)));
    else if (DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) files.push(relative);
  }
  return files.sort();
}

/**
 * Checks that `dir` is a folder.
 *
 * @throws {KnowledgeFolderError} naming the folder and the setting that chooses it.
 */
export async function assertKnowledgeFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new KnowledgeFolderError(
      `The knowledge folder ${dir} does not exist or is not a folder. Set KNOWLEDGE_DIR to a folder of .md or .txt documents.`,
    );
  }
}

/**
 * Reads every document in `dir` (recursively, `.md` and `.txt`, in path order). A broken file is
 * reported and skipped; the others still load. Two files with the same id: the first in path
 * order wins and the second is an error.
 *
 * @throws {KnowledgeFolderError} when `dir` does not exist or is not a folder.
 */
export async function loadDocuments(dir: string): Promise<LoadResult> {
  await assertKnowledgeFolder(dir);
  const documents: KnowledgeDocument[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, string>();
  for (const file of await listDocumentFiles(dir)) {
    const parsed = parseDocument(file, await readFile(path.join(dir, file)));
    problems.push(...parsed.problems);
    if (!parsed.document) continue;
    const earlier = byId.get(parsed.document.id);
    if (earlier) {
      problems.push(
        problem(
          file,
          'id',
          `gives the document id "${parsed.document.id}", already used by ${earlier}`,
          'rename one of the two files so that their names differ',
        ),
      );
      continue;
    }
    byId.set(parsed.document.id, file);
    documents.push(parsed.document);
  }
  return { documents, problems };
}
