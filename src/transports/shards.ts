import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Logger } from 'pino';
import { ConfigError } from '../runtime/config.js';

/**
 * Reads `--shards auto` or `--shards <n>` (also `--shards=<n>`) from the command line; `undefined`
 * when absent, so the bot runs as one process. Inside a shard process (spawned by the manager) it
 * is always `undefined`, so a shard never starts a manager of its own.
 *
 * @throws {ConfigError} on a value that is neither `auto` nor a positive whole number.
 */
export function shardsOption(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): 'auto' | number | undefined {
  if (env.SHARDING_MANAGER) return undefined;
  const index = argv.findIndex((arg) => arg === '--shards' || arg.startsWith('--shards='));
  if (index === -1) return undefined;
  const arg = argv[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (value === 'auto') return 'auto';
  if (value && /^[1-9]\d*$/.test(value)) return Number(value);
  throw new ConfigError(
    '--shards takes `auto` (as many shards as Discord recommends) or a number of shards, e.g. `--shards 2`',
  );
}

/**
 * Runs the gateway bot sharded: discord.js's ShardingManager spawns one process per shard, each
 * running `file` (by default `src/main.ts`, loaded through tsx) with the token and its shard ids in
 * the environment, which the discord.js Client reads itself. `'auto'` asks Discord how many shards
 * the bot needs (required from 2,500 guilds).
 */
export async function startShards(
  token: string,
  logger: Logger,
  options: { totalShards?: 'auto' | number; file?: string } = {},
): Promise<ShardingManager> {
  const file = options.file ?? fileURLToPath(new URL('../main.ts', import.meta.url));
  const manager = new ShardingManager(file, {
    token,
    totalShards: options.totalShards ?? 'auto',
    respawn: true,
    // Each shard is a Node process: TypeScript entry points need the tsx loader.
    execArgv: file.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'shard launched');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
  });
  await manager.spawn();
  return manager;
}

/** Stops every shard process (on SIGTERM/SIGINT). */
export function stopShards(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) shard.kill();
}
