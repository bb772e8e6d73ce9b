import { codeBlock } from '@discordjs/formatters';
import { citationOf } from '../../src/answer/citation.js';
import { quoteOf } from '../../src/answer/quote.js';
import { BUTTON, expiredButton, parseCiteCustomId } from '../render/buttons.js';
import { plainCitation } from '../render/citation.js';
import { passagesOfKeys } from '../render/keys.js';
import { plainView } from '../render/view.js';
import { notice } from '../reply/messages.js';
import type { ButtonModule } from '../types.js';

/**
 * "Cite": an ephemeral plain-text citation of each quoted passage, ready to paste, built from the
 * passages the button names (never read back from the message).
 */
export const button: ButtonModule = {
  prefix: BUTTON.cite,
  updatesMessage: false,
  ephemeral: () => true,
  execute(invocation, context) {
    const keys = parseCiteCustomId(invocation.customId ?? '');
    const kb = context.knowledge();
    const passages = keys && passagesOfKeys(kb, keys);
    if (!passages || passages.length === 0) return notice(expiredButton(invocation.locale));
    const citations = passages.map((passage) => {
      const quote = quoteOf(kb, passage);
      return plainCitation(citationOf(kb, passage, quote), quote.text, invocation.locale);
    });
    return notice(citations.map((citation) => codeBlock(citation)).join('\n'), {
      view: plainView(...citations),
    });
  },
};
