import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { WorkingDayCalendar } from '@app/kernel';
import { CaseActionsService } from './case-actions.service';
import { CaseDeadlineSweep } from './case-deadline-sweep';
import { CASE_CALENDAR, CasesService } from './cases.service';
import { CasesController } from './http/cases.controller';

const services = [
  CasesService,
  CaseActionsService,
  CaseDeadlineSweep,
  // The statutory calendar (chinese-days); admin-loaded overrides join it with the calendar administration work.
  { provide: CASE_CALENDAR, useFactory: () => new WorkingDayCalendar() },
];

/** The case services without HTTP: for the worker (deadline sweeps) and other contexts (hotline conversion). */
@Module({ imports: [AuditModule, AuthCoreModule], providers: services, exports: [CasesService, CaseActionsService, CaseDeadlineSweep] })
export class CasesCoreModule {}

@Module({ imports: [CasesCoreModule], controllers: [CasesController] })
export class CasesModule {}
