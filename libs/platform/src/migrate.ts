import { AppConfig, buildDataSourceOptions } from '@app/kernel';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES, MIGRATIONS } from './entities';

const MIGRATION_LOCK = 727_002;

export function createDataSource(config: Pick<AppConfig, 'databaseUrl'>, poolSize = 2): DataSource {
  return new DataSource(
    buildDataSourceOptions(
      { databaseUrl: config.databaseUrl, databasePoolSize: poolSize },
      { entities: ALL_ENTITIES, migrations: MIGRATIONS },
    ),
  );
}

/** Applies pending migrations under an advisory lock, so replicas starting together do not race. */
export async function runMigrations(config: Pick<AppConfig, 'databaseUrl'>): Promise<string[]> {
  const ds = await createDataSource(config).initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}

/** Reverts every applied migration (newest first): proves each `down` works. Returns the names reverted. */
export async function revertAllMigrations(config: Pick<AppConfig, 'databaseUrl'>): Promise<string[]> {
  const ds = await createDataSource(config).initialize();
  const reverted: string[] = [];
  try {
    for (;;) {
      const [{ n }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM typeorm_migrations');
      if (Number(n) === 0) break;
      const [{ name }] = await ds.query<{ name: string }[]>('SELECT name FROM typeorm_migrations ORDER BY timestamp DESC LIMIT 1');
      await ds.undoLastMigration({ transaction: 'each' });
      reverted.push(name);
    }
    return reverted;
  } finally {
    await ds.destroy();
  }
}

/** The SQL TypeORM would still run to make the schema match the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(config: Pick<AppConfig, 'databaseUrl'>): Promise<string[]> {
  const ds = await createDataSource(config).initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}
