import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIMessage,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
} from 'discord-api-types/v10';
import type { Invocation } from '../../../commands/types.js';

type Option = APIApplicationCommandInteractionDataOption;

/** Option values by name, flattening sub-commands; a user option's value is already the user's id. */
function readOptions(
  options: readonly Option[] | undefined,
  into: Invocation['options'] = {},
): Invocation['options'] {
  for (const option of options ?? []) {
    if ('options' in option && option.options) readOptions(option.options as Option[], into);
    if ('value' in option && option.value !== undefined) into[option.name] = option.value;
  }
  return into;
}

/** The option being typed in an autocomplete interaction. */
function focusedOption(options: readonly Option[] | undefined): { name: string; value: string } | undefined {
  for (const option of options ?? []) {
    if ('focused' in option && option.focused && 'value' in option)
      return { name: option.name, value: String(option.value) };
    if ('options' in option && option.options) {
      const inner = focusedOption(option.options as Option[]);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The subcommand named in the options, if any. */
function subcommandOf(options: readonly Option[] | undefined): string | undefined {
  for (const option of options ?? []) {
    if (option.type === ApplicationCommandOptionType.Subcommand) return option.name;
    if (option.type === ApplicationCommandOptionType.SubcommandGroup)
      return subcommandOf(option.options as Option[]);
  }
  return undefined;
}

/** Subcommand, attachments and member permissions, as the gateway adapter reads them. */
function extrasOf(raw: APIInteraction, options: readonly Option[] | undefined): Partial<Invocation> {
  const subcommand = subcommandOf(options);
  const resolved =
    raw.type === InteractionType.ApplicationCommand && raw.data.type === ApplicationCommandType.ChatInput
      ? raw.data.resolved?.attachments
      : undefined;
  const attachments = resolved
    ? Object.fromEntries(
        Object.entries(resolved).map(([id, a]) => [
          id,
          {
            url: a.url,
            filename: a.filename,
            size: a.size,
            ...(a.content_type ? { contentType: a.content_type } : {}),
          },
        ]),
      )
    : undefined;
  return {
    ...(subcommand ? { subcommand } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

function messageOf(message: APIMessage): NonNullable<Invocation['message']> {
  return { id: message.id, content: message.content ?? '', embeds: message.embeds ?? [] };
}

/**
 * Reads an interaction as Discord posts it to the HTTP endpoint as a transport-neutral invocation,
 * the same shape the gateway adapter produces. Returns `undefined` for what factdesk does not
 * handle (a ping, an unknown type), which the caller answers politely.
 */
export function invocationFromInteraction(raw: APIInteraction): Invocation | undefined {
  const author = raw.member?.user ?? raw.user;
  if (!author) return undefined;
  const user = { id: author.id, name: author.global_name ?? author.username };
  const channelId = raw.channel?.id ?? raw.channel_id;
  const where = {
    ...(raw.member?.permissions ? { permissions: raw.member.permissions } : {}),
    ...(channelId ? { channelId } : {}),
    ...(raw.guild_id ? { guildId: raw.guild_id } : {}),
    // The user's client language: replies follow it.
    ...('locale' in raw && raw.locale ? { locale: raw.locale } : {}),
    ...(raw.member?.permissions ? { memberPermissions: raw.member.permissions } : {}),
  };

  switch (raw.type) {
    case InteractionType.ApplicationCommand: {
      const data = raw.data;
      if (data.type === ApplicationCommandType.Message) {
        const target = data.resolved.messages[data.target_id];
        return {
          kind: 'message-menu',
          name: data.name,
          options: {},
          user,
          ...where,
          ...(target ? { message: messageOf(target) } : {}),
        };
      }
      const options = data.type === ApplicationCommandType.ChatInput ? readOptions(data.options) : {};
      const list = data.type === ApplicationCommandType.ChatInput ? data.options : undefined;
      return { kind: 'command', name: data.name, options, user, ...where, ...extrasOf(raw, list) };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const focused = focusedOption(raw.data.options) ?? { name: '', value: '' };
      return {
        kind: 'autocomplete',
        name: raw.data.name,
        options: readOptions(raw.data.options),
        focused,
        user,
        ...where,
        ...extrasOf(raw, raw.data.options),
      };
    }
    case InteractionType.MessageComponent: {
      const customId = raw.data.custom_id;
      return {
        kind: 'button',
        name: customId.split(':')[0] ?? '',
        customId,
        options: {},
        user,
        ...where,
        message: messageOf(raw.message),
      };
    }
    case InteractionType.ModalSubmit: {
      const options: Invocation['options'] = {};
      for (const row of raw.data.components) {
        const inputs = 'components' in row ? row.components : 'component' in row ? [row.component] : [];
        for (const input of inputs) {
          if ('value' in input && typeof input.value === 'string') options[input.custom_id] = input.value;
        }
      }
      const customId = raw.data.custom_id;
      return { kind: 'modal', name: customId.split(':')[0] ?? '', customId, options, user, ...where };
    }
    default:
      return undefined;
  }
}
