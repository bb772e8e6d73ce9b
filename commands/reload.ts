import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { count } from '../src/text/count.js';
import { escapeText } from './render/text.js';
import { notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  description: 'Reload the knowledge folder without a restart (Manage Server)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
};

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  slow: true,
  async execute(_invocation, context) {
    const report = await context.reload();
    const counts = `${count(report.documents, 'document')}, ${count(report.passages, 'passage')}, ${count(report.figures, 'figure')}`;
    const problems = report.problems.map((line) => `• ${escapeText(line)}`).join('\n');
    if (!report.ok) {
      return notice(`Reload failed; still serving the previous knowledge (${counts}).\n${problems}`);
    }
    return notice(
      `Reloaded: ${counts}.${report.problems.length > 0 ? `\n${report.problems.length} problem(s), those files were skipped:\n${problems}` : ''}`,
    );
  },
};
