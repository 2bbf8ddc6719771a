import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'duibiao_sid';
export const CSRF_COOKIE = 'duibiao_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const newToken = () => randomBytes(32).toString('base64url');
/** Sessions are stored under the hash of the cookie value. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
