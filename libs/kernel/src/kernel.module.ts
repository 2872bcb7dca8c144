import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from './database/transaction';
import { Clock } from './time/clock';

@Global()
@Module({ providers: [TransactionRunner, Clock], exports: [TransactionRunner, Clock] })
export class KernelModule {}
