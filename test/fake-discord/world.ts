/**
 * The fake Discord's world: the bot, one or more guilds with text channels, a human user, the
 * messages the bot created and the commands it registered. Builders here produce realistic API
 * objects (the fields discord.js reads when it caches them).
 */
import { isObject, type Json, snowflake } from './util.js';

const bit = (n: number): bigint => 1n << BigInt(n);

/** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, ADD_REACTIONS, USE_EXTERNAL_EMOJIS, USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS. */
export const MEMBER_PERMISSIONS = [10, 11, 14, 15, 16, 6, 18, 31, 38]
  .reduce((acc, n) => acc | bit(n), 0n)
  .toString();

/** What the bot may do in the channel (`app_permissions`): the member set. */
export const APP_PERMISSIONS = MEMBER_PERMISSIONS;

/** A guild text channel the fake knows. */
export interface FakeChannel {
  id: string;
  name: string;
  guildId: string;
}

/** A guild the fake sends in GUILD_CREATE. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

/** Options describing the world; all optional. */
export interface WorldOptions {
  applicationId?: string;
  botUsername?: string;
  /** Guilds the bot is in; default one guild "Factdesk Test" with a text channel "general". */
  guilds?: Array<{ id?: string; name?: string; channels?: Array<{ id?: string; name?: string }> }>;
  /** The human who triggers interactions by default. */
  user?: { id?: string; username?: string; global_name?: string };
}

/** Builds a user object. */
export function buildUser(id: string, username: string, extra: Json = {}): Json {
  return {
    id,
    username,
    global_name: null,
    discriminator: '0',
    avatar: null,
    avatar_decoration_data: null,
    public_flags: 0,
    flags: 0,
    ...extra,
  };
}

