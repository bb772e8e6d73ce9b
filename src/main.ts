import { run } from './cli/run.js';
import { createApp } from './runtime/app.js';
import { ConfigError, loadConfig } from './runtime/config.js';
import { createLogger } from './runtime/logger.js';
import { runConsole } from './transports/console.js';
import { startGatewayBot } from './transports/gateway.js';
import { shardsOption, startShards, stopShards } from './transports/shards.js';

/** Resolves on SIGINT or SIGTERM, after logging it and running `stop`. */
function untilSignal(stop: (signal: NodeJS.Signals) => Promise<void> | void): Promise<void> {
  return new Promise<void>((resolve) => {
    const handler = (signal: NodeJS.Signals) => {
      void Promise.resolve(stop(signal)).finally(resolve);
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  });
}

/**
 * `npm start`: the Discord bot over the gateway when DISCORD_TOKEN is set, otherwise the local
 * console on the knowledge folder. `npm start -- --shards auto` runs one process per shard.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  // Inside a shard process this is always undefined, so a shard never starts a manager of its own.
  const shards = shardsOption(process.argv.slice(2));
  if (shards !== undefined) {
    if (!config.DISCORD_TOKEN) throw new ConfigError('--shards needs DISCORD_TOKEN (Developer Portal → Bot)');
    const logger = createLogger(config.LOG_LEVEL);
    const manager = await startShards(config.DISCORD_TOKEN, logger, { totalShards: shards });
    await untilSignal((signal) => {
      logger.info({ signal }, 'shutting down');
      stopShards(manager);
    });
    return 0;
  }
  if (!config.DISCORD_TOKEN) {
    // At a terminal, routine log lines would interleave with the answers: warnings only, unless asked.
    const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
    const app = await createApp(config, createLogger(level));
    await runConsole(app);
    await app.close();
    return 0;
  }
  const app = await createApp(config);
  const client = await startGatewayBot(app, config.DISCORD_TOKEN);
  await untilSignal((signal) => {
    app.logger.info({ signal }, 'shutting down');
    return client.destroy().finally(() => app.close());
  });
  return 0;
}

run(main);
