import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fileErrorProblem } from '../knowledge/load.js';
import type { Problem } from '../types.js';
import { analyzeWords, type WordUnit } from './analyzer.js';

/** The synonyms file: groups of phrases that mean the same thing. */
export const SynonymsFileSchema = z.object({
  description: z.string().optional(),
  groups: z.array(z.array(z.string().trim().min(1)).min(2, { error: 'a group needs at least two phrases' })),
});

/** One phrase of a synonym group, analysed into the terms of each of its words. */
interface CompiledPhrase {
  phrase: string;
  units: string[][];
}

/** Synonym groups ready to expand queries. */
export class Synonyms {
  private readonly groups: CompiledPhrase[][];

  /**
   * @param groups Raw phrase groups, e.g. `[['GDP', 'economy', 'economic output']]`.
   */
  constructor(readonly raw: string[][] = []) {
    this.groups = raw.map((group) =>
      group
        .map((phrase) => ({ phrase, units: analyzeWords(phrase).map((unit) => unit.terms) }))
        .filter((compiled) => compiled.units.length > 0),
    );
  }

  /**
   * The phrases to add to a query, and for each the query words that called it in. A phrase of a
   * group matches when every one of its words has a term among the query's terms.
   *
   * @example
   * new Synonyms([['GDP', 'economy']]).expand(analyzeWords('size of the economy'))
   * // → [{ phrase: 'GDP', triggeredBy: [2] }]
   */
  expand(units: WordUnit[]): { phrase: string; terms: string[]; triggeredBy: number[] }[] {
    const expansions: { phrase: string; terms: string[]; triggeredBy: number[] }[] = [];
    const seen = new Set<string>();
    for (const group of this.groups) {
      const triggeredBy = new Set<number>();
      for (const member of group) {
        const hits = member.units.map((alternatives) =>
          units.findIndex((unit) => unit.terms.some((term) => alternatives.includes(term))),
        );
        if (hits.every((hit) => hit >= 0)) for (const hit of hits) triggeredBy.add(hit);
      }
      if (triggeredBy.size === 0) continue;
      const queryTerms = new Set([...triggeredBy].flatMap((index) => units[index]?.terms ?? []));
      for (const member of group) {
        const terms = member.units.flat().filter((term) => !queryTerms.has(term));
        const key = terms.join(' ');
        if (terms.length === 0 || seen.has(key)) continue;
        seen.add(key);
        expansions.push({ phrase: member.phrase, terms, triggeredBy: [...triggeredBy] });
      }
    }
    return expansions;
  }
}

/**
 * Reads a synonyms file. A missing file means no synonyms; a broken one, or one that cannot be
 * read, is reported as a problem (and no synonyms are used), so the documents still serve.
 */
export async function loadSynonyms(
  file: string,
  displayName: string,
): Promise<{ synonyms: Synonyms; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { synonyms: new Synonyms(), problems: missing ? [] : [fileErrorProblem(displayName, error)] };
  }
  const fix =
    'write {"groups": [["GDP", "economy"], ...]}: a list of groups, each a list of at least two phrases';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      synonyms: new Synonyms(),
      problems: [
        {
          severity: 'error',
          file: displayName,
          field: 'groups',
          message: `is not valid JSON (${reason})`,
          fix,
        },
      ],
    };
  }
  const parsed = SynonymsFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      synonyms: new Synonyms(),
      problems: parsed.error.issues.map((issue) => ({
        severity: 'error' as const,
        file: displayName,
        field: issue.path.join('.') || 'groups',
        message: issue.message,
        fix,
      })),
    };
  }
  return { synonyms: new Synonyms(parsed.data.groups), problems: [] };
}
