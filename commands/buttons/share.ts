import { t } from '../i18n/index.js';
import { BUTTON } from '../render/buttons.js';
import { askedBy, notice } from '../reply/messages.js';
import type { ButtonModule } from '../types.js';

/**
 * "Share in channel": posts the answer the user is looking at, exactly as shown (its embeds are
 * copied from the message, nothing is searched again), in the channel, with "asked by" and no ping.
 */
export const button: ButtonModule = {
  prefix: BUTTON.share,
  updatesMessage: false,
  ephemeral: () => false,
  execute(invocation) {
    const embeds = invocation.message?.embeds ?? [];
    if (embeds.length === 0) return notice(t(invocation.locale, 'share.gone'));
    return {
      kind: 'message',
      data: { content: askedBy(invocation.user, invocation.locale), embeds, allowed_mentions: { parse: [] } },
    };
  },
};
