import type { ErrorBody, ErrorCode, FieldIssue } from '../../common/errors';

/** The cookie the server sets for double-submit CSRF protection; the page echoes it in a header. */
const CSRF_COOKIE = 'duibiao_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

/** Codes the client makes up itself when the server could not be reached or did not answer in JSON. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A failed API call, carrying the server's code and both language versions of its message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(
    status: number,
    code: ClientErrorCode,
    messageZh: string,
    messageEn: string,
    details?: unknown,
  ) {
    super(messageEn);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }

  /** Field problems of a VALIDATION_FAILED answer; empty for every other error. */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; form?: FormData; query?: Record<string, QueryValue> } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body sets its own multipart Content-Type, boundary included.
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器,请检查网络后重试',
      'Cannot reach the server; check the network',
    );
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;
  if (isErrorBody(data)) {
    const { code, message, messageEn, details } = data.error;
    throw new ApiError(response.status, code, message, messageEn ?? message, details);
  }
  throw new ApiError(
    response.status,
    'INTERNAL',
    `服务器返回了错误(${response.status}),请稍后再试`,
    `The server answered with an error (${response.status}); try again later`,
  );
}
