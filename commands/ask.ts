import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { type Answer, ask } from '../src/answer/ask.js';
import { suggestQuestions } from '../src/answer/suggest.js';
import { askMeta } from '../src/insights/meta.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { countOf, languageOf, localizations, t } from './i18n/index.js';
import { answerEmbeds } from './render/answer.js';
import { answerButtons } from './render/buttons.js';
import { escapeText } from './render/text.js';
import { forAudience, isPublic, notice } from './reply/messages.js';
import type { MessageData, Reply } from './reply/payload.js';
import type { CommandModule, Invocation } from './types.js';

/** The longest question `/ask` accepts. */
export const MAX_QUESTION_LENGTH = 300;

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

/** The reply when the knowledge does not answer: never a random passage, but topics to try. */
export function notFoundReply(
  what: string,
  kb: KnowledgeBase,
  suggestions: string[],
  locale?: string,
): Reply {
  const tries =
    suggestions.length > 0
      ? t(locale, 'notFound.tries', {
          topics: suggestions
            .map((s) => t(locale, 'list.quoted', { text: escapeText(s) }))
            .join(t(locale, 'list.separator')),
        })
      : '';
  return notice(
    t(locale, 'notFound.message', {
      what: escapeText(what),
      knowledge: escapeText(kb.name),
      documents: countOf(locale, kb.documents.length, 'document'),
      tries,
    }),
    { answered: false, question: { text: what } },
  );
}

/**
 * The message of an answer: embeds, and the buttons that fit its audience (Share only on an
 * ephemeral answer, More only when more passages match and the message is the asker's own).
 */
export function answerMessage(
  answer: Answer,
  kb: KnowledgeBase,
  options: { ephemeral: boolean; offset?: number; locale?: string },
): MessageData {
  const offset = options.offset ?? 0;
  return {
    embeds: answerEmbeds(answer, kb.name),
    components: answerButtons({
      ...(options.locale ? { locale: options.locale } : {}),
      shareable: options.ephemeral,
      ...(options.ephemeral && answer.hasMore
        ? { more: { offset: offset + answer.passages.length, question: answer.query } }
        : {}),
    }),
  };
}

/** Answers `question` for an invocation, respecting `share` and `for`. */
export function answerFor(
  invocation: Invocation,
  kb: KnowledgeBase,
  answer: Answer,
  memoKey?: string,
): Reply {
  if (!answer.answered) return notFoundReply(answer.query, kb, answer.suggestions, invocation.locale);
  const question = askMeta(answer.query, answer);
  const ephemeral = !isPublic(invocation);
  // The rendered message depends only on the answer and its audience: render it once per key.
  const { locale } = invocation;
  const render = () => answerMessage(answer, kb, { ephemeral, ...(locale ? { locale } : {}) });
  const data = memoKey
    ? kb.memo.get(`message:${ephemeral}:${languageOf(locale)}:${memoKey}`, render)
    : render();
  return forAudience(invocation, data, { answered: true, question });
}

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
      kb.memo.get(`ask:${question}`, () => ask(kb, question)),
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
