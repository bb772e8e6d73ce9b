/**
 * Deterministic synthetic knowledge folders for the engine benchmark.
 *
 * Each folder holds press-release-like Markdown documents (YAML front matter with `title`, `source`,
 * `published`) about invented provinces, cities and companies, full of the figures factdesk extracts:
 * GDP in trillion yuan, counts of enterprises with thousands separators, percentages, `N consecutive
 * years`, ranks, dates, anniversaries, multiples. Filler sentences draw from a vocabulary of a few
 * thousand words (a hand-written press-release lexicon at the head of a Zipf distribution, invented
 * words in the tail) so that postings lists look like those of a real corpus: a few huge, most short.
 *
 * Everything comes from a seeded PRNG (mulberry32): the same size and {@link GENERATOR_VERSION} give
 * byte-identical folders. Generated folders are cached in `bench/.data/<size>/` and reused while
 * their `meta.json` names the current generator version.
 *
 * Run alone to (re)generate: `tsx bench/synthetic.ts --sizes 1k,10k [--force]`.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the generated text or queries change: cached folders of another version are rebuilt. */
export const GENERATOR_VERSION = 3;

/** Where generated folders live (gitignored). */
export const DATA_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');

/** The passage-count limits of `src/text/passages.ts`, mirrored to estimate passages while generating. */
const PASSAGE_MAX_CHARS = 320;
const PASSAGE_MAX_SENTENCES = 3;

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive seeds from names. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Random helpers over one PRNG. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number | string) {
    this.next = mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A decimal in [min, max] with `digits` decimals. */
  decimal(min: number, max: number, digits: number): number {
    const scale = 10 ** digits;
    return Math.round((min + this.next() * (max - min)) * scale) / scale;
  }
}

/**
 * Draws items with Zipf–Mandelbrot frequencies, 1 / (rank + offset)^exponent: the first items are the
 * most frequent. The offset flattens the head, as for content words in real text (the most common
 * noun of a news corpus is 1–2 % of its nouns, not the 13 % a plain Zipf over 2,000 nouns gives).
 */
