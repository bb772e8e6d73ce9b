import { createApp } from './runtime/app.js';
import { loadConfig } from './runtime/config.js';
import { run } from './cli/run.js';
import { runConsole } from './transports/console.js';
import { startGatewayBot } from './transports/gateway.js';

/**
 * `npm start`: the Discord bot over the gateway when DISCORD_TOKEN is set, otherwise the local
 * console on the knowledge folder.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const app = await createApp(config);
  if (!config.DISCORD_TOKEN) {
    await runConsole(app);
    return 0;
  }
  const client = await startGatewayBot(app, config.DISCORD_TOKEN);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      app.logger.info({ signal }, 'shutting down');
      void client.destroy().finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

run(main);
