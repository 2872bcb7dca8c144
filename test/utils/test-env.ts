/** Where the e2e tests find PostgreSQL and Redis (the CI machine runs both on their standard ports). */
export const TEST_ADMIN_DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Every database and queue key a run makes starts with this prefix; set TEST_DB_PREFIX to run two suites side by
 * side on one server (e.g. from two git worktrees) without either dropping the other's databases.
 */
export const TEST_DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'ped_test';
export const TEMPLATE_DB = `${TEST_DB_PREFIX}_template`;
export const TEST_JWT_SECRET = 'test-only-secret-0123456789-abcdefghijklmnop';
export const DEMO_PASSWORD = 'demo-pass-2026';

export function dbUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DB_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Environment for an app under test: fast argon2, quick loops, no log noise. */
export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    FIELD_ENCRYPTION_KEYS: `t1:${Buffer.alloc(32, 1).toString('base64')}`,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '50',
    WORKER_LOCK_MS: '3000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    AUDIT_SEAL_INTERVAL_MS: '200',
    DATABASE_POOL_SIZE: '5',
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    DEMO_PASSWORD,
    ...overrides,
  };
}
