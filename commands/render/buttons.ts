import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { t } from '../i18n/index.js';
import { LIMITS } from '../reply/limits.js';
import { joinKeys, KEY_LENGTH, splitKeys } from './keys.js';

/** custom_id prefixes of factdesk's buttons. */
export const BUTTON = { share: 'share', more: 'more', cite: 'cite' } as const;

/** The label of the share button, as users know it (in English). */
export const SHARE_LABEL = t(undefined, 'button.share');

/** What a stale or unknown button says, in the language of `locale`. */
export function expiredButton(locale?: string): string {
  return t(locale, 'button.expired');
}

/** What a stale or unknown button says, in English (see {@link expiredButton}). */
export const EXPIRED_BUTTON = expiredButton();

/** The most passages a "More" custom id can name after its prefix and offset. */
export const MORE_KEYS = Math.floor((LIMITS.customId - `${BUTTON.more}:999:`.length) / KEY_LENGTH);

function button(
  custom_id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id, label, style };
}

/**
 * The custom_id of "More": the offset of the next page and the keys of the passages that follow,
 * so the next page is rebuilt from the knowledge base, whatever the question's length; and, when
 * the answer has 👍/👎, the id of the question they rate, so the next page keeps them (then fewer
 * keys fit in the 100 characters).
 *
 * @example
 * moreCustomId(3, ['AbCdEfG', 'HiJkLmN']) // → 'more:3:AbCdEfGHiJkLmN'
 * moreCustomId(3, ['AbCdEfG'], 'q1') // → 'more:3:AbCdEfG:q1'
 */
export function moreCustomId(offset: number, keys: readonly string[], questionId?: string): string {
  const tail = questionId ? `:${questionId}` : '';
  const room = Math.floor((LIMITS.customId - `${BUTTON.more}:${offset}:`.length - tail.length) / KEY_LENGTH);
  return `${BUTTON.more}:${offset}:${joinKeys(keys.slice(0, Math.min(MORE_KEYS, room)))}${tail}`;
}

/** Reads a "More" custom_id back; `undefined` when it is not one factdesk makes now. */
export function parseMoreCustomId(
  customId: string,
): { offset: number; keys: string[]; questionId?: string } | undefined {
  const match = /^more:(\d{1,3}):([\w-]+)(?::([\w-]{1,40}))?$/.exec(customId);
  const keys = match ? splitKeys(match[2] ?? '') : undefined;
  if (!match || !keys) return undefined;
  return { offset: Number(match[1]), keys, ...(match[3] ? { questionId: match[3] } : {}) };
}

/** The custom_id of "Cite": the keys of the passages the message quotes. */
export function citeCustomId(keys: readonly string[]): string {
  return `${BUTTON.cite}:${joinKeys(keys.slice(0, MORE_KEYS))}`;
}

/** Reads a "Cite" custom_id back; `undefined` when it is not one factdesk makes now. */
export function parseCiteCustomId(customId: string): string[] | undefined {
  const match = /^cite:([\w-]+)$/.exec(customId);
  return match ? splitKeys(match[1] ?? '') : undefined;
}

/**
 * The buttons under an answer: Share (on an ephemeral answer), More (when passages follow), Cite
 * (for the passages shown).
 */
export function answerButtons(options: {
  shareable: boolean;
  cite: readonly string[];
  more?: { offset: number; keys: readonly string[] };
  /** The language of the labels (English when absent). */
  locale?: string;
}): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (options.shareable)
    buttons.push(button(BUTTON.share, t(options.locale, 'button.share'), ButtonStyle.Primary));
  if (options.more && options.more.keys.length > 0)
    buttons.push(
      button(
        moreCustomId(options.more.offset, options.more.keys),
        t(options.locale, 'button.more'),
        ButtonStyle.Secondary,
      ),
    );
  if (options.cite.length > 0)
    buttons.push(button(citeCustomId(options.cite), t(options.locale, 'button.cite'), ButtonStyle.Secondary));
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
