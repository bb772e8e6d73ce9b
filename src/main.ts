import { parseArgs } from 'node:util';
import { t } from '../commands/i18n/index.js';
import { argumentError, run } from './cli/run.js';
import { createApp } from './runtime/app.js';
import { ConfigError, loadConfig } from './runtime/config.js';
import { configuredLogger, interactiveLevel } from './runtime/logger.js';
import { runConsole, terminalLocale } from './transports/console.js';
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
 * Refuses arguments `npm start` does not take: the usage (for `--help`) or what is wrong and the
 * usage, in the language of `LANG`; `undefined` when the arguments are fine.
 */
function checkArguments(argv: string[], locale: string | undefined): string | undefined {
  const usage = t(locale, 'start.usage');
  try {
    const { values } = parseArgs({
      args: argv,
      options: { shards: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return values.help ? usage : undefined;
  } catch (error) {
    return `${argumentError(error, locale)}\n${usage}`;
  }
}

/**
 * `npm start`: the Discord bot over the gateway when DISCORD_TOKEN is set, otherwise the local
 * console on the knowledge folder. `npm start -- --shards auto` runs one process per shard.
 */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const usage = checkArguments(argv, terminalLocale());
  if (usage !== undefined) {
    const help = argv.includes('--help') || argv.includes('-h');
    (help ? process.stdout : process.stderr).write(`${usage}\n`);
    return help ? 0 : 2;
  }
  const config = loadConfig();
  // Inside a shard process this is always undefined, so a shard never starts a manager of its own.
  const shards = shardsOption(process.argv.slice(2));
  if (shards !== undefined) {
    if (!config.DISCORD_TOKEN) throw new ConfigError('--shards needs DISCORD_TOKEN (Developer Portal → Bot)');
    const logger = configuredLogger(config);
    const manager = await startShards(config.DISCORD_TOKEN, logger, { totalShards: shards });
    await untilSignal((signal) => {
      logger.info({ signal }, 'shutting down');
      stopShards(manager);
    });
    return 0;
  }
  if (!config.DISCORD_TOKEN) {
    // At a terminal, routine log lines would interleave with the answers: warnings only, unless asked.
    const app = await createApp(config, configuredLogger(config, interactiveLevel(config)));
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
