import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Plays a browser against app.inject: keeps cookies and echoes the CSRF cookie in the header,
 * exactly as the web client does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  /** Set to false to send state-changing requests without the CSRF header. */
  sendCsrf = true;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip: string,
  ) {}

  get csrf(): string | undefined {
    return this.cookies.get('duibiao_csrf');
  }

  async request(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.sendCsrf && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    for (const c of res.cookies) {
      const expired =
        c.maxAge === 0 || (c.expires instanceof Date && c.expires.getTime() <= Date.now() && !c.value);
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** A multipart/form-data upload as a browser form sends it: fields first, then the file. */
  upload(
    url: string,
    fields: Record<string, string>,
    fileName: string,
    content: Buffer,
    contentType = 'application/octet-stream',
  ) {
    const boundary = `----duibiao${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request('POST', url, Buffer.concat(parts), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }
}

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse): T => res.json() as T;
export const errorCode = (res: LightMyRequestResponse): string | undefined =>
  (res.json() as { error?: { code?: string } }).error?.code;
