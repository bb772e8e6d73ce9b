import { run } from '../../cli/run.js';
import { createApp } from '../../runtime/app.js';
import { ConfigError, loadConfig } from '../../runtime/config.js';
import { startHttpServer } from './server.js';

/**
 * `npm run serve`: the HTTP interactions endpoint on HOST:PORT, answering from KNOWLEDGE_DIR.
 * Stateless, so it scales out: run as many replicas as needed behind a load balancer. SIGTERM or
 * SIGINT stops accepting, lets requests in flight finish, and exits 0.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.DISCORD_PUBLIC_KEY) {
    // Checked before loading the knowledge, so the mistake shows at once.
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY is not set: `npm run serve` must verify that requests come from Discord. Copy the "Public Key" from the Developer Portal → General Information into DISCORD_PUBLIC_KEY.',
    );
  }
  const app = await createApp(config);
  const server = await startHttpServer(app);
  const kb = app.knowledge.get();
  app.logger.info(
    {
      url: `${server.url}/interactions`,
      documents: kb.documents.length,
      passages: kb.passages.length,
      figures: kb.figures.length,
    },
    'listening for Discord interactions',
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      app.logger.info({ signal }, 'shutting down: finishing requests in flight');
      void server.close().finally(resolve);
      // A second signal cuts the connections still open.
      process.once(signal, () => server.server.closeAllConnections());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  app.logger.info('stopped');
  return 0;
}

run(main);
