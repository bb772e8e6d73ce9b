/**
 * Which format a file's bytes hold, whatever its name says, so that a `.pdf` saved from a browser
 * as a web page is reported instead of crashing the PDF reader.
 */

/** The formats factdesk reads. */
export type DocumentFormat = 'markdown' | 'text' | 'pdf' | 'docx' | 'html' | 'csv';

/** File endings read as documents, and the format each promises. */
export const FORMAT_OF_EXTENSION: Record<string, DocumentFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
};

/** What the bytes are, as far as the first few of them tell. */
export type Sniffed = 'pdf' | 'zip' | 'html' | 'binary' | 'text';

const startsWith = (bytes: Uint8Array, ascii: string) =>
  bytes.length >= ascii.length && [...ascii].every((char, i) => bytes[i] === char.charCodeAt(0));

/**
 * Reads the signature of a file: `%PDF-` is a PDF, `PK\x03\x04` a zip (a `.docx` is one), an
 * opening `<!doctype html` or `<html` a web page, a NUL byte early on binary, anything else text.
 */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = bytes.subarray(0, 1024);
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, 'PK\u0003\u0004')) return 'zip';
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  const text = new TextDecoder('utf-8')
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<head[\s>]/.test(text))
    return 'html';
  return 'text';
}

const EXPECTED: Record<DocumentFormat, Sniffed[]> = {
  markdown: ['text'],
  text: ['text'],
  csv: ['text'],
  html: ['html', 'text'],
  pdf: ['pdf'],
  docx: ['zip'],
};

const DESCRIBED: Record<Sniffed, string> = {
  pdf: 'a PDF',
  zip: 'a zip archive (such as a Word or Excel file)',
  html: 'a web page (HTML)',
  binary: 'binary data',
  text: 'plain text',
};

/** `undefined` when the bytes fit the format the name promises, else what they hold instead. */
export function contentMismatch(format: DocumentFormat, bytes: Uint8Array): string | undefined {
  const found = sniff(bytes);
  return EXPECTED[format].includes(found) ? undefined : DESCRIBED[found];
}
