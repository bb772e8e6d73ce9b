import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { command as ask } from './ask.js';
import { button as cite } from './buttons/cite.js';
import { button as feedback } from './buttons/feedback.js';
import { button as feedbackForm } from './buttons/feedback-form.js';
import { button as more } from './buttons/more.js';
import { button as share } from './buttons/share.js';
import { command as figure } from './figure.js';
import { command as findInFactdesk } from './find-in-factdesk.js';
import { command as help } from './help.js';
import { command as insights } from './insights.js';
import { command as knowledge } from './knowledge.js';
import { command as reload } from './reload.js';
import { command as sources } from './sources.js';
import type { ButtonModule, CommandModule } from './types.js';

/** Every command factdesk has: this one list serves registration and dispatch. */
export const COMMANDS: readonly CommandModule[] = [
  ask,
  figure,
  sources,
  help,
  findInFactdesk,
  reload,
  insights,
  knowledge,
];

/** Every button factdesk puts under its answers. */
export const BUTTONS: readonly ButtonModule[] = [share, more, cite, feedback, feedbackForm];

/** Commands by name, for dispatch. */
export const commandsByName: ReadonlyMap<string, CommandModule> = new Map(
  COMMANDS.map((c) => [c.definition.name, c]),
);

/** Buttons by custom_id prefix, for dispatch. */
export const buttonsByPrefix: ReadonlyMap<string, ButtonModule> = new Map(BUTTONS.map((b) => [b.prefix, b]));

/** The definitions registered with Discord (`npm run deploy-commands`). */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return COMMANDS.map((c) => c.definition);
}
