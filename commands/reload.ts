import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { countOf, localizations, t } from './i18n/index.js';
import { escapeText } from './render/text.js';
import { notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  name_localizations: localizations('reload.name'),
  description: t(undefined, 'reload.description'),
  description_localizations: localizations('reload.description'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
};

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  slow: true,
  async execute(invocation, context) {
    const { locale } = invocation;
    const report = await context.reload();
    const counts = [
      countOf(locale, report.documents, 'document'),
      countOf(locale, report.passages, 'passage'),
      countOf(locale, report.figures, 'figure'),
    ].join(t(locale, 'list.separator'));
    const problems = report.problems.map((line) => `• ${escapeText(line)}`).join('\n');
    if (!report.ok) {
      return notice(t(locale, 'reload.failed', { counts, problems }));
    }
    return notice(
      t(locale, 'reload.done', { counts }) +
        (report.problems.length > 0
          ? t(locale, 'reload.problems', { n: report.problems.length, problems })
          : ''),
    );
  },
};
