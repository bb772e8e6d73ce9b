import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';
import { ask } from '../../src/answer/ask.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';

/** What an engine returns for one question: the passages it quotes (best first), its figures, and whether it answered. */
export interface EngineAnswer {
  answered: boolean;
  passages: { id: string; docId: string; text: string }[];
  figures: { text: string; value: number }[];
}

/** A question answerer over one knowledge base. */
export type Engine = (question: string) => EngineAnswer;

/** factdesk itself. */
export function factdeskEngine(kb: KnowledgeBase): Engine {
  return (question) => {
    const answer = ask(kb, question);
    return { answered: answer.answered, passages: answer.passages, figures: answer.figures };
  };
}

const stop = new Set(englishStopWords);
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a text as a fair plain search engine reads them: Intl.Segmenter words (so Chinese
 * is split too), lowercased, stop words dropped, Porter-stemmed.
 */
export function plainTerms(text: string): string[] {
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC'))) {
    if (!isWordLike) continue;
    const lower = segment.toLowerCase();
    if (stop.has(lower)) continue;
    terms.push(/^[a-z]+$/.test(lower) ? stemmer(lower) : lower);
  }
  return terms;
}

/**
 * The fair baseline: MiniSearch over title and text, with stop words and stemming (and
 * Intl.Segmenter words), on the same passages; it answers whenever it finds anything.
 */
export function miniSearchEngine(kb: KnowledgeBase): Engine {
  const titles = new Map(kb.documents.map((doc) => [doc.id, doc.title]));
  const index = new MiniSearch<{ id: string; title: string; text: string }>({
    fields: ['title', 'text'],
    tokenize: plainTerms,
    processTerm: (term) => term,
  });
  index.addAll(kb.passages.map((p) => ({ id: p.id, title: titles.get(p.docId) ?? '', text: p.text })));
  return (question) => {
    const hits = index.search(question).slice(0, 3);
    const passages = hits.flatMap((hit) => {
      const passage = kb.passagesById.get(String(hit.id));
      return passage ? [passage] : [];
    });
    const figures = (kb.figuresByPassage.get(passages[0]?.id ?? '') ?? []).filter((f) => f.kind !== 'year');
    return { answered: passages.length > 0, passages, figures };
  };
}

/** lunr over title and text, with its own English pipeline (stop words, stemming), on the same passages. */
export function lunrEngine(kb: KnowledgeBase): Engine {
  const titles = new Map(kb.documents.map((doc) => [doc.id, doc.title]));
  const index = lunr(function build() {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const p of kb.passages)
      this.add({ id: p.id, title: titles.get(p.docId) ?? '', text: plainTerms(p.text).join(' ') });
  });
  return (question) => {
    // lunr's query syntax gives meaning to `:`, `~`, `^`, `+`, `-`: search the words only.
    const words = plainTerms(question)
      .map((w) => w.replace(/[:~^+\-*]/g, ''))
      .filter(Boolean);
    let hits: lunr.Index.Result[] = [];
    try {
      hits = index.search(words.join(' ')).slice(0, 3);
    } catch {
      hits = [];
    }
    const passages = hits.flatMap((hit) => {
      const passage = kb.passagesById.get(hit.ref);
      return passage ? [passage] : [];
    });
    const figures = (kb.figuresByPassage.get(passages[0]?.id ?? '') ?? []).filter((f) => f.kind !== 'year');
    return { answered: passages.length > 0, passages, figures };
  };
}
