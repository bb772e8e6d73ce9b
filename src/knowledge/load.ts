import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { withIntroducedUnits } from '../document/markdown.js';
import type { Block, LoadedContent } from '../document/model.js';
import { normaliseText } from '../document/normalise.js';
import type { KnowledgeDocument, Problem } from '../types.js';
import { parseDateline } from './dateline.js';
import { loadCsv } from './formats/csv.js';
import { loadDocx } from './formats/docx.js';
import { loadHtml } from './formats/html.js';
import { loadPdf, NoTextLayerError } from './formats/pdf.js';
import {
  FRONT_MATTER_FIXES,
  FRONT_MATTER_KEYS,
  FrontMatterSchema,
  suggestField,
  yamlHint,
} from './front-matter.js';
import { contentMismatch, type DocumentFormat, FORMAT_OF_EXTENSION } from './sniff.js';

/** File endings read as documents. */
export const DOCUMENT_EXTENSIONS = Object.keys(FORMAT_OF_EXTENSION);

/** The largest document file read by default: 20 MB. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Documents that loaded, and every problem found on the way. */
export interface LoadResult {
  documents: KnowledgeDocument[];
  problems: Problem[];
}

/** How documents are read. */
export interface LoadOptions {
  /** Files larger than this are refused (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxFileBytes?: number;
}

/** The knowledge folder itself cannot be read: nothing can be served. */
export class KnowledgeFolderError extends Error {
  override name = 'KnowledgeFolderError';
}

/**
 * Turns a file path into a document id: `Reports/Q3 Results.md` → `q3-results`. Letters and
 * digits of every script are kept (`新闻稿-春季.md` → `新闻稿-春季`); accents are dropped.
 */
export function documentIdOf(file: string): string {
  return path
    .basename(file, path.extname(file))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** One line a problem: `file: field: message. Fix: fix`. */
export function formatProblem(problem: Problem): string {
  // One line, whatever a parser's message quotes (JSON.parse quotes the text it choked on, breaks included).
  const message = problem.message.replace(/\s*[\r\n]+\s*/g, ' ');
  const stop = /[.?!]$/.test(message) ? '' : '.';
  return `${problem.severity}: ${problem.file}: ${problem.field} ${message}${stop} Fix: ${problem.fix}.`;
}

// YAML 1.2's core schema keeps `published: 2024-02-20` a string, so the date is validated as written
// instead of being silently rolled over by a Date constructor (js-yaml turns 2024-02-30 into March 1).
const parseYaml = (source: string) => YAML.parse(source, { schema: 'core' }) as unknown;
const matterOptions = { engines: { yaml: (source: string) => (parseYaml(source) ?? {}) as object } };

function problem(file: string, field: string, message: string, fix: string): Problem {
  return { severity: 'error', file, field, message, fix };
}

function warning(file: string, field: string, message: string, fix: string): Problem {
  return { severity: 'warning', file, field, message, fix };
}

const BINARY_FIX = `save the document in one of the formats factdesk reads (${DOCUMENT_EXTENSIONS.join(' ')}), or move the file out of the knowledge folder`;

function decodeText(file: string, bytes: Uint8Array): { text?: string; problem?: Problem } {
  if (bytes.subarray(0, 8192).includes(0)) {
    return { problem: problem(file, 'encoding', 'is a binary file, not text', BINARY_FIX) };
  }
  try {
    return { text: normaliseText(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { problem: problem(file, 'encoding', 'is not valid UTF-8 text', 'save the file as UTF-8') };
  }
}

/** Problems of a YAML parse error, with a hint matching it. */
function yamlProblem(file: string, field: string, error: unknown, where: string, yaml: string): Problem {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const code = (error as { code?: string }).code;
  return problem(
    file,
    field,
    `is not valid YAML (${message.replace(/:$/, '')})`,
    `${yamlHint(code, message, yaml)} (${where})`,
  );
}

/** Warnings for keys no field knows: `publised` → did you mean `published`? */
function unknownKeyWarnings(file: string, fields: Record<string, unknown>, where: string): Problem[] {
  return Object.keys(fields)
    .filter((key) => !(FRONT_MATTER_KEYS as readonly string[]).includes(key))
    .flatMap((key) => {
      const suggestion = suggestField(key);
      return suggestion
        ? [
            warning(
              file,
              where,
              `has the unknown field \`${key}\`: did you mean \`${suggestion}\`?`,
              `rename \`${key}:\` to \`${suggestion}:\``,
            ),
          ]
        : [];
    });
}

/** What the loaders hand to {@link finishDocument}: fields as written, and the content. */
interface Draft {
  fields: Record<string, unknown>;
  body: string;
  blocks?: Block[];
  problems: Problem[];
}

/** Plain text of blocks, one block a paragraph, for the empty check and the dateline. */
function bodyOfBlocks(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'table'
        ? block.rows.map((row) => [row.label, ...row.cells].join(' ')).join('\n')
        : block.text,
    )
    .join('\n\n');
}

/** Validates the fields and builds the document; every problem names the field and the fix. */
function finishDocument(file: string, draft: Draft): { document?: KnowledgeDocument; problems: Problem[] } {
  const problems = [...draft.problems];
  const id = documentIdOf(file);
  if (id.length === 0) {
    return {
      problems: [
        ...problems,
        problem(file, 'id', 'gives an empty document id', 'rename the file with letters or digits'),
      ],
    };
  }
  // An empty document is what is wrong with it, whatever its fields lack.
  if (draft.body.trim().length === 0) {
    return {
      problems: [
        ...problems,
        problem(file, 'body', 'is empty', 'write the document text below the title or front matter'),
      ],
    };
  }
  // A document without a title still serves, cited by its file name, and the warning says how to
  // name it: a PDF, Word file or web page has no front matter, so its title goes in a sidecar.
  let fields = draft.fields;
  if (isBlank(fields.title)) {
    const title = titleOfFileName(file);
    fields = { ...fields, title };
    problems.push(
      warning(
        file,
        'title',
        `is ${draft.fields.title === undefined || draft.fields.title === null ? 'missing' : 'empty'}: the document is cited as "${title}", after its file name`,
        formatOf(file) === 'markdown'
          ? (FRONT_MATTER_FIXES.title ?? '')
          : `give the file a title, or add a sidecar \`${path.basename(file)}.yml\` beside it with \`title: Your document title\``,
      ),
    );
  }
  const result = FrontMatterSchema.safeParse(fields);
  if (!result.success) {
    return {
      problems: [
        ...problems,
        ...result.error.issues.map((issue) => {
          const field = String(issue.path[0] ?? 'front matter');
          return problem(file, field, issue.message, FRONT_MATTER_FIXES[field] ?? 'correct the front matter');
        }),
      ],
    };
  }
  const meta = result.data;
  const dateline = parseDateline(draft.body);
  const document: KnowledgeDocument = {
    id,
    title: meta.title,
    tags: meta.tags,
    file,
    body: draft.body.trim(),
  };
  if (draft.blocks) document.blocks = draft.blocks;
  const source = meta.source ?? dateline?.source;
  const published = meta.published ?? dateline?.published;
  if (source) document.source = source;
  if (published) document.published = published;
  if (meta.url) document.url = meta.url;
  if (meta.language) document.language = meta.language;
  return { document, problems };
}

/** Whether a title field says nothing: absent, null, or only spaces. */
function isBlank(title: unknown): boolean {
  return title === undefined || title === null || (typeof title === 'string' && title.trim().length === 0);
}

/** The first `# Heading` line of a Markdown body, for a document without a `title:`. */
function firstHeading(body: string): string | undefined {
  return /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(body)?.[1]?.trim();
}

function textDraft(file: string, text: string): Draft | Problem {
  if (file.toLowerCase().endsWith('.txt')) {
    const lines = text.split('\n');
    const titleIndex = lines.findIndex((line) => line.trim().length > 0);
    return {
      fields: titleIndex === -1 ? {} : { title: lines[titleIndex]?.trim() },
      body: titleIndex === -1 ? '' : lines.slice(titleIndex + 1).join('\n'),
      problems: [],
    };
  }
  try {
    const parsed = matter(text, matterOptions);
    const fields = (parsed.data ?? {}) as Record<string, unknown>;
    if (isBlank(fields.title)) {
      const heading = firstHeading(parsed.content);
      if (heading) fields.title = heading;
    }
    return { fields, body: parsed.content, problems: unknownKeyWarnings(file, fields, 'front matter') };
  } catch (error) {
    const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    return yamlProblem(file, 'front matter', error, 'in the front matter between the two `---` lines', yaml);
  }
}

/**
 * Parses one Markdown or text document (`.md` with optional YAML front matter, or `.txt` whose
 * first non-empty line is the title). Never throws: what is wrong comes back as problems naming the
 * field and the fix. Line endings, BOM, no-break and zero-width spaces are normalised first.
 *
 * @example
 * parseDocument('release.md', Buffer.from('---\ntitle: Results\n---\nRevenue rose 4 percent.'))
 * // → { document: { id: 'release', title: 'Results', body: 'Revenue rose 4 percent.', ... }, problems: [] }
 */
export function parseDocument(
  file: string,
  bytes: Uint8Array,
  sidecar: Record<string, unknown> = {},
): { document?: KnowledgeDocument; problems: Problem[] } {
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return { problems: decoded.problem ? [decoded.problem] : [] };
  const draft = textDraft(file, decoded.text);
  if ('severity' in draft) return { problems: [draft] };
  return finishDocument(file, { ...draft, fields: { ...draft.fields, ...sidecar } });
}

/** A title made from a file name, for a table file nothing else names: `q3-sales.csv` → `Q3 sales`. */
function titleOfFileName(file: string): string {
  const words = path.basename(file, path.extname(file)).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

async function loadStructured(format: DocumentFormat, bytes: Uint8Array): Promise<LoadedContent> {
  if (format === 'pdf') return loadPdf(bytes);
  if (format === 'docx') return loadDocx(bytes);
  const text = normaliseText(new TextDecoder('utf-8').decode(bytes));
  return format === 'html' ? loadHtml(text) : loadCsv(text);
}

const FORMAT_NAMES: Record<DocumentFormat, string> = {
  markdown: 'Markdown',
  text: 'text',
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
  csv: 'CSV',
};

/** The format a file's name promises, or `undefined` for a type factdesk does not read. */
export function formatOf(file: string): DocumentFormat | undefined {
  return FORMAT_OF_EXTENSION[path.extname(file).toLowerCase()];
}

/**
 * Loads one document file of any format factdesk reads, with its sidecar's fields (which override
 * what the file says). Never throws: a file that cannot be read is a problem naming the fix.
 */
export async function loadDocumentFile(
  file: string,
  bytes: Uint8Array,
  sidecar: Record<string, unknown> = {},
): Promise<{ document?: KnowledgeDocument; problems: Problem[] }> {
  const format = formatOf(file);
  if (!format) {
    return { problems: [problem(file, 'type', 'is not a type factdesk reads', BINARY_FIX)] };
  }
  const mismatch = contentMismatch(format, bytes);
  if (mismatch === 'binary data' && format !== 'pdf' && format !== 'docx') {
    return { problems: [problem(file, 'encoding', 'is a binary file, not text', BINARY_FIX)] };
  }
  if (mismatch) {
    return {
      problems: [
        problem(
          file,
          'type',
          `is named as a ${FORMAT_NAMES[format]} file but holds ${mismatch}`,
          'save the file in the format its name says, or give it the ending of what it holds',
        ),
      ],
    };
  }
  if (format === 'markdown' || format === 'text') return parseDocument(file, bytes, sidecar);
  let content: LoadedContent;
  try {
    content = await loadStructured(format, bytes);
  } catch (error) {
    if (error instanceof NoTextLayerError) {
      return {
        problems: [
          problem(
            file,
            'body',
            'has no text layer (a scanned PDF?)',
            'run OCR first, e.g. `ocrmypdf in.pdf out.pdf`',
          ),
        ],
      };
    }
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      problems: [
        problem(
          file,
          'body',
          `could not be read as ${FORMAT_NAMES[format]} (${reason})`,
          'open and save the file again in its program, or export it as PDF or Markdown',
        ),
      ],
    };
  }
  withIntroducedUnits(content.blocks);
  const body = bodyOfBlocks(content.blocks);
  const heading = content.blocks.find((block) => block.kind === 'heading')?.text;
  const fields: Record<string, unknown> = { ...content.meta };
  if (isBlank(fields.title)) fields.title = heading ?? (format === 'csv' ? titleOfFileName(file) : undefined);
  return finishDocument(file, {
    fields: { ...fields, ...sidecar },
    body,
    blocks: content.blocks,
    problems: [],
  });
}

/** The fields of a sidecar `NAME.EXT.yml`, or the problem that keeps it from being read. */
export function parseSidecar(
  file: string,
  text: string,
): { fields: Record<string, unknown>; problems: Problem[] } {
  try {
    const data = parseYaml(normaliseText(text)) ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      return {
        fields: {},
        problems: [
          problem(
            file,
            'sidecar',
            'is not a list of `key: value` fields',
            'write one `key: value` per line, e.g. `title: Annual report`',
          ),
        ],
      };
    }
    const fields = data as Record<string, unknown>;
    return { fields, problems: unknownKeyWarnings(file, fields, 'sidecar') };
  } catch (error) {
    return { fields: {}, problems: [yamlProblem(file, 'sidecar', error, 'in the sidecar file', text)] };
  }
}

/**
 * A file system error as one line naming the fix, never a stack. A folder that cannot be listed
 * (`kind: 'folder'`) needs its execute bit as well as read.
 */
export function fileErrorProblem(file: string, error: unknown, kind: 'file' | 'folder' = 'file'): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return problem(
      file,
      kind,
      'cannot be read (permission denied)',
      `let the user running factdesk read it, e.g. \`chmod ${kind === 'folder' ? 'a+rx' : 'a+r'} ${file}\``,
    );
  }
  return problem(
    file,
    kind,
    `cannot be read (${code ?? String(error)})`,
    `check that the ${kind} exists and can be read`,
  );
}

