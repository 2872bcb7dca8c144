import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public, withTimeout } from '@app/kernel';
import { JobQueue } from '@app/outbox';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

type Check = 'up' | 'down';

export class LiveDto {
  @ApiProperty({ enum: ['ok'], enumName: 'LiveStatus' })
  status!: 'ok';
}

export class ReadyDto {
  @ApiProperty({ enum: ['ok', 'error'], enumName: 'ReadyStatus' })
  status!: 'ok' | 'error';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down'] },
    description: 'database, and redis or queue: up or down',
  })
  checks!: Record<string, Check>;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobQueue: JobQueue,
  ) {}

  /** The process is alive (no dependencies checked): for restart decisions. */
  @Get('live')
  @Public()
  @ApiOkResponse({ type: LiveDto })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve: the database answers and the queue backend (Redis, or PostgreSQL) answers. */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadyDto, description: 'every check up' })
  @ApiServiceUnavailableResponse({ type: ReadyDto, description: 'a check down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'error'; checks: Record<string, Check> }> {
    const [database, queue] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000, 'timeout').then(
        (): Check => 'up',
        (): Check => 'down',
      ),
      this.jobQueue.ping().then(
        (): Check => 'up',
        (): Check => 'down',
      ),
    ]);
    const checks = { database, [this.jobQueue.factory.kind === 'redis' ? 'redis' : 'queue']: queue };
    const ok = Object.values(checks).every((c) => c === 'up');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks };
  }
}
