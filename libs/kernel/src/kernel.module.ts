import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from './database/transaction';
import { NumberingService } from './numbering/numbering.service';
import { Clock } from './time/clock';

@Global()
@Module({ providers: [TransactionRunner, Clock, NumberingService], exports: [TransactionRunner, Clock, NumberingService] })
export class KernelModule {}