class Zipf<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    exponent = 1,
    offset = 0,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      total += 1 / (i + 1 + offset) ** exponent;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < items.length; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total;
  }

  draw(rng: Rng): T {
    const x = rng.float();
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    const item = this.items[lo];
    if (item === undefined) throw new Error('draw from an empty Zipf');
    return item;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary and names (the same for every size: derived from fixed seeds)
// ---------------------------------------------------------------------------------------------

const list = (text: string): string[] => text.trim().split(/\s+/);

const REAL_NOUNS = list(`
  development innovation industry technology economy growth investment manufacturing enterprise
  province city region market capacity system service infrastructure research policy reform
  project platform talent finance capital supply chain product quality efficiency energy
  transformation upgrading cooperation strategy environment construction demand consumption trade
  export import output value sector cluster park zone base network ecosystem application digital
  intelligence data computing software hardware equipment machinery vehicle battery material
  semiconductor chip device sensor robot automation laboratory university institute academy
  standard certification patent trademark brand design engineering logistics port shipping
  transport railway highway airport tourism culture education health hospital medicine biotech
  pharmaceutical agriculture food water carbon emission climate sustainability resilience security
  governance administration government committee council department bureau agency office initiative
  program plan target goal outcome result performance achievement milestone breakthrough progress
  momentum advantage opportunity challenge risk pressure uncertainty recovery stability expansion
  integration coordination collaboration partnership alliance exchange forum conference summit expo
  exhibition ceremony launch opening signing agreement contract deal order customer client user
  consumer household resident population employment job worker labor skill training graduate
  scholar scientist engineer entrepreneur founder executive manager director chairman president
  mayor governor secretary official delegation visitor guest speaker audience media press release
  report review survey statistics indicator index rate ratio share proportion average total amount
  volume scale size level stage phase period quarter year month decade century history tradition
  heritage future vision mission commitment responsibility contribution support service solution
  model approach mechanism framework foundation pillar engine driver catalyst hub center gateway
  corridor belt bay coast river delta mountain island village county district town street community
  neighborhood campus facility factory plant workshop warehouse terminal station line route fleet
  storage grid power electricity solar wind hydrogen nuclear fuel oil gas coal steel aluminum copper
  lithium silicon glass textile garment furniture appliance electronics display screen camera phone
  computer server cloud internet commerce retail wholesale payment banking insurance securities bond
  fund loan credit tax fee subsidy incentive budget revenue profit cost price income salary wage
`);

const REAL_ADJECTIVES = list(`
  high-quality advanced modern innovative strategic industrial economic scientific technological
  digital green smart intelligent comprehensive integrated sustainable efficient competitive global
  international national regional local provincial municipal urban rural coastal emerging leading
  major key core essential important significant substantial steady stable rapid strong solid robust
  resilient dynamic vibrant open inclusive coordinated balanced new traditional original independent
  domestic foreign overseas cross-border high-end low-carbon clean renewable precise specialized
  sophisticated unique distinctive first-class world-class high-level large small medium
  middle-sized private public state-owned collaborative practical effective remarkable notable
  record annual quarterly overall total average additional further greater wider deeper better
  higher faster stronger broader continuous consecutive sustained long-term short-term mid-term
  fundamental structural institutional systematic financial commercial technical medical
  educational cultural environmental ecological marine agricultural logistical mechanical
  electrical chemical biological physical optical
`);

const REAL_VERBS = list(`
  promote develop strengthen improve enhance accelerate expand deepen upgrade transform optimize
  support encourage cultivate attract establish build create launch open sign host organize
  announce release report record achieve reach exceed surpass maintain sustain consolidate boost
  drive foster nurture advance integrate coordinate connect link extend implement deploy adopt
  apply introduce invest finance fund export import produce manufacture deliver supply serve
  provide offer explore pursue seize leverage harness unlock empower enable ensure guarantee
  protect secure stabilize balance reform innovate modernize digitalize streamline simplify
  facilitate accommodate welcome gather attend visit inspect review evaluate assess measure
  monitor track analyze study research design engineer test certify register approve complete
  finish start initiate plan target aim focus concentrate emphasize highlight showcase demonstrate
  display present share exchange discuss cooperate collaborate partner
`);

const REAL_ADVERBS = list(`
  steadily rapidly significantly substantially continuously further actively vigorously firmly
  comprehensively effectively efficiently fully deeply strongly greatly increasingly gradually
  consistently notably particularly especially jointly closely widely broadly
`);

const ONSETS = list('b br c cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sl sp st t tr v w z');
const NUCLEI = list('a e i o u ai ea ou io ue');
const CODAS = ['', '', 'n', 'r', 'l', 'm', 's', 'st', 'nt', 'rk', 'ld', 'x', 'ct', 'nd'];
const NOUN_SUFFIXES = list('ation ity ment ism ance ence ship ure ery age ing ist or er ium ode');
const ADJECTIVE_SUFFIXES = list('al ive ous ic able ful ary ant ent ile ian');
const VERB_SUFFIXES = list('ize ate ify en ise');

function inventWords(rng: Rng, suffixes: readonly string[], count: number, taken: Set<string>): string[] {
  const words: string[] = [];
  while (words.length < count) {
    const syllables = rng.int(1, 2);
    let stem = '';
    for (let i = 0; i < syllables; i++) stem += rng.pick(ONSETS) + rng.pick(NUCLEI) + rng.pick(CODAS);
    const word = stem + rng.pick(suffixes);
    if (word.length < 5 || taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

interface Vocabulary {
  nouns: Zipf<string>;
  adjectives: Zipf<string>;
  verbs: Zipf<string>;
  adverbs: Zipf<string>;
  size: number;
}

function buildVocabulary(): Vocabulary {
  const rng = new Rng('factdesk-bench-vocabulary');
  const taken = new Set([...REAL_NOUNS, ...REAL_ADJECTIVES, ...REAL_VERBS, ...REAL_ADVERBS]);
  const nouns = [...REAL_NOUNS, ...inventWords(rng, NOUN_SUFFIXES, 1900, taken)];
  const adjectivesBase = inventWords(rng, ADJECTIVE_SUFFIXES, 800, taken);
  const adjectives = [...REAL_ADJECTIVES, ...adjectivesBase];
  const verbs = [...REAL_VERBS, ...inventWords(rng, VERB_SUFFIXES, 550, taken)];
  const adverbs = [...REAL_ADVERBS, ...adjectivesBase.slice(0, 250).map((adjective) => `${adjective}ly`)];
  return {
    nouns: new Zipf(nouns, 1.1, 15),
    adjectives: new Zipf(adjectives, 1.1, 15),
    verbs: new Zipf(verbs, 1.1, 15),
    adverbs: new Zipf(adverbs, 1, 5),
    size: nouns.length + adjectives.length + verbs.length + adverbs.length,
  };
}

const PINYIN = list(`
  lan shan qing shui hai jiang ning yun feng he an dong xi nan bei hua long tai jin ping yang chang
  zhou lin song hong bai shi mei yu fu kang xin guang ming tian cheng bao rui hui
`);
const WEST_HEADS = list(
  'mar hal har east west north sun brigh stone ash elm raven corr dun fair glen kings lake oak red',
);
const WEST_TAILS = list(
  'aven den rowgate bridge ford wick mouth field haven ton by moor dale wood holm reach',
);
const PLACE_KINDS = ['Province', 'City', 'Province', 'City', 'County', 'Bay New Area', 'High-tech Zone'];
const SECTORS = list(`
  Systems Semiconductor Biotech Robotics Logistics Pharmaceuticals Materials Automotive Electronics
  Software Holdings Photonics Aerospace Battery Medical Foods Textiles Machinery Networks Instruments
`).concat(['New Energy', 'Smart Manufacturing', 'Precision Optics', 'Marine Engineering']);
const SURNAMES = list('Zhou Li Wang Zhang Liu Chen Yang Huang Zhao Wu Xu Sun Ma Zhu Hu Guo He Lin Luo Gao');

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

interface Names {
  places: Zipf<string>;
  placeKinds: Map<string, string>;
  companies: Zipf<string>;
  people: Zipf<string>;
}

function buildNames(): Names {
  const rng = new Rng('factdesk-bench-names');
  const places = new Set<string>();
  while (places.size < 420) {
    places.add(
      rng.chance(0.7)
        ? capitalize(rng.pick(PINYIN) + rng.pick(PINYIN))
        : capitalize(rng.pick(WEST_HEADS) + rng.pick(WEST_TAILS)),
    );
  }
  const placeKinds = new Map([...places].map((place) => [place, rng.pick(PLACE_KINDS)]));
  const companies = new Set<string>();
  while (companies.size < 1600) {
    const stem = rng.chance(0.5)
      ? capitalize(rng.pick(PINYIN) + rng.pick(PINYIN))
      : capitalize(rng.pick(WEST_HEADS) + rng.pick(WEST_TAILS));
    companies.add(`${stem} ${rng.pick(SECTORS)}`);
  }
  const people = new Set<string>();
  while (people.size < 2000) {
    people.add(`${rng.pick(SURNAMES)} ${capitalize(rng.pick(PINYIN) + rng.pick(PINYIN))}`);
  }
  return {
    places: new Zipf([...places], 0.8),
    placeKinds,
    companies: new Zipf([...companies], 0.7),
    people: new Zipf([...people], 0.5),
  };
}

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

const MONTHS = list('January February March April May June July August September October November December');
const ORDINAL_WORDS = list('first second third fourth fifth sixth seventh eighth ninth tenth');
const PRODUCTS = list(`
  electric-vehicles lithium-batteries solar-modules industrial-robots drones smartphones
  semiconductors medical-devices wind-turbines displays servers machine-tools
`).map((product) => product.replace('-', ' '));
const ROLES = ['chairman', 'president', 'chief executive', 'director', 'vice governor', 'party secretary'];

const thousands = (n: number) => n.toLocaleString('en-US');
const ordinalSuffix = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};
const apostrophe = (rng: Rng) => (rng.chance(0.6) ? '’' : "'");

/** What a document is about, shared by its sentences. */
interface Subject {
  place: string;
  placeKind: string;
  company: string;
  year: number;
}

/** A figure stated in the corpus, remembered to write questions about it. */
interface Fact {
  metric: string;
  subject: string;
  year: number;
  value: string;
}

interface MetricDef {
  key: string;
  scope: 'place' | 'company';
  sentence(rng: Rng, s: Subject, a: string): { text: string; value: string };
  /** Question forms; `{S}` subject, `{Y}` year, `{V}` value, `{A}` apostrophe. */
  question: string[];
  keyword: string;
  synonym?: string;
  number?: string;
  topic: string;
}

const METRICS: MetricDef[] = [
  {
    key: 'gdp',
    scope: 'place',
    sentence: (rng, s, a) => {
      const value = `${rng.decimal(0.4, 14, 2)} trillion yuan`;
      const rank = rng.chance(0.5)
        ? `, ranking ${rng.pick(ORDINAL_WORDS)} in the country for ${rng.int(2, 40)} consecutive years`
        : '';
      const verb = rng.pick([
        `rose ${rng.decimal(1, 9, 1)} percent to`,
        'reached',
        'has broken through',
        'exceeded',
        'grew to',
      ]);
      return { text: `${s.place}${a}s regional GDP ${verb} ${value} in ${s.year}${rank}.`, value };
    },
    question: [
      'What was {S}{A}s GDP in {Y}?',
      'What is the regional GDP of {S}?',
      'How large was the GDP of {S} in {Y}',
    ],
    keyword: '{S} GDP {Y}',
    synonym: 'how big was {S}{A}s economy in {Y}',
    number: 'did {S} GDP pass {V}?',
    topic: '{S} regional GDP',
  },
  {
    key: 'industrial',
    scope: 'place',
    sentence: (rng, s) => {
      const value = thousands(rng.int(4, 90) * 1000 + rng.int(0, 9) * 100);
      return {
        text: `There are more than ${value} industrial enterprises above ${rng.pick(['designated size', 'the specific scale'])} in ${s.place}.`,
        value,
      };
    },
    question: ['How many industrial enterprises above designated size does {S} have?'],
    keyword: '{S} industrial enterprises above designated size',
    synonym: 'number of industrial firms above-scale in {S}',
    number: 'does {S} have {V} industrial enterprises',
    topic: '{S} industrial enterprises',
  },
  {
    key: 'hightech',
    scope: 'place',
    sentence: (rng, s, a) => {
      const value = thousands(rng.int(3, 80) * 1000 + rng.int(0, 9) * 100);
      return {
        text: rng.chance(0.5)
          ? `The number of high-tech enterprises in ${s.place} climbed to ${value} by the end of ${s.year}, an increase of ${thousands(rng.int(2, 90) * 100)} over the previous year.`
          : `${s.place}${a}s high-tech enterprises totalled ${value} in ${s.year}.`,
        value,
      };
    },
    question: [
      'How many high-tech enterprises does {S} have?',
      'number of high tech enterprises in {S} in {Y}',
    ],
    keyword: '{S} high-tech enterprises {Y}',
    synonym: 'how many hi-tech companies are there in {S}',
    number: 'are there {V} high-tech enterprises in {S}?',
    topic: 'high-tech enterprises {S}',
  },
  {
    key: 'giants',
    scope: 'place',
    sentence: (rng, s) => {
      const value = thousands(rng.int(40, 2400));
      return {
        text: `${s.place} added ${rng.int(10, 300)} national “little giant” companies during ${s.year}, bringing the total to ${value}.`,
        value,
      };
    },
    question: ['How many little giant companies does {S} have?'],
    keyword: '{S} little giants',
    synonym: 'how many small giants in {S}',
    topic: '{S} little giant companies',
  },
  {
    key: 'rdpersonnel',
    scope: 'place',
    sentence: (rng) => {
      const value = thousands(rng.int(60, 950) * 1000);
      return { text: `Research and development personnel rose to ${value}.`, value };
    },
    question: ['How many R&D personnel does {S} have?'],
    keyword: '{S} R&D personnel',
    synonym: 'research and development staff in {S}',
    topic: '{S} R&D personnel',
  },
  {
    key: 'rdintensity',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.decimal(1.2, 4.5, 2)} percent`;
      return {
        text: `Spending on research and development in ${s.place} reached ${value} of GDP in ${s.year}.`,
        value,
      };
    },
    question: ['What share of GDP does {S} spend on research and development?'],
    keyword: '{S} R&D spending percent of GDP',
    number: 'is {S} R&D intensity {V}',
    topic: '{S} research and development spending',
  },
  {
    key: 'patents',
    scope: 'place',
    sentence: (rng, s) => {
      const value = thousands(rng.int(20, 600) * 1000 + rng.int(0, 999));
      return {
        text: `Valid invention patents in ${s.place} totalled ${value}, and the number of high-value invention patents per 10,000 people reached ${rng.decimal(3, 40, 1)}.`,
        value,
      };
    },
    question: ['How many invention patents does {S} hold?'],
    keyword: '{S} invention patents',
    synonym: 'how many inventions has {S} patented',
    topic: '{S} invention patents',
  },
  {
    key: 'exports',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.int(12, 980)} billion yuan`;
      return {
        text: `Exports of ${rng.pick(PRODUCTS)} from ${s.place} grew ${rng.decimal(1, 40, 1)} percent to ${value} in ${s.year}.`,
        value,
      };
    },
    question: ['How much did {S} export in {Y}?'],
    keyword: '{S} exports {Y}',
    number: 'did {S} exports reach {V}',
    topic: '{S} exports',
  },
  {
    key: 'retail',
    scope: 'place',
    sentence: (rng) => {
      const value = `${rng.decimal(0.2, 4.9, 2)} trillion yuan`;
      return {
        text: `Total retail sales of consumer goods reached ${value}, up ${rng.decimal(1, 12, 1)}% year on year.`,
        value,
      };
    },
    question: ['What were total retail sales of consumer goods in {S}?'],
    keyword: '{S} retail sales',
    synonym: 'consumer goods turnover {S}',
    topic: '{S} retail sales of consumer goods',
  },
  {
    key: 'loans',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.decimal(0.1, 2.5, 2)} trillion yuan`;
      return {
        text: `The balance of loans to technology-based enterprises passed ${value} at the end of ${s.year}, and grew ${rng.decimal(5, 30, 1)} percent over the year.`,
        value,
      };
    },
    question: ['What is the balance of loans to technology enterprises in {S}?'],
    keyword: '{S} technology loans',
    synonym: 'how much credit went to tech firms in {S}',
    topic: '{S} loans to technology-based enterprises',
  },
  {
    key: 'port',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.decimal(1, 48, 1)} million TEUs`;
      return {
        text: `The Port of ${s.place} handled ${value} of containers in ${s.year}, ranking ${rng.pick(ORDINAL_WORDS)} among the country’s coastal ports.`,
        value,
      };
    },
    question: ['What was the container throughput of the Port of {S} in {Y}?'],
    keyword: 'Port of {S} TEU {Y}',
    synonym: 'containers handled at {S} port',
    topic: '{S} container throughput',
  },
  {
    key: 'fdi',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `US$${rng.decimal(0.5, 30, 1)} billion`;
      return { text: `Actual use of foreign capital in ${s.place} reached ${value} in ${s.year}.`, value };
    },
    question: ['How much foreign capital did {S} use in {Y}?'],
    keyword: '{S} foreign direct investment',
    topic: '{S} foreign capital',
  },
  {
    key: 'academicians',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.int(2, 19)}`;
      return {
        text: `In November ${s.year}, ${value} scientists working in ${s.place} were elected academicians of the Chinese Academy of Sciences and the Chinese Academy of Engineering.`,
        value,
      };
    },
    question: ['How many academicians were elected in {S} in {Y}?'],
    keyword: '{S} academicians {Y}',
    synonym: 'academy members elected {S}',
    topic: '{S} academicians',
  },
  {
    key: 'streak',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.int(2, 35)} consecutive years`;
      const what = rng.pick([
        'the comprehensive capacity of regional innovation',
        'growth of the digital economy',
        'the number of PCT international patent applications',
        'manufacturing output',
      ]);
      return { text: `${s.place} has ranked first in the country by ${what} for ${value}.`, value };
    },
    question: ['For how many consecutive years has {S} ranked first?', 'how long has {S} been number one'],
    keyword: '{S} consecutive years first',
    synonym: '{S} years in a row top',
    topic: '{S} consecutive years',
  },
  {
    key: 'unemployment',
    scope: 'place',
    sentence: (rng) => {
      const value = `${rng.decimal(3, 6.5, 1)}%`;
      return { text: `The surveyed urban unemployment rate averaged ${value}.`, value };
    },
    question: ['What is the urban unemployment rate in {S}?'],
    keyword: '{S} unemployment rate',
    topic: '{S} urban unemployment rate',
  },
  {
    key: 'population',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.decimal(0.8, 127, 2)} million`;
      return {
        text: `${s.place} had a permanent population of ${value} at the end of ${s.year}.`,
        value,
      };
    },
    question: ['What is the population of {S}?'],
    keyword: '{S} population',
    synonym: 'how many people live in {S}',
    topic: '{S} permanent population',
  },
  {
    key: 'multiple',
    scope: 'place',
    sentence: (rng, s) => {
      const value = `${rng.decimal(1.1, 4.5, 1)} times`;
      return {
        text: `In ${s.year}, the growth rate of loans to manufacturing enterprises in ${s.place} was ${value} the average growth rate of credit.`,
        value,
      };
    },
    question: ['How much faster did manufacturing loans grow than credit in {S}?'],
    keyword: '{S} manufacturing loans growth times average',
    topic: '{S} manufacturing loan growth',
  },
  {
    key: 'revenue',
    scope: 'company',
    sentence: (rng, s) => {
      const value = `${rng.decimal(0.3, 480, 1)} billion yuan`;
      return {
        text: `${s.company} reported revenue of ${value} for ${s.year}, up ${rng.decimal(1, 60, 1)} percent year on year.`,
        value,
      };
    },
    question: ['What was {S}{A}s revenue in {Y}?', 'how much revenue did {S} make'],
    keyword: '{S} revenue {Y}',
    synonym: '{S} sales {Y}',
    number: 'did {S} revenue reach {V}',
    topic: '{S} revenue',
  },
  {
    key: 'profit',
    scope: 'company',
    sentence: (rng) => {
      const value = `${rng.decimal(0.05, 60, 2)} billion yuan`;
      return {
        text: `Net profit attributable to shareholders was ${value}, ${rng.pick(['an increase', 'a decrease'])} of ${rng.decimal(1, 45, 1)}%.`,
        value,
      };
    },
    question: ['What was the net profit of {S}?'],
    keyword: '{S} net profit',
    topic: '{S} net profit',
  },
  {
    key: 'employees',
    scope: 'company',
    sentence: (rng, s) => {
      const value = thousands(rng.int(3, 400) * 100);
      return {
        text: `${s.company} employs more than ${value} people in ${rng.int(3, 60)} countries.`,
        value,
      };
    },
    question: ['How many employees does {S} have?'],
    keyword: '{S} employees',
    synonym: '{S} staff',
    topic: '{S} employees',
  },
  {
    key: 'shipments',
    scope: 'company',
    sentence: (rng, s) => {
      const value = thousands(rng.int(20, 9000) * 100);
      const product = rng.pick(PRODUCTS);
      return {
        text: `The company shipped ${value} ${product} in ${s.year}, ranking ${ordinalSuffix(rng.int(1, 12))} globally for the ${ordinalSuffix(rng.int(2, 9))} consecutive year.`,
        value,
      };
    },
    question: ['How many units did {S} ship in {Y}?'],
    keyword: '{S} shipments {Y}',
    topic: '{S} shipments',
  },
  {
    key: 'opening',
    scope: 'company',
    sentence: (rng, s, a) => {
      const month = rng.pick(MONTHS);
      const value = `${month} ${rng.int(1, 28)}, ${s.year}`;
      return {
        text: `On ${value}, ${s.company} opened its new ${rng.pick(['research', 'manufacturing', 'innovation', 'logistics'])} center in ${s.place}${a}s ${rng.pick(['Bay New Area', 'High-tech Zone', 'Free Trade Zone'])}.`,
        value,
      };
    },
    question: ['When did {S} open its new center?'],
    keyword: '{S} opening date',
    topic: '{S} new center',
  },
  {
    key: 'anniversary',
    scope: 'company',
    sentence: (rng, s) => {
      const value = `${ordinalSuffix(rng.int(5, 75))} anniversary`;
      return { text: `${s.year} marks the ${value} of the founding of ${s.company}.`, value };
    },
    question: ['Which anniversary does {S} celebrate in {Y}?'],
    keyword: '{S} anniversary',
    synonym: '{S} founding',
    topic: '{S} anniversary',
  },
];

/** A filler sentence from the Zipfian vocabulary, in press-release word order. */
function fillerSentence(rng: Rng, v: Vocabulary, s: Subject, names: Names): string {
  const n = () => v.nouns.draw(rng);
  const adj = () => v.adjectives.draw(rng);
  const verb = () => v.verbs.draw(rng);
  const a = apostrophe(rng);
  switch (rng.int(0, 7)) {
    case 0:
      return `The ${adj()} ${n()} of ${s.place} will ${verb()} ${adj()} ${n()} and ${n()} across the ${n()} ${n()}.`;
    case 1:
      return `${s.company} will ${verb()} the ${adj()} ${n()}, ${ing(verb())} the ${n()} of ${adj()} ${n()} in ${s.place}.`;
    case 2:
      return `In ${s.year}, the ${n()} ${n()} ${v.adverbs.draw(rng)} ${past(verb())} a ${adj()} ${n()}, according to the ${adj()} ${n()} ${n()}.`;
    case 3:
      return `${s.place}${a}s ${n()} ${n()} continued to ${verb()} ${adj()} ${n()} for ${adj()} ${n()} and ${adj()} ${n()}.`;
    case 4:
      return `The ${n()} is expected to ${verb()} the ${adj()} ${n()} of ${n()} and to ${verb()} ${n()} ${n()} in the ${adj()} ${n()}.`;
    case 5:
      return `Officials said ${s.place} would ${v.adverbs.draw(rng)} ${verb()} ${n()}, ${n()} and ${n()} to ${verb()} the ${adj()} ${n()} ${n()} of the ${names.places.draw(rng)} ${n()}.`;
    case 6:
      return `The ${n()} of ${adj()} ${n()} and ${adj()} ${n()} remains ${adj()}, while ${n()} ${n()} ${present(verb())} ${adj()} ${n()}.`;
    default:
      return `Through ${adj()} ${n()} and ${n()}, ${s.company} aims to ${verb()} ${adj()} ${n()} ${n()} by ${s.year + rng.int(1, 6)}.`;
  }
}

function ing(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('e') && !verb.endsWith('ee')) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

function past(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function present(verb: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Passages `splitPassages` will make of a paragraph (greedy grouping, same limits). */
function estimatePassages(sentences: string[]): number {
  const text = sentences.join(' ');
  if (text.length <= PASSAGE_MAX_CHARS) return 1;
  let parts = 0;
  let count = 0;
  let length = 0;
  for (const sentence of sentences) {
    if (count > 0 && (length + sentence.length > PASSAGE_MAX_CHARS || count >= PASSAGE_MAX_SENTENCES)) {
      parts++;
      count = 0;
      length = 0;
    }
    count++;
    length += sentence.length + 1;
  }
  return parts + (count > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

const SOURCES = ['PR Newswire', 'Business Wire', 'GlobeNewswire', 'Xinhua', 'China Daily', 'Lanshan Daily'];
const WIRE_TAGS: Record<string, string> = {
  'PR Newswire': 'PRNewswire',
  'Business Wire': 'BUSINESS WIRE',
  GlobeNewswire: 'GLOBE NEWSWIRE',
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

interface GeneratedDocument {
  file: string;
  text: string;
  passages: number;
}

function generateDocument(
  rng: Rng,
  index: number,
  v: Vocabulary,
  names: Names,
  facts: Fact[],
): GeneratedDocument {
  const place = names.places.draw(rng);
  const subject: Subject = {
    place,
    placeKind: names.placeKinds.get(place) ?? 'Province',
    company: names.companies.draw(rng),
    year: rng.int(2018, 2025),
  };
  const about = rng.chance(0.6) ? 'place' : 'company';
  const published = `${subject.year + 1}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const source = rng.pick(SOURCES);
  const title =
    about === 'place'
      ? rng.pick([
          `${place} ${subject.placeKind} reports ${subject.year} economic results and sets ${subject.year + 1} targets`,
          `${place}’s “First Conference of Spring” focuses on high-quality development through ${v.nouns.draw(rng)} and ${v.nouns.draw(rng)}`,
          `${place} ${subject.placeKind} holds ${subject.year} ${v.adjectives.draw(rng)} ${v.nouns.draw(rng)} conference`,
          `${subject.year} ${place} science and technology innovation report`,
        ])
      : rng.pick([
          `${subject.company} announces ${subject.year} annual results`,
          `${subject.company} opens ${v.adjectives.draw(rng)} ${v.nouns.draw(rng)} center in ${place}`,
          `${subject.company}: ${subject.year} ${v.nouns.draw(rng)} and sustainability report`,
        ]);
  const metrics = METRICS.filter((metric) => metric.scope === about || rng.chance(0.15));
  const paragraphs: string[] = [];
  let passages = 0;
  const add = (sentences: string[]) => {
    paragraphs.push(sentences.join(' '));
    passages += estimatePassages(sentences);
  };

  const wire = WIRE_TAGS[source];
  const opening = fillerSentence(rng, v, subject, names);
  if (wire) {
    const day = Number(published.slice(8, 10));
    const month = MONTHS[Number(published.slice(5, 7)) - 1] ?? 'January';
    add([
      `${place.toUpperCase()}, China, ${month.slice(0, 3)}. ${day}, ${published.slice(0, 4)} /${wire}/ — ${opening}`,
      fillerSentence(rng, v, subject, names),
    ]);
  } else {
    add([opening, fillerSentence(rng, v, subject, names)]);
  }

  const paragraphCount = rng.int(7, 18);
  for (let p = 0; p < paragraphCount; p++) {
    const kind = rng.float();
    if (kind < 0.45) {
      const sentences: string[] = [];
      const count = rng.int(1, 5);
      for (let i = 0; i < count; i++) {
        const metric = rng.pick(metrics);
        const apostropheChar = apostrophe(rng);
        const { text, value } = metric.sentence(rng, subject, apostropheChar);
        sentences.push(text);
        facts.push({
          metric: metric.key,
          subject: metric.scope === 'place' ? place : subject.company,
          year: subject.year,
          value,
        });
        if (rng.chance(0.3)) sentences.push(fillerSentence(rng, v, subject, names));
      }
      add(sentences);
    } else if (kind < 0.85) {
      const sentences: string[] = [];
      const count = rng.int(1, 4);
      for (let i = 0; i < count; i++) sentences.push(fillerSentence(rng, v, subject, names));
      add(sentences);
    } else if (kind < 0.95) {
      const person = names.people.draw(rng);
      const honorific = rng.chance(0.5) ? 'Mr.' : 'Ms.';
      const org = rng.chance(0.5) ? subject.company : `${place} ${subject.placeKind}`;
      const quote = fillerSentence(rng, v, subject, names).replace(/\.$/, '');
      add([`“${quote},” said ${honorific} ${person}, ${rng.pick(ROLES)} of ${org}.`]);
    } else {
      add([rng.pick(['On-site of the event', 'About the conference', 'Highlights', 'Outlook'])]);
    }
  }
  if (rng.chance(0.5)) {
    const phone = `0086-${rng.int(13000000000, 19999999999)}`;
    add([
      `Media Contact: ${names.people.draw(rng)} Tel: ${phone} E-mail: press@${slug(subject.company)}.example`,
    ]);
  }

  const topicSlug = slug(about === 'place' ? `${place} ${subject.placeKind}` : subject.company);
  const file = `${topicSlug}-${subject.year}-${String(index).padStart(5, '0')}.md`;
  const frontMatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `source: ${source}`,
    `published: ${published}`,
    'language: en',
    `tags: [synthetic, ${slug(place)}]`,
    '---',
    '',
  ].join('\n');
  return { file, text: `${frontMatter}\n${paragraphs.join('\n\n')}\n`, passages };
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** A benchmark question and what kind of question it is. */
export interface BenchQuestion {
  text: string;
  kind: 'question' | 'keyword' | 'number' | 'synonym' | 'typo' | 'long' | 'off-topic';
}

