import { extractFigures } from '../figures/extract.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Figure } from '../types.js';
import { type Answer, type AnswerPassage, rankFigures } from './ask.js';
import { citationOf } from './citation.js';
import { rankPassages } from './rank.js';

/** Figures that measure something on their own (not a bare year or date mentioned in passing). */
function isMeasure(figure: Figure): boolean {
  return figure.kind !== 'year' && figure.kind !== 'date';
}

/**
 * "Where does this number come from?": finds the passages that state a number quoted in `text`
 * (`13 trillion yuan`, `75,000`, `13tn`), whatever way it is written. Passages whose words also
 * match the text come first. Returns `undefined` when the text quotes no number the knowledge holds.
 *
 * @example
 * findNumberSources(kb, 'Is it true they have 75k high-tech firms?')?.passages[0].id // → 'guangdong…#p3.2'
 */
export function findNumberSources(kb: KnowledgeBase, text: string, { limit = 3 } = {}): Answer | undefined {
  const quoted = extractFigures({ id: 'message', docId: 'message', paragraph: 1, part: 1, text }).filter(
    isMeasure,
  );
  if (quoted.length === 0) return undefined;
  const matches = kb.figures.filter(
    (figure) => isMeasure(figure) && quoted.some((q) => q.value === figure.value && q.kind === figure.kind),
  );
  if (matches.length === 0) return undefined;
  const relevance = new Map(rankPassages(kb, text, { limit: 50 }).hits.map((hit) => [hit.passageId, hit]));
  const passageIds = [...new Set(matches.map((figure) => figure.passageId))].sort(
    (a, b) => (relevance.get(b)?.score ?? 0) - (relevance.get(a)?.score ?? 0),
  );
  const passages: AnswerPassage[] = [];
  for (const id of passageIds.slice(0, limit)) {
    const passage = kb.passagesById.get(id);
    if (!passage) continue;
    const numberTerms = matches.filter((figure) => figure.passageId === id).map((figure) => figure.text);
    passages.push({
      id,
      ...citationOf(kb, passage),
      text: passage.text,
      // The passage that states the number, as it is (not with a table it may introduce).
      sources: [id],
      score: relevance.get(id)?.score ?? 0,
      matchedTerms: [...(relevance.get(id)?.matchedTerms ?? []), ...numberTerms],
    });
  }
  const stated = new Set(matches.map((figure) => figure.id));
  const figures = rankFigures(
    text,
    passages.map((passage) => ({ figures: kb.figuresByPassage.get(passage.id) ?? [] })),
    { weights: kb.index.model.figure },
  ).sort((a, b) => Number(stated.has(b.id)) - Number(stated.has(a.id)));
  return {
    query: text.trim(),
    answered: true,
    passages,
    figures,
    matchedWords: quoted.map((figure) => figure.text),
    suggestions: [],
    hasMore: passageIds.length > limit,
  };
}
