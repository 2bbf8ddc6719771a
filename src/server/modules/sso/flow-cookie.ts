import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { secureCookies } from '../auth/auth.hooks.js';

/** The page that explains a failed company sign-in, in the user's language, by code. */
const signInErrorPage = (code: string) => `/login/sso-error?code=${encodeURIComponent(code)}`;

/**
 * One step of a provider's round trip (its start or its callback), answered by a redirect: the
 * browser came by navigation, not from the page's script, so a refusal goes to the page that
 * explains it instead of a JSON error.
 */
export async function redirectOrExplain(
  reply: FastifyReply,
  step: () => string | Promise<string>,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await step(), 302);
  } catch (err) {
    if (err instanceof AppError) return reply.redirect(signInErrorPage(err.code), 302);
    throw err;
  }
}

/** Ten minutes to get through the provider's pages and back. */
const FLOW_MAX_AGE_S = 10 * 60;

/**
 * What a browser carries through a provider's round trip (state, verifier, the page to return
 * to): an httpOnly cookie sent only on the sign-in's own paths, read once at the callback.
 */
export function flowCookie<T extends object>(name: string, path: string, isFlow: (v: Partial<T>) => boolean) {
  return {
    set(request: FastifyRequest, reply: FastifyReply, flow: T): void {
      reply.setCookie(name, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
        path,
        httpOnly: true,
        // Lax: the provider brings the browser back by a top-level GET from its own site.
        sameSite: 'lax',
        secure: secureCookies(request),
        maxAge: FLOW_MAX_AGE_S,
      });
    },
    read(request: FastifyRequest): T | null {
      const raw = request.cookies[name];
      if (!raw) return null;
      try {
        const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<T>;
        return isFlow(flow) ? (flow as T) : null;
      } catch {
        return null;
      }
    },
    clear(reply: FastifyReply): void {
      reply.clearCookie(name, { path });
    },
  };
}
