import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/kernel';
import { WorkerModule } from '@app/platform';
import { Logger as PinoLogger } from 'nestjs-pino';

/** The worker process: outbox relay, BullMQ processors, audit sealing. No public HTTP. */
async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(PinoLogger));
  // SIGTERM/SIGINT: close the BullMQ worker (finishing jobs in hand), the relay and the pools.
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(
    `worker started (queue backend: ${config.redisUrl ? 'redis' : 'postgres'}, concurrency ${config.workerConcurrency})`,
  );
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(
    err instanceof ConfigError
      ? `${err.message}\n`
      : `worker start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
