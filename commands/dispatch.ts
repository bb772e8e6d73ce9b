import { randomBytes } from 'node:crypto';
import { t } from './i18n/index.js';
import { buttonsByPrefix, commandsByName } from './index.js';
import { recordQuestion } from './record-question.js';
import { expiredButton } from './render/buttons.js';
import { enforceReply } from './reply/enforce.js';
import { notice } from './reply/messages.js';
import type { Reply } from './reply/payload.js';
import type { CommandContext, Invocation } from './types.js';

/** What a transport needs to answer interactions. */
export interface DispatchDeps {
  context: CommandContext;
}

/** A short id that ties the apology a user sees to the log line with the stack. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

function handlerOf(invocation: Invocation) {
  return invocation.kind === 'button' || invocation.kind === 'modal'
    ? buttonsByPrefix.get(invocation.name)
    : commandsByName.get(invocation.name);
}

/**
 * Whether the reply to an invocation will be ephemeral, known before it runs, so a transport that
 * must defer (Discord's 3-second window) defers the right way.
 */
export function willBeEphemeral(invocation: Invocation): boolean {
  return handlerOf(invocation)?.ephemeral(invocation) ?? true;
}

/** Whether a command is known to be slow (it reads files): transports defer it before running it. */
export function isSlow(invocation: Invocation): boolean {
  return invocation.kind === 'command' && (commandsByName.get(invocation.name)?.slow ?? false);
}

/**
 * The reply, if it is ready within `deferAfterMs`; `undefined` when the transport must defer first
 * (at once for a slow command or a threshold of 0). Shared by every transport that owes Discord a
 * first response within 3 seconds.
 */
export async function replyWithin(
  invocation: Invocation,
  pending: Promise<Reply>,
  deferAfterMs: number,
): Promise<Reply | undefined> {
  if (deferAfterMs <= 0 || isSlow(invocation)) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), deferAfterMs);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the reply to a button edits the message it is on (so a deferral is an update). */
export function willUpdateMessage(invocation: Invocation): boolean {
  return invocation.kind === 'button' && (buttonsByPrefix.get(invocation.name)?.updatesMessage ?? false);
}

/**
 * Runs the handler of an invocation and returns a reply within Discord's limits. Never throws:
 * an unknown command or a failing handler gets a polite ephemeral
 * message, and a failure is logged once with its stack and an error id the user also sees.
 * Logs one line per command: name, latency, outcome, whether it was answered (no message content).
 */
export async function dispatch(invocation: Invocation, deps: DispatchDeps): Promise<Reply> {
  const started = performance.now();
  const { logger } = deps.context;
  const log = (outcome: string, reply?: Reply, extra: Record<string, unknown> = {}) => {
    if (invocation.kind === 'autocomplete') return;
    logger.info(
      {
        command: invocation.name,
        kind: invocation.kind,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        outcome,
        ...(reply?.meta?.answered !== undefined ? { answered: reply.meta.answered } : {}),
        ...extra,
      },
      'command',
    );
  };

  const handler = handlerOf(invocation);
  if (!handler) {
    log('unknown');
    // A button factdesk no longer makes (or never made) is a stale one: say so, and what to do.
    if (invocation.kind === 'button') return enforceReply(notice(expiredButton(invocation.locale)));
    return enforceReply(notice(t(invocation.locale, 'dispatch.unknown')));
  }
  try {
    let reply: Reply;
    if (invocation.kind === 'autocomplete') {
      const command = commandsByName.get(invocation.name);
      reply = command?.autocomplete?.(invocation, deps.context) ?? { kind: 'choices', choices: [] };
    } else {
      reply = await handler.execute(invocation, deps.context);
      // Insights: queue the question's log row (written later, in batches) and add 👍/👎.
      reply = recordQuestion(invocation, reply, deps.context, performance.now() - started);
    }
    const safe = enforceReply(reply);
    log('ok', safe);
    return safe;
  } catch (error) {
    const errorId = newErrorId();
    logger.error({ err: error, errorId, command: invocation.name, kind: invocation.kind }, 'command failed');
    if (invocation.kind === 'autocomplete') return { kind: 'choices', choices: [] };
    return enforceReply(notice(t(invocation.locale, 'dispatch.failed', { errorId })));
  }
}
