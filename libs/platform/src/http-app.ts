import { BadRequestException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  AppConfig,
  assertSafeInput,
  configureDateBounds,
  genRequestId,
  httpRequestDuration,
  localizeErrorBody,
  logRequest,
  messageLanguage,
  rootLogger,
  toErrorBody,
  validationFailed,
  AppValidationPipe,
} from '@app/kernel';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import fastifyMultipart from '@fastify/multipart';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
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
    // a URL Fastify cannot decode (bad percent-encoding) is refused before any route: the api.md body all the same
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      const { body } = toErrorBody(new BadRequestException('the URL is not valid (bad percent-encoding)'), String(req.id));
      void reply
        .status(status)
        .header('x-request-id', req.id)
        .header('content-type', 'application/json; charset=utf-8')
        .send(localizeErrorBody(body, messageLanguage(req.headers['accept-language'])));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, opts), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // the signed exchange checks Content-Digest against the exact bytes received (req.rawBody)
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  configureDateBounds({ receivedOnEarliest: config.receivedOnEarliest });
  // helmet itself, built once: @fastify/helmet built a new helmet middleware (parsing the CSP again) for every request
  const securityHeaders = helmet(helmetOptions(config));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  // Evidence uploads: streamed, one file per request, size-limited (413 past EVIDENCE_MAX_BYTES).
  await app.register(fastifyMultipart, { limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 5, fieldSize: 64 * 1024 } });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(
    new AppValidationPipe({
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
    // API answers carry personal data (callers, parties, exports): never kept by a browser or a proxy.
    if (req.url.startsWith(`/${API_PREFIX}/`)) void reply.header('cache-control', 'no-store');
  });
  // Before authentication and validation: too deep, NUL or lone surrogates anywhere in the query or a JSON body → 400.
  fastify.addHook('preValidation', async (req) => {
    assertSafeInput(req.query);
    if (!req.isMultipart()) assertSafeInput(req.body);
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: req.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
    // passport put the caller on the request (after the JWT guard); a login's line names nobody
    const userId = (req as { user?: { id?: string } }).user?.id;
    logRequest(rootLogger(), {
      id: String(req.id),
      method: req.method,
      url: req.url,
      statusCode: reply.statusCode,
      elapsedMs: reply.elapsedTime,
      userId,
    });
    done();
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

/**
 * Security headers (helmet): nosniff, no framing (X-Frame-Options DENY and frame-ancestors 'none'), no
 * referrer, and a CSP for a single-page console served from this origin later: scripts, styles, fonts, images and
 * API calls from 'self' only; inline styles allowed (antd writes them), inline scripts not. The OpenAPI UI at
 * /api/docs loads only its own files, so it works under the same policy. HSTS only when configured (behind TLS).
 */
function helmetOptions(config: AppConfig) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the console previews evidence and documents (文书) it fetched with the access token as blob URLs: images,
        // and PDFs in an iframe (a blob document inherits this policy, so Chrome's PDF viewer needs object-src blob: too)
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'self'", 'blob:'],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.hsts.enabled ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    hsts: config.hsts.enabled ? { maxAge: config.hsts.maxAgeSeconds, includeSubDomains: true } : false,
  };
}
