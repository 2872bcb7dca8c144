import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CaseActionsService } from './case-actions.service';
import { CaseDeadlineSweep } from './case-deadline-sweep';
import { CasesService } from './cases.service';
import { CalendarAdminService } from './calendar/calendar-admin.service';
import { CaseCalendar } from './calendar/case-calendar';
import { CasesController } from './http/cases.controller';

const services = [CasesService, CaseActionsService, CaseDeadlineSweep, CaseCalendar, CalendarAdminService];

/** The case services without HTTP: for the worker (deadline sweeps) and other contexts (hotline conversion). */
@Module({
  imports: [AuditModule, AuthCoreModule],
  providers: services,
  exports: [CasesService, CaseActionsService, CaseDeadlineSweep, CalendarAdminService],
})
export class CasesCoreModule {}

@Module({ imports: [CasesCoreModule], controllers: [CasesController] })
export class CasesModule {}
