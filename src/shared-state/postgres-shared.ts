import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { PostgresDriver } from '../insights/postgres-driver.js';
import { SqlInsightsStore } from '../insights/sql-store.js';
import type { SharedDocument } from './documents.js';

export type { SharedDocument };

/** The channel replicas are told on that the knowledge changed (a reload, an added document). */
export const CHANNEL = 'factdesk_knowledge';
const VERSION = 'knowledge';
/** Idle users' rows of the rate limit are deleted once every this many uses (one indexed DELETE). */
const PRUNE_EVERY = 1000;

/**
 * State the HTTP replicas share through PostgreSQL: the per-user rate limit, the knowledge
 * version (bumped by `/reload` and by an added document, announced with NOTIFY and also polled,
 * so a replica that missed a notification catches up) and the documents added at run time.
 */
export class PostgresSharedState {
  /** Tells this process's own announcements from the others'. */
  readonly origin = randomBytes(6).toString('hex');
  private seen = -1;
  private listener: pg.Client | undefined;
  private poller: NodeJS.Timeout | undefined;
  private closed = false;
  private ready: Promise<void> | undefined;
  private takes = 0;

  constructor(
    readonly driver: PostgresDriver,
    private readonly logger: Logger,
  ) {}

  /** The schema (shared with the insights store), once; retried after a failure. */
  prepare(): Promise<void> {
    this.ready ??= new SqlInsightsStore(this.driver).migrate();
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }

  /**
   * Records a use by `key` and returns 0 when allowed, or the milliseconds to wait: at most `max`
   * (at least 1) uses in any `windowMs` across every replica (the sliding window of the
   * per-replica limiter).
   * One statement, one round trip, atomic: the user's row is inserted or, when it exists, locked
   * by `ON CONFLICT DO UPDATE`, which forgets the uses older than the window and records this one
   * when fewer than `max` remain. Concurrent requests of one user on any replicas wait for each
   * other's row update, so exactly `max` get through.
   */
  async take(key: string, max: number, windowMs: number, now = Date.now()): Promise<number> {
    await this.prepare();
    const cutoff = now - windowMs;
    const recent = 'ARRAY(SELECT u FROM unnest(r.uses::bigint[]) AS u WHERE u > ? ORDER BY u)';
    const [row] = await this.driver.query(
      `INSERT INTO rate_limits AS r (key, uses, allowed, at)
       VALUES (?, ARRAY[?::bigint]::text, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         allowed = CASE WHEN cardinality(${recent}) < ? THEN 1 ELSE 0 END,
         uses = CASE WHEN cardinality(${recent}) < ? THEN array_append(${recent}, ?::bigint)
                ELSE ${recent} END::text,
         at = excluded.at
       RETURNING allowed, CASE WHEN allowed = 0 THEN (uses::bigint[])[1] END AS first`,
      [key, now, now, cutoff, max, cutoff, max, cutoff, now, cutoff],
    );
    if (++this.takes % PRUNE_EVERY === 0) await this.prune(cutoff);
    if (Number(row?.allowed) === 1) return 0;
    // Refused: the window is full until its oldest use leaves it.
    const first = Number(row?.first ?? now);
    return Math.max(1, windowMs - (now - first));
  }

  /** Forgets the users whose last request left the window (every {@link PRUNE_EVERY} uses). */
  private async prune(cutoff: number): Promise<void> {
    await this.driver.query('DELETE FROM rate_limits WHERE at <= ?', [cutoff]).catch((error: unknown) => {
      this.logger.debug({ err: error }, 'shared rate limit: could not prune idle users');
    });
  }

  /** The knowledge version now (0 before the first change). */
  async version(): Promise<number> {
    await this.prepare();
    const [row] = await this.driver.query('SELECT version FROM shared_versions WHERE name = ?', [VERSION]);
    return Number(row?.version ?? 0);
  }

  /** Bumps the knowledge version and tells the other replicas (after this one has reloaded). */
  async announce(reason: 'reload' | 'document'): Promise<void> {
    await this.prepare();
    const [row] = await this.driver.query(
      `INSERT INTO shared_versions (name, version) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET version = shared_versions.version + 1 RETURNING version`,
      [VERSION],
    );
    this.seen = Number(row?.version ?? this.seen);
    await this.driver.query('SELECT pg_notify(?, ?)', [
      CHANNEL,
      JSON.stringify({ origin: this.origin, reason }),
    ]);
  }

