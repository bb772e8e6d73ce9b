import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { type ElementLike, htmlBlocks } from '../../document/html.js';
import type { LoadedContent } from '../../document/model.js';
import { foldSpaces } from '../../document/normalise.js';

/** The title and dates of a Word file's core properties (`docProps/core.xml`). */
async function coreProperties(bytes: Uint8Array): Promise<LoadedContent['meta']> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('docProps/core.xml')?.async('string');
  if (!xml) return {};
  const { document } = parseHTML(xml);
  const read = (tag: string) => foldSpaces(document.getElementsByTagName(tag)[0]?.textContent ?? '');
  const meta: LoadedContent['meta'] = {};
  const title = read('dc:title');
  if (title) meta.title = title;
  const created = /^(\d{4}-\d{2}-\d{2})/.exec(read('dcterms:created'))?.[1];
  if (created) meta.published = created;
  const language = read('dc:language');
  if (language) meta.language = language;
  return meta;
}

/**
 * Reads a Word file (`.docx`): mammoth turns its styles into HTML headings, paragraphs and tables,
 * read like a web page; the title and date come from its core properties.
 */
export async function loadDocx(bytes: Uint8Array): Promise<LoadedContent> {
  const buffer = Buffer.from(bytes);
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const blocks = htmlBlocks(document.body as unknown as ElementLike);
  return { blocks, meta: await coreProperties(buffer) };
}
