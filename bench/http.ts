/**
 * `npm run bench:http`: throughput and latency of the HTTP interactions endpoint (`npm run serve`)
 * on the seed knowledge, beside a bare `node:http` server that verifies the same Ed25519 signature
 * and returns a fixed body, measured in the same run on the same machine.
 *
 * Each server runs in its own child process (`node --import tsx bench/http.ts --serve <role>`), so
 * the load generator (autocannon, in this process) does not share its event loop. All are driven
 * with the same signed `/ask` interactions (a few questions, several users), over loopback, at 16
 * concurrent connections, after a warm-up. autocannon replays fixed requests, so the requests are
 * signed beforehand, with a fresh timestamp before each run (runs stay well inside Discord's
 * 5-minute replay window). The endpoint logs at info level to /dev/null, as it would to a file.
 *
 * Insights: the endpoint runs with the question log off (`endpoint`) and on (`logged`, a fresh
 * SQLite file), and, where PostgreSQL is installed, on a throwaway PostgreSQL server with the log
 * off (`shared-pg`: the rate limit shared through the database) and on (`logged-pg`). The log may
 * cost at most 10% of throughput (`logged` against `endpoint`, `logged-pg` against `shared-pg`).
 *
 * On a small loaded machine one measurement swings by tens of percent, so the servers are measured
 * in rounds: each round measures every server once, in an order that alternates (forward, then
 * backward), so two servers compared are measured next to each other. A ratio is taken within
 * each round; the report gives its median over the rounds, its interquartile range and its range.
 * Beside throughput, each server process reports its CPU time (every thread, the SQLite writer's
 * too) around each run: CPU time per request hardly moves with other load on the machine, so its
 * ratio (log on / off) is the steadier measure of what the log costs the server.
 * The cost of a logged answer is also measured on its own, through the recorder on each store:
 * the time on the answer's path (queueing the row) and the CPU time of the batched write.
 *
 * Prints a table, the ratios, the costs and the targets with PASS/MISS (a miss never fails the
 * process; a failed or non-2xx request does), then one JSON object.
 *
 * Options:
 *   --rounds N        rounds of measurement (default 12)
 *   --duration S      seconds measured per server in each round (default 3)
 *   --warmup S        seconds of warm-up per server, not measured (default 3)
 *   --connections N   concurrent connections (default 16)
 *   --command help    drive /help instead of /ask: the transport's own cost, with an almost free handler
 *   --profile DIR     write V8 CPU profiles of each server process to DIR/<role>/
 *   --no-postgres     skip the PostgreSQL measurements even where PostgreSQL is installed
 */

import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openStore } from '../src/insights/open.js';
import { InsightsRecorder } from '../src/insights/recorder.js';
import { createApp } from '../src/runtime/app.js';
import { loadConfig } from '../src/runtime/config.js';
import { createLogger } from '../src/runtime/logger.js';
import { MAX_BODY_BYTES, startHttpServer } from '../src/transports/http/server.js';
import { createVerifier } from '../src/transports/http/verify.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../test/insights/postgres-server.js';

type Role = 'bare' | 'endpoint' | 'logged' | 'shared-pg' | 'logged-pg';
const ROLES: readonly Role[] = ['bare', 'endpoint', 'logged', 'shared-pg', 'logged-pg'];
/** The roles on PostgreSQL: `shared-pg` shares the rate limit with the log off, `logged-pg` adds the log. */
const POSTGRES_ROLES: readonly Role[] = ['shared-pg', 'logged-pg'];

const QUESTIONS = [
  'How many high-tech enterprises does Guangdong have?',
  'What was the regional GDP of Guangdong in 2023?',
  'How many industrial enterprises above the specific scale?',
  'How many small giants are there?',
  'How fast did loans to manufacturing enterprises grow?',
  'What is the theme of the First Conference of Spring?',
];
/**
 * Every request comes from its own user of 8,000, in turn (a user asks again only after all the
 * others), so the rate limit runs at its default (5 per 10 s) as it would in a server, and never
 * refuses (the bench checks it did not).
 */
const USERS = 8000;

const commandIndex = process.argv.indexOf('--command');
const COMMAND = commandIndex !== -1 && process.argv[commandIndex + 1] === 'help' ? 'help' : 'ask';

const BARE_BODY = JSON.stringify({
  type: 4,
  data: { content: 'ok', flags: 64, allowed_mentions: { parse: [] } },
});

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

// ---------------------------------------------------------------- child: one server per process

