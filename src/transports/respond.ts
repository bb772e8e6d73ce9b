import type {
  APIApplicationCommandOptionChoice,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import { dispatch, replyWithin, willBeEphemeral, willUpdateMessage } from '../../commands/dispatch.js';
import { t } from '../../commands/i18n/index.js';
import { enforceReply } from '../../commands/reply/enforce.js';
import { notice } from '../../commands/reply/messages.js';
import type { MessageData, Reply } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../runtime/app.js';

/**
 * How long a handler may run before a transport defers. Discord drops an interaction that gets no
 * first response within 3 seconds; deferring at 1.5 s leaves room for the network. 0 defers always.
 */
export const DEFER_AFTER_MS = 1500;

/**
 * What a transport can send Discord for one interaction. The first four are the first response
 * (exactly one of them is called, once); the others come after a deferral.
 */
export interface Responder {
  /** Autocomplete results (callback type 8). */
  choices(choices: APIApplicationCommandOptionChoice<string>[]): Promise<void>;
  /** A new message (callback type 4), ephemeral when its flags say so. */
  reply(data: MessageData): Promise<void>;
  /** Edits the message the button is on (callback type 7). */
  update(data: MessageData): Promise<void>;
  /** "Thinking…" (callback type 5), ephemeral or public. */
  deferReply(ephemeral: boolean): Promise<void>;
  /** Acknowledges a button without changing its message yet (callback type 6). */
  deferUpdate(): Promise<void>;
  /** Edits the original response: the deferral, or the button's message after `deferUpdate`. */
  editOriginal(data: MessageData): Promise<void>;
  /** Deletes the original response (a public "thinking…" whose answer must stay private). */
  deleteOriginal(): Promise<void>;
  /** A follow-up message, ephemeral when its flags say so. */
  followUp(data: MessageData): Promise<void>;
  /** A form to fill in (callback type 9), only ever as the first response. */
  modal(data: APIModalInteractionResponseCallbackData): Promise<void>;
}

/** How an interaction was answered, for logs and metrics. */
export type ResponseOutcome = 'inline' | 'deferred' | 'rate_limited';

const isEphemeralData = (data: MessageData) => ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function withoutFlags(data: MessageData): MessageData {
  const { flags: _flags, ...rest } = data;
  return rest;
}

/** The message to send for a reply that is not one (choices, or a form after a deferral). */
function messageOf(reply: Reply, locale?: string): { data: MessageData; update: boolean } {
  if (reply.kind === 'choices' || reply.kind === 'modal') {
    const fallback = enforceReply(notice(t(locale, 'http.nothing')));
    return { data: fallback.kind === 'message' ? fallback.data : {}, update: false };
  }
  return { data: reply.data, update: reply.kind === 'update' };
}

/**
 * The rate limit's answer, when the user is over it: a polite ephemeral note. Autocomplete is
 * never limited (Discord sends one per keystroke).
 */
export async function rateLimitReply(invocation: Invocation, app: App): Promise<Reply | undefined> {
  if (invocation.kind === 'autocomplete' || !app.rateLimiter) return undefined;
  // Shared by the replicas through PostgreSQL when DATABASE_URL says so: then it answers async.
  const waitMs = await app.rateLimiter.take(invocation.user.id);
  if (waitMs <= 0) return undefined;
  return enforceReply(
    notice(t(invocation.locale, 'dispatch.rateLimited', { seconds: Math.ceil(waitMs / 1000) })),
  );
}

/**
 * Sends a finished reply after a deferral. The deferral was made before the reply existed, so the
 * reply may not fit it; then the rules are:
 * - a button deferred as an update gets a new ephemeral message unless the reply is an update,
 *   so the answer under the button stays (an exhausted More says so without wiping it);
 * - a public "thinking…" whose reply is ephemeral (nothing found, an error) is deleted and the
 *   reply sent as an ephemeral follow-up: a not-found answer is never public.
 */
async function finishDeferred(
  reply: Reply,
  locale: string | undefined,
  deferral: 'update' | 'ephemeral' | 'public',
  responder: Responder,
): Promise<void> {
  const { data, update } = messageOf(reply, locale);
  if (deferral === 'update') {
    if (update) await responder.editOriginal(withoutFlags(data));
    else await responder.followUp({ ...data, flags: (data.flags ?? 0) | MessageFlags.Ephemeral });
    return;
  }
  if (deferral === 'public' && isEphemeralData(data)) {
    await responder.deleteOriginal();
    await responder.followUp(data);
    return;
  }
  await responder.editOriginal(withoutFlags(data));
}

/** Options of {@link answerInteraction}. */
export interface AnswerOptions {
  /** How long the handler may run before deferring (default {@link DEFER_AFTER_MS}). */
  deferAfterMs?: number;
  /** Called with the handler's reply once it is ready (metrics count answered questions). */
  onReply?: (reply: Reply) => void;
  /** Called with how the interaction is answered, before its first response is sent. */
  onOutcome?: (outcome: ResponseOutcome) => void;
}

/**
 * Answers one interaction through a transport's {@link Responder}: the one reply and deferral
 * state machine every transport shares. Applies the rate limit, runs the handler, replies inline
 * when the reply is ready within `deferAfterMs`, else defers the right way and finishes later.
 * Resolves once everything has been sent. Dispatch never throws; a failure to reach Discord does.
 */
export async function answerInteraction(
  invocation: Invocation,
  app: App,
  responder: Responder,
  options: AnswerOptions = {},
): Promise<ResponseOutcome> {
  const { deferAfterMs = DEFER_AFTER_MS, onReply, onOutcome } = options;
  const limited = await rateLimitReply(invocation, app);
  if (limited) {
    app.logger.info({ command: invocation.name, kind: invocation.kind, outcome: 'rate-limited' }, 'command');
    onOutcome?.('rate_limited');
    await responder.reply(messageOf(limited).data);
    return 'rate_limited';
  }
  const pending = dispatch(invocation, app.deps).then((reply) => {
    onReply?.(reply);
    return reply;
  });
  if (invocation.kind === 'autocomplete') {
    const reply = await pending;
    onOutcome?.('inline');
    await responder.choices(reply.kind === 'choices' ? reply.choices : []);
    return 'inline';
  }
  const quick = await replyWithin(invocation, pending, deferAfterMs);
  if (quick?.kind === 'modal') {
    onOutcome?.('inline');
    await responder.modal(quick.modal);
    return 'inline';
  }
  if (quick) {
    const { data, update } = messageOf(quick, invocation.locale);
    onOutcome?.('inline');
    if (update && invocation.kind === 'button') await responder.update(withoutFlags(data));
    else await responder.reply(data);
    return 'inline';
  }
  onOutcome?.('deferred');
  let deferral: 'update' | 'ephemeral' | 'public';
  if (willUpdateMessage(invocation)) {
    deferral = 'update';
    await responder.deferUpdate();
  } else {
    deferral = willBeEphemeral(invocation) ? 'ephemeral' : 'public';
    await responder.deferReply(deferral === 'ephemeral');
  }
  await finishDeferred(await pending, invocation.locale, deferral, responder);
  return 'deferred';
}
