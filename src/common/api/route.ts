import type { z } from 'zod';

/**
 * One API route as both sides know it: the server registers it from this (`registerRoutes` in
 * src/server/lib/routes.ts) and the web calls it by name (`call` in src/web/api/call.ts), so the
 * path, the inputs and the answer are written once. Paths are relative to /api; `:name` segments
 * are filled from `params`.
 *
 * A response schema must not transform: the server encodes its answer with it and the web, in
 * development and tests, parses the JSON with it, and only a schema without transforms reads the
 * same both ways (production does not parse, for speed).
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The OpenAPI summary, shown at /api/docs. */
  summary: string;
  /** The OpenAPI group; `defineRoutes` sets it to the table's name. */
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Content types of the body other than JSON, for OpenAPI: an upload route says
   * `['multipart/form-data']`, has no body schema and reads its parts in the handler.
   */
  consumes?: readonly string[];
  /** The 200 answer. */
  response: z.ZodType;
}

/** A route as written in a table, before the table's name is added as its tag. */
export type RouteSpec = Omit<RouteDef, 'tag'>;

/** A part of a route's input: optional when every field in it is. */
type Part<K extends string, S> = S extends z.ZodType
  ? Record<string, never> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: undefined };

/** What a route takes, as a caller writes it (before the schema's defaults and coercions). */
export type RouteInput<D extends RouteSpec> = Part<'params', D['params']> &
  Part<'query', D['query']> &
  Part<'body', D['body']>;

/** The answer of a route. */
export type RouteResponse<D extends RouteSpec> = z.output<D['response']>;

/**
 * A module's routes under one name: `defineRoutes('cases', { list: { method: 'GET', … } })`.
 * The keys are the names the server gives each handler and the web calls.
 */
export function defineRoutes<const T extends Record<string, RouteSpec>>(
  tag: string,
  routes: T,
): { [K in keyof T]: T[K] & { tag: string } } {
  const out: Record<string, RouteDef> = {};
  for (const [name, route] of Object.entries(routes)) out[name] = { ...route, tag };
  return out as { [K in keyof T]: T[K] & { tag: string } };
}

/**
 * The path of a route with its `:name` segments filled in, each value URI-encoded. A segment the
 * params do not name throws: a route called without its id is a programming error.
 */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`route ${path} called without "${name}"`);
    return encodeURIComponent(String(value));
  });
}
