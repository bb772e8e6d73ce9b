import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { suggestQuestions } from '../src/answer/suggest.js';
import { localizations, t } from './i18n/index.js';
import { answerFor, askPaged, MAX_QUESTION_LENGTH } from './render/page.js';
import { isPublic, notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  name_localizations: localizations('ask.name'),
  description: t(undefined, 'ask.description'),
  description_localizations: localizations('ask.description'),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      name_localizations: localizations('ask.question.name'),
      description: t(undefined, 'ask.question.description'),
      description_localizations: localizations('ask.question.description'),
      required: true,
      max_length: MAX_QUESTION_LENGTH,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'share',
      name_localizations: localizations('ask.share.name'),
      description: t(undefined, 'ask.share.description'),
      description_localizations: localizations('ask.share.description'),
    },
    {
      type: ApplicationCommandOptionType.User,
      name: 'for',
      name_localizations: localizations('ask.for.name'),
      description: t(undefined, 'ask.for.description'),
      description_localizations: localizations('ask.for.description'),
    },
  ],
};

export const command: CommandModule = {
  definition,
  ephemeral: (invocation) => !isPublic(invocation),
  execute(invocation, context) {
    const question = String(invocation.options.question ?? '')
      .trim()
      .slice(0, MAX_QUESTION_LENGTH);
    if (!question) return notice(t(invocation.locale, 'ask.empty'));
    const kb = context.knowledge();
    return answerFor(
      invocation,
      kb,
      kb.memo.get(`ask-paged:${question}`, () => askPaged(kb, question)),
      `ask:${question}`,
    );
  },
  autocomplete(invocation, context) {
    const kb = context.knowledge();
    const typed = invocation.focused?.value ?? '';
    return {
      kind: 'choices',
      choices: kb.memo.get(`suggest-ask:${typed}`, () => suggestQuestions(kb, typed)),
    };
  },
};
