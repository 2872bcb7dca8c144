import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, AppConfig, genRequestId, httpRequestDuration, validationFailed } from '@app/kernel';
import { Logger } from 'nestjs-pino';
import fastifyMultipart from '@fastify/multipart';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from './app.modules';
import { registerConsole } from './console-static';

export const API_PREFIX = 'api/v1';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const routesByApp = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();
const documentByApp = new WeakMap<NestFastifyApplication, OpenAPIObject>();

/** Every route the server answers (for the deny-by-default test and the route inventory). */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return routesByApp.get(app) ?? [];
}

/** The OpenAPI document the app serves at /api/docs-json (the console's client is generated from it). */
export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = documentByApp.get(app);
  if (!document) throw new Error('not an app built by createHttpApp');
  return document;
}

/** Builds the api application exactly as production runs it (tests use this too), without listening. */
export async function createHttpApp(config: AppConfig, opts: { withWorker: boolean }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: genRequestId,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, opts), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // the signed exchange checks Content-Digest against the exact bytes received (req.rawBody)
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  // Evidence uploads: streamed, one file per request, size-limited (413 past EVIDENCE_MAX_BYTES).
  await app.register(fastifyMultipart, { limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 5, fieldSize: 64 * 1024 } });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // the value tells an absent field ("is required") from a wrong one; it never leaves the pipe (flattenValidationErrors)
      validationError: { target: false, value: true },
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  const routes: RegisteredRoute[] = [];
  routesByApp.set(app, routes);
  fastify.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: req.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Patent Enforcement Desk API / 专利行政执法办案平台')
      .setDescription('See docs/api.md for the contract: errors, pagination, versions, idempotency.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  documentByApp.set(app, document);
  // The web console (apps/console, built into CONSOLE_DIR) at `/`; api routes keep precedence over its fallback.
  await registerConsole(fastify, config.consoleDir);
  await app.init();
  return app;
}
