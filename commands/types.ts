import type { APIEmbed, RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { InsightsRecorder } from '../src/insights/recorder.js';
import type { DocumentStore } from '../src/knowledge/add.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import type { LoadReport } from '../src/types.js';
import type { Reply } from './reply/payload.js';

/** Who triggered an interaction. */
export interface Actor {
  id: string;
  /** Display name, for "asked by …" lines (never used to ping). */
  name: string;
}

/**
 * An interaction as every transport sees it, whatever it came from (gateway, HTTP endpoint,
 * console): the command or button, its options, who used it, and the message it points at.
 */
export interface Invocation {
  kind: 'command' | 'autocomplete' | 'button' | 'message-menu' | 'modal';
  /**
   * Command name (`ask`, `Find in factdesk`) or, for a button or a submitted modal, the custom_id
   * prefix (`share`, `feedback-form`).
   */
  name: string;
  /** Option values by name; a user option holds the user's id; a modal's text inputs by custom_id. */
  options: Record<string, string | number | boolean | undefined>;
  /** For autocomplete: the option being typed. */
  focused?: { name: string; value: string };
  /** For a button or a submitted modal: its full custom_id. */
  customId?: string;
  user: Actor;
  /**
   * The member's permissions in the channel (Discord's bitfield as a decimal string), when the
   * transport knows them; handlers that need a permission check it themselves, since server admins
   * can override a command's `default_member_permissions`.
   */
  permissions?: string;
  /**
   * The user's language as Discord names it (`zh-CN`, `en-US`, …), or from `LANG` on the console
   * and the CLI. Replies are written in it (Chinese for `zh-*`, English otherwise).
   */
  locale?: string;
  channelId?: string;
  guildId?: string;
  /** For a button, the message it sits on; for a message menu, the selected message. */
  message?: { id: string; content: string; embeds: APIEmbed[] };
  /** The subcommand used (`add` of `/knowledge add`). */
  subcommand?: string;
  /** Attachments of attachment options, by the option's value (the attachment id). */
  attachments?: Record<string, AttachmentRef>;
  /** The member's permissions in the channel (Discord's bitfield as a decimal string), in a guild. */
  memberPermissions?: string;
}

/** A file attached to a command option. */
export interface AttachmentRef {
  url: string;
  filename: string;
  size: number;
  contentType?: string;
}

/** What `/knowledge add|remove` needs: where documents go, the upload limits, and whether it may write at all. */
export interface KnowledgeAdmin {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** How long a download may take, in milliseconds. */
  timeoutMs: number;
  /**
   * Where documents are kept and reloaded: this replica's folder, or (with PostgreSQL) the state
   * the replicas share, so that every replica serves them.
   */
  store: DocumentStore;
  /**
   * Why documents cannot be added here, or undefined when they can: several replicas (`REPLICAS`)
   * without a database they share, so a document would reach only one of them.
   */
  refusal?: { reason: 'replicas'; replicas: number };
}

/** The outcome of a (re)load, as `/reload` reports it (a core type: the shared state reports it too). */
export type { LoadReport };

/**
 * What a handler may use. Passed in by the transport: handlers hold no state of their own.
 */
export interface CommandContext {
  /** The knowledge base now serving (it changes on `/reload`). */
  knowledge(): KnowledgeBase;
  /** Reloads the knowledge folder; a failed reload keeps the old knowledge serving. */
  reload(): Promise<LoadReport>;
  logger: Logger;
  /** The question log and feedback; absent with `INSIGHTS=off`. */
  insights?: InsightsRecorder;
  /** Adding and removing documents from Discord; absent where the transport does not offer it. */
  knowledgeAdmin?: KnowledgeAdmin;
}

/** A slash command or context-menu command: its definition and its handlers. */
export interface CommandModule {
  /** The definition registered with Discord (name, options, permissions). */
  definition: RESTPostAPIApplicationCommandsJSONBody;
  /** Whether the reply will be ephemeral, known before running it (to defer the right way). */
  ephemeral(invocation: Invocation): boolean;
  execute(invocation: Invocation, context: CommandContext): Reply | Promise<Reply>;
  /** True when the command may take seconds (it reads files): transports defer before running it. */
  slow?: boolean;
  autocomplete?(invocation: Invocation, context: CommandContext): Reply;
}

/** A button (or modal submit) handler, found by the prefix of the custom_id (`share`, `more:3:…`). */
export interface ButtonModule {
  prefix: string;
  ephemeral(invocation: Invocation): boolean;
  /** True when the button edits the message it sits on (a deferral must then be an update). */
  updatesMessage: boolean;
  execute(invocation: Invocation, context: CommandContext): Reply | Promise<Reply>;
}
