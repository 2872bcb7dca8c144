export * from './calendar.module';
export * from './statutory-calendar';
export * from './calendar-loader.service';

import { CalendarDayEntity } from './persistence/calendar-day.entity';
export const CALENDAR_ENTITIES = [CalendarDayEntity];
