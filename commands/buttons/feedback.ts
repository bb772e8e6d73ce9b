import { t } from '../i18n/index.js';
import { commentForm, FEEDBACK, parseFeedbackCustomId } from '../render/feedback.js';
import { notice } from '../reply/messages.js';
import type { Reply } from '../reply/payload.js';
import type { ButtonModule } from '../types.js';

/** 👍 says thanks; 👎 records the vote and opens "What was wrong?". The vote is kept either way. */
export const button: ButtonModule = {
  prefix: FEEDBACK.button,
  updatesMessage: false,
  ephemeral: () => true,
  execute(invocation, context): Reply {
    const { locale } = invocation;
    const parsed = parseFeedbackCustomId(invocation.customId ?? '');
    if (!parsed) return notice(t(locale, 'feedback.lost'));
    if (!context.insights) return notice(t(locale, 'feedback.off'));
    context.insights.feedback({ ...parsed, userId: invocation.user.id });
    if (parsed.vote === 'down') return { kind: 'modal', modal: commentForm(parsed.questionId, locale) };
    return notice(t(locale, 'feedback.thanks'));
  },
};
