import { isCalendarDate } from '../calendar/calendar-date';
import { parseKeyRing } from '../crypto/key-ring';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The process environment as the application reads it; every variable is declared and validated here. */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: 'must be 1-40 letters, digits, - or _' })
  QUEUE_PREFIX = 'ped';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** key ring for personal data at rest: `k2:BASE64,k1:BASE64` (first encrypts; all decrypt) */
  @IsOptional()
  @IsString()
  FIELD_ENCRYPTION_KEYS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(90 * 86400)
  REFRESH_TTL_SECONDS = 14 * 86400;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(8 * 1024)
  @Max(1024 * 1024)
  ARGON2_MEMORY_KIB = 19456;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ARGON2_TIME_COST = 2;

  @IsOptional()
  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'demo-pass-2026';

  /** `npm start`'s first start fills a lived-in demo year (false: the demo users only); never outside the demo install */
  @IsOptional()
  @IsIn(['true', 'false'])
  DEMO_HISTORY: 'true' | 'false' = 'true';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @IsOptional()
  @IsString()
  DATA_DIR = '.data';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 20;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  OUTBOX_POLL_MS = 250;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600000)
  WORKER_LOCK_MS = 30_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600000)
  WORKER_STALLED_INTERVAL_MS = 30_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  CASE_SWEEP_INTERVAL_MS = 600_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  METRICS_ROLLUP_INTERVAL_MS = 300_000;

  @IsOptional()
  @IsString()
  EVIDENCE_DIR?: string;

  /** the built web console (`npm run build` writes it to dist/console); served at `/` when it exists */
  @IsOptional()
  @IsString()
  CONSOLE_DIR = 'dist/console';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(2 * 1024 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  AUDIT_SEAL_INTERVAL_MS = 1000;

  /** the credit platform's base URL (POST {url}/records, DELETE {url}/records/:receiptId) */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http:// or https:// URL' })
  CREDIT_PLATFORM_URL?: string;

  @IsOptional()
  @IsIn(['http', 'file'])
  CREDIT_ADAPTER: 'http' | 'file' = 'http';

  @IsOptional()
  @IsString()
  CREDIT_EXPORT_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  CREDIT_HTTP_TIMEOUT_MS = 10_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  CREDIT_SMALL_FINE_MAX_FEN = 300_000;

  // 较大数额 (行政处罚法 Art. 63): the fines and confiscations that give the party a right to a hearing. The law leaves the
  // amounts to the provinces; the defaults are the common provincial figures (individuals ¥10,000, organisations ¥100,000).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  PENALTY_HEARING_FINE_INDIVIDUAL_FEN = 1_000_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  PENALTY_HEARING_FINE_ORGANIZATION_FEN = 10_000_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  PENALTY_HEARING_CONFISCATION_INDIVIDUAL_FEN = 1_000_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  PENALTY_HEARING_CONFISCATION_ORGANIZATION_FEN = 10_000_000;

  /** 法制审核 (Art. 58): a penalty with a fine at or above this is a major decision, whatever the proposal says */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  PENALTY_MAJOR_FINE_FEN = 10_000_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  CREDIT_DISPLAY_MONTHS_SMALL = 3;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  CREDIT_DISPLAY_MONTHS = 36;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  CREDIT_SWEEP_INTERVAL_MS = 600_000;

  /** hotline SLA overrides in working days (JSON; parsed and checked by the hotline module at start) */
  @IsOptional()
  @IsString()
  HOTLINE_SLA_WORKING_DAYS?: string;

  /** hotline early-warning window and thresholds (JSON; parsed and checked by the hotline module at start) */
  @IsOptional()
  @IsString()
  HOTLINE_EARLY_WARNING?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(7 * 86_400_000)
  CREDIT_REDELIVER_AFTER_MS = 3_600_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  HOTLINE_SWEEP_INTERVAL_MS = 600_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  HOTLINE_WARNING_INTERVAL_MS = 300_000;

  /** this office's code in the cross-region exchange (province division code) */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit division code' })
  EXCHANGE_SELF_CODE = '120000';

  /** the private key this office signs exchange requests with: ed25519 base64 PKCS#8 DER, or SM2 hex (64 digits) */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^([A-Za-z0-9+/]{40,}={0,2}|[0-9a-fA-F]{64})$/, {
    message: 'must be an ed25519 key (base64 PKCS#8) or an SM2 key (64 hex digits)',
  })
  EXCHANGE_PRIVATE_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be 1-100 letters, digits, . _ : -' })
  EXCHANGE_KEY_ID?: string;

  @IsOptional()
  @IsIn(['ed25519', 'sm2-sm3'])
  EXCHANGE_ALGORITHM: 'ed25519' | 'sm2-sm3' = 'ed25519';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(120_000)
  EXCHANGE_HTTP_TIMEOUT_MS = 10_000;

  /** a pool connection not obtained within this is a 503 (server down, restarting, pool exhausted) */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DATABASE_CONNECT_TIMEOUT_MS = 5_000;

  /** a statement without an answer within this is abandoned (client side): no request waits longer on the database */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  DATABASE_QUERY_TIMEOUT_MS = 60_000;

  /** how often the relay looks for dispatched outbox rows whose job the queue no longer has (Redis lost or wiped) */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTBOX_RECONCILE_INTERVAL_MS = 30_000;

  /** earliest date of receipt (receivedOn) an intake or conversion accepts */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  RECEIVED_ON_EARLIEST = '2000-01-01';

  /** send Strict-Transport-Security (only behind TLS; the loopback demo install is plain HTTP) */
  @IsOptional()
  @IsIn(['true', 'false'])
  HSTS_ENABLED: 'true' | 'false' = 'false';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  EXCHANGE_SWEEP_INTERVAL_MS = 600_000;

  /** benchmarks only: accept exchange requests without checking signatures; refused unless NODE_ENV=test */
  @IsOptional()
  @IsIn(['true', 'false'])
  EXCHANGE_BENCH_SKIP_VERIFY: 'true' | 'false' = 'false';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(2 * 365 * 86400)
  HSTS_MAX_AGE_SECONDS = 31_536_000;

  /** HMAC key (base64, ≥ 32 bytes) of the caller-phone blind index; unset: derived from the active field key */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9+/_-]{43,}={0,2}$/, { message: 'must be at least 32 bytes, base64' })
  HOTLINE_BLIND_INDEX_KEY?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string | null;
  queuePrefix: string;
  jwtSecret: string;
  fieldEncryptionKeys: string;
  jwtAccessTtlSeconds: number;
  refreshTtlSeconds: number;
  loginRateLimitPerMinute: number;
  argon2: { memoryCost: number; timeCost: number };
  demoPassword: string;
  /** fill the demo install's lived-in year on its first start (DEMO_HISTORY) */
  demoHistory: boolean;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  dataDir: string;
  embeddedPgPort: number;
  workerConcurrency: number;
  outboxPollMs: number;
  workerLockMs: number;
  workerStalledIntervalMs: number;
  caseSweepIntervalMs: number;
  /** how often the worker recomputes live metric states (open overdue cases): their staleness bound */
  metricsRollupIntervalMs: number;
  evidenceDir: string;
  evidenceMaxBytes: number;
  consoleDir: string;
  auditSealIntervalMs: number;
  /** 行政处罚法 thresholds, in fen (PENALTY_*) */
  penalty: {
    hearingFineIndividualFen: number;
    hearingFineOrganizationFen: number;
    hearingConfiscationIndividualFen: number;
    hearingConfiscationOrganizationFen: number;
    majorFineFen: number;
  };
  credit: {
    platformUrl: string | null;
    adapter: 'http' | 'file';
    exportDir: string;
    httpTimeoutMs: number;
    smallFineMaxFen: number;
    displayMonthsSmall: number;
    displayMonths: number;
    sweepIntervalMs: number;
    redeliverAfterMs: number;
  };
  hotline: {
    slaWorkingDays: string | null;
    earlyWarning: string | null;
    sweepIntervalMs: number;
    warningIntervalMs: number;
    blindIndexKey: string | null;
  };
  exchange: {
    selfCode: string;
    privateKey: string | null;
    keyId: string;
    algorithm: 'ed25519' | 'sm2-sm3';
    httpTimeoutMs: number;
    sweepIntervalMs: number;
    /** benchmarks only (NODE_ENV=test): signatures are not checked */
    benchSkipVerify: boolean;
  };
  databaseConnectTimeoutMs: number;
  databaseQueryTimeoutMs: number;
  /** the bound on re-enqueueing a job lost with the queue: one reconcile interval after the backend answers again */
  outboxReconcileIntervalMs: number;
  receivedOnEarliest: string;
  hsts: { enabled: boolean; maxAgeSeconds: number };
  /** true when started by `npm start` without DATABASE_URL: a local, demo-only install. */
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment and returns the typed configuration, or throws a ConfigError naming every bad variable.
 * `embedded` is set by the embedded launcher after it has started its own PostgreSQL.
 */