/** Builds a guild text channel object. */
export function buildChannel(channel: FakeChannel, position = 0): Json {
  return {
    id: channel.id,
    type: 0,
    guild_id: channel.guildId,
    name: channel.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

/** Builds a guild member object for `user`. */
export function buildMember(user: Json, extra: Json = {}): Json {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
    ...extra,
  };
}

/** Fields of a message, as {@link World.buildMessage} takes them. */
export interface MessageInit {
  id?: string;
  channelId: string;
  author: Json;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  /** Message type: 0 default, 20 chat-input command reply, 23 context-menu command reply. */
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Json;
  poll?: unknown;
}

/** A registered application command as Discord returns it. */
export type StoredCommand = Json & { id: string; name: string; type: number };

/** The fake's model of Discord: users, guilds, channels, messages, commands. */
export class World {
  readonly applicationId: string;
  readonly botUser: Json;
  /** The human user interactions come from unless a test says otherwise. */
  readonly user: Json;
  readonly guilds: FakeGuild[];
  /** Messages per channel id, oldest first, in their current (edited) state. */
  readonly messages = new Map<string, Json[]>();
  /** Registered commands per scope: `'global'` or a guild id. */
  readonly commands = new Map<string, StoredCommand[]>();

  constructor(options: WorldOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = buildUser(this.applicationId, options.botUsername ?? 'factdesk', { bot: true });
    this.user = buildUser(options.user?.id ?? snowflake(), options.user?.username ?? 'tester', {
      global_name: options.user?.global_name ?? 'Tester',
    });
    const guilds = options.guilds?.length ? options.guilds : [{}];
    this.guilds = guilds.map((g, i) => {
      const id = g.id ?? snowflake();
      const channels = (g.channels?.length ? g.channels : [{}]).map((c, j) => ({
        id: c.id ?? snowflake(),
        name: c.name ?? (j === 0 ? 'general' : `channel-${j}`),
        guildId: id,
      }));
      return { id, name: g.name ?? (i === 0 ? 'Factdesk Test' : `Guild ${i}`), channels };
    });
  }

  /** The first guild's first text channel (every guild has at least one). */
  get defaultChannel(): FakeChannel {
    const channel = this.guilds[0]?.channels[0];
    if (!channel) throw new Error('fake-discord: the world has no channel');
    return channel;
  }

  /** The channel with this id, if any guild has it. */
  channel(id: string): FakeChannel | undefined {
    for (const guild of this.guilds) {
      const found = guild.channels.find((c) => c.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** The GUILD_CREATE payload for `guild`: @everyone role, the bot as member, its text channels. */
  guildCreate(guild: FakeGuild): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      features: [],
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      max_members: 500_000,
      max_video_channel_users: 25,
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 0,
          permissions: MEMBER_PERMISSIONS,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [buildMember(this.botUser)],
      channels: guild.channels.map((c, i) => {
        const { guild_id: _omitted, ...channel } = buildChannel(c, i);
        return channel;
      }),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Builds a complete message object (not stored; see {@link World.storeMessage}). */
  buildMessage(init: MessageInit): Json {
    const channel = this.channel(init.channelId);
    const message: Json = {
      id: init.id ?? snowflake(),
      type: init.type ?? 0,
      channel_id: init.channelId,
      author: init.author,
      content: init.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: init.attachments ?? [],
      embeds: (init.embeds ?? []).map((e) => (isObject(e) ? { type: 'rich', ...e } : e)),
      reactions: [],
      pinned: false,
      flags: init.flags ?? 0,
      components: init.components ?? [],
    };
    if (channel) message.guild_id = channel.guildId;
    if (init.webhookId) message.webhook_id = init.webhookId;
    if (init.applicationId) message.application_id = init.applicationId;
    if (init.interactionMetadata) message.interaction_metadata = init.interactionMetadata;
    if (init.poll) message.poll = init.poll;
    return message;
  }

  /** Stores `message` in its channel's history and returns it. */
  storeMessage(message: Json): Json {
    const channelId = String(message.channel_id);
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    return message;
  }

  /** Finds a stored message by id. */
  findMessage(id: string): Json | undefined {
    for (const list of this.messages.values()) {
      const found = list.find((m) => m.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Removes a stored message (DELETE). */
  deleteMessage(id: string): boolean {
    for (const list of this.messages.values()) {
      const index = list.findIndex((m) => m.id === id);
      if (index >= 0) {
        list.splice(index, 1);
        return true;
      }
    }
    return false;
  }

  /** Replaces the registered commands of a scope (bulk PUT), keeping ids of commands that stay. */
  setCommands(scope: string, bodies: Json[]): StoredCommand[] {
    const before = this.commands.get(scope) ?? [];
    const stored = bodies.map((body) => this.toStoredCommand(scope, body, before));
    this.commands.set(scope, stored);
    return stored;
  }

  /** Creates or replaces one command (POST upserts by name and type). */
  upsertCommand(scope: string, body: Json): StoredCommand {
    const list = this.commands.get(scope) ?? [];
    const command = this.toStoredCommand(scope, body, list);
    const index = list.findIndex((c) => c.id === command.id);
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.commands.set(scope, list);
    return command;
  }

  /** The registered command a name refers to (guild scope first, then global). */
  findCommand(name: string, type: number, guildId: string | null): StoredCommand | undefined {
    const scopes = guildId ? [guildId, 'global'] : ['global'];
    for (const scope of scopes) {
      const found = this.commands.get(scope)?.find((c) => c.name === name && c.type === type);
      if (found) return found;
    }
    return undefined;
  }

  private toStoredCommand(scope: string, body: Json, existing: StoredCommand[]): StoredCommand {
    const type = typeof body.type === 'number' ? body.type : 1;
    const name = String(body.name ?? '');
    const previous = existing.find((c) => c.name === name && c.type === type);
    const command: StoredCommand = {
      default_member_permissions: null,
      name_localizations: null,
      description: '',
      description_localizations: null,
      dm_permission: true,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...body,
      id: previous?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name,
    };
    if (scope !== 'global') command.guild_id = scope;
    return command;
  }
}
