import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { lookupFigure } from '../../src/answer/figure-lookup.js';
import { rankPassages } from '../../src/answer/rank.js';
import { suggestFigureChoices } from '../../src/answer/suggest.js';
import { openKnowledgeBase, writePrebuiltIndex } from '../../src/knowledge-base.js';
import { writeFixtureFolder } from './fixture.js';

const QUESTIONS = [
  'How many high-tech enterprises does Northvale have?',
  "What was Northvale's GDP in 2023?",
  "What is Northvale's GDP?",
  'Northvael regional GDP',
  'how many years in a row has Northvale been third?',
  'How many people work at Corbel?',
  "did Northvale's tech loan balance go above 1tn yuan?",
  'Corbel GDP',
  'What is the capital of France?',
];

describe('openKnowledgeBase with a prebuilt index', () => {
  it('loads the index written by writePrebuiltIndex and answers exactly as the built one', async () => {
    const dir = await writeFixtureFolder();
    const built = await openKnowledgeBase({ dir });
    expect(built.origin).toBe('built');
    await writePrebuiltIndex(built);

    const loaded = await openKnowledgeBase({ dir });
    expect(loaded.origin).toBe('prebuilt');
    expect(loaded.hash).toBe(built.hash);
    for (const question of QUESTIONS) {
      expect(ask(loaded, question), question).toEqual(ask(built, question));
    }
    // Every candidate's features, not only the quoted passages: the term statistics the prebuilt
    // index carries (document frequencies, each document's terms, years, title-word uses) feed them.
    for (const question of QUESTIONS) {
      expect(rankPassages(loaded, question).hits, question).toEqual(rankPassages(built, question).hits);
    }
    for (const topic of ['regional GDP', 'employees', 'little giant companies']) {
      expect(lookupFigure(loaded, topic), topic).toEqual(lookupFigure(built, topic));
    }
    // The figures travel packed, and their index is read on the first autocomplete.
    expect(loaded.figures).toEqual(built.figures);
    for (const prefix of ['GDP', 'high-tech ent', 'employ']) {
      expect(suggestFigureChoices(loaded, prefix), prefix).toEqual(suggestFigureChoices(built, prefix));
    }
  });

  it('reads the figure index ahead in the background, or at once when a search comes first', async () => {
    const dir = await writeFixtureFolder();
    const built = await openKnowledgeBase({ dir });
    await writePrebuiltIndex(built);
    const ahead = await openKnowledgeBase({ dir });
    await ahead.index.warmFigureIndex();
    expect(suggestFigureChoices(ahead, 'GDP')).toEqual(suggestFigureChoices(built, 'GDP'));

    const raced = await openKnowledgeBase({ dir });
    const warming = raced.index.warmFigureIndex();
    expect(suggestFigureChoices(raced, 'employ')).toEqual(suggestFigureChoices(built, 'employ'));
    await warming;
    expect(suggestFigureChoices(raced, 'high-tech ent')).toEqual(
      suggestFigureChoices(built, 'high-tech ent'),
    );
  });

  it('builds the folder again when a prebuilt file of the right version does not hold a whole index', async () => {
    const dir = await writeFixtureFolder();
    const built = await openKnowledgeBase({ dir });
    const { file } = await writePrebuiltIndex(built);
    const bundle = JSON.parse(await readFile(file, 'utf8'));
    delete bundle.index.terms;
    await writeFile(file, JSON.stringify(bundle));

    const reopened = await openKnowledgeBase({ dir });
    expect(reopened.origin).toBe('built');
    expect(ask(reopened, QUESTIONS[0] as string)).toEqual(ask(built, QUESTIONS[0] as string));
  });
});
