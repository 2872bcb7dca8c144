import { Module } from '@nestjs/common';
import { AuditChainService } from './audit-chain.service';
import { AuditQueryService } from './audit-query.service';
import { AuditWriter } from './audit.writer';
import { AuditController } from './http/audit.controller';
import { AuditChainRepository } from './persistence/audit-chain.repository';
import { AuditEntriesRepository } from './persistence/audit-entries.repository';

@Module({
  controllers: [AuditController],
  providers: [AuditWriter, AuditChainService, AuditQueryService, AuditEntriesRepository, AuditChainRepository],
  exports: [AuditWriter, AuditChainService],
})
export class AuditModule {}
