/**
 * Interactions: building complete INTERACTION_CREATE payloads the way Discord sends them, and the
 * handle a test uses to await the bot's answers (callback, edits of @original, followups).
 */
import { randomBytes } from 'node:crypto';
import { type Json, type Signal, snowflake } from './util.js';
import {
  APP_PERMISSIONS,
  buildChannel,
  buildMember,
  type FakeGuild,
  MEMBER_PERMISSIONS,
  type World,
} from './world.js';

/** Interaction types a test can create. */
export const InteractionKind = {
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

/** What a test specifies for {@link buildInteractionPayload}; everything else is filled in. */
export interface InteractionInit {
  /** 2 command (slash, user or message context menu), 3 component, 4 autocomplete, 5 modal submit. */
  type: 2 | 3 | 4 | 5;
  /**
   * `data` as Discord sends it; missing fields are completed: command `id` (the registered one if
   * the bot registered that name), `type: 1`, `options: []`, `component_type: 2`, and for message
   * context menus (`data.type: 3`) `target_id` and `resolved.messages` from {@link InteractionInit.message}.
   */
  data: Json;
  /** Fields overriding the default human user (the world's `user`). */
  user?: Json;
  /** Guild to send from; default the first guild. `null` sends it from a DM with the bot. */
  guildId?: string | null;
  /** Channel; default the guild's first text channel. */
  channelId?: string;
  /**
   * For components: the message the component is on (default: the bot's latest message in the
   * channel). For message context menus: the target message (default: a message by the user).
   * Partial objects are completed.
   */
  message?: Json;
  /** User locale, default `en-US`. */
  locale?: string;
  /** Member permissions (string bitfield); default a regular member's. */
  memberPermissions?: string;
  /** `app_permissions`; default what a bot with the usual text permissions has. */
  appPermissions?: string;
}

/** The body of an interaction callback (`POST /interactions/{id}/{token}/callback`). */
export interface InteractionCallbackBody {
  type: number;
  data?: Json;
}

const makeToken = (id: string): string =>
  Buffer.from(`interaction:${id}:${randomBytes(24).toString('hex')}`).toString('base64url');

/** Builds a complete, realistic INTERACTION_CREATE `d` payload. */
export function buildInteractionPayload(world: World, init: InteractionInit): Json {
  const id = snowflake();
  let guild: FakeGuild | undefined;
  if (init.guildId !== null) {
    guild = init.guildId === undefined ? world.guilds[0] : world.guilds.find((g) => g.id === init.guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${String(init.guildId)}`);
  }
  const channelId = init.channelId ?? guild?.channels[0]?.id ?? snowflake();
  const user = { ...world.user, ...init.user };
  const memberPermissions = init.memberPermissions ?? MEMBER_PERMISSIONS;

  const channel = guild
    ? {
        ...buildChannel(world.channel(channelId) ?? { id: channelId, name: 'general', guildId: guild.id }),
        permissions: memberPermissions,
      }
    : { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };

  const payload: Json = {
    id,
    application_id: world.applicationId,
    type: init.type,
    token: makeToken(id),
    version: 1,
    data: completeData(world, init, channelId, guild?.id ?? null),
    channel_id: channelId,
    channel,
    app_permissions: init.appPermissions ?? APP_PERMISSIONS,
    locale: init.locale ?? 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild?.id ?? '0' },
    context: guild ? 0 : 1,
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (guild) {
    payload.guild_id = guild.id;
    payload.guild = { id: guild.id, locale: 'en-US', features: [] };
    payload.guild_locale = 'en-US';
    payload.member = { ...buildMember(user), permissions: memberPermissions };
  } else {
    payload.user = user;
  }
  if (init.type === 3) {
    const latestBotMessage = world.messages
      .get(channelId)
      ?.filter((m) => (m.author as Json | undefined)?.id === world.botUser.id)
      .at(-1);
    payload.message = completeMessage(world, init.message ?? latestBotMessage, channelId, world.botUser);
  }
  return payload;
}

function completeMessage(world: World, partial: Json | undefined, channelId: string, author: Json): Json {
  const built = world.buildMessage({
    channelId: typeof partial?.channel_id === 'string' ? partial.channel_id : channelId,
    author: (partial?.author as Json | undefined) ?? author,
    content: partial ? undefined : 'Earlier message',
  });
  return { ...built, ...partial };
}

function completeData(world: World, init: InteractionInit, channelId: string, guildId: string | null): Json {
  const data: Json = { ...init.data };
  if (init.type === 2 || init.type === 4) {
    data.type ??= 1;
    const command = world.findCommand(String(data.name ?? ''), Number(data.type), guildId);
    data.id ??= command?.id ?? snowflake();
    if (command?.guild_id) data.guild_id ??= command.guild_id;
    if (data.type === 1) data.options ??= [];
    if (data.type === 3 && !data.resolved) {
      const target = completeMessage(world, init.message, channelId, world.user);
      data.target_id ??= target.id;
      data.resolved = { messages: { [String(target.id)]: target } };
    }
    if (data.type === 2 && !data.resolved) {
      const target = { ...world.user };
      data.target_id ??= target.id;
      data.resolved = { users: { [String(target.id)]: target } };
    }
  }
  if (init.type === 3) {
    data.component_type ??= 2;
    if (data.component_type !== 2) data.values ??= [];
  }
  if (init.type === 5) data.components ??= [];
  return data;
}

/** What a handle needs from the fake that owns it. */
export interface HandleContext {
  signal: Signal;
  timeoutMs: number;
  /** Recent activity, appended to timeout errors. */
  describe: () => string;
}

/**
 * One dispatched interaction and everything the bot answered to it. The `waitFor*` methods
 * resolve immediately when the thing already happened; `waitForEdit`/`waitForFollowup` return
 * successive items on successive calls.
 */
export class InteractionHandle {
  /** Interaction id (snowflake). */
  readonly id: string;
  /** Interaction token (used in callback and webhook paths). */
  readonly token: string;
  /** The INTERACTION_CREATE `d` that was dispatched. */
  readonly payload: Json;
  /** When it was dispatched (ms since epoch); Discord wants the callback within 3 s. */
  dispatchedAt = 0;
  /** The accepted callback (only 2xx answers count), if any. */
  callback: InteractionCallbackBody | undefined;
  /** The response message (`@original`) in its current state, once there is one. */
  original: Json | undefined;
  /** Bodies of accepted edits of `@original`, in order. */
  readonly edits: Json[] = [];
  /** Bodies of accepted followups, in order. */
  readonly followups: Json[] = [];
  /** The messages the followups created (current state). */
  readonly followupMessages: Json[] = [];
  #editsTaken = 0;
  #followupsTaken = 0;
  readonly #ctx: HandleContext;

  constructor(payload: Json, ctx: HandleContext) {
    this.payload = payload;
    this.id = String(payload.id);
    this.token = String(payload.token);
    this.#ctx = ctx;
  }

  /** Interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit). */
  get type(): number {
    return Number(this.payload.type);
  }

  /** The accepted interaction callback `{ type, data }`. */
  waitForCallback(timeoutMs = this.#ctx.timeoutMs): Promise<InteractionCallbackBody> {
    return this.#ctx.signal.waitUntil(
      () => this.callback,
      timeoutMs,
      `the callback of interaction ${this.id}`,
      this.#ctx.describe,
    );
  }

  /** The body of the next edit of `@original` not yet returned by this method. */
  waitForEdit(timeoutMs = this.#ctx.timeoutMs): Promise<Json> {
    const index = this.#editsTaken++;
    return this.#ctx.signal.waitUntil(
      () => this.edits[index],
      timeoutMs,
      `edit #${index + 1} of interaction ${this.id}'s @original`,
      this.#ctx.describe,
    );
  }

  /** The body of the next followup not yet returned by this method. */
  waitForFollowup(timeoutMs = this.#ctx.timeoutMs): Promise<Json> {
    const index = this.#followupsTaken++;
    return this.#ctx.signal.waitUntil(
      () => this.followups[index],
      timeoutMs,
      `followup #${index + 1} of interaction ${this.id}`,
      this.#ctx.describe,
    );
  }
}
