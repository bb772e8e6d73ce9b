import { BUTTON, expiredButton, parseMoreCustomId } from '../render/buttons.js';
import { withFeedbackButtons } from '../render/feedback.js';
import { answerMessage, pageOfKeys } from '../render/page.js';
import { answerView } from '../render/view.js';
import { notice } from '../reply/messages.js';
import type { ButtonModule } from '../types.js';

/**
 * "More": replaces the answer with the next passages, rebuilt from the passage keys the button
 * carries (editing the message), with 👍/👎 for the question when the button carries its id. When
 * the passages are gone (the knowledge was reloaded), the answer stays and only the user is told.
 */
export const button: ButtonModule = {
  prefix: BUTTON.more,
  updatesMessage: true,
  ephemeral: () => true,
  execute(invocation, context) {
    const more = parseMoreCustomId(invocation.customId ?? '');
    const kb = context.knowledge();
    const page = more && pageOfKeys(kb, more.keys, more.offset);
    if (!page) return notice(expiredButton(invocation.locale));
    const data = answerMessage(page, {
      ephemeral: true,
      ...(invocation.locale ? { locale: invocation.locale } : {}),
    });
    // The feedback rates the question, whichever page of its answer is showing.
    const rated =
      more.questionId && context.insights
        ? { ...data, components: withFeedbackButtons(data.components, more.questionId) }
        : data;
    return {
      kind: 'update',
      data: rated,
      meta: { answered: true, view: answerView(page, invocation.locale) },
    };
  },
};
