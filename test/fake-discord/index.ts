/**
 * Fake Discord for end-to-end tests with the real discord.js client. See `server.ts` for usage and
 * `README.md` in this folder for what it checks.
 */
export { type GatewayStats, Op, type ReceivedFrame } from './gateway.js';
export {
  buildInteractionPayload,
  type InteractionCallbackBody,
  InteractionHandle,
  type InteractionInit,
  InteractionKind,
} from './interactions.js';
export type { FailureRule, RecordedFile, RecordedRequest } from './rest.js';
export { FakeDiscord, type FakeDiscordOptions, type RequestMatch, startFakeDiscord } from './server.js';
export { type Json, snowflake } from './util.js';
export {
  FORBIDDEN_MENTION_PARSE,
  LIMITS,
  type MessageCheckOptions,
  type SpecOperation,
  validateAgainstSpec,
  validateAllowedMentions,
  validateAutocompleteResult,
  validateCommand,
  validateCommands,
  validateComponents,
  validateEmbeds,
  validateInteractionCallback,
  validateMessagePayload,
  validateRequestBody,
} from './validate.js';
export { APP_PERMISSIONS, MEMBER_PERMISSIONS, type MessageInit, World, type WorldOptions } from './world.js';
