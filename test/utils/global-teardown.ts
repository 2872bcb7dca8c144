import { Client } from 'pg';
import { TEST_ADMIN_DB_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: TEST_ADMIN_DB_URL });
  await admin.connect();
  const dbs = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ped_test_%'");
  for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
