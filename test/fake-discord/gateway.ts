/**
 * The fake gateway: a WebSocket server (package `ws`) speaking Discord's gateway protocol v10 with
 * JSON encoding — HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME → RESUMED, and
 * dispatches. `compress=zlib-stream` (what discord.js asks for when `zlib-sync` is installed) and
 * identify-level `compress: true` are supported; other encodings/compressions are refused with a
 * close code and a recorded problem.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createDeflate, type Deflate, deflateSync, constants as zlibConstants } from 'node:zlib';
import { type WebSocket, WebSocketServer } from 'ws';
import { isObject, type Json, type Signal } from './util.js';
import type { World } from './world.js';

/** Gateway opcodes used here. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Counters a test can wait on. */
export interface GatewayStats {
  connections: number;
  identifies: number;
  /** READY dispatches sent (one per successful IDENTIFY). */
  readies: number;
  /** RESUMED dispatches sent. */
  resumes: number;
  heartbeats: number;
  /** Times the fake dropped the connection on purpose. */
  drops: number;
}

/** A frame the client sent. */
export interface ReceivedFrame {
  op: number;
  d: unknown;
  at: number;
}

/** What the gateway needs from the fake. */
export interface GatewayContext {
  world: World;
  botToken: string;
  heartbeatIntervalMs: number;
  /** `ws://127.0.0.1:PORT`. */
  url: string;
  signal: Signal;
  problem(text: string): void;
}

class Connection {
  identified = false;
  identifyCompress = false;
  readonly #deflate: Deflate | undefined;
  #pending: Buffer[] = [];

  constructor(
    readonly socket: WebSocket,
    zlibStream: boolean,
  ) {
    if (zlibStream) {
      this.#deflate = createDeflate();
      this.#deflate.on('data', (chunk: Buffer) => this.#pending.push(chunk));
    }
  }

  send(payload: Json): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const text = JSON.stringify(payload);
    if (this.#deflate) {
      // One zlib context for the whole connection; each payload ends with a Z_SYNC_FLUSH marker.
      this.#deflate.write(text);
      this.#deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
        const frame = Buffer.concat(this.#pending);
        this.#pending = [];
        if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame, { binary: true });
      });
    } else if (this.identifyCompress) {
      this.socket.send(deflateSync(text), { binary: true });
    } else {
      this.socket.send(text);
    }
  }

  close(code: number, reason: string): void {
    if (code === 1006) this.socket.terminate();
    else this.socket.close(code, reason);
  }

  dispose(): void {
    this.#deflate?.destroy();
  }
}

/** The gateway side of the fake. One session (shard 0 of 1). */
export class FakeGateway {
  readonly stats: GatewayStats = {
    connections: 0,
    identifies: 0,
    readies: 0,
    resumes: 0,
    heartbeats: 0,
    drops: 0,
  };
  /** Frames the client sent, in order. */
  readonly received: ReceivedFrame[] = [];
  /** The last IDENTIFY's `d`. */
  identifyPayload: Json | undefined;
  readonly #wss: WebSocketServer;
  readonly #ctx: GatewayContext;
  readonly #connections = new Set<Connection>();
  #session: { id: string; seq: number } | undefined;
  /** The connection that identified or resumed last and is still open. */
  #live: Connection | undefined;
  /** Dispatches created while no connection was live, sent after the next READY/RESUMED. */
  #queue: Array<{ t: string; d: Json; onSent?: () => void }> = [];

