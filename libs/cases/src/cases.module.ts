import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { WorkingDayCalendar } from '@app/kernel';
import { CaseActionsService } from './case-actions.service';
import { CASE_CALENDAR, CasesService } from './cases.service';
import { CasesController } from './http/cases.controller';

@Module({
  imports: [AuditModule],
  controllers: [CasesController],
  // The statutory calendar (chinese-days); admin-loaded overrides join it with the calendar administration work.
  providers: [CasesService, CaseActionsService, { provide: CASE_CALENDAR, useFactory: () => new WorkingDayCalendar() }],
  exports: [CasesService],
})
export class CasesModule {}
