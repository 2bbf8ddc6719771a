import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RouteDef, RouteResponse } from '../../common/api/route.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;

/** The request a handler receives: params, query and body already checked by the route's schemas. */
export type RouteRequest<D extends RouteDef> = FastifyRequest & {
  params: Parsed<D['params']>;
  query: Parsed<D['query']>;
  body: Parsed<D['body']>;
};

export type RouteHandler<D extends RouteDef> = (
  request: RouteRequest<D>,
  reply: FastifyReply,
) => Promise<RouteResponse<D>> | RouteResponse<D>;

/** A handler, or a handler with the route's server-side flags (`public`, `passive`, …). */
export type RouteImpl<D extends RouteDef> =
  RouteHandler<D> | { config: FastifyContextConfig; handler: RouteHandler<D> };

/**
 * The plugin that mounts a route table from src/common/api: `handlers` gets the app (for
 * `app.services`) and answers one handler per route name, so a route of the table without a
 * handler, or a handler for no route, fails the typecheck. Fastify checks the inputs and encodes
 * the answer with the table's zod schemas.
 */
export function tableRoutes<T extends Record<string, RouteDef>>(
  table: T,
  handlers: (app: FastifyInstance) => { [K in keyof T]: RouteImpl<T[K]> },
): FastifyPluginAsyncZod {
  return async (app) => {
    const impls = handlers(app) as Record<string, RouteImpl<RouteDef>>;
    for (const [name, route] of Object.entries(table)) {
      const impl = impls[name];
      if (!impl) throw new Error(`route ${route.method} ${route.path} (${name}) has no handler`);
      const { config, handler } = typeof impl === 'function' ? { config: {}, handler: impl } : impl;
      app.route({
        method: route.method,
        url: route.path,
        config,
        schema: {
          tags: [route.tag],
          summary: route.summary,
          ...(route.params && { params: route.params }),
          ...(route.query && { querystring: route.query }),
          ...(route.body && { body: route.body }),
          ...(route.consumes && { consumes: route.consumes }),
          response: { 200: route.response },
        },
        handler: (request, reply) => handler(request as RouteRequest<RouteDef>, reply),
      });
    }
  };
}
