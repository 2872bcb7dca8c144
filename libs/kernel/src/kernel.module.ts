import { Global, Module } from '@nestjs/common';
import { ApprovalInbox } from './approvals/approval-inbox';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.module';
import { FieldCipher } from './crypto/field-cipher';
import { parseKeyRing } from './crypto/key-ring';
import { TransactionRunner } from './database/transaction';
import { NumberingService } from './numbering/numbering.service';
import { Clock } from './time/clock';

/** Personal data at rest (ID numbers, phones) is encrypted with this cipher; the key ring comes from the config. */
const fieldCipher = {
  provide: FieldCipher,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new FieldCipher(parseKeyRing(config.fieldEncryptionKeys, 'FIELD_ENCRYPTION_KEYS')),
};

@Global()
@Module({
  providers: [TransactionRunner, Clock, NumberingService, fieldCipher, ApprovalInbox],
  exports: [TransactionRunner, Clock, NumberingService, FieldCipher, ApprovalInbox],
})
export class KernelModule {}
