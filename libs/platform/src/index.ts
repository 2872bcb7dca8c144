export * from './app.modules';
export * from './platform.module';
export * from './http-app';
export * from './migrate';
export * from './embedded-postgres';
export * from './entities';
export * from './jobs/retention.task';
export * from './demo-history.seeder';
