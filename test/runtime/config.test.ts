import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig } from '../../src/runtime/config.js';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    expect(load({})).toMatchObject({
      KNOWLEDGE_DIR: 'knowledge',
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      PORT: 3000,
      RATE_LIMIT_MAX: 5,
    });
  });

  it('treats empty variables as unset', () => {
    expect(load({ DISCORD_TOKEN: '', PORT: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it('strips a trailing slash from DISCORD_API_URL', () => {
    expect(load({ DISCORD_API_URL: 'http://127.0.0.1:8080/api/' }).DISCORD_API_URL).toBe(
      'http://127.0.0.1:8080/api',
    );
  });

  it('names every variable at fault and how to fix it', () => {
    expect(() => load({ PORT: 'eighty', LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'abc' })).toThrow(ConfigError);
    try {
      load({ PORT: 'eighty', LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'abc' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DISCORD_GUILD_ID: DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)');
      expect(message).toContain(
        'LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      );
      expect(message).toContain('PORT: PORT must be a whole number from 0 to 65535, e.g. PORT=3000');
      // One line per variable, nothing else.
      expect(message.split('\n')).toHaveLength(3);
    }
  });

  it.each([
    [
      { RATE_LIMIT_MAX: 'abc' },
      'RATE_LIMIT_MAX: RATE_LIMIT_MAX must be a whole number of at least 1, e.g. RATE_LIMIT_MAX=5',
    ],
    [
      { RATE_LIMIT_WINDOW_SECONDS: '-5' },
      'RATE_LIMIT_WINDOW_SECONDS: RATE_LIMIT_WINDOW_SECONDS must be a number of seconds above 0, e.g. RATE_LIMIT_WINDOW_SECONDS=10',
    ],
    [{ PORT: '-1' }, 'PORT: PORT must be a whole number from 0 to 65535, e.g. PORT=3000'],
    [{ PORT: '70000' }, 'PORT: PORT must be a whole number from 0 to 65535, e.g. PORT=3000'],
    [
      { METRICS_PORT: 'x' },
      'METRICS_PORT: METRICS_PORT must be a port number from 1 to 65535, e.g. METRICS_PORT=9464',
    ],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT: LOG_FORMAT must be json or pretty'],
  ])('explains %o in one line naming the variable and the fix', (env, expected) => {
    let message = '';
    try {
      load(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith(expected)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it.each([
    ['PORT', ['eighty', '-1', '70000', '80.5']],
    ['REPLICAS', ['0', 'two', '1.5']],
    ['KNOWLEDGE_MAX_FILE_MB', ['0', '-1', 'big']],
    ['RATE_LIMIT_WINDOW_SECONDS', ['0', '-5', 'ten']],
    ['INSIGHTS_RETENTION_DAYS', ['0', '1.5', 'forever']],
    ['METRICS_PORT', ['0', '70000', 'x']],
    ['DISCORD_TOKEN', ['short']],
    ['DISCORD_API_URL', ['ftp://example.org', 'not a url']],
    ['KNOWLEDGE_NAME', ['x'.repeat(81)]],
  ])('gives %s one message, whatever is wrong with it', (name, values) => {
    const expected = ConfigSchema.shape[name as keyof typeof ConfigSchema.shape].description;
    expect(expected, name).toMatch(new RegExp(`^${name} `));
    for (const value of values) expect(() => load({ [name]: value }), value).toThrow(`${name}: ${expected}`);
  });

  it('accepts LOG_LEVEL and LOG_FORMAT in any case', () => {
    expect(load({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'JSON' })).toMatchObject({
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
  });

  it('reads numbers as numbers, defaults included', () => {
    expect(load({ RATE_LIMIT_WINDOW_SECONDS: '0.5', METRICS_PORT: '9464' })).toMatchObject({
      PORT: 3000,
      RATE_LIMIT_MAX: 5,
      RATE_LIMIT_WINDOW_SECONDS: 0.5,
      METRICS_PORT: 9464,
    });
  });

  it('requires the application id with a token', () => {
    expect(() => load({ DISCORD_TOKEN: 'x'.repeat(60) })).toThrow(
      'DISCORD_APPLICATION_ID: DISCORD_APPLICATION_ID is required with DISCORD_TOKEN',
    );
  });

  it('rejects a public key that is not 64 hex characters', () => {
    expect(() => load({ DISCORD_PUBLIC_KEY: 'zz' })).toThrow(
      'DISCORD_PUBLIC_KEY must be the 64 hex characters',
    );
  });
});
