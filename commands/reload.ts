import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { countOf, localizations, t } from './i18n/index.js';
import { escapeText } from './render/text.js';
import { plainView } from './render/view.js';
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
    const { locale } = invocation;
    if (!mayManageServer(invocation.permissions)) return notice(t(locale, 'reload.forbidden'));
    const report = await context.reload();
    const counts = [
      countOf(locale, report.documents, 'document'),
      countOf(locale, report.passages, 'passage'),
      countOf(locale, report.figures, 'figure'),
    ].join(t(locale, 'list.separator'));
    const problems = report.problems.map((line) => `• ${escapeText(line)}`).join('\n');
    const plainProblems = report.problems.map((line) => `• ${line}`);
    if (!report.ok) {
      const failed = t(locale, 'reload.failed', { counts, problems: '' }).trimEnd();
      return notice(t(locale, 'reload.failed', { counts, problems }), {
        view: plainView(failed, ...plainProblems),
      });
    }
    const head = t(locale, 'reload.done', { counts });
    const skipped =
      report.problems.length === 0
        ? ''
        : t(locale, 'reload.problems', { problems: countOf(locale, report.problems.length, 'problem') });
    return notice(`${head}${skipped ? `\n${skipped}\n${problems}` : ''}`, {
      view: plainView(head, ...(skipped ? [skipped, ...plainProblems] : [])),
    });
  },
};
