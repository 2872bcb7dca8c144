export * from './ticket-types';
export * from './ticket-lifecycle';
export * from './respondent-name';
export * from './duplicate-rules';
export * from './ticket-sla';
export * from './early-warning';
