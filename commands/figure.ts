import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { lookupFigure } from '../src/answer/figure-lookup.js';
import { suggestFigureChoices } from '../src/answer/suggest.js';
import { figureMeta } from '../src/insights/meta.js';
import { notFoundReply } from './ask.js';
import { figureEmbeds } from './render/answer.js';
import { answerButtons } from './render/buttons.js';
import { forAudience, isPublic, notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'figure',
  description: 'Look up one figure fast: the number, what it measures and where it comes from',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'topic',
      description: 'What the figure measures, e.g. "regional GDP" or "high-tech enterprises"',
      required: true,
      max_length: 100,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'share',
      description: 'Post the figure in the channel (default: only you see it)',
    },
    {
      type: ApplicationCommandOptionType.User,
      name: 'for',
      description: 'Post the figure in the channel for this person (pings only them)',
    },
  ],
};

export const command: CommandModule = {
  definition,
  ephemeral: (invocation) => !isPublic(invocation),
  execute(invocation, context) {
    const topic = String(invocation.options.topic ?? '').trim();
    if (!topic) return notice('Name a topic, for example `/figure topic: regional GDP`.');
    const kb = context.knowledge();
    const answer = kb.memo.get(`figure:${topic}`, () => lookupFigure(kb, topic));
    if (!answer.answered) return notFoundReply(topic, kb, answer.suggestions);
    const data = {
      embeds: figureEmbeds(answer, kb.name),
      components: answerButtons({ shareable: !isPublic(invocation) }),
    };
    return forAudience(invocation, data, { answered: true, question: figureMeta(topic, answer) });
  },
  autocomplete(invocation, context) {
    const kb = context.knowledge();
    const typed = invocation.focused?.value ?? '';
    return {
      kind: 'choices',
      choices: kb.memo.get(`suggest-figure:${typed}`, () => suggestFigureChoices(kb, typed)),
    };
  },
};
