import { codeBlock } from '@discordjs/formatters';
import { t } from '../i18n/index.js';
import { BUTTON } from '../render/buttons.js';
import { plainCitationFromEmbed } from '../render/citation.js';
import { notice } from '../reply/messages.js';
import type { ButtonModule } from '../types.js';

/** "Cite": an ephemeral plain-text citation of each quoted passage, ready to paste. */
export const button: ButtonModule = {
  prefix: BUTTON.cite,
  updatesMessage: false,
  ephemeral: () => true,
  execute(invocation) {
    const citations = (invocation.message?.embeds ?? [])
      .map(plainCitationFromEmbed)
      .filter((citation): citation is string => Boolean(citation));
    if (citations.length === 0) return notice(t(invocation.locale, 'cite.none'));
    return notice(citations.map((citation) => codeBlock(citation)).join('\n'));
  },
};