/** The query set of one generated folder. */
export interface QuerySet {
  generatorVersion: number;
  questions: BenchQuestion[];
  /** Topics for `/figure` (lookupFigure). */
  topics: string[];
  /** Partial inputs for autocomplete (some end with a space, two are empty). */
  prefixes: string[];
}

const OFF_TOPIC = [
  'what is the weather in Paris tomorrow',
  'how do I bake sourdough bread',
  'who won the football world cup in 1998',
  'translate good morning into Japanese',
  'best gaming laptop under 1000 dollars',
  'lyrics of bohemian rhapsody',
  'how tall is mount everest',
  'is pluto still a planet',
  'kubernetes pod stuck in crashloopbackoff',
  'recommend a science fiction novel',
  'how to fix a flat bicycle tyre',
  'what time does the pharmacy close',
  'cute names for a golden retriever puppy',
  'quantum entanglement explained simply',
  'how many calories in an avocado',
  'why is the sky blue',
];

const FIXED_PREFIXES = [
  'hig',
  'high-te',
  'high-tech ent',
  'regional G',
  'regional GDP ',
  'R&',
  'R&D pers',
  'inv',
  'invention pat',
  'exp',
  'exports of ',
  'consecutive y',
  'lit',
  'little gia',
  'loa',
  'loans to tech',
  'reven',
  'net prof',
  'emp',
  'contai',
  'TEU',
  'GDP',
  'g',
  'unemploy',
  'retail sal',
  '',
  ' ',
];

