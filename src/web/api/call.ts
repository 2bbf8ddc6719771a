import type { z } from 'zod';
import { fillPath, type RouteInput, type RouteResponse, type RouteSpec } from '../../common/api/route';
import { request, type QueryValue } from './client';

/**
 * Answers are checked against the route's schema in development and in tests (the browser tests
 * build with `--mode test`), so a server that drifts from its contract fails there, with the field
 * named. Production trusts the server and skips the parse, for speed.
 */
const checkAnswers = import.meta.env.DEV || import.meta.env.MODE === 'test';

/** An answer that does not match its route's schema. */
export class AnswerMismatch extends Error {
  constructor(route: RouteSpec, issues: z.core.$ZodIssue[]) {
    const first = issues[0];
    super(
      `${route.method} ${route.path}: the answer does not match its schema` +
        (first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : ''),
    );
    this.name = 'AnswerMismatch';
  }
}

/**
 * Calls a route of a table in src/common/api by its definition:
 * `call(problemsApi.get, { params: { id } })`. The URL is built from the route's path, so every
 * caller of a server route is found by searching for its name.
 */
export async function call<D extends RouteSpec & { consumes?: undefined }>(
  route: D,
  ...[input]: Record<string, never> extends RouteInput<D> ? [RouteInput<D>?] : [RouteInput<D>]
): Promise<RouteResponse<D>> {
  const path = fillPath(route.path, input?.params as Record<string, unknown> | undefined);
  const query = input?.query as Record<string, QueryValue> | undefined;
  // A POST without a body still sends {}, as the server's JSON parser wants one.
  const body = input?.body ?? (route.method === 'POST' ? {} : undefined);
  const answer = await request<unknown>(route.method, path, { query, body });
  return checked(route, answer);
}

/** The answer as its schema reads it, when answers are checked; otherwise as it came. */
export function checked<D extends RouteSpec>(route: D, answer: unknown): RouteResponse<D> {
  if (!checkAnswers) return answer as RouteResponse<D>;
  const result = route.response.safeDecode(answer);
  if (!result.success) throw new AnswerMismatch(route, result.error.issues);
  return result.data as RouteResponse<D>;
}

/**
 * Calls an upload route of a table (multipart/form-data, the form as its body):
 * `callForm(evidenceApi.upload, form, { params: { id } })`. The server reads the text fields
 * before the file part, so append them first. The answer is checked as `call` checks it.
 */
export async function callForm<D extends RouteSpec & { consumes: readonly string[] }>(
  route: D,
  form: FormData,
  input?: { params?: RouteInput<D>['params'] },
): Promise<RouteResponse<D>> {
  const path = fillPath(route.path, input?.params as Record<string, unknown> | undefined);
  const answer = await request<unknown>(route.method, path, { form });
  return checked(route, answer);
}
