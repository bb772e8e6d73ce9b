import {
  type BaseMessageOptions,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import {
  dispatch,
  newErrorId,
  replyWithin,
  willBeEphemeral,
  willUpdateMessage,
} from '../../commands/dispatch.js';
import type { MessageData, Reply } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../runtime/app.js';

/**
 * How long a handler may run before the bot defers. Discord drops an interaction that gets no
 * first response within 3 seconds; deferring at 1.5 s leaves room for the network. 0 defers always.
 */
export const DEFER_AFTER_MS = 1500;

/** Reads a discord.js interaction as a transport-neutral invocation. */
export function invocationOf(interaction: Interaction): Invocation | undefined {
  const user = { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username };
  const where = {
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    // The user's client language: replies follow it.
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    ...(interaction.memberPermissions
      ? { memberPermissions: interaction.memberPermissions.bitfield.toString() }
      : {}),
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const options: Invocation['options'] = {};
    for (const option of interaction.options.data) {
      if (option.value !== undefined) options[option.name] = option.value;
    }
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      return {
        kind: 'autocomplete',
        name: interaction.commandName,
        options,
        focused: { name: focused.name, value: String(focused.value) },
        user,
        ...where,
      };
    }
    return { kind: 'command', name: interaction.commandName, options, user, ...where };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return {
      kind: 'message-menu',
      name: interaction.commandName,
      options: {},
      user,
      ...where,
      message: {
        id: target.id,
        content: target.content,
        embeds: target.embeds.map((embed) => embed.toJSON()),
      },
    };
  }
  if (interaction.isModalSubmit()) {
    const options: Invocation['options'] = {};
    for (const field of interaction.fields.fields.values()) {
      if ('value' in field && typeof field.value === 'string') options[field.customId] = field.value;
    }
    return {
      kind: 'modal',
      name: interaction.customId.split(':')[0] ?? '',
      customId: interaction.customId,
      options,
      user,
      ...where,
    };
  }
  if (interaction.isButton()) {
    const message = interaction.message;
    return {
      kind: 'button',
      name: interaction.customId.split(':')[0] ?? '',
      customId: interaction.customId,
      options: {},
      user,
      ...where,
      message: {
        id: message.id,
        content: message.content,
        embeds: message.embeds.map((embed) => embed.toJSON()),
      },
    };
  }
  return undefined;
}

/** Our Discord-shaped message as discord.js options (it takes API JSON embeds and components as is). */
export function messageOptions(data: MessageData): BaseMessageOptions & { flags?: number } {
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    allowedMentions: data.allowed_mentions?.users?.length
      ? { parse: [], users: data.allowed_mentions.users }
      : { parse: [] },
    ...(data.flags !== undefined ? { flags: data.flags } : {}),
  };
}

type Repliable = Extract<Interaction, { deferReply: unknown }>;

/** Sends a reply, as an edit of the deferral when the bot had to defer. */
async function send(interaction: Repliable, reply: Reply): Promise<void> {
  if (reply.kind === 'choices') return;
  if (reply.kind === 'modal') {
    // A form can only be the first response (never after a deferral).
    if ('showModal' in interaction && !interaction.deferred && !interaction.replied)
      await interaction.showModal(reply.modal);
    return;
  }
  const options = messageOptions(reply.data);
  if (interaction.deferred || interaction.replied) {
    const { flags: _flags, ...edit } = options;
    await interaction.editReply(edit);
  } else if (reply.kind === 'update' && interaction.isButton()) {
    const { flags: _flags, ...update } = options;
    await interaction.update(update);
  } else {
    await interaction.reply(options as InteractionReplyOptions);
  }
}

/**
 * Answers one interaction: dispatches it, defers when the handler is slow, and sends the reply.
 * Never throws: a failure to reach Discord is logged with an error id and the bot keeps serving.
 */
export async function handleInteraction(
  interaction: Interaction,
  app: App,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  const invocation = invocationOf(interaction);
  if (!invocation) return;
  try {
    if (interaction.isAutocomplete()) {
      const reply = await dispatch(invocation, app.deps);
      await interaction.respond(reply.kind === 'choices' ? reply.choices : []);
      return;
    }
    const repliable = interaction as Repliable;
    const defer = async () => {
      if (willUpdateMessage(invocation) && repliable.isButton()) await repliable.deferUpdate();
      else await repliable.deferReply(willBeEphemeral(invocation) ? { flags: MessageFlags.Ephemeral } : {});
    };
    const pending = dispatch(invocation, app.deps);
    // Slow commands (a reload) defer at once; the others only when they are not done in time.
    const quick = await replyWithin(invocation, pending, deferAfterMs);
    if (!quick) await defer();
    await send(repliable, quick ?? (await pending));
  } catch (error) {
    app.logger.error(
      { err: error, errorId: newErrorId(), command: invocation.name, kind: invocation.kind },
      'reply to Discord failed',
    );
  }
}

/**
 * Connects to Discord over the gateway with the Guilds intent only, and answers interactions with
 * the shared handlers. Commands are not registered here: that is `npm run deploy-commands`.
 */
export async function startGatewayBot(
  app: App,
  token: string,
  { deferAfterMs = DEFER_AFTER_MS }: { deferAfterMs?: number } = {},
): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(app.config.DISCORD_API_URL ? { rest: { api: app.config.DISCORD_API_URL } } : {}),
  });
  client.once(Events.ClientReady, (ready) => {
    const kb = app.knowledge.get();
    app.logger.info(
      {
        user: ready.user.tag,
        guilds: ready.guilds.cache.size,
        documents: kb.documents.length,
        passages: kb.passages.length,
        figures: kb.figures.length,
      },
      'ready',
    );
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, app, deferAfterMs);
  });
  client.on(Events.Error, (error) => app.logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    app.logger.warn({ code: event.code, shardId }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shardId) => app.logger.info({ shardId }, 'gateway resumed'));
  await client.login(token);
  return client;
}
