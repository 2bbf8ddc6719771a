import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The load test's servers: N instances of the real server (`src/server/main.ts`) on one
 * PostgreSQL database and one evidence directory, behind an nginx of their own (a config in a temp
 * directory, never the system's service), as a deployment with two instances would run.
 */

export interface Instance {
  n: number;
  port: number;
  child: ChildProcess;
  /** Resolves once the process is gone. */
  exited: Promise<void>;
}

/** The nginx binary, or null when it is not installed (the load test then says so and skips). */
export function findNginx(): string | null {
  for (const bin of [process.env.NGINX_BIN, '/usr/sbin/nginx', 'nginx'].filter(Boolean) as string[]) {
    const res = spawnSync(bin, ['-v'], { stdio: 'ignore' });
    if (res.status === 0) return bin;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function startInstance(
  n: number,
  port: number,
  env: Record<string, string>,
  root: string,
  logDir: string,
): Instance {
  mkdirSync(logDir, { recursive: true });
  // Each instance's log goes to a file of its own, so the summary stays readable.
  const log = openSync(path.join(logDir, `load-server-${n}.log`), 'w');
  // Node itself, with tsx as a loader: through the tsx launcher a SIGKILL would kill only the
  // launcher and leave the server running.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...(process.env as Record<string, string>), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { n, port, child, exited };
}

export async function waitForHealth(url: string, alive: () => boolean, seconds = 300) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`server behind ${url} exited`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy`);
}

/**
 * The proxy. Passive failover: a request that cannot reach an instance (connection refused or
 * reset before an answer, a 502/503, a timeout) goes to the other one, and the failed instance is
 * left out for 10 s before nginx tries it again.
 *
 * What may be retried is nginx's default, on purpose, without `non_idempotent`: a POST or PATCH is
 * passed to the other instance only if it never reached the first (connection refused), so a
 * record created or submitted on an instance that died before answering is not created twice. A
 * PUT is retried even after it was sent, as HTTP allows, and that is safe here because every save
 * carries the version it edits: if the first instance committed it before dying, the retry finds
 * the version moved and is refused (409) instead of writing the record twice.
 */
export function nginxConfig(dir: string, port: number, upstreams: number[], user: string | null): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n');
  return `${user ? `user ${user};\n` : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream duibiao {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 50m;
    location / {
      proxy_pass http://duibiao;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export interface Proxy {
  port: number;
  stop(): void;
}

export async function startNginx(bin: string, upstreams: number[]): Promise<Proxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'duibiao-load-nginx-'));
  const port = await freePort();
  // As root nginx would run its worker as nobody, which cannot write the private temp directory.
  const user = process.getuid?.() === 0 ? 'root' : null;
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, upstreams, user));
  const child = spawn(
    bin,
    ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  await waitForHealth(`http://127.0.0.1:${port}`, () => child.exitCode === null, 30);
  return { port, stop };
}
