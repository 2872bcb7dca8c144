import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarLoader } from './calendar-loader.service';
import { StatutoryCalendar } from './statutory-calendar';

/** The statutory working-day calendar (packaged schedule + loaded years) and its loader, shared by every context. */
@Module({ imports: [AuditModule], providers: [StatutoryCalendar, CalendarLoader], exports: [StatutoryCalendar, CalendarLoader] })
export class CalendarModule {}
