/**
 * `npm run bench:http`: throughput and latency of the HTTP interactions endpoint (`npm run serve`)
 * on the seed knowledge, beside a bare `node:http` server that verifies the same Ed25519 signature
 * and returns a fixed body, measured in the same run on the same machine.
 *
 * Each server runs in its own child process (`node --import tsx bench/http.ts --serve <role>`), so
 * the load generator (autocannon, in this process) does not share its event loop. Both are driven
 * with the same signed `/ask` interactions (a few questions, several users), over loopback, at 16
 * concurrent connections, after a warm-up, in the order bare, endpoint, endpoint, bare (half the
 * duration each), so that other load on the machine weighs on both alike. p50 and p99 are the
 * worse of each server's two runs; req/s is over both. autocannon replays fixed requests, so the
 * requests are signed beforehand, with a fresh timestamp before each run (runs stay well inside
 * Discord's 5-minute replay window). The endpoint logs at info level to /dev/null, as it would to
 * a file.
 *
 * Insights: the endpoint runs with the question log off (`endpoint`) and on (`logged`, a fresh
 * SQLite file), and, where PostgreSQL is installed, on a throwaway PostgreSQL server with the log
 * off (`shared-pg`: the rate limit shared through the database) and on (`logged-pg`), all in the
 * same interleaved schedule; the log may cost at most 10% of throughput (`logged` against
 * `endpoint`, `logged-pg` against `shared-pg`). The cost of a logged answer is also measured on its own: rows written
 * through each store in batches of 100, in microseconds per row.
 *
 * Prints a table, the targets with PASS/MISS (a miss never fails the process; a failed or non-2xx
 * request does), then one JSON object.
 *
 * Options:
 *   --duration S      seconds measured per server (default 10)
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
import { newQuestionId } from '../src/insights/hash.js';
import { openStore } from '../src/insights/open.js';
import type { QuestionRow } from '../src/insights/types.js';
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
const USERS = 8;

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
        // Far above what the bench's few users send, so it measures answering, not refusing.
        RATE_LIMIT_MAX: '1000000000',
        RATE_LIMIT_WINDOW_SECONDS: '1',
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
  process.on('disconnect', () => process.exit(0));
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

/** The same interactions, signed now (autocannon replays them as they are). */
function signedRequests(privateKey: KeyObject): autocannon.Request[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const requests: autocannon.Request[] = [];
  let n = 0;
  for (let user = 0; user < USERS; user++) {
    for (const question of QUESTIONS) {
      const body = interaction(question, user, n++);
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
  }
  return requests;
}

interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function drive(
  url: string,
  privateKey: KeyObject,
  seconds: number,
  connections: number,
): Promise<Measure> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: signedRequests(privateKey),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One request of each question, checked, so the bench never measures refusals. */
async function check(url: string, privateKey: KeyObject): Promise<void> {
  for (const request of signedRequests(privateKey).slice(0, QUESTIONS.length)) {
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

/** Microseconds per row to write `rows` question rows through a store, in batches of 100. */
async function rowCost(url: string, rows = 5000): Promise<number> {
  const store = openStore(url);
  try {
    await store.migrate();
    const now = Date.now();
    const batch = (n: number): QuestionRow[] =>
      Array.from({ length: 100 }, (_, i) => ({
        id: newQuestionId(),
        at: now,
        command: 'ask',
        text: QUESTIONS[(n + i) % QUESTIONS.length] ?? '',
        normalised: 'bench question',
        answered: true,
        passageId: 'doc#p3',
        score: 12.3,
        passageQuote: 'Guangdong’s regional GDP has broken through 13 trillion yuan.',
        topics: ['regional GDP'],
        latencyMs: 1.2,
        guildId: '222222222222222222',
        channelId: '333333333333333333',
        userHash: 'bench-user-hash',
        locale: 'en-US',
      }));
    await store.insertQuestions(batch(0));
    const started = performance.now();
    for (let n = 0; n < rows / 100; n++) await store.insertQuestions(batch(n));
    return Math.round(((performance.now() - started) * 1000) / rows);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const duration = option('duration', 10);
  const warmup = option('warmup', 3);
  const connections = option('connections', 16);
  const profileIndex = process.argv.indexOf('--profile');
  const profileDir = profileIndex === -1 ? undefined : process.argv[profileIndex + 1];
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');

  // Both servers run side by side (the idle one costs nothing) and are measured in the order
  // bare, endpoint, endpoint, bare, half the duration each time, so a change in the machine's load
  // during the run weighs on both alike.
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
  const rowCosts: Record<string, number> = {};
  try {
    if (!noPostgres) postgres = await startPostgres();
    rowCosts.sqlite = await rowCost(`file:${path.join(dataDir, 'rows.db')}`);
    if (postgres) rowCosts.postgres = await rowCost(postgres.url);
    for (const role of roles) {
      const databaseUrl =
        role === 'logged' ? sqliteUrl : POSTGRES_ROLES.includes(role) ? postgres?.url : undefined;
      const server = await start(role, publicKeyHex, profileDir, databaseUrl);
      servers[role] = server;
      await check(server.url, privateKey);
      process.stderr.write(`${role}: warming up ${warmup} s…\n`);
      await drive(server.url, privateKey, warmup, connections);
    }
    for (const role of [...roles, ...[...roles].reverse()]) {
      process.stderr.write(`${role}: measuring ${duration / 2} s at ${connections} connections…\n`);
      runs[role].push(await drive(servers[role]?.url ?? '', privateKey, duration / 2, connections));
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
  const combine = (measures: Measure[]): Measure => ({
    requestsPerSecond: Math.round(measures.reduce((sum, m) => sum + m.requests, 0) / duration),
    p50Ms: Math.max(...measures.map((m) => m.p50Ms)),
    p99Ms: Math.max(...measures.map((m) => m.p99Ms)),
    requests: measures.reduce((sum, m) => sum + m.requests, 0),
    errors: measures.reduce((sum, m) => sum + m.errors, 0),
    non2xx: measures.reduce((sum, m) => sum + m.non2xx, 0),
  });
  const results = Object.fromEntries(roles.map((role) => [role, combine(runs[role])])) as Record<
    Role,
    Measure
  >;
  const { bare, endpoint, logged } = results;
  const ratio = Math.round((endpoint.requestsPerSecond / bare.requestsPerSecond) * 1000) / 1000;
  const logRatio = Math.round((logged.requestsPerSecond / endpoint.requestsPerSecond) * 1000) / 1000;
  const per = (a: Measure | undefined, b: Measure | undefined) =>
    a && b ? Math.round((a.requestsPerSecond / b.requestsPerSecond) * 1000) / 1000 : undefined;
  const pgRatio = per(results['logged-pg'], results['shared-pg']);
  const sharedRatio = per(results['shared-pg'], endpoint);
  const targets: Record<string, boolean> = {
    'throughput ≥ 0.5 × bare': ratio >= 0.5,
    'endpoint p99 < 50 ms': endpoint.p99Ms < 50,
    'log on (SQLite) ≥ 0.9 × log off': logRatio >= 0.9,
    ...(pgRatio !== undefined ? { 'log on (PostgreSQL) ≥ 0.9 × log off': pgRatio >= 0.9 } : {}),
  };

  const rows = [
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx'],
    ...roles.map((role) => {
      const m = results[role];
      return [role, m.requestsPerSecond, m.p50Ms, m.p99Ms, m.requests, m.errors, m.non2xx].map(String);
    }),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => String(row[i]).length))) ?? [];
  for (const row of rows)
    process.stdout.write(`${row.map((cell, i) => String(cell).padStart(widths[i] ?? 0)).join('  ')}\n`);
  process.stdout.write(`\nthroughput ratio endpoint / bare: ${ratio}\n`);
  process.stdout.write(
    `throughput ratio log on / off: SQLite ${logRatio}${pgRatio !== undefined ? `, PostgreSQL ${pgRatio}` : ''}\n`,
  );
  if (sharedRatio !== undefined)
    process.stdout.write(
      `throughput ratio rate limit shared through PostgreSQL / per replica: ${sharedRatio}\n`,
    );
  process.stdout.write(
    `cost of a logged answer (row write, batches of 100): SQLite ${rowCosts.sqlite} µs${rowCosts.postgres !== undefined ? `, PostgreSQL ${rowCosts.postgres} µs` : ' (PostgreSQL not measured: not installed or --no-postgres)'}\n`,
  );
  for (const [name, met] of Object.entries(targets))
    process.stdout.write(`${met ? 'PASS' : 'MISS'}  ${name}\n`);
  process.stdout.write(
    `${JSON.stringify({ command: COMMAND, connections, durationSeconds: duration, questions: QUESTIONS.length, users: USERS, results, ratio, logRatio, pgRatio, sharedRatio, rowCostMicros: rowCosts, targets, runs })}\n`,
  );
  if (Object.values(results).some((m) => m.errors + m.non2xx > 0)) process.exitCode = 1;
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