/** Every file of the folder, relative, in path order; dot files and folders skipped. */
async function listFiles(dir: string, problems: Problem[], prefix = ''): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch (error) {
    if (prefix === '') throw error;
    problems.push(fileErrorProblem(prefix, error, 'folder'));
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, problems, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

/** `20 MB`, `4 KB`: a size as a person reads it. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Files that sit in the knowledge folder without being documents. */
const isSidecar = (file: string) => /\.(?:md|markdown|txt|pdf|docx|html?|csv)\.ya?ml$/i.test(file);
const isOwnFile = (file: string) =>
  file === 'synonyms.json' || /(?:^|\/)(?:README|LICENSE)(?:\.\w+)?$/i.test(file);

/**
 * Checks that `dir` is a folder.
 *
 * @throws {KnowledgeFolderError} naming the folder and the setting that chooses it.
 */
export async function assertKnowledgeFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new KnowledgeFolderError(
      `The knowledge folder ${dir} does not exist or is not a folder. Set KNOWLEDGE_DIR to a folder of documents (${DOCUMENT_EXTENSIONS.join(' ')}).`,
    );
  }
}

/**
 * Reads every document in `dir` (recursively, in path order, every format of
 * {@link DOCUMENT_EXTENSIONS}, each with its sidecar `NAME.EXT.yml` if there is one). A broken file
 * is reported and skipped; the others still load. Files of other types are warnings; an empty
 * folder is a warning. Two files with the same id: the first in path order wins and the second is
 * an error.
 *
 * @throws {KnowledgeFolderError} when `dir` does not exist, is not a folder or cannot be listed.
 */
