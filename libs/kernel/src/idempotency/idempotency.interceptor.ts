import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;
/** An in-progress claim older than this belongs to a request that died; the key may be used again. */
const STALE_CLAIM_MS = 60_000;

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/**
 * `Idempotency-Key` on creating POSTs (docs/api.md): the same key and body return the first response again;
 * the same key with another body is 409 IDEMPOTENCY_KEY_REUSED; keys are per user and kept 24 hours.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const header = req.headers['idempotency-key'];
    if (header === undefined || !req.user) return next.handle();
    return from(this.run(context, req, String(header), next));
  }

  private async run(
    context: ExecutionContext,
    req: FastifyRequest & { user?: { id: string } },
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    if (!KEY.test(key)) throw DomainError.validation('Idempotency-Key', 'must be 8-200 letters, digits or ._:-');
    const userId = (req.user as { id: string }).id;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.routeOptions.url ?? req.url}\n${canonical(req.body)}`)
      .digest('hex');
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, state) VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.state = 'in_progress' AND idempotency_keys.created_at < now() - make_interval(secs => $4)
            OR idempotency_keys.created_at < now() - interval '24 hours'
       RETURNING 1`,
      [userId, key, requestHash, STALE_CLAIM_MS / 1000],
    );
    if (claimed.length === 0) {
      const [row] = await this.dataSource.query<
        { request_hash: string; state: string; response_status: number | null; response_body: unknown }[]
      >('SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key]);
      if (!row || row.request_hash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
      }
      if (row.state !== 'done') throw new DomainError('DUPLICATE', 'a request with this Idempotency-Key is still in progress');
      void reply.status(row.response_status ?? 200).header('idempotent-replayed', 'true');
      return row.response_body;
    }
    try {
      const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.dataSource.query(
        `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2`,
        [userId, key, reply.statusCode, JSON.stringify(body ?? null)],
      );
      return body;
    } catch (err) {
      // A refused request leaves no trace: the client may correct it and send it again with the same key.
      await this.dataSource.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key]);
      throw err;
    }
  }
}

/** Marks a creating POST as accepting `Idempotency-Key`. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'repeat the request safely: same key and body → the first response',
    }),
  );
