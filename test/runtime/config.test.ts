import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/runtime/config.js';

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
      expect(message).toContain('PORT: PORT must be a number');
    }
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
