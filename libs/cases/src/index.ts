export * from './domain';
export * from './cases.module';
export * from './cases.service';
export * from './case-change.hooks';
export * from './case-transfers.port';
export * from './case-documents.port';
export { CaseEntity } from './persistence/case.entity';
export { CreateCaseDto, PartyDto, PatentRefDto } from './http/dto/create-case.dto';
export type { CaseResponse } from './http/dto/case-response';

import { CaseEntity } from './persistence/case.entity';
import { CaseStatusCountEntity } from './persistence/case-status-count.entity';
import { CaseDeadlineAlertEntity } from './persistence/case-deadline-alert.entity';
import { CaseEvidenceEntity } from './persistence/case-evidence.entity';
import { CaseEventEntity } from './persistence/case-event.entity';
import { CasePartyEntity } from './persistence/case-party.entity';
import { CasePatentEntity } from './persistence/case-patent.entity';
export const CASES_ENTITIES = [
  CaseEntity,
  CasePartyEntity,
  CasePatentEntity,
  CaseEventEntity,
  CaseDeadlineAlertEntity,
  CaseEvidenceEntity,
  CaseStatusCountEntity,
];
export * from './case-deadline-sweep';
export * from './persistence/case-sql';
export * from './case-actions.service';
