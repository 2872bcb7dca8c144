import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { connectionLost } from './pg-errors';

/**
 * `dataSource.transaction(work)`, with one translation: when the connection fails inside the transaction (the server
 * shutting down between two statements, a network reset), TypeORM releases the transaction's query runner on the
 * client's 'error' event and the next statement — or the COMMIT — throws QueryRunner(Provider)AlreadyReleasedError. Inside a
 * transaction nothing else releases the runner, so that is a lost connection (503, like the failure that caused it),
 * not an internal error. Every transaction of the app goes through here.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (err) {
    if (err instanceof QueryRunnerAlreadyReleasedError || err instanceof QueryRunnerProviderAlreadyReleasedError) throw connectionLost(err);
    throw err;
  }
}

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
    return inTransaction(this.dataSource, work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
