import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarLoader } from './calendar-loader.service';
import { CalendarView } from './calendar-view.service';
import { StatutoryCalendar } from './statutory-calendar';

/** The statutory working-day calendar (packaged schedule + loaded years) and its loader, shared by every context. */
@Module({
  imports: [AuditModule],
  providers: [StatutoryCalendar, CalendarLoader, CalendarView],
  exports: [StatutoryCalendar, CalendarLoader, CalendarView],
})
export class CalendarModule {}
