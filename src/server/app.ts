import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { AppError } from './lib/errors.js';
import { inspectInput } from './lib/input-guard.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { createServices, serverModules, type Services } from './modules.js';
import type { FileStore } from './lib/storage.js';
import { fileStoreFor } from './lib/file-store.js';
import { registerAuthHooks } from './modules/auth/auth.hooks.js';
import { SESSION_COOKIE } from './modules/auth/session-token.js';
import type { FieldIssue } from '../common/errors.js';

// Validation messages in Chinese: the UI shows them as they are.
z.config(z.locales.zhCN());

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Folder of the built web client; omitted in API-only tests. */
  webDir?: string | null;
  logger?: boolean;
  /** Evidence file store; defaults to what the configuration names (`fileStoreFor`). */
  files?: FileStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    /** Every API route as "METHOD /path", for the role × endpoint test that must cover them all. */
    apiRoutes: string[];
  }
}

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ? { level: deps.config.logLevel } : false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  const files = deps.files ?? fileStoreFor(deps.config);
  // Leftovers of uploads cut off by a crash; an hour is far longer than any upload takes.
  app.addHook('onReady', async () => {
    const removed = await files.sweepTemporary(60 * 60 * 1000, clock.now());
    if (removed > 0) app.log.info(`removed ${removed} unfinished upload file(s)`);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate(
    'services',
    createServices({
      db: deps.database.db,
      dbKind: deps.database.kind,
      config: deps.config,
      clock,
      files,
    }),
  );

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? '格式不正确',
      }));
      return reply.status(400).send(new AppError('VALIDATION_FAILED', issues).toBody());
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE').toBody());
    if (status && status >= 400 && status < 500) {
      // Malformed JSON, wrong content type and similar client mistakes.
      return reply
        .status(400)
        .send(new AppError('VALIDATION_FAILED', [{ path: 'body', message: '请求格式不正确' }]).toBody());
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL').toBody());
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (!reply.hasHeader('Content-Security-Policy')) {
      reply.header(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10, fieldSize: 1000 },
    // Keep the name as sent, so a path in it is refused rather than silently stripped.
    preservePath: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Duibiao 对标 API', version: '0.1.0', description: '“五个一”对标活动管理系统接口' },
    },
    transform: jsonSchemaTransform,
  });
  // The API description is a map of every endpoint: by default only signed-in users get it.
  if (deps.config.apiDocs !== 'off') {
    await app.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      // The viewer needs inline scripts of its own; our strict CSP applies everywhere else.
      staticCSP: false,
      transformSpecificationClone: true,
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/docs')) return;
    reply.header('Content-Security-Policy', "frame-ancestors 'none'");
    if (deps.config.apiDocs !== 'signed_in') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await app.services.auth.resolveSession(token, { activity: false }) : null;
    if (!session || session === 'expired') throw new AppError('UNAUTHENTICATED');
  });

  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const m of methods) if (m !== 'HEAD') apiRoutes.push(`${m} ${route.url}`);
  });

  // A forwarded address without TRUST_PROXY means a proxy whose clients all look like one
  // address (the proxy's). Requests cannot be refused for it (anyone may send the header), so the
  // operator is told, once, at the first such request.
  let proxyWarned = deps.config.trustProxy;
  app.addHook('onRequest', async (request) => {
    if (proxyWarned || !request.headers['x-forwarded-for']) return;
    proxyWarned = true;
    app.log.warn(
      'X-Forwarded-For received but TRUST_PROXY is off: if the server runs behind a reverse proxy, set TRUST_PROXY=true (docs/OPERATIONS.md, "Running behind a proxy"); until then every user shares the proxy\'s address in the audit log and login throttling',
    );
  });
  registerAuthHooks(app, clock);
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const problem = inspectInput(value);
      if (problem) {
        const message =
          problem === 'too_deep'
            ? '提交的内容层级过深'
            : '内容中含有无效字符(空字符、不完整的编码、改变文字方向或仅有不可见的格式字符)';
        throw new AppError('VALIDATION_FAILED', [{ path: part, message }]);
      }
    }
  });
  await app.register(
    async (api) => {
      for (const module of serverModules) for (const routes of module.routes) await api.register(routes);
    },
    { prefix: '/api' },
  );

  const webDir = deps.webDir === undefined ? defaultWebDir : deps.webDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: ['index.html'] });
    // Client-side routes: any non-API GET that is not a file gets the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send(new AppError('NOT_FOUND').toBody());
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(new AppError('NOT_FOUND').toBody()));
  }

  return app;
}
