import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistry } from './jobs/job-registry';
import { JobRunner } from './jobs/job-runner';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';
import { JobQueue } from './queue.provider';

/** What every process needs: writing outbox rows and a handle on the queue (health, metrics). */
@Module({ providers: [OutboxWriter, JobQueue], exports: [OutboxWriter, JobQueue] })
export class OutboxModule {}

/** The worker side: the relay and the job runner. Imported only by worker processes. */
@Module({ imports: [DiscoveryModule, OutboxModule], providers: [JobRegistry, JobRunner, OutboxRelay], exports: [OutboxRelay] })
export class OutboxWorkerModule {}