async function serve(role: Role): Promise<void> {
  const publicKey = process.env.BENCH_PUBLIC_KEY ?? '';
  let port: number;
  if (role !== 'bare') {
    const config = loadConfig(
      {
        // `endpoint` keeps no log; `logged` and `logged-pg` write to the database the parent made.
        INSIGHTS: role === 'endpoint' || role === 'shared-pg' ? 'off' : 'on',
        ...(role === 'endpoint' ? {} : { DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' }),
        KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR ?? 'knowledge',
        DISCORD_PUBLIC_KEY: publicKey,
        LOG_LEVEL: 'info',
        // The default limit: none of the bench's users reaches it (see USERS).
        RATE_LIMIT_MAX: '5',
        RATE_LIMIT_WINDOW_SECONDS: '10',
      },
      { dotenv: false },
    );
    const app = await createApp(config, createLogger('info', openSync('/dev/null', 'w')));
    const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    port = Number(new URL(server.url).port);
  } else {
    const verify = createVerifier(publicKey);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const ok =
          size <= MAX_BODY_BYTES &&
          verify(
            req.headers['x-signature-ed25519'] as string | undefined,
            req.headers['x-signature-timestamp'] as string | undefined,
            body,
          ).ok;
        if (!ok) {
          res.writeHead(401, { 'Content-Length': 0 });
          res.end();
          return;
        }
        JSON.parse(body.toString('utf8'));
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(BARE_BODY),
        });
        res.end(BARE_BODY);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }
  process.send?.({ port });
  // The parent asks for this process's CPU time (every thread: the SQLite writer's too) around each run.
  process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
  process.on('disconnect', () => process.exit(0));
}

/** The CPU time a server process has used so far, in microseconds. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => {
      const { cpu } = message as { cpu: NodeJS.CpuUsage };
      resolve(cpu.user + cpu.system);
    });
    child.send('cpu');
  });
}

// ---------------------------------------------------------------- parent: drive both, report

function start(
  role: Role,
  publicKeyHex: string,
  profileDir?: string,
  databaseUrl?: string,
): Promise<{ child: ChildProcess; url: string }> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', `${profileDir}/${role}`] : [];
  const child = fork(fileURLToPath(import.meta.url), ['--serve', role], {
    execArgv: [...profile, '--import', import.meta.resolve('tsx')],
    env: {
      ...process.env,
      BENCH_PUBLIC_KEY: publicKeyHex,
      ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({ child, url: `http://127.0.0.1:${(message as { port: number }).port}` }),
    );
    child.once('exit', (code) => reject(new Error(`${role} server exited with ${code} before listening`)));
  });
}

function interaction(question: string, user: number, n: number): string {
  const userId = String(400000000000000000n + BigInt(user));
  return JSON.stringify({
    id: String(900000000000000000n + BigInt(n)),
    application_id: '111111111111111111',
    type: 2,
    token: `bench-token-${n}`,
    version: 1,
    guild_id: '222222222222222222',
    channel_id: '333333333333333333',
    member: {
      user: {
        id: userId,
        username: `user${user}`,
        global_name: `User ${user}`,
        discriminator: '0',
        avatar: null,
      },
      roles: [],
      permissions: '0',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    data: {
      id: '777777777777777777',
      name: COMMAND,
      type: 1,
      options: COMMAND === 'ask' ? [{ name: 'question', type: 3, value: question }] : [],
    },
  });
}

/** One interaction of each user (the questions in turn), signed now. */
function signedRequests(privateKey: KeyObject): autocannon.Request[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const requests: autocannon.Request[] = [];
  for (let user = 0; user < USERS; user++) {
    const body = interaction(QUESTIONS[user % QUESTIONS.length] ?? '', user, user);
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
    requests.push({
      method: 'POST',
      path: '/interactions',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
      },
      body,
    });
  }
  return requests;
}

/**
 * The next user's request, whichever connection sends it: autocannon gives every connection the
 * request list from its start, so the list is one request that takes the next of `signed`, and
 * the users keep their turn across runs.
 */
let turn = 0;
function inTurn(signed: readonly autocannon.Request[]): autocannon.Request[] {
  return [
    {
      method: 'POST',
      path: '/interactions',
      setupRequest: (request) => ({ ...request, ...signed[turn++ % signed.length] }),
    },
  ];
}

