import { describe, expect, it } from 'vitest';
import { shardsOption } from '../../src/transports/shards.js';

describe('shardsOption', () => {
  it('is absent without --shards, so the bot runs as one process', () => {
    expect(shardsOption([], {})).toBeUndefined();
    expect(shardsOption(['--verbose'], {})).toBeUndefined();
  });

  it('reads --shards auto and --shards <n>, in both spellings', () => {
    expect(shardsOption(['--shards', 'auto'], {})).toBe('auto');
    expect(shardsOption(['--shards=auto'], {})).toBe('auto');
    expect(shardsOption(['--shards', '4'], {})).toBe(4);
    expect(shardsOption(['--shards=2'], {})).toBe(2);
  });

  it('is ignored inside a shard process, so a shard never starts a manager of its own', () => {
    expect(shardsOption(['--shards', 'auto'], { SHARDING_MANAGER: 'true' })).toBeUndefined();
  });

  it('refuses a value that is neither auto nor a positive whole number', () => {
    for (const argv of [['--shards'], ['--shards', '0'], ['--shards', 'many'], ['--shards=-1']]) {
      expect(() => shardsOption(argv, {})).toThrow(/--shards takes `auto`/);
    }
  });
});
