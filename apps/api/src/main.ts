import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/kernel';
import { DemoSeeder } from '@app/auth';
import { startCreditStandin } from '@app/credit';
import { createHttpApp, DemoHistorySeeder, runMigrations, startEmbeddedPostgres } from '@app/platform';
import { PartnersService } from '@app/transfers';
import path from 'node:path';

/**
 * `node main.js` runs the api alone (production: DATABASE_URL, REDIS_URL, JWT_SECRET set; migrations applied by
 * `npm run migrate`). `node main.js --all-in-one` (what `npm start` runs) also migrates, seeds the demo data once
 * and runs the worker in the same process; without DATABASE_URL it starts an embedded PostgreSQL under DATA_DIR.
 */
async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const started = Date.now();
  const allInOne = process.argv.includes('--all-in-one');
  let stopEmbedded: (() => Promise<void>) | null = null;
  const embedded = allInOne && !process.env.DATABASE_URL;
  if (embedded) {
    const db = await startEmbeddedPostgres({
      dataDir: process.env.DATA_DIR ?? '.data',
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
    process.env.DATABASE_URL = db.databaseUrl;
    process.env.JWT_SECRET ??= db.jwtSecret;
    process.env.FIELD_ENCRYPTION_KEYS ??= db.fieldEncryptionKeys;
    if (!process.env.EXCHANGE_PRIVATE_KEY) {
      process.env.EXCHANGE_PRIVATE_KEY = db.exchangePrivateKey;
      process.env.EXCHANGE_ALGORITHM = 'ed25519';
    }
    stopEmbedded = () => db.stop();
  }
  // No credit platform configured for the all-in-one demo: a local stand-in receives the publications instead.
  let stopStandin: (() => Promise<void>) | null = null;
  if (allInOne && !process.env.CREDIT_PLATFORM_URL && (process.env.CREDIT_ADAPTER ?? 'http') === 'http') {
    // a fixed port (CREDIT_STANDIN_PORT) and, in the embedded install, its records kept in the data folder
    const standin = await startCreditStandin(
      Number(process.env.CREDIT_STANDIN_PORT ?? 3901),
      '127.0.0.1',
      embedded ? path.join(process.env.DATA_DIR ?? '.data', 'credit-standin.json') : null,
    );
    process.env.CREDIT_PLATFORM_URL = standin.url;
    stopStandin = () => standin.stop();
    logger.warn(`CREDIT_PLATFORM_URL is not set: publications go to a local credit-platform STAND-IN at ${standin.url} (GET /records)`);
  }
  const config = loadConfig(process.env, { embedded });
  if (allInOne) {
    const applied = await runMigrations(config);
    if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
  }
  const app = await createHttpApp(config, { withWorker: allInOne || process.env.RUN_WORKER === 'true' });
  if (allInOne) {
    const demo = await app.get(DemoSeeder).seed();
    await app.get(PartnersService).seedDemo();
    // the first start of a demo install fills a lived-in year through the real services (DEMO_HISTORY=false: users only)
    if (demo.seeded && config.demoHistory) await app.get(DemoHistorySeeder).seed();
  }
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  logger.log(
    `ready in ${Date.now() - started} ms on ${url} (api docs: ${url}/api/docs; queue backend: ${config.redisUrl ? 'redis' : 'postgres'})`,
  );
  if (embedded) {
    logger.warn(
      'embedded mode: a local demo install listening on 127.0.0.1 only; demo users have the known DEMO_PASSWORD. Not for production.',
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    let code = 0;
    try {
      await app.close(); // runs every shutdown hook: http server, worker, relay, queue, pools
    } catch (err) {
      logger.error({ err }, 'error while closing the app');
      code = 1;
    }
    if (stopStandin) await stopStandin();
    if (stopEmbedded) await stopEmbedded();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
