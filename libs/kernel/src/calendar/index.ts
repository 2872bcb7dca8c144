export * from './calendar-date';
export * from './shanghai-date';
export * from './chinese-days-classifier';
export * from './paused-time';
export * from './working-day-calendar';
