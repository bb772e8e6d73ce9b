import { userMention } from '@discordjs/formatters';
import { MessageFlags } from 'discord-api-types/v10';
import { t } from '../i18n/index.js';
import type { Actor, Invocation } from '../types.js';
import type { MessageData, Reply } from './payload.js';

/** A reply only the user sees. */
export function ephemeral(data: MessageData, meta?: Reply['meta']): Reply {
  return {
    kind: 'message',
    data: { ...data, flags: (data.flags ?? 0) | MessageFlags.Ephemeral },
    ...(meta ? { meta } : {}),
  };
}

/** A short ephemeral text reply. */
export function notice(content: string, meta?: Reply['meta']): Reply {
  return ephemeral({ content }, meta);
}

/**
 * Whether a command's answer goes to the channel: with `share:true`, or addressed to someone with
 * `for:`. Otherwise it is ephemeral.
 */
export function isPublic(invocation: Invocation): boolean {
  return invocation.options.share === true || typeof invocation.options.for === 'string';
}

/**
 * Wraps an answer for its audience. Ephemeral by default; public with `share:true` ("asked by" the
 * user, pinging nobody); public and addressed with `for:<user>`, pinging only that user.
 */
export function forAudience(invocation: Invocation, data: MessageData, meta?: Reply['meta']): Reply {
  const target = invocation.options.for;
  if (typeof target === 'string') {
    return {
      kind: 'message',
      data: {
        ...data,
        content: t(invocation.locale, 'audience.for', {
          target: userMention(target),
          asker: userMention(invocation.user.id),
        }),
        allowed_mentions: { parse: [], users: [target] },
      },
      ...(meta ? { meta } : {}),
    };
  }
  if (invocation.options.share === true) {
    return {
      kind: 'message',
      data: { ...data, content: askedBy(invocation.user, invocation.locale) },
      ...(meta ? { meta } : {}),
    };
  }
  return ephemeral(data, meta);
}

/** "Asked by @user": a mention that shows the name but, without allowed_mentions, pings nobody. */
export function askedBy(user: Actor, locale?: string): string {
  return t(locale, 'audience.askedBy', { asker: userMention(user.id) });
}
