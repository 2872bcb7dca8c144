export * from './calendar.module';
export * from './statutory-calendar';
export * from './calendar-loader.service';
export * from './calendar-view.service';
export * from './http/calendar.controller';

import { CalendarDayEntity } from './persistence/calendar-day.entity';
export const CALENDAR_ENTITIES = [CalendarDayEntity];