export async function loadDocuments(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  await assertKnowledgeFolder(dir);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const documents: KnowledgeDocument[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, string>();
  let files: string[];
  try {
    files = await listFiles(dir, problems);
  } catch (error) {
    const line = formatProblem(fileErrorProblem(dir, error, 'folder'));
    throw new KnowledgeFolderError(`The knowledge folder cannot be listed: ${line}`);
  }
  const all = new Set(files);
  for (const file of files) {
    if (isSidecar(file) || isOwnFile(file)) {
      if (isSidecar(file) && !all.has(file.replace(/\.ya?ml$/i, ''))) {
        problems.push(
          warning(
            file,
            'sidecar',
            'has no document beside it',
            `name it after its document, e.g. \`report.pdf.yml\` beside \`report.pdf\``,
          ),
        );
      }
      continue;
    }
    if (!formatOf(file)) {
      const ext = path.extname(file) || 'file without an ending';
      problems.push(
        warning(
          file,
          'type',
          `is skipped: factdesk does not read ${ext} files`,
          `save it as one of ${DOCUMENT_EXTENSIONS.join(' ')}, or move it out of the knowledge folder`,
        ),
      );
      continue;
    }
    const full = path.join(dir, file);
    let bytes: Buffer;
    try {
      const info = await stat(full);
      if (info.size > maxBytes) {
        problems.push(
          problem(
            file,
            'size',
            `is ${sizeText(info.size)}, over the ${sizeText(maxBytes)} limit`,
            'split the document, or raise KNOWLEDGE_MAX_FILE_MB',
          ),
        );
        continue;
      }
      bytes = await readFile(full);
    } catch (error) {
      problems.push(fileErrorProblem(file, error));
      continue;
    }
    let sidecar: Record<string, unknown> = {};
    const sidecarFile = [`${file}.yml`, `${file}.yaml`].find((name) => all.has(name));
    if (sidecarFile) {
      const text = await readFile(path.join(dir, sidecarFile), 'utf8').catch((error: unknown) => {
        problems.push(fileErrorProblem(sidecarFile, error));
        return '';
      });
      const parsed = parseSidecar(sidecarFile, text);
      problems.push(...parsed.problems);
      sidecar = parsed.fields;
    }
    const parsed = await loadDocumentFile(file, bytes, sidecar);
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
  if (documents.length === 0) {
    problems.push(
      warning(
        '.',
        'folder',
        'holds no documents factdesk can serve',
        `add documents (${DOCUMENT_EXTENSIONS.join(' ')}) to the knowledge folder`,
      ),
    );
  }
  return { documents, problems };
}
