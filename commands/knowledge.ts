import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { AddDocumentError, addDocument, removeDocument } from '../src/knowledge/add.js';
import { count } from '../src/text/count.js';
import { localizations, type MessageKey, t } from './i18n/index.js';
import { sourcesReply } from './render/sources.js';
import { escapeText } from './render/text.js';
import { LIMITS } from './reply/limits.js';
import { notice } from './reply/messages.js';
import type { CommandContext, CommandModule, Invocation } from './types.js';

/** A localised name and description from the catalog, for a command or an option. */
const named = (key: string) => ({
  name: t(undefined, `knowledge.${key}.name` as MessageKey),
  name_localizations: localizations(`knowledge.${key}.name` as MessageKey),
  description: t(undefined, `knowledge.${key}.description` as MessageKey),
  description_localizations: localizations(`knowledge.${key}.description` as MessageKey),
});

export const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'knowledge',
  name_localizations: localizations('knowledge.name'),
  description: t(undefined, 'knowledge.description'),
  description_localizations: localizations('knowledge.description'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...named('add'),
      options: [
        { type: ApplicationCommandOptionType.Attachment, ...named('file'), required: true },
        { type: ApplicationCommandOptionType.String, ...named('title'), max_length: 200 },
        { type: ApplicationCommandOptionType.String, ...named('published'), max_length: 10 },
        { type: ApplicationCommandOptionType.String, ...named('url'), max_length: 500 },
        { type: ApplicationCommandOptionType.Boolean, ...named('replace') },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      ...named('remove'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named('document'),
          required: true,
          autocomplete: true,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, ...named('list') },
  ],
};

/** True when the member holds Manage Server (or Administrator), from the interaction's permission bitfield. */
export function canManage(invocation: Invocation): boolean {
  if (invocation.memberPermissions === undefined) return false;
  try {
    const bits = BigInt(invocation.memberPermissions);
    return (bits & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
  } catch {
    return false;
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

async function add(
  invocation: Invocation,
  context: CommandContext,
  admin: NonNullable<CommandContext['knowledgeAdmin']>,
) {
  const attachment = invocation.attachments?.[String(invocation.options.file ?? '')];
  if (!attachment) return notice('Attach the document to the `file` option.');
  const kb = context.knowledge();
  const title = text(invocation.options.title);
  const published = text(invocation.options.published);
  const url = text(invocation.options.url);
  const result = await addDocument(
    kb.dir,
    {
      url: attachment.url,
      filename: attachment.filename,
      size: attachment.size,
      fields: { ...(title ? { title } : {}), ...(published ? { published } : {}), ...(url ? { url } : {}) },
      replace: invocation.options.replace === true,
    },
    { maxBytes: admin.maxBytes, timeoutMs: admin.timeoutMs },
  );
  const report = await context.reload();
  const after = context.knowledge();
  const id = result.document.id;
  const passages = after.passages.filter((p) => p.docId === id).length;
  const figures = after.figures.filter((f) => f.docId === id).length;
  const problems = [...result.problems.map((p) => `${p.field} ${p.message}`), ...report.problems]
    .slice(0, 5)
    .map((line) => `• ${escapeText(line)}`);
  const lines = [
    `${result.replaced ? 'Replaced' : 'Added'} **${escapeText(result.document.title)}** as \`${result.file}\`: ${count(passages, 'passage')}, ${count(figures, 'figure')}.`,
    report.ok
      ? `Now serving ${count(report.documents, 'document')}.`
      : 'The reload failed; the previous knowledge is still serving.',
    ...(problems.length > 0 ? ['Problems:', ...problems] : []),
  ];
  return notice(lines.join('\n').slice(0, LIMITS.content));
}

async function remove(invocation: Invocation, context: CommandContext) {
  const kb = context.knowledge();
  const wanted = text(invocation.options.document) ?? '';
  const doc =
    kb.documentsById.get(wanted) ?? kb.documents.find((d) => d.file === wanted || d.title === wanted);
  if (!doc) return notice(`No document \`${escapeText(wanted)}\`. Pick one from the list as you type.`);
  await removeDocument(kb.dir, doc.file);
  const report = await context.reload();
  return notice(
    `Removed **${escapeText(doc.title)}** (\`${escapeText(doc.file)}\`). Now serving ${count(report.documents, 'document')}.`,
  );
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  slow: true,
  async execute(invocation, context) {
    if (invocation.subcommand === 'list') return sourcesReply(context.knowledge(), invocation.locale);
    // default_member_permissions can be changed by a server's admins: check here too.
    if (!canManage(invocation))
      return notice('You need the Manage Server permission to change the documents.');
    const admin = context.knowledgeAdmin;
    if (!admin) return notice('Documents cannot be added or removed here.');
    if (admin.refusal) return notice(admin.refusal);
    try {
      if (invocation.subcommand === 'add') return await add(invocation, context, admin);
      if (invocation.subcommand === 'remove') return await remove(invocation, context);
    } catch (error) {
      if (error instanceof AddDocumentError) return notice(error.message);
      throw error;
    }
    return notice('Use `/knowledge add`, `/knowledge remove` or `/knowledge list`.');
  },
  autocomplete(invocation, context) {
    const typed = (invocation.focused?.value ?? '').toLowerCase();
    const choices = context
      .knowledge()
      .documents.filter((d) => d.title.toLowerCase().includes(typed) || d.id.includes(typed))
      .slice(0, LIMITS.choices)
      .map((d) => ({ name: d.title.slice(0, 100), value: d.id.slice(0, 100) }));
    return { kind: 'choices', choices };
  },
};
