import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { ButtonStyle, ComponentType, TextInputStyle } from 'discord-api-types/v10';
import { t } from '../i18n/index.js';
import { LIMITS } from '../reply/limits.js';
import { moreCustomId, parseMoreCustomId } from './buttons.js';

/**
 * custom_id prefixes: the 👍/👎 buttons (`feedback:up:<question id>`) and the "What was wrong?"
 * form (`feedback-form:<question id>`, handled in `feedback-form.ts`).
 */
export const FEEDBACK = { button: 'feedback', form: 'feedback-form' } as const;
/** The longest comment the form accepts. */
export const MAX_COMMENT_LENGTH = 300;
/** The custom_id of the form's one text input (its value arrives under this option name). */
export const COMMENT_INPUT = 'comment';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The custom_id of a feedback button: `feedback:up:<id>` or `feedback:down:<id>`. */
export function feedbackCustomId(vote: 'up' | 'down', questionId: string): string {
  return `${FEEDBACK.button}:${vote}:${questionId}`;
}

/** Reads a feedback button's or form's custom_id back; `undefined` when it is not one. */
export function parseFeedbackCustomId(
  customId: string,
): { vote: 'up' | 'down'; questionId: string } | undefined {
  const [prefix, vote, questionId = ''] = customId.split(':');
  if (prefix === FEEDBACK.form && ID.test(vote ?? '')) return { vote: 'down', questionId: vote ?? '' };
  if (prefix !== FEEDBACK.button || (vote !== 'up' && vote !== 'down') || !ID.test(questionId))
    return undefined;
  return { vote, questionId };
}

function feedbackButton(vote: 'up' | 'down', questionId: string): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: feedbackCustomId(vote, questionId),
    emoji: { name: vote === 'up' ? '👍' : '👎' },
    style: ButtonStyle.Secondary,
  };
}

/**
 * The message's components with 👍 and 👎 for the logged question: in the answer's button row
 * when it has room, else in a row of their own (none when the message has no room left). A More
 * button among them then carries the question's id, so the page it shows keeps 👍 and 👎.
 */
export function withFeedbackButtons(
  components: APIActionRowComponent<APIComponentInMessageActionRow>[] | undefined,
  questionId: string,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows = (components ?? []).map((row) => ({
    ...row,
    components: row.components.map((component) => {
      const more =
        component.type === ComponentType.Button && 'custom_id' in component
          ? parseMoreCustomId(component.custom_id)
          : undefined;
      return more ? { ...component, custom_id: moreCustomId(more.offset, more.keys, questionId) } : component;
    }),
  }));
  const buttons = [feedbackButton('up', questionId), feedbackButton('down', questionId)];
  const last = rows.at(-1);
  if (last?.components.every((c) => c.type === ComponentType.Button)) {
    if (last.components.length + buttons.length <= LIMITS.buttonsPerRow)
      return [...rows.slice(0, -1), { ...last, components: [...last.components, ...buttons] }];
  }
  if (rows.length >= LIMITS.actionRows) return components ?? [];
  return [...rows, { type: ComponentType.ActionRow, components: buttons }];
}

/** The "What was wrong?" form shown after a 👎, in the language of `locale`. */
export function commentForm(questionId: string, locale?: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${FEEDBACK.form}:${questionId}`,
    title: t(locale, 'feedback.title'),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: COMMENT_INPUT,
            label: t(locale, 'feedback.label'),
            style: TextInputStyle.Paragraph,
            required: false,
            max_length: MAX_COMMENT_LENGTH,
            placeholder: t(locale, 'feedback.placeholder'),
          },
        ],
      },
    ],
  };
}
