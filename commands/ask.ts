import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { suggestQuestions } from '../src/answer/suggest.js';
import { answerFor, askPaged, MAX_QUESTION_LENGTH } from './render/page.js';
import { isPublic, notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question: get the passages that answer it, with citations and figures',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "How many high-tech enterprises does Guangdong have?"',
      required: true,
      max_length: MAX_QUESTION_LENGTH,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'share',
      description: 'Post the answer in the channel (default: only you see it)',
    },
    {
      type: ApplicationCommandOptionType.User,
      name: 'for',
      description: 'Post the answer in the channel for this person (pings only them)',
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
    if (!question)
      return notice(
        'Ask me something, for example `/ask question: How many high-tech enterprises are there?`',
      );
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
