import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { count } from '../src/text/count.js';
import { escapeText } from './render/text.js';
import { plainView } from './render/view.js';
import { notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  description: 'Reload the knowledge folder without a restart (Manage Server)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
};

/** Whether a permission bitfield includes Manage Server (or Administrator, which implies it). */
export function mayManageServer(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  slow: true,
  async execute(invocation, context) {
    if (!mayManageServer(invocation.permissions))
      return notice('Reloading the knowledge needs the Manage Server permission. Ask a server admin.');
    const report = await context.reload();
    const counts = `${count(report.documents, 'document')}, ${count(report.passages, 'passage')}, ${count(report.figures, 'figure')}`;
    const problems = report.problems.map((line) => `• ${escapeText(line)}`).join('\n');
    const plainProblems = report.problems.map((line) => `• ${line}`);
    if (!report.ok) {
      const head = `Reload failed; still serving the previous knowledge (${counts}).`;
      return notice(`${head}\n${problems}`, { view: plainView(head, ...plainProblems) });
    }
    const head = `Reloaded: ${counts}.`;
    const skipped =
      report.problems.length > 0
        ? `${count(report.problems.length, 'problem')}; those files were skipped:`
        : '';
    return notice(`${head}${skipped ? `\n${skipped}\n${problems}` : ''}`, {
      view: plainView(head, ...(skipped ? [skipped, ...plainProblems] : [])),
    });
  },
};
