import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app.js';
import { type HttpServer, startHttpServer } from '../../src/transports/http/server.js';
import { metricValue, newKeys, ping, post, STRING, slash, testApp } from './helpers.js';

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