  constructor(server: Server, ctx: GatewayContext) {
    this.#ctx = ctx;
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, request) => this.#onConnection(socket, request.url ?? '/'));
  }

  /** Whether a client session is connected and ready for dispatches. */
  get live(): boolean {
    return this.#live !== undefined;
  }

  /** Sends a dispatch now if a session is live, else queues it for the next READY/RESUMED. */
  dispatch(t: string, d: Json, onSent?: () => void): void {
    this.#queue.push({ t, d, onSent });
    if (this.#live) this.#flush(this.#live);
  }

  /**
   * Closes the live connection with `code`: 4000 (unknown error) and most 4xxx/1xxx codes make
   * discord.js RESUME; 1006 terminates the TCP connection without a close frame; 1000 makes it
   * re-IDENTIFY. Does nothing if no connection is live.
   */
  drop(code = 4000): void {
    const live = this.#live;
    if (!live) return;
    this.stats.drops++;
    this.#live = undefined;
    live.close(code, 'fake-discord: dropped by the test');
    this.#ctx.signal.notify();
  }

  /** Closes every connection and the WebSocket server. */
  async close(): Promise<void> {
    for (const connection of this.#connections) connection.close(1006, '');
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, rawUrl: string): void {
    const query = new URL(rawUrl, 'ws://fake-discord.invalid').searchParams;
    const compress = query.get('compress');
    const connection = new Connection(socket, compress === 'zlib-stream');
    this.#connections.add(connection);
    this.stats.connections++;
    socket.on('close', () => {
      this.#connections.delete(connection);
      if (this.#live === connection) this.#live = undefined;
      connection.dispose();
      this.#ctx.signal.notify();
    });
    socket.on('error', () => {});

    if (query.get('v') !== '10') {
      this.#ctx.problem(`gateway: client asked for API version ${String(query.get('v'))}, not 10`);
      connection.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.#ctx.problem(`gateway: encoding ${String(query.get('encoding'))} is not supported by the fake`);
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    if (compress !== null && compress !== 'zlib-stream') {
      this.#ctx.problem(`gateway: compress=${compress} is not supported by the fake`);
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    socket.on('message', (data, isBinary) => this.#onMessage(connection, data as Buffer, isBinary));
    connection.send({
      op: Op.Hello,
      d: { heartbeat_interval: this.#ctx.heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  #onMessage(connection: Connection, data: Buffer, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data.toString('utf8'));
    } catch {
      payload = undefined;
    }
    if (isBinary || !isObject(payload) || typeof payload.op !== 'number') {
      this.#ctx.problem('gateway: client sent a frame that is not a JSON payload with an op');
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    const { op } = payload;
    const d = payload.d;
    this.received.push({ op, d, at: Date.now() });
    switch (op) {
      case Op.Heartbeat:
        this.stats.heartbeats++;
        connection.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
        break;
      case Op.Identify:
        this.#identify(connection, isObject(d) ? d : {});
        break;
      case Op.Resume:
        this.#resume(connection, isObject(d) ? d : {});
        break;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.identified) {
          this.#ctx.problem(`gateway: op ${op} sent before IDENTIFY/RESUME`);
          connection.close(4003, 'Not authenticated.');
        }
        break;
      default:
        this.#ctx.problem(`gateway: unknown opcode ${op}`);
        connection.close(4001, 'Unknown opcode.');
    }
    this.#ctx.signal.notify();
  }

  #identify(connection: Connection, d: Json): void {
    if (connection.identified) {
      this.#ctx.problem('gateway: IDENTIFY sent twice on one connection');
      connection.close(4005, 'Already authenticated.');
      return;
    }
    if (d.token !== this.#ctx.botToken) {
      this.#ctx.problem('gateway: IDENTIFY with a wrong token');
      connection.close(4004, 'Authentication failed.');
      return;
    }
    if (typeof d.intents !== 'number' || !isObject(d.properties)) {
      this.#ctx.problem('gateway: IDENTIFY without numeric intents or properties');
      connection.close(4002, 'Error while decoding payload.');
      return;
    }
    this.stats.identifies++;
    this.identifyPayload = d;
    connection.identified = true;
    connection.identifyCompress = d.compress === true;
    this.#session = { id: randomBytes(16).toString('hex'), seq: 0 };
    this.#live = connection;
    const { world } = this.#ctx;
    this.#send(connection, 'READY', {
      v: 10,
      user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: world.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.#session.id,
      session_type: 'normal',
      resume_gateway_url: this.#ctx.url,
      shard: Array.isArray(d.shard) ? d.shard : [0, 1],
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["fake-gateway",{"micros":0}]'],
    });
    this.stats.readies++;
    for (const guild of world.guilds) this.#send(connection, 'GUILD_CREATE', world.guildCreate(guild));
    this.#flush(connection);
  }

  #resume(connection: Connection, d: Json): void {
    const session = this.#session;
    if (!session || d.session_id !== session.id || d.token !== this.#ctx.botToken) {
      this.#ctx.problem('gateway: RESUME of an unknown session or with a wrong token');
      connection.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (typeof d.seq === 'number' && d.seq > session.seq) {
      this.#ctx.problem(`gateway: RESUME with seq ${d.seq}, but only ${session.seq} were sent`);
    }
    connection.identified = true;
    this.#live = connection;
    this.#send(connection, 'RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] });
    this.stats.resumes++;
    this.#flush(connection);
  }

  #send(connection: Connection, t: string, d: Json): void {
    const session = this.#session as { seq: number };
    session.seq += 1;
    connection.send({ op: Op.Dispatch, t, s: session.seq, d });
  }

  #flush(connection: Connection): void {
    const queue = this.#queue;
    this.#queue = [];
    for (const item of queue) {
      this.#send(connection, item.t, item.d);
      item.onSent?.();
    }
  }
}
