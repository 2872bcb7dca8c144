import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, buildDataSourceOptions, ConfigModule, KernelModule, LoggingModule } from '@app/kernel';
import { ALL_ENTITIES, MIGRATIONS } from './entities';

/** What every process (api, worker, cli) stands on: validated config, logging, the database, the kernel services. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        KernelModule,
        TypeOrmModule.forRoot(buildDataSourceOptions(config, { entities: ALL_ENTITIES, migrations: MIGRATIONS })),
      ],
    };
  }
}
