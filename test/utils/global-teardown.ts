import IORedis from 'ioredis';
import { Client } from 'pg';
import { TEST_ADMIN_DB_URL, TEST_DB_PREFIX, TEST_REDIS_URL } from './test-env';

/** Drops every test database and queue key left by this run, or by an earlier one that was interrupted. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: TEST_ADMIN_DB_URL });
  await admin.connect();
  const dbs = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
    `${TEST_DB_PREFIX}_`,
  ]);
  for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();

  const redis = new IORedis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_DB_PREFIX}_*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis not reachable: nothing to clean
  } finally {
    redis.disconnect();
  }
}