  /**
   * Stores a document. Returns false, storing nothing, when one of that name is stored (and not
   * removed) and `replace` is not set: two replicas adding the same name at once keep one.
   * A document given without a sidecar keeps the sidecar stored with its previous version.
   */
  async addDocument(document: SharedDocument, options: { replace?: boolean } = {}): Promise<boolean> {
    await this.prepare();
    const text = typeof document.content === 'string' ? document.content : textOf(document.content);
    const [encoding, content] =
      text === undefined ? ['base64', Buffer.from(document.content).toString('base64')] : ['utf8', text];
    const rows = await this.driver.query(
      `INSERT INTO documents (id, file_name, content, encoding, sidecar, removed_sha256, added_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (id) DO UPDATE SET content = excluded.content, encoding = excluded.encoding,
         sidecar = COALESCE(excluded.sidecar, documents.sidecar), removed_sha256 = NULL,
         added_at = excluded.added_at
       WHERE documents.removed_sha256 IS NOT NULL OR ?
       RETURNING id`,
      [
        document.fileName,
        document.fileName,
        content,
        encoding,
        document.sidecar ?? null,
        Date.now(),
        options.replace === true,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Records that a document was removed (`sha256`: of the file removed), so every replica deletes
   * it from its folder, now and when it starts; adding it again brings it back.
   */
  async removeDocument(fileName: string, sha256: string): Promise<void> {
    await this.prepare();
    await this.driver.query(
      `INSERT INTO documents (id, file_name, content, encoding, sidecar, removed_sha256, added_at)
       VALUES (?, ?, '', 'utf8', NULL, ?, ?)
       ON CONFLICT (id) DO UPDATE SET content = '', encoding = 'utf8', sidecar = NULL,
         removed_sha256 = excluded.removed_sha256, added_at = excluded.added_at`,
      [fileName, fileName, sha256, Date.now()],
    );
  }

  /** The documents added (and removed) at run time, oldest first. */
  async documents(): Promise<SharedDocument[]> {
    await this.prepare();
    const rows = await this.driver.query(
      'SELECT file_name, content, encoding, sidecar, removed_sha256 FROM documents ORDER BY added_at, id',
    );
    return rows.map((row) => ({
      fileName: String(row.file_name),
      content: row.encoding === 'base64' ? Buffer.from(String(row.content), 'base64') : String(row.content),
      ...(row.sidecar !== null && row.sidecar !== undefined ? { sidecar: String(row.sidecar) } : {}),
      ...(row.removed_sha256 ? { removedSha256: String(row.removed_sha256) } : {}),
    }));
  }

  /**
   * Calls `onChange` when another replica changed the knowledge: at once on NOTIFY, and on each
   * poll (every `pollMs`) that finds a newer version, so a lost connection costs at most a poll.
   */
  async watch(onChange: () => Promise<void>, pollMs = 5000): Promise<void> {
    this.seen = await this.version().catch(() => this.seen);
    // One check at a time; a notice arriving meanwhile is caught by the next poll.
    let busy = false;
    const check = async () => {
      if (busy) return;
      busy = true;
      try {
        const version = await this.version();
        if (version > this.seen) {
          this.seen = version;
          await onChange();
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'shared state: could not read the knowledge version');
      } finally {
        busy = false;
      }
    };
    const connect = async () => {
      if (this.closed) return;
      const client = new pg.Client({
        connectionString: this.driver.connectionString,
        connectionTimeoutMillis: 2000,
      });
      client.on('error', () => {
        if (this.listener === client) this.listener = undefined;
      });
      client.on('notification', (message) => {
        try {
          const { origin } = JSON.parse(message.payload ?? '{}') as { origin?: string };
          if (origin !== this.origin) void check();
        } catch {
          void check();
        }
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        this.listener = client;
      } catch {
        await client.end().catch(() => undefined);
      }
    };
    await connect();
    this.poller = setInterval(() => {
      if (!this.listener) void connect();
      void check();
    }, pollMs).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}

/**
 * The bytes as text when they are UTF-8 that PostgreSQL's TEXT can hold (no NUL), so a Markdown
 * document stays readable in the database; `undefined` for a PDF, a Word file or other bytes.
 */
function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
