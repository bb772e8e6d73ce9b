import { ask } from '../../src/answer/ask.js';
import { answerMessage } from '../ask.js';
import { t } from '../i18n/index.js';
import { questionOf } from '../render/answer.js';
import { BUTTON, parseMoreCustomId } from '../render/buttons.js';
import { notice } from '../reply/messages.js';
import type { ButtonModule } from '../types.js';

/** "More": replaces the answer with the next passages for the same question (editing the message). */
export const button: ButtonModule = {
  prefix: BUTTON.more,
  updatesMessage: true,
  ephemeral: () => true,
  execute(invocation, context) {
    const { offset, question: fromId } = parseMoreCustomId(invocation.customId ?? '');
    const question = fromId ?? questionOf(invocation.message?.embeds ?? []);
    if (!question) return notice(t(invocation.locale, 'more.lost'));
    const kb = context.knowledge();
    const answer = ask(kb, question, { offset });
    if (!answer.answered) return notice(t(invocation.locale, 'more.none'));
    return {
      kind: 'update',
      data: answerMessage(answer, kb, {
        ephemeral: true,
        offset,
        ...(invocation.locale ? { locale: invocation.locale } : {}),
      }),
      meta: { answered: true },
    };
  },
};
