import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule, PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
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

/** What a request's line says of it: only the path, never the query string (search terms can be names or ID numbers). */
interface RequestFacts {
  id: string;
  method: string;
  url: string;
  statusCode: number;
  elapsedMs: number;
  /** the caller, once the JWT guard knows them */
  userId?: string;
}

/**
 * One line per request, written when the answer has gone (a Fastify onResponse hook, `createHttpApp`): no middleware,
 * no child logger and no AsyncLocalStorage per request. nestjs-pino's request middleware did all three — on Node 20 an
 * AsyncLocalStorage in use puts a hook on every promise, which halved the throughput of the lightest route. Lines
 * logged inside a request carry its id where they say so (`requestId`, as the error filter does).
 */
export function logRequest(logger: Logger | undefined, r: RequestFacts): void {
  if (!logger) return;
  const path = r.url.split('?')[0];
  if (UNLOGGED_PATHS.has(path)) return;
  const failed = r.statusCode >= 500;
  if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
  const line = {
    req: { id: r.id, method: r.method, path },
    res: { statusCode: r.statusCode },
    responseTime: Math.round(r.elapsedMs),
    userId: r.userId,
  };
  if (failed) logger.error(line, 'request errored');
  else logger.info(line, 'request completed');
}

/** The process's pino logger (nestjs-pino's root, with the level and redaction below); undefined before the app is built. */
export function rootLogger(): Logger | undefined {
  return PinoLogger.root;
}

@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        PinoLoggerModule.forRoot({
          // No route gets nestjs-pino's middleware (see logRequest); it still builds the logger from `pinoHttp`.
          forRoutes: [],
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
            // logRequest writes plain `req`/`res` facts: pino-http's serializers (which read a raw request) stay out
            wrapSerializers: false,
            serializers: { req: (req: unknown) => req, res: (res: unknown) => res },
          },
        }),
      ],
    };
  }
}
