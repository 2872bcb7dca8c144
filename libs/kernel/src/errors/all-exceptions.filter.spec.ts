import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { toErrorBody } from './all-exceptions.filter';

describe('error body', () => {
  it('maps coded domain errors to their status and keeps details', () => {
    const r = toErrorBody(DomainError.validation('respondents.0.uscc', 'bad check character'), 'req-1');
    expect(r).toEqual({
      status: 400,
      internal: false,
      body: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'respondents.0.uscc: bad check character',
        details: [{ field: 'respondents.0.uscc', message: 'bad check character' }],
        requestId: 'req-1',
      },
    });
    expect(toErrorBody(DomainError.versionConflict(2, 3), 'r').status).toBe(409);
  });

  it('maps framework and Fastify 4xx errors to stable codes', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'), 'r').body.code).toBe('NOT_FOUND');
    expect(toErrorBody(new BadRequestException('bad'), 'r').body.code).toBe('MALFORMED_REQUEST');
    const fastify = Object.assign(new Error('Unexpected token'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toErrorBody(fastify, 'r').body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toErrorBody(tooLarge, 'r').body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never leaks the message or stack of an unexpected error', () => {
    const r = toErrorBody(new Error('password authentication failed for user "postgres" at /srv/app/x.ts:12'), 'req-9');
    expect(r.status).toBe(500);
    expect(r.internal).toBe(true);
    expect(JSON.stringify(r.body)).not.toMatch(/password|postgres|x\.ts/);
    expect(r.body.requestId).toBe('req-9');
  });

  it('answers an unreachable database with 503 SERVICE_UNAVAILABLE, and an ordinary SQL error still with 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Connection terminated unexpectedly'), {
      driverError: new Error('Connection terminated unexpectedly'),
    });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    const poolWait = new Error('timeout exceeded when trying to connect');
    for (const e of [refused, wrapped, starting, poolWait, { driverError: refused }]) {
      const r = toErrorBody(e, 'req-5');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', requestId: 'req-5' });
    }
    const syntax = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    expect(toErrorBody(syntax, 'r').status).toBe(500);
  });
});
