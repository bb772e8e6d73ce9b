import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { shardsOption, startShards, stopShards } from '../../src/transports/shards.js';

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

describe('startShards', () => {
  it('spawns each shard as a process running the TypeScript entry point, and stops them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-shards-'));
    const file = path.join(dir, 'shard.ts');
    // Stands in for src/main.ts: TypeScript syntax (so it needs the tsx loader), reports ready.
    await writeFile(
      file,
      'const shard: number = Number(process.env.SHARDS);\nprocess.send?.({ _ready: true, shard });\nsetInterval(() => {}, 1000);\n',
    );
    const manager = await startShards('test-token-not-used-by-the-stand-in', pino({ level: 'silent' }), {
      totalShards: 1,
      file,
    });
    try {
      expect(manager.shards.size).toBe(1);
      const shard = manager.shards.get(0);
      expect(shard?.ready).toBe(true);
      const exited = new Promise((resolve) => shard?.process?.once('exit', resolve));
      stopShards(manager);
      await exited;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
