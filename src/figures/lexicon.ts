/**
 * Small English word lists for the figure heuristics: qualifiers, verbs, function words, currencies,
 * measurement units. No tagger: press-release English is regular enough for lists plus a few
 * suffix rules (`-ed` after a figure's subject is a verb, `-ly` is an adverb).
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/**
 * Qualifiers that may stand right before a number, longest first so `more than` wins over `over`.
 * Normalised to lowercase with single spaces when stored on a figure.
 */
export const QUALIFIERS = [
  'well in excess of',
  'in excess of',
  'no fewer than',
  'no less than',
  'not less than',
  'not more than',
  'no more than',
  'upwards of',
  'upward of',
  'as many as',
  'as much as',
  'as high as',
  'as low as',
  'broken through',
  'broke through',
  'breaking through',
  'more than',
  'fewer than',
  'less than',
  'at least',
  'at most',
  'up to',
  'close to',
  'just over',
  'just under',
  'well over',
  'well above',
  'an estimated',
  'approximately',
  'approx.',
  'roughly',
  'around',
  'about',
  'nearly',
  'almost',
  'over',
  'above',
  'under',
  'below',
  'exceeding',
  'exceeded',
  'surpassing',
  'surpassed',
  'topping',
  'topped',
  'some',
];

/** Auxiliaries and copulas. */
export const AUXILIARIES = words(`
  is are was were be been being am has have had having will would shall should can could may might
  must do does did
`);

/**
 * Verbs that are never (or almost never) nouns, so a backward scan from a figure can skip them to
 * reach the subject. Ambiguous forms (`exports`, `sales`, `increase`, `total`) are left out on purpose:
 * they are usually the subject itself.
 */
export const VERBS = words(`
  rose risen rises rising grew grown grows growing fell fallen falls falling hit hits hitting stood
  reaches reaching reach totals totaling totalling amounting came comes coming broke breaks breaking
  sold made makes making became becomes become remains remain kept keeps held holds holding saw sees
  won lost spent paid built shrank shrunk slid took takes gave gives got brought led set ran began
  begun met sent went said says told tells employs employing represents representing contributes contributing
  accounting generates generating achieves achieving attracts attracting owns owning exceeds
  surpasses tops ranking ranks rank placing came finishing stands standing counted counts numbering
  numbered registering posting recording reporting creating adding handling serving delivering
  doubled tripled quadrupled doubling tripling climbing jumping surging soaring gaining expanding
  declining dropping decreasing increasing falling shows show showing
`);

/** Verbs of rising and falling, to label a percent as `<subject> growth` or `<subject> decline`. */
export const RISE_VERBS = words(`
  rose risen rise rises rising grew grown grow grows growing increased increase increases increasing
  up climbed climbs jumped jumps surged surges soared soars gained gains expanded expands advanced
`);
export const FALL_VERBS = words(`
  fell fallen fall falls falling declined decline declines declining dropped drops decreased
  decreases down slid slides shrank shrunk shrinks contracted plunged tumbled
`);

/** Words between a verb and its figure: `grew by`, `rose to`, `stood at`. */
export const PARTICLES = words('to by at through from for of in than as');

/** Adverbs and quantifiers that sit between a subject and its verb (`all rank`, `now employs`). */
export const ADVERBS = words(`
  all also now still again once already further respectively both each only just even yet currently
  previously together combined jointly altogether more most record new nearly almost around about
  overall total
`);

export const PREPOSITIONS = words(`
  of in on at to for from by with within without above below under over into onto about across after
  before during since until through throughout among between against toward towards via per than
  like including excluding despite upon amid along around beyond near versus off
`);

export const DETERMINERS = words(`
  the a an this that these those its their his her our your my some any each every all both either
  neither no another such whose
`);

export const CONJUNCTIONS = words('and or but nor so yet while whereas although though because if');

export const PRONOUNS = words('it they we he she you i them us him which who whom what this that there');

/** Words that open a new clause after a comma: `, and …`, `, which …`, `, up …`, `, ranking …`. */
export const CLAUSE_OPENERS = words(`
  and but or while whereas which who whom where when as so yet thus including compared versus up down
  with bringing making marking reaching keeping
`);

/** Relative words and auxiliaries that end a noun phrase read to the right of a figure. */
export const RIGHT_PHRASE_STOPS = words(`
  that which who whom where when while whereas is are was were be been has have had will would shall
  should can could may might must do does did compared versus respectively during since until
  throughout last next ago earlier later to
`);

/** Sentence-initial words that open an introductory phrase ended by a comma (`In 2023, …`). */
export const INTRO_WORDS = words(`
  in on at during by since for after before as among according with despite from over under through
  following meanwhile however overall besides moreover additionally also last this early late
  between until
`);