export function loadConfig(env: NodeJS.ProcessEnv, opts: { embedded?: boolean } = {}): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { exposeDefaultValues: true });
  const problems = validateSync(vars, { whitelist: false, skipMissingProperties: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property} ${m.replace(`${e.property} `, '')}`),
  );
  const embedded = opts.embedded ?? false;
  if (!vars.DATABASE_URL) problems.push('DATABASE_URL is required (or start with `npm start` for the embedded database)');
  // The embedded launcher generates and keeps its own secret under DATA_DIR; every other install sets one.
  if (!vars.JWT_SECRET) problems.push('JWT_SECRET is required (at least 32 random characters)');
  if (!vars.FIELD_ENCRYPTION_KEYS) {
    problems.push('FIELD_ENCRYPTION_KEYS is required (e.g. k1:<32 random bytes, base64>; `npm run cli -- keys:generate`)');
  } else {
    try {
      parseKeyRing(vars.FIELD_ENCRYPTION_KEYS, 'FIELD_ENCRYPTION_KEYS');
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (vars.EXCHANGE_BENCH_SKIP_VERIFY === 'true' && vars.NODE_ENV !== 'test')
    problems.push('EXCHANGE_BENCH_SKIP_VERIFY is for benchmarks only (NODE_ENV=test); an exchange without signatures is never run');
  if (!isCalendarDate(vars.RECEIVED_ON_EARLIEST)) problems.push('RECEIVED_ON_EARLIEST must be a real date YYYY-MM-DD');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST ?? (embedded ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: vars.DATABASE_URL as string,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    redisUrl: vars.REDIS_URL ?? null,
    queuePrefix: vars.QUEUE_PREFIX,
    jwtSecret: vars.JWT_SECRET as string,
    fieldEncryptionKeys: vars.FIELD_ENCRYPTION_KEYS as string,
    jwtAccessTtlSeconds: vars.JWT_ACCESS_TTL_SECONDS,
    refreshTtlSeconds: vars.REFRESH_TTL_SECONDS,
    loginRateLimitPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
    argon2: { memoryCost: vars.ARGON2_MEMORY_KIB, timeCost: vars.ARGON2_TIME_COST },
    demoPassword: vars.DEMO_PASSWORD,
    demoHistory: vars.DEMO_HISTORY === 'true',
    logLevel: vars.LOG_LEVEL,
    dataDir: vars.DATA_DIR,
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    workerConcurrency: vars.WORKER_CONCURRENCY,
    outboxPollMs: vars.OUTBOX_POLL_MS,
    workerLockMs: vars.WORKER_LOCK_MS,
    workerStalledIntervalMs: vars.WORKER_STALLED_INTERVAL_MS,
    caseSweepIntervalMs: vars.CASE_SWEEP_INTERVAL_MS,
    metricsRollupIntervalMs: vars.METRICS_ROLLUP_INTERVAL_MS,
    evidenceDir: vars.EVIDENCE_DIR ?? `${vars.DATA_DIR}/evidence`,
    evidenceMaxBytes: vars.EVIDENCE_MAX_BYTES,
    consoleDir: vars.CONSOLE_DIR,
    auditSealIntervalMs: vars.AUDIT_SEAL_INTERVAL_MS,
    penalty: {
      hearingFineIndividualFen: vars.PENALTY_HEARING_FINE_INDIVIDUAL_FEN,
      hearingFineOrganizationFen: vars.PENALTY_HEARING_FINE_ORGANIZATION_FEN,
      hearingConfiscationIndividualFen: vars.PENALTY_HEARING_CONFISCATION_INDIVIDUAL_FEN,
      hearingConfiscationOrganizationFen: vars.PENALTY_HEARING_CONFISCATION_ORGANIZATION_FEN,
      majorFineFen: vars.PENALTY_MAJOR_FINE_FEN,
    },
    credit: {
      platformUrl: vars.CREDIT_PLATFORM_URL?.replace(/\/+$/, '') ?? null,
      adapter: vars.CREDIT_ADAPTER,
      exportDir: vars.CREDIT_EXPORT_DIR ?? `${vars.DATA_DIR}/credit-export`,
      httpTimeoutMs: vars.CREDIT_HTTP_TIMEOUT_MS,
      smallFineMaxFen: vars.CREDIT_SMALL_FINE_MAX_FEN,
      displayMonthsSmall: vars.CREDIT_DISPLAY_MONTHS_SMALL,
      displayMonths: vars.CREDIT_DISPLAY_MONTHS,
      sweepIntervalMs: vars.CREDIT_SWEEP_INTERVAL_MS,
      redeliverAfterMs: vars.CREDIT_REDELIVER_AFTER_MS,
    },
    hotline: {
      slaWorkingDays: vars.HOTLINE_SLA_WORKING_DAYS ?? null,
      earlyWarning: vars.HOTLINE_EARLY_WARNING ?? null,
      sweepIntervalMs: vars.HOTLINE_SWEEP_INTERVAL_MS,
      warningIntervalMs: vars.HOTLINE_WARNING_INTERVAL_MS,
      blindIndexKey: vars.HOTLINE_BLIND_INDEX_KEY ?? null,
    },
    exchange: {
      selfCode: vars.EXCHANGE_SELF_CODE,
      privateKey: vars.EXCHANGE_PRIVATE_KEY ?? null,
      keyId: vars.EXCHANGE_KEY_ID ?? `${vars.EXCHANGE_SELF_CODE}-1`,
      algorithm: vars.EXCHANGE_ALGORITHM,
      httpTimeoutMs: vars.EXCHANGE_HTTP_TIMEOUT_MS,
      sweepIntervalMs: vars.EXCHANGE_SWEEP_INTERVAL_MS,
      benchSkipVerify: vars.EXCHANGE_BENCH_SKIP_VERIFY === 'true',
    },
    databaseConnectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
    databaseQueryTimeoutMs: vars.DATABASE_QUERY_TIMEOUT_MS,
    outboxReconcileIntervalMs: vars.OUTBOX_RECONCILE_INTERVAL_MS,
    receivedOnEarliest: vars.RECEIVED_ON_EARLIEST,
    hsts: { enabled: vars.HSTS_ENABLED === 'true', maxAgeSeconds: vars.HSTS_MAX_AGE_SECONDS },
    embedded,
  };
}
