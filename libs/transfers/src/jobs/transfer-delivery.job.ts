import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '@app/outbox';
import type { Job } from 'bullmq';
import { AttemptInfo, ExchangeService } from '../exchange.service';

const attemptOf = (job: Job): AttemptInfo => ({ attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 });

@Injectable()
@JobProcessor('transfers.deliver')
export class TransferDeliverJob implements JobHandler<'transfers.deliver'> {
  constructor(private readonly exchange: ExchangeService) {}

  handle(payload: JobPayloads['transfers.deliver'], job: Job): Promise<void> {
    return this.exchange.deliver(payload.transferId, attemptOf(job));
  }
}

@Injectable()
@JobProcessor('transfers.send_status')
export class TransferSendStatusJob implements JobHandler<'transfers.send_status'> {
  constructor(private readonly exchange: ExchangeService) {}

  handle(payload: JobPayloads['transfers.send_status'], job: Job): Promise<void> {
    return this.exchange.sendStatus(payload.messageId, attemptOf(job));
  }
}

@Injectable()
@JobProcessor('transfers.fetch_files')
export class TransferFetchFilesJob implements JobHandler<'transfers.fetch_files'> {
  constructor(private readonly exchange: ExchangeService) {}

  handle(payload: JobPayloads['transfers.fetch_files']): Promise<void> {
    return this.exchange.fetchFiles(payload.transferId);
  }
}
