import { errorCatalog, type ErrorCode, type ErrorBody } from '../../common/errors.js';

/** The one error type of the server. The error handler maps it to HTTP via the shared catalog. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** A more precise Chinese message than the catalog's, when the service knows one. */
    readonly messageZh?: string,
  ) {
    super(messageZh ?? errorCatalog[code].en);
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }

  toBody(): ErrorBody {
    const entry = errorCatalog[this.code];
    return {
      error: {
        code: this.code,
        message: this.messageZh ?? entry.zh,
        messageEn: entry.en,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/** PostgreSQL unique violation on the named constraint (both engines report the same SQLSTATE). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = findPgError(err);
  return !!e && e.code === '23505' && (!constraint || e.constraint === constraint);
}

export function isForeignKeyViolation(err: unknown): boolean {
  return findPgError(err)?.code === '23503';
}

function findPgError(err: unknown): { code?: string; constraint?: string } | null {
  // drizzle wraps driver errors; the PostgreSQL fields sit on the error or on its cause.
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const o = e as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return o as { code: string };
    e = o.cause;
  }
  return null;
}
