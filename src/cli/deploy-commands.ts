import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../runtime/config.js';
import { configuredLogger } from '../runtime/logger.js';
import { run } from './run.js';

/**
 * `npm run deploy-commands`: registers factdesk's commands with Discord, in one guild when
 * DISCORD_GUILD_ID is set (instant, for testing) or globally. Same config as the bot, including
 * DISCORD_API_URL. Registration is a bulk overwrite, so running it twice is harmless.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const logger = configuredLogger(config);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).',
    );
  }
  const rest = new REST({ ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(
    config.DISCORD_TOKEN,
  );
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const definitions = commandDefinitions();
  const registered = (await rest.put(route, { body: definitions })) as { name: string }[];
  logger.info(
    {
      scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global',
      commands: registered.map((c) => c.name),
    },
    'commands registered',
  );
  process.stdout.write(
    `Registered ${registered.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)'}.\n`,
  );
  return 0;
}

run(main);
