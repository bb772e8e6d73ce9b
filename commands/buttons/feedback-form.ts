import { t } from '../i18n/index.js';
import { COMMENT_INPUT, FEEDBACK, MAX_COMMENT_LENGTH, parseFeedbackCustomId } from '../render/feedback.js';
import { notice } from '../reply/messages.js';
import type { Reply } from '../reply/payload.js';
import type { ButtonModule } from '../types.js';

/** The submitted "What was wrong?" form: the comment joins the 👎. */
export const button: ButtonModule = {
  prefix: FEEDBACK.form,
  updatesMessage: false,
  ephemeral: () => true,
  execute(invocation, context): Reply {
    const { locale } = invocation;
    const parsed = parseFeedbackCustomId(invocation.customId ?? '');
    if (!parsed) return notice(t(locale, 'feedback.formLost'));
    if (!context.insights) return notice(t(locale, 'feedback.off'));
    const comment = String(invocation.options[COMMENT_INPUT] ?? '')
      .trim()
      .slice(0, MAX_COMMENT_LENGTH);
    context.insights.feedback({ ...parsed, userId: invocation.user.id, ...(comment ? { comment } : {}) });
    return notice(t(locale, 'feedback.thanks'));
  },
};