function fill(template: string, fact: Fact, rng: Rng): string {
  return template
    .replaceAll('{S}', fact.subject)
    .replaceAll('{Y}', String(fact.year))
    .replaceAll('{V}', fact.value)
    .replaceAll('{A}', apostrophe(rng));
}

/** One typo in the longest word of at least 5 letters: a swap, a drop or a doubled letter. */
function withTypo(text: string, rng: Rng): string {
  const words = text.split(' ');
  let at = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (/^[A-Za-z]{5,}$/.test(word) && (at < 0 || word.length > (words[at] ?? '').length)) at = i;
  }
  if (at < 0) return text;
  const word = words[at] ?? '';
  const i = rng.int(1, word.length - 2);
  const mutated = rng.pick([
    word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2),
    word.slice(0, i) + word.slice(i + 1),
    word.slice(0, i) + word.charAt(i) + word.slice(i),
  ]);
  words[at] = mutated;
  return words.join(' ');
}

function generateQueries(rng: Rng, facts: Fact[], v: Vocabulary, count = 200): QuerySet {
  const metricByKey = new Map(METRICS.map((metric) => [metric.key, metric]));
  const questions: BenchQuestion[] = [];
  const factAt = () => rng.pick(facts);
  const metricOf = (fact: Fact) => metricByKey.get(fact.metric) ?? (METRICS[0] as MetricDef);
  const plan: [BenchQuestion['kind'], number][] = [
    ['question', 45],
    ['keyword', 35],
    ['number', 20],
    ['synonym', 25],
    ['typo', 25],
    ['long', 25],
    ['off-topic', 25],
  ];
  const total = plan.reduce((sum, [, n]) => sum + n, 0);
  for (const [kind, share] of plan) {
    const n = Math.round((share / total) * count);
    for (let i = 0; i < n; i++) {
      const fact = factAt();
      const metric = metricOf(fact);
      let text: string;
      switch (kind) {
        case 'question':
          text = fill(rng.pick(metric.question), fact, rng);
          break;
        case 'keyword':
          text = fill(metric.keyword, fact, rng);
          break;
        case 'number':
          text = fill(metric.number ?? '{S} {V}', fact, rng);
          break;
        case 'synonym':
          text = fill(metric.synonym ?? rng.pick(metric.question), fact, rng);
          break;
        case 'typo':
          text = withTypo(fill(rng.chance(0.5) ? metric.keyword : rng.pick(metric.question), fact, rng), rng);
          break;
        case 'long': {
          const other = metricOf(factAt());
          text = `${fill(rng.pick(metric.question), fact, rng).replace(/\?$/, '')} and how does that compare with the ${v.adjectives.draw(rng)} ${v.nouns.draw(rng)} of ${fill(other.topic, fact, rng)} over the ${v.nouns.draw(rng)} period?`;
          break;
        }
        default:
          text = OFF_TOPIC[i % OFF_TOPIC.length] ?? 'hello';
          if (i >= OFF_TOPIC.length) text = withTypo(text, rng);
      }
      questions.push({ text, kind });
    }
  }
  // Interleave kinds deterministically so a repeated pass does not run one kind in a block.
  for (let i = questions.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [questions[i], questions[j]] = [questions[j] as BenchQuestion, questions[i] as BenchQuestion];
  }

  const topics: string[] = [];
  for (let i = 0; i < 100; i++) {
    const fact = factAt();
    const topic = fill(metricOf(fact).topic, fact, rng);
    topics.push(
      i % 10 === 7 ? withTypo(topic, rng) : i % 25 === 24 ? (OFF_TOPIC[i % OFF_TOPIC.length] ?? '') : topic,
    );
  }

  const prefixes = [...FIXED_PREFIXES];
  for (let i = 0; i < 30; i++) {
    const fact = factAt();
    const subject = fact.subject;
    const first = subject.split(' ')[0] ?? subject;
    prefixes.push(
      rng.pick([
        first.slice(0, 3).toLowerCase(),
        `${first} G`,
        `${first} high-t`,
        `${first} rev`,
        first.slice(0, Math.max(2, first.length - 2)),
        `${subject} ${metricOf(fact).topic.replace('{S}', '').trim().slice(0, 5)}`,
      ]),
    );
  }
  return { generatorVersion: GENERATOR_VERSION, questions, topics, prefixes };
}

