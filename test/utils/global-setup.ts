import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { dbUrl, TEMPLATE_DB, TEST_ADMIN_DB_URL, TEST_DB_PREFIX, testEnv } from './test-env';

const root = path.resolve(__dirname, '../..');

/**
 * Builds the server (swc, well under a second) and the migrated, demo-seeded template database that every test
 * file's database is copied from (CREATE DATABASE … TEMPLATE: fast). Migrating and seeding go through the real cli.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--server'], { cwd: root, stdio: 'ignore' });
  const admin = new Client({ connectionString: TEST_ADMIN_DB_URL });
  await admin.connect();
  const stale = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
    `${TEST_DB_PREFIX}_`,
  ]);
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await admin.end();
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'seed:demo'], {
    cwd: root,
    env: { ...process.env, ...testEnv({ DATABASE_URL: dbUrl(TEMPLATE_DB) }) },
    stdio: 'pipe',
  });
}
