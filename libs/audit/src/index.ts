export * from './audit-entity-types';
export * from './audit.writer';
export * from './audit-chain.service';
export * from './audit.module';
export * from './domain/audit-chain';
export { AuditEntryEntity } from './persistence/audit-entry.entity';
export { AuditChainLinkEntity } from './persistence/audit-chain-link.entity';

import { AuditChainLinkEntity } from './persistence/audit-chain-link.entity';
import { AuditEntryEntity } from './persistence/audit-entry.entity';
export const AUDIT_ENTITIES = [AuditEntryEntity, AuditChainLinkEntity];
