import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { countOf, localizations, t } from './i18n/index.js';
import { EMBED_COLOR } from './render/answer.js';
import { catalogSpans } from './render/view.js';
import { ephemeral } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  name_localizations: localizations('help.name'),
  description: t(undefined, 'help.description'),
  description_localizations: localizations('help.description'),
};

/** The help text in the language of `locale`, shared by Discord and the local console. */
export function helpLines(locale?: string): string[] {
  return [
    t(locale, 'help.ask'),
    t(locale, 'help.figure'),
    t(locale, 'help.sources'),
    t(locale, 'help.findInFactdesk'),
    t(locale, 'help.buttons', {
      share: t(locale, 'button.share'),
      more: t(locale, 'button.more'),
      cite: t(locale, 'button.cite'),
    }),
    t(locale, 'help.reload'),
    t(locale, 'help.insights'),
  ];
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute(invocation, context) {
    const kb = context.knowledge();
    const intro = t(invocation.locale, 'help.intro', {
      documents: countOf(invocation.locale, kb.documents.length, 'document'),
      knowledge: kb.name,
    });
    const lines = helpLines(invocation.locale);
    return ephemeral(
      {
        embeds: [{ color: EMBED_COLOR, title: 'factdesk', description: [intro, '', ...lines].join('\n') }],
      },
      { view: { blocks: [[[{ text: intro }]], lines.map(catalogSpans)] } },
    );
  },
};
