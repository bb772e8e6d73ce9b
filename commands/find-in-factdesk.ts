import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { findNumberSources } from '../src/answer/number-sources.js';
import { localizations, t } from './i18n/index.js';
import { answerFor, askPaged, MAX_QUESTION_LENGTH } from './render/page.js';
import { notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  type: ApplicationCommandType.Message,
  name: t(undefined, 'findInFactdesk.name'),
  name_localizations: localizations('findInFactdesk.name'),
};

/**
 * The message context menu: the selected message's text is the question. When it quotes a number,
 * the answer is where that number comes from; otherwise the message is asked like `/ask`.
 * Ephemeral: only the user who clicked sees it (Share makes it public).
 */
export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute(invocation, context) {
    const text = (invocation.message?.content ?? '').trim().slice(0, MAX_QUESTION_LENGTH * 2);
    if (!text) return notice(t(invocation.locale, 'findInFactdesk.empty'));
    const kb = context.knowledge();
    const answer = findNumberSources(kb, text) ?? askPaged(kb, text.slice(0, MAX_QUESTION_LENGTH));
    return answerFor({ ...invocation, options: {} }, kb, answer);
  },
};
