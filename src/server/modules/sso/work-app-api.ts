import { AppError } from '../../lib/errors.js';

/** A person as DingTalk or WeCom tells who opened the app. */
export interface WorkAppUser {
  userId: string;
  name: string | null;
  mobile: string | null;
  employeeNo: string | null;
}

/** Both services answer `errcode` 0 for success; these codes mean the token itself went stale. */
const STALE_TOKEN = new Set([40014, 42001]);

export interface WorkAppAnswer {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

/**
 * An access token kept until shortly before it expires (both services issue them for two hours
 * and limit how often they may be fetched), and fetched again when the service calls it stale.
 */
export class AccessToken {
  private current: { value: string; until: number } | null = null;

  constructor(private readonly fetchToken: () => Promise<{ value: string; expiresInS: number }>) {}

  async get(): Promise<string> {
    if (this.current && this.current.until > Date.now()) return this.current.value;
    const { value, expiresInS } = await this.fetchToken();
    // Five minutes early, so a token never expires between our check and the service's.
    this.current = { value, until: Date.now() + Math.max(0, expiresInS - 300) * 1000 };
    return value;
  }

  /** Runs a call with the token, once more with a fresh one if the service says it went stale. */
  async call(request: (token: string) => Promise<WorkAppAnswer>): Promise<WorkAppAnswer> {
    const first = await request(await this.get());
    if (!STALE_TOKEN.has(first.errcode ?? 0)) return first;
    this.current = null;
    return request(await this.get());
  }
}

/** A JSON request to the service; a network failure or a non-JSON answer means it is unreachable. */
export async function askService(
  service: 'dingtalk' | 'wecom',
  url: string,
  body?: unknown,
): Promise<WorkAppAnswer> {
  try {
    const res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(8000),
    });
    return (await res.json()) as WorkAppAnswer;
  } catch (err) {
    throw new AppError('WORK_APP_UNREACHABLE', { service, reason: (err as Error).message.slice(0, 200) });
  }
}

/** A refusal by the service, with its own code and message kept for the audit log. */
export function refused(service: 'dingtalk' | 'wecom', answer: WorkAppAnswer): AppError {
  return new AppError('WORK_APP_FAILED', {
    service,
    errcode: answer.errcode ?? null,
    errmsg: typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : null,
  });
}

export const textOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 64) : null;
