import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { levels } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Fields that must never reach a log line: credentials and personal data that may travel in headers or bodies. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-exchange-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.idNumber',
  '*.phone',
];

/** Probes scraped every few seconds: a line each would drown the log (600k lines in one health benchmark). */
const UNLOGGED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * The request's whole path. The middleware runs mounted, and the mount strips its path from `req.url` (a probe at
 * `/health/live` arrives as `/`), so the path comes from `originalUrl`, which keeps what the client sent.
 */
function requestPath(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/** Set on the raw request by the JWT guard once the caller is known. */
const userIdOf = (req: unknown): string | undefined => (req as { userId?: string }).userId;

@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>): DynamicModule {
    const requestLines = (levels.values[config.logLevel] ?? levels.values.info) <= levels.values.info;
    return {
      module: LoggingModule,
      imports: [
        PinoLoggerModule.forRoot({
          // Nest 11's path syntax for "every route" (the default '*' logs a legacy-route warning at start-up).
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          // the probes skip the middleware altogether (no per-request child logger); `ignore` below stays as a net
          exclude: [...UNLOGGED_PATHS].map((p) => ({ path: p.slice(1), method: RequestMethod.ALL })),
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
            // The request id is made by Fastify (genReqId); pino-http reuses it so log lines and responses match.
            genReqId: (req) => (req as unknown as { id: string }).id,
            // The caller's id on the request's line itself, added when it is written (customProps would make two more
            // child loggers per request, one of them before authentication, when there is no user yet).
            customSuccessObject: (req, _res, line: object) => ({ ...line, userId: userIdOf(req) }),
            customErrorObject: (req, _res, _err, line: object) => ({ ...line, userId: userIdOf(req) }),
            // Below the configured level a request line is not built at all.
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : requestLines ? 'info' : 'silent'),
            serializers: {
              // Only the path, never the query string: search terms can be names or ID numbers.
              req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({
                id: req.id,
                method: req.method,
                path: requestPath(req),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => UNLOGGED_PATHS.has(requestPath(req)) },
          },
        }),
      ],
    };
  }
}
