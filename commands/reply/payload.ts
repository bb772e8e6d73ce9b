import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { QuestionMeta } from '../../src/insights/types.js';
import type { TextView } from '../render/view.js';

/** A message a handler wants to send, in Discord's own JSON shape. */
export interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions?: APIAllowedMentions;
  /** Message flags; `MessageFlags.Ephemeral` (64) for a reply only the user sees. */
  flags?: number;
}

/**
 * What a handler returns; each transport turns it into the matching interaction response:
 * - `message`: a new message (callback type 4, or a channel message for the console);
 * - `update`: edit the message the button was on (callback type 7);
 * - `choices`: autocomplete results (callback type 8);
 * - `modal`: a form to fill in, as the first response to a button (callback type 9).
 */
export type Reply =
  | { kind: 'message'; data: MessageData; meta?: ReplyMeta }
  | { kind: 'update'; data: MessageData; meta?: ReplyMeta }
  | { kind: 'choices'; choices: APIApplicationCommandOptionChoice<string>[]; meta?: ReplyMeta }
  | { kind: 'modal'; modal: APIModalInteractionResponseCallbackData; meta?: ReplyMeta };

/** What travels with a reply besides the message (never sent to Discord). */
export interface ReplyMeta {
  /** For questions: whether the knowledge answered it (logged, counted). */
  answered?: boolean;
  /** For questions: what the insights log keeps of the question and its answer. */
  question?: QuestionMeta;
  /** The reply as plain text, from the same data as the message, for the console and the CLI. */
  view?: TextView;
}
