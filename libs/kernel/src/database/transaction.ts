import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One use case, one transaction: services call `run` and pass the manager to every writer involved. */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * READ COMMITTED, set once per connection (data-source-options.ts): naming it here would cost every transaction a
   * `SET TRANSACTION ISOLATION LEVEL` round trip (one of the intake's 13 statements). The services' concurrency rules
   * (optimistic versions, unique constraints, row locks) are written for it.
   */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
