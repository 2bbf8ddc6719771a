import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: '健康检查', response: { 200: healthSchema } },
    },
    async () => {
      // A real round trip: a health check that does not touch the database proves little.
      await app.services.db.execute(sql`select 1`);
      return {
        status: 'ok' as const,
        database: app.services.dbKind,
        version: '0.1.0',
        time: new Date().toISOString(),
      };
    },
  );
};
