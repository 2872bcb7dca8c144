import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/app-config';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string | EntitySchema>;

/** The one place the TypeORM connection is described; migrations are never run implicitly by the app. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'> &
    Partial<Pick<AppConfig, 'databaseConnectTimeoutMs' | 'databaseQueryTimeoutMs'>>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  parts: { entities: ClassList; migrations: MixedList<Function | string> },
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: config.databasePoolSize,
      application_name: 'patent-enforcement-desk',
      // Once per connection, whatever the server's default: the transactions rely on READ COMMITTED without naming it.
      options: '-c default_transaction_isolation=read\\ committed',
      // Bounded waits: with the server down or restarting, a request fails (503) within these instead of hanging.
      // Migrations and the cli pass neither (a migration may legitimately run long).
      connectionTimeoutMillis: config.databaseConnectTimeoutMs ?? 0,
      ...(config.databaseQueryTimeoutMs ? { query_timeout: config.databaseQueryTimeoutMs } : {}),
    },
    // Off: TypeORM's query logger prints failed statements with their parameters (password hashes, personal data).
    logging: false,
  };
}
