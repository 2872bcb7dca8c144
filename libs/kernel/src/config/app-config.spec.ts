import { ConfigError, loadConfig } from './app-config';

const base = {
  DATABASE_URL: 'postgres://u@h:5432/db',
  JWT_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('loadConfig', () => {
  it('applies defaults and types', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', redisUrl: null, queuePrefix: 'ped', jwtAccessTtlSeconds: 900, embedded: false });
    expect(c.argon2).toEqual({ memoryCost: 19456, timeCost: 2 });
  });

  it('reads numbers from strings and listens on loopback only when embedded', () => {
    const c = loadConfig({ ...base, PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379' }, { embedded: true });
    expect(c).toMatchObject({ port: 8080, redisUrl: 'redis://127.0.0.1:6379', host: '127.0.0.1', embedded: true });
  });

  it('names every missing or wrong variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', REDIS_URL: 'http://nope', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'REDIS_URL', 'JWT_SECRET', 'LOG_LEVEL', 'DATABASE_URL']) expect(problems).toContain(name);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:/);
  });

  it('requires a JWT secret outside the embedded install', () => {
    expect(() => loadConfig({ DATABASE_URL: base.DATABASE_URL })).toThrow(/JWT_SECRET is required/);
  });

  it('refuses a malformed encryption key ring without printing key material', () => {
    expect(() => loadConfig({ ...base, FIELD_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/FIELD_ENCRYPTION_KEYS/);
    expect(() => loadConfig({ ...base, FIELD_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).not.toThrow(/c2hvcnQ/);
  });

  it('has the 较大数额 hearing thresholds and the major-decision fine, overridable and validated', () => {
    expect(loadConfig(base).penalty).toEqual({
      hearingFineIndividualFen: 1_000_000,
      hearingFineOrganizationFen: 10_000_000,
      hearingConfiscationIndividualFen: 1_000_000,
      hearingConfiscationOrganizationFen: 10_000_000,
      majorFineFen: 10_000_000,
    });
    expect(loadConfig({ ...base, PENALTY_HEARING_FINE_INDIVIDUAL_FEN: '500000' }).penalty.hearingFineIndividualFen).toBe(500_000);
    expect(() => loadConfig({ ...base, PENALTY_MAJOR_FINE_FEN: '-1' })).toThrow(/PENALTY_MAJOR_FINE_FEN/);
    expect(() => loadConfig({ ...base, PENALTY_HEARING_FINE_ORGANIZATION_FEN: '十万' })).toThrow(/PENALTY_HEARING_FINE_ORGANIZATION_FEN/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...base, REDIS_URL: '' }).redisUrl).toBeNull();
  });
});
