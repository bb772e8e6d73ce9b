import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { localizations, t } from './i18n/index.js';
import { sourcesReply } from './render/sources.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  name_localizations: localizations('sources.name'),
  description: t(undefined, 'sources.description'),
  description_localizations: localizations('sources.description'),
};

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute: (invocation, context) => sourcesReply(context.knowledge(), invocation.locale),
};
