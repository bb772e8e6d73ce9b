import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ElementLike, htmlBlocks } from '../../document/html.js';
import type { LoadedContent } from '../../document/model.js';
import { foldSpaces } from '../../document/normalise.js';

type Doc = ReturnType<typeof parseHTML>['document'];

/** Navigation, sidebars, footers and pop-ups (cookie dialogs): never the document's content. */
const CHROME =
  'nav, aside, footer, [role="navigation"], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

function metaContent(document: Doc, selector: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute('content') ?? undefined;
  return value ? foldSpaces(value) : undefined;
}

/** `2024-02-20T09:00:00Z`, `2024-02-20` → `2024-02-20`. */
function isoDay(value: string | null | undefined): string | undefined {
  return value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1] : undefined;
}

/**
 * Reads a web page: the main content (by Readability, so navigation, banners and footers are left
 * out), its headings, paragraphs and tables; the title from `og:title`, `<title>` or the first
 * `h1`; the date from `article:published_time`, a `<time datetime>` or the dateline; the URL from
 * the canonical link.
 */
export function loadHtml(html: string): LoadedContent {
  const { document } = parseHTML(html);
  const meta: LoadedContent['meta'] = {};
  const title =
    metaContent(document, 'meta[property="og:title"]') ??
    (foldSpaces(document.querySelector('title')?.textContent ?? '') ||
      foldSpaces(document.querySelector('h1')?.textContent ?? '') ||
      undefined);
  if (title) meta.title = title;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical && /^https?:\/\//.test(canonical)) meta.url = canonical;
  const published =
    isoDay(metaContent(document, 'meta[property="article:published_time"]')) ??
    isoDay(metaContent(document, 'meta[name="date"]')) ??
    isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (published) meta.published = published;
  const language = document.documentElement?.getAttribute('lang');
  if (language) meta.language = language;
  const site = metaContent(document, 'meta[property="og:site_name"]');
  if (site) meta.source = site;

  // Readability changes the DOM it reads: give it its own copy, without the page's chrome.
  const copy = parseHTML(html).document;
  for (const element of copy.querySelectorAll(CHROME)) element.remove();
  const article = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 0,
  }).parse();
  let root: ElementLike | null = null;
  if (article?.content)
    root = parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as ElementLike;
  if (!root || htmlBlocks(root).length === 0) {
    for (const element of document.querySelectorAll('nav, header, footer, aside, script, style'))
      element.remove();
    root = document.body as unknown as ElementLike;
  }
  const blocks = root ? htmlBlocks(root) : [];
  // Readability drops the page's top heading into its title; keep it as the first heading.
  if (article?.title && blocks[0]?.kind !== 'heading') {
    const h1 = foldSpaces(document.querySelector('h1')?.textContent ?? '');
    if (h1) blocks.unshift({ kind: 'heading', level: 1, text: h1 });
  }
  return { blocks, meta };
}
