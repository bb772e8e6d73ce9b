import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { t } from '../i18n/index.js';
import { LIMITS } from '../reply/limits.js';

/** custom_id prefixes of factdesk's buttons. */
export const BUTTON = { share: 'share', more: 'more', cite: 'cite' } as const;

/** The label of the share button, as users know it (in English). */
export const SHARE_LABEL = t(undefined, 'button.share');

function button(
  custom_id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id, label, style };
}

/**
 * The custom_id of "More": the next offset and, when it fits in 100 characters, the question;
 * a longer question is read back from the message itself.
 *
 * @example
 * moreCustomId(3, 'GDP of Guangdong') // → 'more:3:GDP of Guangdong'
 */
export function moreCustomId(offset: number, question: string): string {
  const id = `${BUTTON.more}:${offset}:${question}`;
  return id.length <= LIMITS.customId ? id : `${BUTTON.more}:${offset}`;
}

/** Reads a "More" custom_id back. */
export function parseMoreCustomId(customId: string): { offset: number; question?: string } {
  const [, offset = '0', ...rest] = customId.split(':');
  const question = rest.join(':');
  return { offset: Math.max(0, Number.parseInt(offset, 10) || 0), ...(question ? { question } : {}) };
}

/** The buttons under an answer: Share (on an ephemeral answer), More (when more passages match), Cite. */
export function answerButtons(options: {
  shareable: boolean;
  more?: { offset: number; question: string };
  /** The language of the labels (English when absent). */
  locale?: string;
}): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (options.shareable)
    buttons.push(button(BUTTON.share, t(options.locale, 'button.share'), ButtonStyle.Primary));
  if (options.more)
    buttons.push(
      button(
        moreCustomId(options.more.offset, options.more.question),
        t(options.locale, 'button.more'),
        ButtonStyle.Secondary,
      ),
    );
  buttons.push(button(BUTTON.cite, t(options.locale, 'button.cite'), ButtonStyle.Secondary));
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
