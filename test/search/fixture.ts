/**
 * A small knowledge folder for the search and answer tests: two reports about one province a year
 * apart (the newer one names 2024, the older 2023), a company's results and a port's year. All
 * names and figures are invented. Each paragraph is short enough to stay one passage.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type KnowledgeBase, openKnowledgeBase } from '../../src/knowledge-base.js';

const doc = (front: Record<string, string>, paragraphs: string[]) =>
  `---\n${Object.entries(front)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;

export const FIXTURE_DOCUMENTS: Record<string, string> = {
  'northvale-economy-2024.md': doc(
    {
      title: '"Northvale Province reports 2024 economic results and sets 2025 targets"',
      published: '2025-03-01',
    },
    [
      'The Province of Northvale released its economic review for 2024 on Saturday, reporting steady growth.',
      'The province’s regional GDP rose 5.2 percent to 4.36 trillion yuan in 2024, keeping Northvale in third place nationally for the 9th consecutive year.',
      'The number of high-tech enterprises climbed to 18,400 by the end of 2024, up from 16,900 a year earlier.',
      'Northvale added 85 national “little giant” companies during the year, bringing the total to 640.',
      'The balance of loans to technology-based enterprises passed 1.03 trillion yuan at the end of 2024, the first time it has exceeded one trillion yuan.',
      'Loans to technology-based enterprises grew 19.5 percent, more than three times the 6.1 percent growth rate of all loans.',
      'For 2025, Northvale targets growth of around 5 percent and aims to have more than 20,000 high-tech enterprises by the end of the year.',
    ],
  ),
  'northvale-conference-2024.md': doc(
    { title: '"Northvale Province opens the year with an innovation conference"', published: '2024-02-20' },
    [
      'Governor Ms. Wen Lirong told the meeting that Northvale’s regional GDP reached 4.14 trillion yuan in 2023, up 5.6 percent year on year.',
      'At the end of 2023, Northvale was home to 16,900 high-tech enterprises and 555 “little giant” companies.',
      'The province will hold its science festival on May 12, 2024, in the city of Qiaodu.',
    ],
  ),
  'corbel-systems-fy2024.md': doc(
    { title: '"Corbel Systems Reports Fiscal Year 2024 Results"', published: '2025-02-10' },
    [
      'For fiscal 2024, revenue rose 11.2 percent to $2.64 billion, and net income increased 8.4 percent to $318 million.',
      'Research and development expenses were $402 million, or 15.2 percent of revenue.',
      'Corbel ended the year with about 7,300 employees, of whom roughly 2,100 work in research roles.',
      'Corbel has grown revenue for 9 consecutive quarters, said Mr. Arlo Pennant, chief executive officer.',
    ],
  ),
  'eastpoint-harbour-2023.md': doc(
    { title: '"Eastpoint Harbour handles a record 12.4 million TEU in 2023"', published: '2024-01-15' },
    [
      'The harbour handled 12.4 million TEU of containers in 2023, up 4.1 percent from the year before.',
      'Total cargo throughput reached 610 million tonnes, the most of any harbour in the region.',
      'The harbour authority employs about 9,800 people directly.',
    ],
  ),
};

/** Synonym groups of the fixture, written as the folder's `synonyms.json`. */
export const FIXTURE_SYNONYMS = {
  groups: [
    ['GDP', 'economy', 'economic output'],
    ['enterprises', 'firms', 'companies', 'businesses'],
    ['small giants', 'little giants'],
    ['personnel', 'staff', 'workers', 'employees', 'people'],
    ['R&D', 'research and development'],
    ['consecutive years', 'years in a row'],
    ['quarters in a row', 'consecutive quarters'],
    ['lent', 'loans', 'lending', 'credit'],
  ],
};

/** Writes the fixture documents and synonyms into a new temporary folder. */
export async function writeFixtureFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-search-'));
  for (const [name, content] of Object.entries(FIXTURE_DOCUMENTS))
    await writeFile(path.join(dir, name), content);
  await writeFile(path.join(dir, 'synonyms.json'), JSON.stringify(FIXTURE_SYNONYMS));
  return dir;
}

/** Opens the fixture folder, building its index (no prebuilt index is used). */
export async function openFixture(dir?: string): Promise<KnowledgeBase> {
  return openKnowledgeBase({ dir: dir ?? (await writeFixtureFolder()), usePrebuilt: false });
}

/** A Markdown document for {@link openDocuments}: its front matter's title and date, and its paragraphs. */
export interface TestDocument {
  title: string;
  published: string;
  paragraphs: string[];
}

/**
 * Writes each document (by file name) into a new temporary folder and opens it, building its
 * index: a small knowledge base for one behaviour of the ranking.
 */
export async function openDocuments(documents: Record<string, TestDocument>): Promise<KnowledgeBase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-documents-'));
  for (const [name, { title, published, paragraphs }] of Object.entries(documents))
    await writeFile(path.join(dir, name), doc({ title, published }, paragraphs));
  return openKnowledgeBase({ dir, usePrebuilt: false });
}