// ---------------------------------------------------------------------------------------------
// Folders
// ---------------------------------------------------------------------------------------------

/** What `meta.json` of a generated folder says. */
export interface CorpusMeta {
  generatorVersion: number;
  size: string;
  targetPassages: number;
  documents: number;
  estimatedPassages: number;
  vocabularyWords: number;
  bytes: number;
}

/** A generated folder, ready to open. */
export interface Corpus {
  size: string;
  /** The folder of the size (`bench/.data/10k`). */
  root: string;
  /** The knowledge folder to open (`bench/.data/10k/knowledge`). */
  knowledgeDir: string;
  queries: QuerySet;
  meta: CorpusMeta;
  /** True when the folder was generated now rather than reused from the cache. */
  generated: boolean;
}

/** `1k` → 1000, `10k` → 10000, `100k` → 100000, `2500` → 2500. */
export function parseSize(size: string): number {
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(size.trim());
  if (!match) throw new Error(`Not a size: "${size}" (write e.g. 1k, 10k, 100k or 2500)`);
  const scale = match[2]?.toLowerCase() === 'k' ? 1000 : match[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(match[1]) * scale);
}

/** The synonyms of the seed knowledge folder, copied into each generated folder. */
const SEED_SYNONYMS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'knowledge',
  'synonyms.json',
);

