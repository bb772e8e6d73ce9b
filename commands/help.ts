import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { count } from '../src/text/count.js';
import { EMBED_COLOR } from './render/answer.js';
import { SHARE_LABEL } from './render/buttons.js';
import { ephemeral } from './reply/messages.js';
import type { CommandModule } from './types.js';

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What factdesk does and how to use each command',
};

/** The help text, shared by Discord and the local console. */
export const HELP_LINES = [
  '**/ask** `question` — the passages that answer your question, quoted with their citation and the figures they hold. Only you see the answer unless you add `share: True`, or `for: @someone` to post it for them.',
  '**/figure** `topic` — one figure, fast: the number, what it measures, the sentence it comes from. Start typing for suggestions.',
  '**/sources** — the documents factdesk answers from.',
  '**Find in factdesk** (right-click a message → Apps) — looks up the message in the documents; if it quotes a number, finds where that number comes from.',
  `Under an answer: **${SHARE_LABEL}** posts it for everyone (nobody is pinged), **More** shows the next passages, **Cite** gives a citation to paste.`,
  '**/reload** (Manage Server) — reloads the documents without a restart.',
];

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  execute(_invocation, context) {
    const kb = context.knowledge();
    return ephemeral({
      embeds: [
        {
          color: EMBED_COLOR,
          title: 'factdesk',
          description: [
            `I answer questions about the ${count(kb.documents.length, 'document')} of ${kb.name}, with the passages and figures they cite.`,
            '',
            ...HELP_LINES,
          ].join('\n'),
        },
      ],
    });
  },
};
