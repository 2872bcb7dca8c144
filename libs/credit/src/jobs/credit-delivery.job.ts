import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '@app/outbox';
import type { Job } from 'bullmq';
import { AttemptInfo, CreditDeliveryService } from '../credit-delivery.service';

const attemptOf = (job: Job): AttemptInfo => ({ attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 });

@Injectable()
@JobProcessor('credit.deliver')
export class CreditDeliverJob implements JobHandler<'credit.deliver'> {
  constructor(private readonly delivery: CreditDeliveryService) {}

  async handle(payload: JobPayloads['credit.deliver'], job: Job): Promise<void> {
    await this.delivery.deliver(payload.publicationId, attemptOf(job));
  }
}

@Injectable()
@JobProcessor('credit.remove')
export class CreditRemoveJob implements JobHandler<'credit.remove'> {
  constructor(private readonly delivery: CreditDeliveryService) {}

  async handle(payload: JobPayloads['credit.remove'], job: Job): Promise<void> {
    await this.delivery.remove(payload.publicationId, attemptOf(job));
  }
}
