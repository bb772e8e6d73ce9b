const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What a wire-service dateline tells about a release. */
export interface Dateline {
  /** `YYYY-MM-DD` */
  published: string;
  source: string;
}

const WIRES: Record<string, string> = {
  prnewswire: 'PR Newswire',
  'prnewswire-firstcall': 'PR Newswire',
  businesswire: 'Business Wire',
  globenewswire: 'GlobeNewswire',
};

/**
 * Reads a wire-service dateline such as `GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ —` at the
 * start of a body and returns the date and source it states, or `undefined` if there is none.
 *
 * @example
 * parseDateline('GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — On February 18...')
 * // → { published: '2024-02-20', source: 'PR Newswire' }
 */
export function parseDateline(body: string): Dateline | undefined {
  const match = /^[^\n/]{0,120}?\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4}) \/([A-Za-z-]+)\//m.exec(
    body.slice(0, 400),
  );
  if (!match) return undefined;
  const [, monthName = '', day = '', year = '', wire = ''] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  const date = new Date(Date.UTC(Number(year), month - 1, Number(day)));
  if (date.getUTCDate() !== Number(day)) return undefined;
  return {
    published: date.toISOString().slice(0, 10),
    source: WIRES[wire.toLowerCase()] ?? wire,
  };
}
