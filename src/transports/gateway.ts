import {
  ApplicationCommandOptionType,
  type BaseMessageOptions,
  Client,
  type CommandInteractionOption,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import { newErrorId } from '../../commands/dispatch.js';
import type { MessageData } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../runtime/app.js';
import { answerInteraction, DEFER_AFTER_MS, type Responder } from './respond.js';

/** Reads a discord.js interaction as a transport-neutral invocation. */
export function invocationOf(interaction: Interaction): Invocation | undefined {
  const user = { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username };
  const where = {
    ...(interaction.memberPermissions
      ? { permissions: interaction.memberPermissions.bitfield.toString() }
      : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    // The user's client language: replies follow it.
    ...(interaction.locale ? { locale: interaction.locale } : {}),
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const options: Invocation['options'] = {};
    const attachments: NonNullable<Invocation['attachments']> = {};
    let subcommand: string | undefined;
    const read = (list: readonly CommandInteractionOption[]) => {
      for (const option of list) {
        if (option.type === ApplicationCommandOptionType.Subcommand) subcommand = option.name;
        if (option.options) read(option.options);
        if (option.value !== undefined) options[option.name] = option.value;
        if (option.attachment) {
          const { url, name, size, contentType } = option.attachment;
          attachments[String(option.value)] = {
            url,
            filename: name,
            size,
            ...(contentType ? { contentType } : {}),
          };
        }
      }
    };
    read(interaction.options.data);
    const extra: Partial<Invocation> = {
      ...(subcommand ? { subcommand } : {}),
      ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
      ...(interaction.memberPermissions
        ? { memberPermissions: interaction.memberPermissions.bitfield.toString() }
        : {}),
    };
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      return {
        kind: 'autocomplete',
        name: interaction.commandName,
        options,
        focused: { name: focused.name, value: String(focused.value) },
        user,
        ...where,
        ...extra,
      };
    }
    return { kind: 'command', name: interaction.commandName, options, user, ...where, ...extra };
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

function editOptions(data: MessageData) {
  const { flags: _flags, ...edit } = messageOptions(data);
  return edit;
}

/** The gateway's {@link Responder}: discord.js calls on the interaction. */
function gatewayResponder(interaction: Interaction): Responder {
  const repliable = interaction as Repliable;
  return {
    async choices(choices) {
      if (interaction.isAutocomplete()) await interaction.respond(choices);
    },
    async reply(data) {
      await repliable.reply(messageOptions(data) as InteractionReplyOptions);
    },
    async update(data) {
      if (repliable.isButton()) await repliable.update(editOptions(data));
      else await repliable.reply(messageOptions(data) as InteractionReplyOptions);
    },
    async deferReply(ephemeral) {
      await repliable.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    async deferUpdate() {
      if (repliable.isButton()) await repliable.deferUpdate();
    },
    async editOriginal(data) {
      await repliable.editReply(editOptions(data));
    },
    async deleteOriginal() {
      await repliable.deleteReply();
    },
    async followUp(data) {
      await repliable.followUp(messageOptions(data) as InteractionReplyOptions);
    },
    async modal(data) {
      if ('showModal' in repliable) await repliable.showModal(data);
    },
  };
}

/**
 * Answers one interaction with the state machine every transport shares ({@link answerInteraction}).
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
    await answerInteraction(invocation, app, gatewayResponder(interaction), { deferAfterMs });
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
