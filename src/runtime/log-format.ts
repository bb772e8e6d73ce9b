import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Fields every line has, or that a person does not need to read. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app', 'err']);

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * One pino JSON line as a short line for a person at a terminal: time, level, message, then the
 * other fields as `key=value`; an error shows its message, never its stack (JSON logs keep it).
 *
 * @example
 * formatLogLine('{"level":40,"time":0,"msg":"gateway disconnected","code":4000}')
 * // → '00:00:00 warn  gateway disconnected code=4000'
 */
export function formatLogLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now())
    .toISOString()
    .slice(11, 19);
  const name = LEVELS[Number(record.level)] ?? String(record.level);
  // A message that names its own level (a knowledge problem: `error: broken.md: …`) says it once,
  // and a field it already quotes (`file=broken.md`) is not repeated after it.
  const own = name === 'warn' ? 'warning: ' : `${name}: `;
  const raw = String(record.msg ?? '');
  const msg = raw.startsWith(own) ? raw.slice(own.length) : raw;
  const parts = [time, name.padEnd(5), msg];
  for (const [key, value] of Object.entries(record)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    if (typeof value === 'string' && value !== '' && msg.includes(value)) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  const err = record.err as { message?: string } | undefined;
  if (err?.message) parts.push(`(${err.message})`);
  return parts.filter(Boolean).join(' ');
}

/** A pino destination writing readable lines ({@link formatLogLine}) to `out`. */
export function readableDestination(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line.trim()) out.write(`${formatLogLine(line)}\n`);
    },
  };
}
