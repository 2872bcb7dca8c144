import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/pg-errors';
import { DomainError } from './domain-error';
import { localizeErrorBody, messageLanguage } from './messages';
import { ErrorBody, ErrorCode } from './error-codes';

/** Seconds a client should wait before retrying a 503 (the database restarting, a failover). */
export const RETRY_AFTER_SECONDS = 5;

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'DUPLICATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Turns anything thrown into the error body of docs/api.md. 500s are logged with the request id, never echoed. */
export function toErrorBody(exception: unknown, requestId: string): { status: number; body: ErrorBody; internal: boolean } {
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      body: { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details, requestId },
      internal: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join('; ') : exception.message;
    const code = HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST');
    if (status < 500) return { status, body: { statusCode: status, code, message, requestId }, internal: false };
  }
  // An outage is not the caller's fault, nor a reason to drop their session: 503, never 401 or 500.
  if (isDatabaseUnavailable(exception)) {
    return {
      status: 503,
      body: {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: `the service is temporarily unavailable; try again in ${RETRY_AFTER_SECONDS} seconds`,
        requestId,
      },
      internal: false,
    };
  }
  // Fastify's own errors (malformed JSON, body too large, bad content type) carry a 4xx statusCode.
  const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const code = HTTP_STATUS_CODES[fastifyStatus] ?? 'MALFORMED_REQUEST';
    const message = fastifyStatus === 400 ? 'the request body is not valid JSON' : (exception as Error).message;
    return { status: fastifyStatus, body: { statusCode: fastifyStatus, code, message, requestId }, internal: false };
  }
  return {
    status: 500,
    body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'internal error; quote the request id when reporting it', requestId },
    internal: true,
  };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { status, body, internal } = toErrorBody(exception, String(request.id));
    if (internal) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    } else if (status === 503) {
      this.logger.warn({ err: (exception as Error).message, requestId: request.id }, 'dependency unavailable');
    }
    if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    // Chinese by default, English with Accept-Language: en; every detail keyed (errors/messages.ts)
    const localized = localizeErrorBody(body, messageLanguage(request.headers['accept-language']));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(localized);
  }
}
