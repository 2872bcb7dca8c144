import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, AppConfig, genRequestId, httpRequestDuration, toErrorBody, validationFailed } from '@app/kernel';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './app.modules';

export const API_PREFIX = 'api/v1';

/** Builds the api application exactly as production runs it (tests use this too), without listening. */
export async function createHttpApp(config: AppConfig, opts: { withWorker: boolean }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: genRequestId,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, opts), adapter, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: req.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });
  // Errors raised by Fastify before Nest sees the request (malformed JSON, oversized body) get the same error body.
  fastify.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err, String(req.id));
    void reply.status(status).send(body);
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
  await app.init();
  return app;
}
