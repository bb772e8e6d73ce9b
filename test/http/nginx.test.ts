import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { reportPdf } from '../formats/report.js';
import { type PostgresServer, postgresTestsRun, startPostgres } from '../insights/postgres-server.js';
import {
  BOOLEAN,
  metricValue,
  newKeys,
  ping,
  post,
  STRING,
  slash,
  startRecorder,
  testApp,
} from './helpers.js';

const CONF = path.resolve('deploy/nginx/factdesk.conf');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** deploy/nginx/factdesk.conf with the replicas' and nginx's ports put in, checking each one is there. */
async function siteConfig(replicaPorts: [number, number], listenPort: number): Promise<string> {
  let conf = await readFile(CONF, 'utf8');
  const substitutions: Array<[RegExp, string]> = [
    [/server 127\.0\.0\.1:3001\b/, `server 127.0.0.1:${replicaPorts[0]}`],
    [/server 127\.0\.0\.1:3002\b/, `server 127.0.0.1:${replicaPorts[1]}`],
    [/listen 8080;/, `listen 127.0.0.1:${listenPort};`],
  ];
  for (const [pattern, replacement] of substitutions) {
    if (!pattern.test(conf))
      throw new Error(`deploy/nginx/factdesk.conf no longer contains ${pattern}; update this test`);
    conf = conf.replace(pattern, replacement);
  }
  return conf;
}

