import { spawn, type ChildProcess } from 'node:child_process';
import { ADMIN_PASSWORD } from './harness.js';
import { projectRoot } from './cli.js';

/**
 * The real server (`node --import tsx src/server/main.ts`) as a child process on loopback, for
 * tests that kill it. The port is chosen by the system (PORT=0) and read from the log line.
 */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote so far. */
  output(): string;
}

export function serverEnv(dataDir: string, databaseUrl: string | null): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    DATABASE_POOL_SIZE: '5',
    HOST: '127.0.0.1',
    PORT: '0',
    DUIBIAO_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DUIBIAO_DEMO: '1',
    DEMO_PASSWORD_CHANGE: '0',
    PASSWORD_HASH_COST: '1024',
    LOG_LEVEL: 'info',
  };
}

export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (out += more.toString()));
        resolve({ url: m[1]!, pid: child.pid!, child, exited, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${out}`)),
    );
  });
}

/** SIGKILL: no shutdown handler runs, nothing is flushed or released. */
export async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  if (signal !== 'SIGKILL') throw new Error(`expected the server to die of SIGKILL, got ${signal}`);
}

export async function stopGracefully(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return (await server.exited).code;
}

/**
 * A browser over real HTTP: keeps cookies and echoes the CSRF cookie in the X-CSRF-Token header on
 * state-changing requests, as the web client does.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get csrf(): string | undefined {
    return this.cookies.get('duibiao_csrf');
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.remember(res);
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async login(username: string, password: string): Promise<this> {
    await this.request('GET', '/api/auth/me');
    await this.json('POST', '/api/auth/login', { username, password });
    return this;
  }

  /** A multipart upload in one piece, fields first, then the file. */
  async upload(path: string, fields: Record<string, string>, fileName: string, content: Buffer) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'x-csrf-token': this.csrf ?? '' },
      body: form,
    });
    this.remember(res);
    return res;
  }
}