/**
 * Writes a folder of about `targetPassages` passages into `root` (replacing it): the documents in
 * `knowledge/`, the queries in `queries.json`, the description in `meta.json`.
 */
async function generateCorpus(size: string, root: string): Promise<CorpusMeta> {
  const targetPassages = parseSize(size);
  const vocabulary = buildVocabulary();
  const names = buildNames();
  const rng = new Rng(`factdesk-bench-corpus-${GENERATOR_VERSION}-${targetPassages}`);
  const facts: Fact[] = [];
  const tmp = `${root}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  const knowledgeDir = path.join(tmp, 'knowledge');
  await mkdir(knowledgeDir, { recursive: true });
  let estimatedPassages = 0;
  let documents = 0;
  let bytes = 0;
  const pending: Promise<void>[] = [];
  while (estimatedPassages < targetPassages) {
    const doc = generateDocument(rng, documents, vocabulary, names, facts);
    documents++;
    estimatedPassages += doc.passages;
    bytes += Buffer.byteLength(doc.text);
    pending.push(writeFile(path.join(knowledgeDir, doc.file), doc.text));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await writeFile(path.join(knowledgeDir, 'synonyms.json'), await readFile(SEED_SYNONYMS));
  const queries = generateQueries(
    new Rng(`factdesk-bench-queries-${GENERATOR_VERSION}-${targetPassages}`),
    facts,
    vocabulary,
  );
  await writeFile(path.join(tmp, 'queries.json'), `${JSON.stringify(queries, null, 2)}\n`);
  const meta: CorpusMeta = {
    generatorVersion: GENERATOR_VERSION,
    size,
    targetPassages,
    documents,
    estimatedPassages,
    vocabularyWords: vocabulary.size,
    bytes,
  };
  await writeFile(path.join(tmp, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  await rm(root, { recursive: true, force: true });
  await rename(tmp, root);
  return meta;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * The generated folder of a size, generated now unless `bench/.data/<size>` already holds one of
 * the current generator version.
 */
export async function ensureCorpus(
  size: string,
  { force = false, dataRoot = DATA_ROOT } = {},
): Promise<Corpus> {
  const root = path.join(dataRoot, size);
  const knowledgeDir = path.join(root, 'knowledge');
  let meta = force ? undefined : await readJson<CorpusMeta>(path.join(root, 'meta.json'));
  let generated = false;
  if (meta?.generatorVersion !== GENERATOR_VERSION || !existsSync(knowledgeDir)) {
    await mkdir(dataRoot, { recursive: true });
    meta = await generateCorpus(size, root);
    generated = true;
  }
  const queries = await readJson<QuerySet>(path.join(root, 'queries.json'));
  if (!queries) throw new Error(`${root}/queries.json is missing: delete ${root} and run again`);
  return { size, root, knowledgeDir, queries, meta, generated };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesAt = args.indexOf('--sizes');
  const sizes = (sizesAt >= 0 ? (args[sizesAt + 1] ?? '') : '1k,10k,100k').split(',').filter(Boolean);
  for (const size of sizes) {
    const started = performance.now();
    const corpus = await ensureCorpus(size, { force: args.includes('--force') });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${size}: ${corpus.meta.documents} documents, ~${corpus.meta.estimatedPassages} passages, ` +
        `${(corpus.meta.bytes / 1e6).toFixed(1)} MB, ${corpus.queries.questions.length} questions, ` +
        `${corpus.queries.prefixes.length} prefixes (${corpus.generated ? `generated in ${seconds} s` : 'cached'}) → ${corpus.knowledgeDir}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
