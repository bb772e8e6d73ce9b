import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { lookupFigure } from '../src/answer/figure-lookup.js';
import { suggestFigureChoices } from '../src/answer/suggest.js';
import { figureMeta } from '../src/insights/meta.js';
import { localizations, t } from './i18n/index.js';
import { figureEmbeds } from './render/answer.js';
import { answerButtons } from './render/buttons.js';
import { passageKey } from './render/keys.js';
import { notFoundReply } from './render/page.js';
import { figureView } from './render/view.js';
import { forAudience, isPublic, notice } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'figure',
  name_localizations: localizations('figure.name'),
  description: t(undefined, 'figure.description'),
  description_localizations: localizations('figure.description'),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'topic',
      name_localizations: localizations('figure.topic.name'),
      description: t(undefined, 'figure.topic.description'),
      description_localizations: localizations('figure.topic.description'),
      required: true,
      max_length: 100,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'share',
      name_localizations: localizations('figure.share.name'),
      description: t(undefined, 'figure.share.description'),
      description_localizations: localizations('figure.share.description'),
    },
    {
      type: ApplicationCommandOptionType.User,
      name: 'for',
      name_localizations: localizations('figure.for.name'),
      description: t(undefined, 'figure.for.description'),
      description_localizations: localizations('figure.for.description'),
    },
  ],
};

export const command: CommandModule = {
  definition,
  ephemeral: (invocation) => !isPublic(invocation),
  execute(invocation, context) {
    const topic = String(invocation.options.topic ?? '').trim();
    if (!topic) return notice(t(invocation.locale, 'figure.empty'));
    const kb = context.knowledge();
    const answer = kb.memo.get(`figure:${topic}`, () => lookupFigure(kb, topic));
    if (!answer.answered) return notFoundReply(topic, kb, answer.suggestions, invocation.locale);
    const source = answer.figures[0] && kb.passagesById.get(answer.figures[0].passageId);
    const data = {
      embeds: figureEmbeds(answer, invocation.locale),
      components: answerButtons({
        shareable: !isPublic(invocation),
        cite: source ? [passageKey(source)] : [],
        ...(invocation.locale ? { locale: invocation.locale } : {}),
      }),
    };
    return forAudience(invocation, data, {
      answered: true,
      view: figureView(answer, invocation.locale),
      question: figureMeta(topic, answer),
    });
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