interface Measure {
  requestsPerSecond: number;
  /** The server process's CPU time per request answered, in microseconds (every thread). */
  cpuMicros: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function drive(
  server: { child: ChildProcess; url: string },
  privateKey: KeyObject,
  seconds: number,
  connections: number,
): Promise<Measure> {
  const before = await cpuOf(server.child);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: inTurn(signedRequests(privateKey)),
  });
  const used = (await cpuOf(server.child)) - before;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    cpuMicros: Math.round(used / Math.max(1, result.requests.total)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One request of each question, checked, so the bench never measures refusals. */
async function check(url: string, privateKey: KeyObject): Promise<void> {
  const signed = signedRequests(privateKey);
  for (let i = 0; i < QUESTIONS.length; i++) {
    const request = signed[turn++ % signed.length] ?? {};
    const response = await fetch(`${url}${request.path}`, {
      method: 'POST',
      headers: request.headers as Record<string, string>,
      body: request.body as string,
    });
    const body = (await response.json()) as { type: number };
    if (response.status !== 200 || body.type !== 4)
      throw new Error(`${url}: unexpected answer ${response.status} ${JSON.stringify(body)}`);
  }
}

/**
 * The cost of logged answers on the server's CPU, through the recorder as a command uses it:
 * `record` (on the answer's path: it only queues the row), then the batched write (off the
 * answer's path: normalising, hashing the user, handing batches of 100 to the driver's thread,
 * which encodes and writes them). Microseconds per answer: `queue` the time of `record`, `write`
 * the CPU time (`process.cpuUsage`, user and system, every thread) of the rest; a PostgreSQL
 * round trip waits on the network, not on the CPU.
 */
async function loggedAnswerCost(url: string, answers = 5000): Promise<{ queue: number; write: number }> {
  const recorder = new InsightsRecorder(openStore(url), {
    logger: createLogger('silent'),
    salt: 'bench-salt',
    // Batches of 100 as the server writes them; no timer, and nothing dropped.
    flushMs: 3_600_000,
    batchSize: 100,
    maxPending: 1_000_000,
  });
  try {
    const event = (i: number) => ({
      id: '',
      command: 'ask' as const,
      text: QUESTIONS[i % QUESTIONS.length] ?? '',
      answered: true,
      passageId: 'doc#p3',
      score: 12.3,
      passageQuote: 'Guangdong’s regional GDP has broken through 13 trillion yuan.',
      topics: ['regional GDP'],
      latencyMs: 1.2,
      guildId: '222222222222222222',
      channelId: '333333333333333333',
      userId: String(400000000000000000n + BigInt(i % USERS)),
      locale: 'en-US',
    });
    // Warm-up: migrations, the salt, the statements.
    recorder.record(event(0));
    await recorder.flush();
    const events = Array.from({ length: answers }, (_, i) => event(i));
    // Every 100 rows queued start a write, which runs once the loop yields, as between answers.
    const cpu = process.cpuUsage();
    const queued = performance.now();
    // As `recordQuestion` does: a new id for the row (its 👍/👎 carry it), then the row queued.
    for (const item of events) recorder.record({ ...item, id: recorder.newId() });
    const queue = ((performance.now() - queued) * 1000) / answers;
    await recorder.flush();
    const used = process.cpuUsage(cpu);
    const total = (used.user + used.system) / answers;
    return { queue: round(queue, 2), write: round(total - queue, 1) };
  } finally {
    await recorder.close();
  }
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The median, lowest, highest and interquartile range of some numbers. */
function spread(values: readonly number[]): {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
  };
  return {
    median: round(at(0.5)),
    min: round(at(0)),
    max: round(at(1)),
    q1: round(at(0.25)),
    q3: round(at(0.75)),
  };
}

async function main(): Promise<void> {
  const rounds = option('rounds', 12);
  const duration = option('duration', 3);
  const warmup = option('warmup', 3);
  const connections = option('connections', 16);
  const profileIndex = process.argv.indexOf('--profile');
  const profileDir = profileIndex === -1 ? undefined : process.argv[profileIndex + 1];
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');

  // Every server runs side by side (an idle one costs nothing) and is measured once per round, in
  // rounds that alternate the order (forward, then backward), so that servers compared with each
  // other (log on and off) are measured next to each other in time, and a change in the machine's
  // load during the run weighs on every server alike. Ratios are taken within a round, then their
  // median over the rounds is reported with their spread.
  const servers: Partial<Record<Role, { child: ChildProcess; url: string }>> = {};
  const runs: Record<Role, Measure[]> = {
    bare: [],
    endpoint: [],
    logged: [],
    'shared-pg': [],
    'logged-pg': [],
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'factdesk-bench-http-'));
  const sqliteUrl = `file:${path.join(dataDir, 'insights.db')}`;
  const noPostgres = process.argv.includes('--no-postgres') || postgresUnavailable() !== undefined;
  let postgres: PostgresServer | undefined;
  const roles = ROLES.filter((role) => !POSTGRES_ROLES.includes(role) || !noPostgres);
  const answerCost: Record<string, { queue: number; write: number }> = {};
  const refused: Partial<Record<Role, number>> = {};
  try {
    if (!noPostgres) postgres = await startPostgres();
    answerCost.sqlite = await loggedAnswerCost(`file:${path.join(dataDir, 'rows.db')}`);
    if (postgres) answerCost.postgres = await loggedAnswerCost(postgres.url);
    for (const role of roles) {
      const databaseUrl =
        role === 'logged' ? sqliteUrl : POSTGRES_ROLES.includes(role) ? postgres?.url : undefined;
      const server = await start(role, publicKeyHex, profileDir, databaseUrl);
      servers[role] = server;
      await check(server.url, privateKey);
      process.stderr.write(`${role}: warming up ${warmup} s…\n`);
      await drive(server, privateKey, warmup, connections);
    }
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? roles : [...roles].reverse();
      process.stderr.write(`round ${r + 1}/${rounds}: ${order.join(', ')}, ${duration} s each…\n`);
      for (const role of order)
        runs[role].push(
          await drive(servers[role] as (typeof servers)[Role] & object, privateKey, duration, connections),
        );
    }
  } finally {
    for (const server of Object.values(servers)) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.disconnect();
      await exited;
    }
    await postgres?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const median = (values: number[]) => spread(values).median;
  const results = Object.fromEntries(
    roles.map((role) => {
      const measures = runs[role];
      return [
        role,
        {
          requestsPerSecond: Math.round(median(measures.map((m) => m.requestsPerSecond))),
          cpuMicros: Math.round(median(measures.map((m) => m.cpuMicros))),
          p50Ms: median(measures.map((m) => m.p50Ms)),
          p99Ms: median(measures.map((m) => m.p99Ms)),
          requests: measures.reduce((sum, m) => sum + m.requests, 0),
          errors: measures.reduce((sum, m) => sum + m.errors, 0),
          non2xx: measures.reduce((sum, m) => sum + m.non2xx, 0),
        },
      ];
    }),
  ) as Record<Role, Measure>;
  /** The ratio of two servers' throughput in each round. */
  const perRound = (a: Role, b: Role) =>
    runs[a].length > 0 && runs[b].length > 0
      ? runs[a].map((m, i) => m.requestsPerSecond / (runs[b][i]?.requestsPerSecond ?? Number.NaN))
      : undefined;
  /** The ratio of two servers' CPU time per request in each round. */
  const cpuPerRound = (a: Role, b: Role) =>
    runs[a].length > 0 && runs[b].length > 0
      ? runs[a].map((m, i) => m.cpuMicros / (runs[b][i]?.cpuMicros ?? Number.NaN))
      : undefined;
  /** The extra CPU time per answer of `a` over `b` in each round, in µs. */
  const extraMicros = (a: Role, b: Role) =>
    runs[a].length > 0 && runs[b].length > 0
      ? runs[a].map((m, i) => m.cpuMicros - (runs[b][i]?.cpuMicros ?? Number.NaN))
      : undefined;
  const ratios = {
    endpointOverBare: spread(perRound('endpoint', 'bare') ?? []),
    logOnOverOffSqlite: spread(perRound('logged', 'endpoint') ?? []),
    ...(noPostgres
      ? {}
      : {
          logOnOverOffPostgres: spread(perRound('logged-pg', 'shared-pg') ?? []),
          sharedRateLimitOverLocal: spread(perRound('shared-pg', 'endpoint') ?? []),
        }),
  };
  const cpuRatios = {
    logOnOverOffSqlite: spread(cpuPerRound('logged', 'endpoint') ?? []),
    ...(noPostgres ? {} : { logOnOverOffPostgres: spread(cpuPerRound('logged-pg', 'shared-pg') ?? []) }),
  };
  const serverCostMicros = {
    sqlite: spread(extraMicros('logged', 'endpoint') ?? []),
    ...(noPostgres ? {} : { postgres: spread(extraMicros('logged-pg', 'shared-pg') ?? []) }),
  };
  const { endpoint } = results;
  const targets: Record<string, boolean> = {
    'throughput ≥ 0.5 × bare (median)': ratios.endpointOverBare.median >= 0.5,
    'endpoint p99 < 50 ms (median)': endpoint.p99Ms < 50,
    'log on (SQLite) ≥ 0.9 × log off (median throughput ratio)': ratios.logOnOverOffSqlite.median >= 0.9,
    'log on (SQLite) ≤ 1.1 × log off (median CPU per request ratio)':
      cpuRatios.logOnOverOffSqlite.median <= 1.1,
    ...(ratios.logOnOverOffPostgres && cpuRatios.logOnOverOffPostgres
      ? {
          'log on (PostgreSQL) ≥ 0.9 × log off (median throughput ratio)':
            ratios.logOnOverOffPostgres.median >= 0.9,
          'log on (PostgreSQL) ≤ 1.1 × log off (median CPU per request ratio)':
            cpuRatios.logOnOverOffPostgres.median <= 1.1,
        }
      : {}),
  };

  const rows = [
    ['server', 'req/s', 'CPU µs/req', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'req/s by round'],
    ...roles.map((role) => {
      const m = results[role];
      return [
        role,
        m.requestsPerSecond,
        m.cpuMicros,
        m.p50Ms,
        m.p99Ms,
        m.requests,
        m.errors,
        m.non2xx,
        runs[role].map((run) => run.requestsPerSecond).join(' '),
      ].map(String);
    }),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => String(row[i]).length))) ?? [];
  process.stdout.write(
    `${rounds} rounds of ${duration} s per server at ${connections} connections (medians over the rounds)\n`,
  );
  for (const row of rows)
    process.stdout.write(`${row.map((cell, i) => String(cell).padStart(widths[i] ?? 0)).join('  ')}\n`);
  const line = (name: string, s: ReturnType<typeof spread> | undefined) =>
    s ? `${name}: median ${s.median} (interquartile ${s.q1}–${s.q3}, range ${s.min}–${s.max})\n` : '';
  process.stdout.write('\nthroughput ratios, round by round:\n');
  process.stdout.write(line('  endpoint / bare', ratios.endpointOverBare));
  process.stdout.write(line('  log on / off, SQLite', ratios.logOnOverOffSqlite));
  process.stdout.write(line('  log on / off, PostgreSQL', ratios.logOnOverOffPostgres));
  process.stdout.write(
    line('  rate limit shared through PostgreSQL / per replica', ratios.sharedRateLimitOverLocal),
  );
  process.stdout.write("the server's CPU time per request, log on / off, round by round:\n");
  process.stdout.write(line('  SQLite', cpuRatios.logOnOverOffSqlite));
  process.stdout.write(line('  PostgreSQL', cpuRatios.logOnOverOffPostgres));
  process.stdout.write('cost of a logged answer:\n');
  for (const [store, cost] of Object.entries(answerCost))
    process.stdout.write(
      `  ${store}: ${cost.queue} µs on the answer's path (queueing the row), ${cost.write} µs of CPU off it (the batched write)\n`,
    );
  if (noPostgres) process.stdout.write('  postgres: not measured (not installed, or --no-postgres)\n');
  process.stdout.write(line("  the server's extra CPU per answer, SQLite (µs)", serverCostMicros.sqlite));
  process.stdout.write(
    line("  the server's extra CPU per answer, PostgreSQL (µs)", serverCostMicros.postgres),
  );
  for (const [name, met] of Object.entries(targets))
    process.stdout.write(`${met ? 'PASS' : 'MISS'}  ${name}\n`);
  process.stdout.write(
    `${JSON.stringify({ command: COMMAND, connections, rounds, durationSeconds: duration, questions: QUESTIONS.length, users: USERS, results, refused, ratios, cpuRatios, answerCostMicros: answerCost, serverCostMicros, targets, runs })}\n`,
  );
  const refusals = Object.values(refused).reduce((sum, n) => sum + (n ?? 0), 0);
  if (refusals > 0) process.stdout.write(`FAIL  ${refusals} requests were refused by the rate limit\n`);
  if (Object.values(results).some((m) => m.errors + m.non2xx > 0) || refusals > 0) process.exitCode = 1;
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex !== -1) {
  const role = ROLES.find((r) => r === process.argv[serveIndex + 1]) ?? 'endpoint';
  serve(role).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
