import { describe, expect, it } from 'vitest';
import { runEntry } from './run-cli.js';

describe('npm start without a token (local console)', () => {
  it('prints a banner, answers each piped line through the bot commands, and exits 0 at end of input', async () => {
    const input = [
      'How many high-tech enterprises?',
      '/figure regional GDP',
      '/sources',
      '/help',
      'recipe for chocolate cake',
      '',
    ].join('\n');
    const { code, stdout } = await runEntry('src/main.ts', [], { input });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^factdesk: 2 documents, \d+ passages, \d+ figures from /);
    expect(stdout).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    expect(stdout).toContain('Q: How many high-tech enterprises?');
    expect(stdout).toContain('more than 75,000');
    expect(stdout).toContain('13 trillion yuan');
    expect(stdout).toMatch(/knowledge: 2 documents/);
    expect(stdout).toContain('/figure');
    expect(stdout).toContain("I couldn't find an answer to “recipe for chocolate cake”");
    expect(stdout).not.toContain('**');
    expect(stdout).not.toContain('\u001b[');
  });

  it('stops with a message naming the variable when the configuration is invalid', async () => {
    const { code, stderr } = await runEntry('src/main.ts', [], { env: { LOG_LEVEL: 'loud' } });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