/** A main nginx config that keeps every file nginx writes inside `dir`. */
function mainConfig(dir: string): string {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/factdesk.conf;
}
`;
}

/** Whether nginx can be run here; CI sets FACTDESK_REQUIRE_NGINX=1 so its absence fails there. */
const NGINX_FOUND = !spawnSync('nginx', ['-v'], { stdio: 'ignore' }).error;
const NGINX_REQUIRED = process.env.FACTDESK_REQUIRE_NGINX === '1';
if (!NGINX_FOUND && !NGINX_REQUIRED) {
  process.stdout.write(
    'nginx.test.ts: not run, nginx is not installed (not on PATH). Install it with `apt-get install -y nginx`; `.ci/run` does, and sets FACTDESK_REQUIRE_NGINX=1 so a missing nginx fails there.\n',
  );
}

describe.runIf(NGINX_FOUND || NGINX_REQUIRED)(
  'two replicas behind nginx (deploy/nginx/factdesk.conf)',
  () => {
    const keys = newKeys();
    let app: App;
    const replicas: HttpServer[] = [];
    let nginx: ChildProcess | undefined;
    let dir = '';
    let base = '';

    /**
     * Why the setup failed (nginx missing while FACTDESK_REQUIRE_NGINX=1, say). Each test rethrows it,
     * so CI without nginx fails every test with the fix.
     */
    let setupError: Error | undefined;
    const ready = () => {
      if (setupError) throw setupError;
    };

    beforeAll(async () => {
      await setup().catch((error: unknown) => {
        setupError = error instanceof Error ? error : new Error(String(error));
      });
    });

    async function setup(): Promise<void> {
      if (!NGINX_FOUND) {
        throw new Error(
          'nginx is not installed (not on PATH) and FACTDESK_REQUIRE_NGINX=1: this test runs two replicas behind it. Install it with `apt-get install -y nginx`.',
        );
      }
      app = await testApp({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
      for (const replicaId of ['replica-a', 'replica-b']) {
        replicas.push(
          await startHttpServer(app, { host: '127.0.0.1', port: 0, replicaId, defaultMetrics: false }),
        );
      }
      const ports = replicas.map((replica) => Number(new URL(replica.url).port)) as [number, number];
      const listen = await freePort();
      dir = await mkdtemp(path.join(tmpdir(), 'factdesk-nginx-'));
      await writeFile(path.join(dir, 'factdesk.conf'), await siteConfig(ports, listen));
      await writeFile(path.join(dir, 'nginx.conf'), mainConfig(dir));
      const started = spawn(
        'nginx',
        ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      nginx = started;
      let stderr = '';
      started.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      base = `http://127.0.0.1:${listen}`;
      const deadline = Date.now() + 10_000;
      for (;;) {
        if (started.exitCode !== null) {
          const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
          throw new Error(`nginx exited with ${started.exitCode}:\n${stderr}\n${log}`);
        }
        const ok = await fetch(`${base}/healthz`).then(
          (response) => response.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`nginx did not start within 10 s:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    afterAll(async () => {
      if (nginx && nginx.exitCode === null && nginx.pid) {
        const gone = new Promise((resolve) => nginx?.once('exit', resolve));
        process.kill(nginx.pid, 'SIGQUIT');
        const timer = setTimeout(
          () => nginx?.pid && nginx.exitCode === null && process.kill(nginx.pid, 'SIGKILL'),
          5_000,
        );
        await gone;
        clearTimeout(timer);
      }
      await Promise.all(replicas.map((replica) => replica.close()));
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('passes signed requests through unchanged, and both replicas answer them', async () => {
      ready();
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const pong = await post(base, keys.privateKey, ping());
        expect(pong.status).toBe(200);
        expect(pong.body).toEqual({ type: 1 });
        seen.add(pong.headers.get('x-factdesk-replica') ?? '');
        const answer = await post(
          base,
          keys.privateKey,
          slash('ask', [{ name: 'question', type: STRING, value: 'regional GDP' }]),
        );
        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body.data?.embeds)).toContain('13 trillion');
        seen.add(answer.headers.get('x-factdesk-replica') ?? '');
      }
      expect([...seen].sort()).toEqual(['replica-a', 'replica-b']);
    });

    it('each replica counts the interactions it answered', async () => {
      ready();
      for (const replica of replicas) {
        const text = await (await fetch(`${replica.url}/metrics`)).text();
        const answered = ['ping', 'application_command'].reduce(
          (sum, type) =>
            sum + metricValue(text, 'factdesk_interaction_requests_total', { type, outcome: 'inline' }),
          0,
        );
        expect(answered).toBeGreaterThan(0);
        expect(metricValue(text, 'factdesk_signature_failures_total', { reason: 'invalid' })).toBe(0);
      }
    });

    it('still refuses a tampered request (the replica verifies behind the balancer)', async () => {
      ready();
      const sent = await post(base, keys.privateKey, ping(), {
        tamper: (body) => body.replace('"type":1', '"type":2'),
      });
      expect(sent.status).toBe(401);
    });

    it('refuses an oversize body at the balancer with 413', async () => {
      ready();
      const big = JSON.stringify({ ...ping(), padding: 'x'.repeat(70 * 1024) });
      const sent = await post(base, keys.privateKey, big);
      expect(sent.status).toBe(413);
    });
  },
);

/**
 * Insights issue: two replicas, each with its own knowledge folder, sharing PostgreSQL. A reload,
 * an added document and the rate limit reach both. Runs where nginx and PostgreSQL are installed
 * (FACTDESK_REQUIRE_NGINX=1 and FACTDESK_REQUIRE_POSTGRES=1 make a missing one a failure).
 */
// Needs nginx too: where nginx is missing (and not required) this suite does not run, as the one above.
describe.runIf((NGINX_FOUND || NGINX_REQUIRED) && postgresTestsRun('nginx replicas sharing PostgreSQL'))(
  'two replicas behind nginx sharing state through PostgreSQL',
  () => {
    const keys = newKeys();
    const apps: App[] = [];
    const replicas: HttpServer[] = [];
    const folders: string[] = [];
    let postgres: PostgresServer | undefined;
    let discord: Awaited<ReturnType<typeof startRecorder>> | undefined;
    let nginx: ChildProcess | undefined;
    /** Serves the files attached to `/knowledge add`, as Discord's CDN would. */
    let cdn: Server | undefined;
    const attachments = new Map<string, Uint8Array>();
    let dir = '';
    let base = '';
    let setupError: Error | undefined;
    const ready = () => {
      if (setupError) throw setupError;
    };
    let users = 0;
    const user = () => ({ id: String(600000000000000000n + BigInt(++users)), name: `reader${users}` });
    const documents = async (replica: HttpServer) =>
      ((await (await fetch(`${replica.url}/healthz`)).json()) as { documents: number }).documents;
    async function until(what: string, test: () => Promise<boolean>): Promise<void> {
      // A bound, not a measure: a reload builds in a worker, which takes seconds on a loaded machine.
      const deadline = Date.now() + 30_000;
      while (!(await test())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const document = (title: string, sentence: string) =>
      `---\ntitle: ${title}\nsource: Test Wire\npublished: 2025-03-01\n---\n\n${sentence}\n`;

    beforeAll(async () => {
      try {
        if (spawnSync('nginx', ['-v'], { stdio: 'ignore' }).error)
          throw new Error(
            'nginx is not installed (not on PATH): install it with `apt-get install -y nginx`.',
          );
        postgres = await startPostgres();
        discord = await startRecorder();
        const files = createHttpServer((request, response) => {
          const body = attachments.get(request.url ?? '');
          if (!body) response.writeHead(404).end();
          else response.writeHead(200, { 'content-length': body.byteLength }).end(body);
        });
        cdn = files;
        await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
        dir = await mkdtemp(path.join(tmpdir(), 'factdesk-nginx-pg-'));
        for (const replicaId of ['replica-a', 'replica-b']) {
          const folder = path.join(dir, replicaId);
          await cp(path.resolve('knowledge'), folder, { recursive: true });
          folders.push(folder);
          const app = await testApp({
            DISCORD_PUBLIC_KEY: keys.publicKeyHex,
            KNOWLEDGE_DIR: folder,
            DATABASE_URL: postgres.url,
            // Two replicas: /knowledge add is allowed, since they share PostgreSQL.
            REPLICAS: '2',
            INSIGHTS: 'on',
            RATE_LIMIT_MAX: '3',
            RATE_LIMIT_WINDOW_SECONDS: '60',
          });
          apps.push(app);
          replicas.push(
            await startHttpServer(app, {
              host: '127.0.0.1',
              port: 0,
              replicaId,
              defaultMetrics: false,
              apiUrl: `${discord.url}/api`,
            }),
          );
        }
        const ports = replicas.map((replica) => Number(new URL(replica.url).port)) as [number, number];
        const listen = await freePort();
        await writeFile(path.join(dir, 'factdesk.conf'), await siteConfig(ports, listen));
        await writeFile(path.join(dir, 'nginx.conf'), mainConfig(dir));
        nginx = spawn(
          'nginx',
          ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
          {
            stdio: 'ignore',
          },
        );
        base = `http://127.0.0.1:${listen}`;
        await until('nginx answers', () =>
          fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        );
      } catch (error) {
        setupError = error instanceof Error ? error : new Error(String(error));
      }
    });

    afterAll(async () => {
      if (nginx?.pid && nginx.exitCode === null) {
        const gone = new Promise((resolve) => nginx?.once('exit', resolve));
        process.kill(nginx.pid, 'SIGQUIT');
        await gone;
      }
      await Promise.all(replicas.map((replica) => replica.close()));
      await Promise.all(apps.map((app) => app.close()));
      await discord?.close();
      await new Promise((resolve) => (cdn ? cdn.close(resolve) : resolve(undefined)));
      await postgres?.destroy();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('a /reload sent to one replica reloads the other', async () => {
      ready();
      const [a, b] = replicas as [HttpServer, HttpServer];
      const before = [await documents(a), await documents(b)];
      // Only replica B's folder changes, so only a reload of B can show the new document there.
      await writeFile(
        path.join(folders[1] ?? '', 'northwind-2025.md'),
        document('Northwind 2025', 'Northwind opened 14 lighthouses in 2025.'),
      );
      const sent = await post(a.url, keys.privateKey, slash('reload', [], user()));
      expect(sent.status).toBe(200);
      await until('replica B reloaded', async () => (await documents(b)) === (before[1] ?? 0) + 1);
      expect(await documents(a)).toBe(before[0]);
    });

    it('a document added on one replica is stored in the database and served by both', async () => {
      ready();
      const [appA] = apps as [App];
      await appA.shared?.addDocument({
        fileName: 'harbour-report-2025.md',
        content: document('Harbour report 2025', 'The harbour handled 912 cruise ships in 2025.'),
      });
      const seen = new Set<string>();
      await until('both replicas answer from the added document', async () => {
        const answer = await post(
          base,
          keys.privateKey,
          slash(
            'ask',
            [{ name: 'question', type: STRING, value: 'How many cruise ships did the harbour handle?' }],
            user(),
          ),
        );
        const embeds = JSON.stringify(answer.body.data?.embeds ?? []);
        if (embeds.includes('Harbour report 2025') && embeds.includes('912'))
          seen.add(answer.headers.get('x-factdesk-replica') ?? '');
        return seen.size === 2;
      });
      expect([...seen].sort()).toEqual(['replica-a', 'replica-b']);
    });

    /** `/knowledge <subcommand>` as Discord posts it, from a member with Administrator. */
    function knowledge(
      subcommand: string,
      options: Array<Record<string, unknown>>,
      extra: Record<string, unknown> = {},
    ): Record<string, unknown> & { token: string } {
      const payload = slash('knowledge', [{ name: subcommand, type: 1, options } as never], user());
      return { ...payload, data: { ...(payload.data as object), ...extra }, token: String(payload.token) };
    }
    /** The message a deferred interaction was finished with (its webhook edit), by its token. */
    async function finalMessage(token: string): Promise<string> {
      let edit: { body: Record<string, unknown> } | undefined;
      await until('the deferred reply is finished', async () => {
        edit = discord?.requests.find((r) => r.method === 'PATCH' && r.url.includes(token));
        return edit !== undefined;
      });
      return String(edit?.body.content ?? '');
    }
    const askOn = async (replica: HttpServer, question: string) =>
      JSON.stringify(
        (
          await post(
            replica.url,
            keys.privateKey,
            slash('ask', [{ name: 'question', type: STRING, value: question }], user()),
          )
        ).body.data?.embeds ?? [],
      );

    it('a PDF added with /knowledge add through one replica is answered by the other, and removed from both', async () => {
      ready();
      const cdnUrl = `http://127.0.0.1:${(cdn?.address() as AddressInfo | undefined)?.port}`;
      attachments.set('/velden.pdf', await reportPdf());
      const question = 'How many containers did the Port of Velden handle in 2023?';
      const add = knowledge(
        'add',
        [
          { name: 'file', type: 11, value: '910000000000000001' },
          { name: 'title', type: STRING, value: 'Velden harbour report' },
          { name: 'replace', type: BOOLEAN, value: false },
        ],
        {
          resolved: {
            attachments: {
              '910000000000000001': {
                id: '910000000000000001',
                filename: 'Velden Report.pdf',
                size: attachments.get('/velden.pdf')?.byteLength,
                url: `${cdnUrl}/velden.pdf`,
                proxy_url: `${cdnUrl}/velden.pdf`,
              },
            },
          },
        },
      );
      // Through the balancer: whichever replica takes it stores it for both.
      const sent = await post(base, keys.privateKey, add);
      expect(sent.status).toBe(200);
      expect(sent.body.type).toBe(5); // deferred: downloading and reloading take a while
      const receiver = sent.headers.get('x-factdesk-replica');
      const other = replicas[receiver === 'replica-a' ? 1 : 0] as HttpServer;
      expect(await finalMessage(add.token)).toMatch(
        /^Added \*\*Velden harbour report\*\* as `velden-report\.pdf`: \d+ passages, \d+ figures\.\nNow serving \d+ documents\.$/,
      );
      // The other replica never saw the interaction: it has the file from the database.
      await until('the other replica answers from the added PDF', async () =>
        (await askOn(other, question)).includes('Velden harbour report'),
      );
      // (The embeds as JSON: Markdown escapes the decimal point, JSON the backslash.)
      expect(await askOn(other, question)).toContain(String.raw`**4\\.2 million containers**`);
      for (const folder of folders)
        expect(await readFile(path.join(folder, 'velden-report.pdf'))).toEqual(
          Buffer.from(attachments.get('/velden.pdf') ?? []),
        );

      // Removed through the other replica: gone from both folders and both answers.
      const remove = knowledge('remove', [{ name: 'document', type: STRING, value: 'velden-report' }]);
      expect((await post(other.url, keys.privateKey, remove)).body.type).toBe(5);
      expect(await finalMessage(remove.token)).toMatch(
        /^Removed \*\*Velden harbour report\*\* \(`velden-report\.pdf`\)\. Now serving \d+ documents\.$/,
      );
      const receiverReplica = replicas[receiver === 'replica-a' ? 0 : 1] as HttpServer;
      await until(
        'the replica that added it no longer answers from it',
        async () => !(await askOn(receiverReplica, question)).includes('Velden harbour report'),
      );
      for (const folder of folders)
        await expect(readFile(path.join(folder, 'velden-report.pdf'))).rejects.toThrow(/ENOENT/);
    }, 120_000);

    it('counts the per-user rate limit across both replicas', async () => {
      ready();
      const asker = user();
      const replies: { replica: string; text: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const sent = await post(
          base,
          keys.privateKey,
          slash('ask', [{ name: 'question', type: STRING, value: 'regional GDP' }], asker),
        );
        replies.push({
          replica: sent.headers.get('x-factdesk-replica') ?? '',
          text: JSON.stringify(sent.body.data),
        });
      }
      expect(new Set(replies.map((r) => r.replica)).size).toBe(2);
      const limited = replies.filter((r) => r.text.includes("You're asking quickly"));
      // 3 uses per 60 s in all: per replica it would have been 3 each, and none refused.
      expect(limited).toHaveLength(2);
      expect(replies.slice(0, 3).every((r) => r.text.includes('13 trillion'))).toBe(true);
    });
  },
);
