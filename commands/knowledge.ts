import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import {
  AddDocumentError,
  type AddRefusal,
  type DocumentStore,
  prepareDocument,
} from '../src/knowledge/add.js';
import { countOf, localizations, type MessageKey, t } from './i18n/index.js';
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

/** Why a document was refused, in the language of `locale`. */
export function refusalMessage(locale: string | undefined, refusal: AddRefusal): string {
  const { reason, ...vars } = refusal;
  return t(locale, `knowledge.error.${reason}`, vars);
}

async function add(
  invocation: Invocation,
  context: CommandContext,
  admin: NonNullable<CommandContext['knowledgeAdmin']>,
) {
  const { locale } = invocation;
  const attachment = invocation.attachments?.[String(invocation.options.file ?? '')];
  if (!attachment) return notice(t(locale, 'knowledge.reply.attach'));
  const title = text(invocation.options.title);
  const published = text(invocation.options.published);
  const url = text(invocation.options.url);
  const replace = invocation.options.replace === true;
  // Downloaded and validated (a PDF or a large file in a worker thread) before anything is written.
  const prepared = await prepareDocument(
    {
      url: attachment.url,
      filename: attachment.filename,
      size: attachment.size,
      fields: { ...(title ? { title } : {}), ...(published ? { published } : {}), ...(url ? { url } : {}) },
      replace,
    },
    { maxBytes: admin.maxBytes, timeoutMs: admin.timeoutMs },
    admin.store,
  );
  // Kept in the folder or, with replicas sharing PostgreSQL, for every replica; then reloaded
  // off the main thread.
  const report = await admin.store.add(prepared, { replace });
  const after = context.knowledge();
  const id = prepared.document.id;
  const passages = after.passages.filter((p) => p.docId === id).length;
  const figures = after.figures.filter((f) => f.docId === id).length;
  const problems = [...prepared.problems.map((p) => `${p.field} ${p.message}`), ...report.problems]
    .slice(0, 5)
    .map((line) => `• ${escapeText(line)}`);
  const lines = [
    t(locale, prepared.replaced ? 'knowledge.reply.replaced' : 'knowledge.reply.added', {
      title: escapeText(prepared.document.title),
      file: prepared.file,
      passages: countOf(locale, passages, 'passage'),
      figures: countOf(locale, figures, 'figure'),
    }),
    report.ok
      ? t(locale, 'knowledge.reply.serving', { documents: countOf(locale, report.documents, 'document') })
      : t(locale, 'knowledge.reply.reloadFailed'),
    ...(problems.length > 0 ? [t(locale, 'knowledge.reply.problems'), ...problems] : []),
  ];
  return notice(lines.join('\n').slice(0, LIMITS.content));
}

async function remove(invocation: Invocation, context: CommandContext, store: DocumentStore) {
  const { locale } = invocation;
  const kb = context.knowledge();
  const wanted = text(invocation.options.document) ?? '';
  const doc =
    kb.documentsById.get(wanted) ?? kb.documents.find((d) => d.file === wanted || d.title === wanted);
  if (!doc) return notice(t(locale, 'knowledge.reply.noDocument', { name: escapeText(wanted) }));
  const report = await store.remove(doc.file);
  return notice(
    t(locale, 'knowledge.reply.removed', {
      title: escapeText(doc.title),
      file: escapeText(doc.file),
      documents: countOf(locale, report.documents, 'document'),
    }),
  );
}

/** The documents with their files (what `remove` takes) and passage counts, within one message. */
function list(invocation: Invocation, context: CommandContext) {
  const { locale } = invocation;
  const kb = context.knowledge();
  const lines = kb.documents.map((d) =>
    t(locale, 'knowledge.reply.listLine', {
      title: escapeText(d.title),
      file: escapeText(d.file),
      passages: countOf(locale, kb.passages.filter((p) => p.docId === d.id).length, 'passage'),
    }),
  );
  let content = t(locale, 'knowledge.reply.listHead', {
    documents: countOf(locale, kb.documents.length, 'document'),
  });
  for (const [i, line] of lines.entries()) {
    const more = t(locale, 'knowledge.reply.listMore', { n: lines.length - i });
    if (content.length + line.length + 1 + more.length > LIMITS.content) {
      content += more;
      break;
    }
    content += `\n${line}`;
  }
  return notice(content);
}

export const command: CommandModule = {
  definition,
  ephemeral: () => true,
  slow: true,
  async execute(invocation, context) {
    const { locale } = invocation;
    if (invocation.subcommand === 'list') return list(invocation, context);
    // default_member_permissions can be changed by a server's admins: check here too.
    if (!canManage(invocation)) return notice(t(locale, 'knowledge.reply.forbidden'));
    const admin = context.knowledgeAdmin;
    if (!admin) return notice(t(locale, 'knowledge.reply.unavailable'));
    if (admin.refusal)
      return notice(t(locale, 'knowledge.reply.replicas', { replicas: admin.refusal.replicas }));
    try {
      if (invocation.subcommand === 'add') return await add(invocation, context, admin);
      if (invocation.subcommand === 'remove') return await remove(invocation, context, admin.store);
    } catch (error) {
      if (error instanceof AddDocumentError) return notice(refusalMessage(locale, error.refusal));
      throw error;
    }
    return notice(t(locale, 'knowledge.reply.usage'));
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
