import type { LoggedCommand } from '../src/insights/types.js';
import { withFeedbackButtons } from './render/feedback.js';
import type { Reply } from './reply/payload.js';
import type { CommandContext, Invocation } from './types.js';

/** The commands whose questions are logged, by the name their invocation carries. */
const LOGGED: Record<string, LoggedCommand> = { ask: 'ask', figure: 'figure', 'Find in factdesk': 'find' };

/**
 * Queues the log row of a question (`/ask`, `/figure`, Find in factdesk) and returns the reply
 * with 👍/👎 under an answer. Anything else, or with insights off, returns the reply unchanged.
 * Only queues: the database is written later, in batches, off the reply's path.
 */
export function recordQuestion(
  invocation: Invocation,
  reply: Reply,
  context: CommandContext,
  latencyMs: number,
): Reply {
  const recorder = context.insights;
  const command =
    invocation.kind === 'command' || invocation.kind === 'message-menu' ? LOGGED[invocation.name] : undefined;
  const question = reply.meta?.question;
  if (!recorder || !command || !question || reply.kind !== 'message') return reply;
  const id = recorder.newId();
  recorder.record({
    id,
    command,
    ...question,
    answered: reply.meta?.answered ?? false,
    latencyMs: Math.round(latencyMs * 100) / 100,
    userId: invocation.user.id,
    ...(invocation.guildId ? { guildId: invocation.guildId } : {}),
    ...(invocation.channelId ? { channelId: invocation.channelId } : {}),
    ...(invocation.locale ? { locale: invocation.locale } : {}),
  });
  if (!reply.meta?.answered) return reply;
  return { ...reply, data: { ...reply.data, components: withFeedbackButtons(reply.data.components, id) } };
}
