import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatLogLine } from '../../src/runtime/log-format.js';
import { createLogger, defaultLogFormat, interactiveLevel } from '../../src/runtime/logger.js';

function capture(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink, format), lines };
}

describe('readable log lines', () => {
  it('are one short line with the message and fields, never JSON and never a stack', () => {
    const { logger, lines } = capture('pretty');
    logger.error(
      { err: new Error('disk gone'), errorId: 'ab12cd34' },
      'reload failed; keeping the previous knowledge',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d error reload failed; keeping the previous knowledge errorId=ab12cd34 \(disk gone\)$/,
    );
    expect(lines[0]).not.toContain('{');
    expect(lines[0]).not.toContain('    at ');
  });

  it('say a knowledge problem once: its level and the fields it quotes are not repeated', () => {
    const line = JSON.stringify({
      level: 50,
      time: 0,
      msg: 'error: broken.md: published must be a date written YYYY-MM-DD.',
      file: 'broken.md',
      field: 'published',
    });
    expect(formatLogLine(line)).toBe(
      '00:00:00 error broken.md: published must be a date written YYYY-MM-DD.',
    );
    const warning = JSON.stringify({
      level: 40,
      time: 0,
      msg: 'warning: a.xlsx: type is skipped',
      file: 'a.xlsx',
    });
    expect(formatLogLine(warning)).toBe('00:00:00 warn  a.xlsx: type is skipped');
  });

  it('quote a field with spaces and keep numbers as they are', () => {
    expect(formatLogLine('{"level":40,"time":0,"msg":"gateway disconnected","code":4000,"note":"a b"}')).toBe(
      '00:00:00 warn  gateway disconnected code=4000 note="a b"',
    );
  });
});

describe('JSON log lines', () => {
  it('keep the stack for a log file or LOG_FORMAT=json', () => {
    const { logger, lines } = capture('json');
    logger.error({ err: new Error('disk gone') }, 'reload failed');
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record.msg).toBe('reload failed');
    expect(record.err.stack).toContain('disk gone');
  });

  it('redact tokens', () => {
    const { logger, lines } = capture('json');
    logger.info({ token: 'secret-token' }, 'x');
    expect(lines[0]).not.toContain('secret-token');
  });
});

describe('the default format', () => {
  it('is readable at a terminal and JSON for pipes', () => {
    expect(defaultLogFormat({ isTTY: true })).toBe('pretty');
    expect(defaultLogFormat({ isTTY: false })).toBe('json');
  });
});

describe('interactiveLevel', () => {
  it('is warn unless LOG_LEVEL is set explicitly', () => {
    expect(interactiveLevel({ LOG_LEVEL: 'info' }, {})).toBe('warn');
    expect(interactiveLevel({ LOG_LEVEL: 'debug' }, { LOG_LEVEL: 'DEBUG' })).toBe('debug');
  });
});
