import { Module } from '@nestjs/common';
import { AuditChainService } from './audit-chain.service';
import { AuditQueryService } from './audit-query.service';
import { AuditWriter } from './audit.writer';
import { AuditController } from './http/audit.controller';

@Module({
  controllers: [AuditController],
  providers: [AuditWriter, AuditChainService, AuditQueryService],
  exports: [AuditWriter, AuditChainService],
})
export class AuditModule {}
