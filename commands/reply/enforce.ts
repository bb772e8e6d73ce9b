import type { APIApplicationCommandOptionChoice, APIEmbed } from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import { LIMITS } from './limits.js';
import type { MessageData, Reply } from './payload.js';

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function clampEmbed(embed: APIEmbed): APIEmbed {
  const clamped: APIEmbed = { ...embed };
  if (clamped.title !== undefined) clamped.title = truncate(clamped.title, LIMITS.embedTitle);
  if (clamped.description !== undefined)
    clamped.description = truncate(clamped.description, LIMITS.embedDescription);
  if (clamped.footer)
    clamped.footer = { ...clamped.footer, text: truncate(clamped.footer.text, LIMITS.footerText) };
  if (clamped.author)
    clamped.author = { ...clamped.author, name: truncate(clamped.author.name, LIMITS.authorName) };
  if (clamped.fields) {
    clamped.fields = clamped.fields.slice(0, LIMITS.embedFields).map((field) => ({
      ...field,
      name: truncate(field.name, LIMITS.fieldName) || '\u200b',
      value: truncate(field.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return clamped;
}

/**
 * Keeps all embeds of a message within 6000 characters together, giving up the least useful text
 * first: later embeds' descriptions are shortened (down to a readable quote), then later embeds
 * are dropped, then the first embed's fields, then its description. The first embed holds the
 * best passage and the figures, so it keeps the most.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.map((embed) => ({ ...embed, fields: embed.fields ? [...embed.fields] : undefined }));
  const total = () => fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
  const shorten = (embed: APIEmbed, floor: number) => {
    const length = embed.description?.length ?? 0;
    const keep = Math.max(floor, length - (total() - LIMITS.embedTotal));
    // An ellipsis alone says nothing: below a few characters the description goes entirely.
    if (keep < length) embed.description = keep > 1 ? truncate(embed.description ?? '', keep) : undefined;
  };
  for (let i = fitted.length - 1; i >= 1 && total() > LIMITS.embedTotal; i--) {
    const embed = fitted[i];
    if (embed) shorten(embed, MIN_QUOTE);
  }
  while (fitted.length > 1 && total() > LIMITS.embedTotal) fitted.pop();
  const first = fitted[0];
  while (first?.fields && first.fields.length > 0 && total() > LIMITS.embedTotal) first.fields.pop();
  if (first && total() > LIMITS.embedTotal) shorten(first, 0);
  return fitted.map(({ fields, description, ...embed }) => ({
    ...embed,
    ...(description !== undefined ? { description } : {}),
    ...(fields && fields.length > 0 ? { fields } : {}),
  }));
}

/** The shortest quote worth keeping in a later embed before dropping it. */
const MIN_QUOTE = 300;

/**
 * Makes a message safe to send: Discord's limits enforced (content, embed sizes, 6000 characters
 * across embeds, rows and buttons) and `allowed_mentions` always present. Unless the message names
 * the users it may ping, nobody is pinged (`parse: []`), whatever the text contains.
 *
 * @throws {Error} when a custom_id is longer than 100 characters: a programming error, since
 * truncating it would break the button.
 */
export function enforceMessage(data: MessageData): MessageData {
  const safe: MessageData = { ...data };
  if (safe.content !== undefined) safe.content = truncate(safe.content, LIMITS.content);
  if (safe.embeds) safe.embeds = fitTotal(safe.embeds.slice(0, LIMITS.embeds).map(clampEmbed));
  if (safe.components) {
    safe.components = safe.components.slice(0, LIMITS.actionRows).map((row) => ({
      ...row,
      components: row.components.slice(0, LIMITS.buttonsPerRow).map((component) => {
        if ('custom_id' in component && component.custom_id.length > LIMITS.customId) {
          throw new Error(`custom_id longer than ${LIMITS.customId} characters: ${component.custom_id}`);
        }
        return 'label' in component && typeof component.label === 'string'
          ? { ...component, label: truncate(component.label, LIMITS.buttonLabel) }
          : component;
      }),
    }));
  }
  const users = data.allowed_mentions?.users?.slice(0, 100) ?? [];
  safe.allowed_mentions = users.length > 0 ? { parse: [], users } : { parse: [] };
  return safe;
}

/** Keeps autocomplete choices within 25, each name and value within 100 characters. */
export function enforceChoices(choices: APIApplicationCommandOptionChoice<string>[]) {
  return choices.slice(0, LIMITS.choices).map((choice) => ({
    name: truncate(choice.name, LIMITS.choiceName) || '…',
    value: truncate(choice.value, LIMITS.choiceValue) || '…',
  }));
}

/** Applies {@link enforceMessage} or {@link enforceChoices} to any reply. Every transport calls it. */
export function enforceReply(reply: Reply): Reply {
  if (reply.kind === 'choices') return { ...reply, choices: enforceChoices(reply.choices) };
  if (reply.kind === 'modal')
    return { ...reply, modal: { ...reply.modal, title: truncate(reply.modal.title, LIMITS.modalTitle) } };
  return { ...reply, data: enforceMessage(reply.data) };
}

/** Whether a message is only shown to the user who asked. */
export function isEphemeral(data: MessageData): boolean {
  return ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
