import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CalendarModule } from '@app/calendar';
import { NotificationsCoreModule } from '@app/notifications';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { CaseActionsService } from './case-actions.service';
import { CaseAmendmentService } from './case-amendment.service';
import { CaseApprovals } from './case-approvals';
import { CaseChangeHooks } from './case-change.hooks';
import { CaseChangeRecorder } from './case-change.recorder';
import { CasePartyRows } from './case-party-rows';
import { CaseTransfersPort } from './case-transfers.port';
import { CaseDocumentsPort } from './case-documents.port';
import { CaseDeadlineSweep } from './case-deadline-sweep';
import { CasesService } from './cases.service';
import { CaseDeadlineRecompute } from './case-deadline-recompute';
import { LocalDiskEvidenceStorage } from './evidence/evidence-storage';
import { EVIDENCE_STORAGE, EvidenceService } from './evidence/evidence.service';
import { CasesController } from './http/cases.controller';
import { CasesRepository } from './persistence/cases.repository';
import { EvidenceRepository } from './persistence/evidence.repository';
import { EvidenceController } from './http/evidence.controller';

const services = [
  CasesRepository,
  EvidenceRepository,
  CaseChangeRecorder,
  CasePartyRows,
  CaseChangeHooks,
  CasesService,
  CaseActionsService,
  CaseAmendmentService,
  CaseApprovals,
  CaseDeadlineSweep,
  CaseDeadlineRecompute,
  EvidenceService,
  CaseTransfersPort,
  CaseDocumentsPort,
  // Local disk by default; an S3-compatible EvidenceStorage is the production option (README, "Evidence storage").
  { provide: EVIDENCE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskEvidenceStorage(config.evidenceDir) },
];

/** The case services without HTTP: for the worker (deadline sweeps) and other contexts (hotline conversion). */
@Module({
  imports: [AuditModule, AuthCoreModule, CalendarModule, NotificationsCoreModule],
  providers: services,
  exports: [
    CaseChangeHooks,
    CasesService,
    CaseActionsService,
    CaseAmendmentService,
    CaseDeadlineSweep,
    EvidenceService,
    CaseTransfersPort,
    CaseDocumentsPort,
  ],
})
export class CasesCoreModule {}

@Module({ imports: [CasesCoreModule], controllers: [CasesController, EvidenceController] })
export class CasesModule {}