/** Nouns whose `-ly` ending is not an adverb's. */
export const LY_NOUNS = words('supply family assembly monopoly anomaly ally rally italy july butterfly');

/**
 * Units of measure: a number followed by one of these measures something named elsewhere (`cargo
 * throughput reached 1.36 billion tonnes`), so the label is looked for before the figure.
 */
export const MEASURE_UNITS = words(`
  tonnes tons tonne ton kilograms kg grams pounds lbs ounces barrels litres liters gallons
  kilometres kilometers km metres meters miles feet square hectares acres mu gigawatts gigawatt gw
  megawatts megawatt mw kilowatts kilowatt kw kilowatt-hours gigawatt-hours megawatt-hours
  terawatt-hours kwh mwh gwh twh watts hours minutes seconds days weeks months years teu
  points basis
`);

/** Plural nouns after which a four-digit number is a count, not a year (`2000 employees`). */
export const COUNT_NOUNS = words(`
  people persons employees staff workers students units companies enterprises firms jobs members
  users customers patients visitors participants vehicles cars projects stores shops products patents
  items households families homes houses beds seats flights ships vessels tonnes tons hectares acres
  meters metres kilometers kilometres km schools hospitals factories plants sites branches offices
  researchers scientists engineers teachers doctors nurses cases times shares
`);

/** Currency words and codes written after a number, and the unit they stand for. */
export const CURRENCY_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:US|U\.S\.)\s+dollars?$/i, 'USD'],
  [/^(?:Hong Kong|HK)\s+dollars?$/i, 'HKD'],
  [/^Singapore\s+dollars?$/i, 'SGD'],
  [/^Australian\s+dollars?$/i, 'AUD'],
  [/^Canadian\s+dollars?$/i, 'CAD'],
  [/^(?:dollars?|USD)$/i, 'USD'],
  [/^(?:yuan|renminbi|RMB|CNY)$/i, 'yuan'],
  [/^(?:euros?|EUR)$/i, 'EUR'],
  [/^(?:pounds?(?:\s+sterling)?|sterling|GBP)$/i, 'GBP'],
  [/^(?:yen|JPY)$/i, 'JPY'],
  [/^HKD$/i, 'HKD'],
];

/** Regex source for a currency word written after a number (matched case-insensitively). */
export const CURRENCY_WORD_SOURCE =
  '(?:(?:US|U\\.S\\.|Hong Kong|HK|Singapore|Australian|Canadian)[ \\u00a0]+)?(?:dollars?|yuan|renminbi|RMB|CNY|euros?|EUR|USD|HKD|GBP|pounds[ \\u00a0]+sterling|sterling|yen|JPY)';

/**
 * The unit for a currency prefix as written before a number (`$`, `US$`, `RMB`, `€`).
 *
 * @example
 * currencyOfPrefix('US$') // → 'USD'
 * currencyOfPrefix('RMB') // → 'yuan'
 * currencyOfPrefix('€')   // → 'EUR'
 */
export function currencyOfPrefix(prefix: string): string {
  const compact = prefix.replace(/\s+/g, '').toUpperCase();
  const table: Record<string, string> = {
    $: 'USD',
    US$: 'USD',
    USD: 'USD',
    HK$: 'HKD',
    HKD: 'HKD',
    NZ$: 'NZD',
    NT$: 'TWD',
    A$: 'AUD',
    AUD: 'AUD',
    C$: 'CAD',
    CAD: 'CAD',
    S$: 'SGD',
    SGD: 'SGD',
    R$: 'BRL',
    '€': 'EUR',
    EUR: 'EUR',
    '£': 'GBP',
    GBP: 'GBP',
    // `¥` is both yuan and yen; factdesk's documents are mostly Chinese, so yuan unless `yen` follows.
    '¥': 'yuan',
    '￥': 'yuan',
    RMB: 'yuan',
    CNY: 'yuan',
    JPY: 'JPY',
    '₹': 'INR',
    INR: 'INR',
    '₩': 'KRW',
    KRW: 'KRW',
    CHF: 'CHF',
  };
  return table[compact] ?? compact;
}

/**
 * The unit for a currency word written after a number (`yuan`, `US dollars`, `euros`).
 *
 * @example
 * currencyOfWord('yuan')       // → 'yuan'
 * currencyOfWord('US dollars') // → 'USD'
 */
export function currencyOfWord(word: string): string {
  const compact = word.trim().replace(/\s+/g, ' ');
  for (const [pattern, unit] of CURRENCY_WORDS) if (pattern.test(compact)) return unit;
  return compact.toLowerCase();
}
