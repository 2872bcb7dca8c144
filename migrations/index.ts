import { Foundation1764000000000 } from './1764000000000-foundation';
import { IdempotencyKeys1764000000001 } from './1764000000001-idempotency-keys';
import { NumberSequences1764000000002 } from './1764000000002-number-sequences';
import { Cases1764000000003 } from './1764000000003-cases';
import { CaseSearchTrigrams1764000000004 } from './1764000000004-case-search-trigrams';
import { CalendarDays1764000000005 } from './1764000000005-calendar-days';
import { CaseEvidence1764000000006 } from './1764000000006-case-evidence';
import { CaseListOrderIndex1764000000007 } from './1764000000007-case-list-order-index';
import { Metrics1764000000030 } from './1764000000030-metrics';

// Every migration, in order. A landed migration is never edited: add a new one.
export const MIGRATIONS = [
  Foundation1764000000000,
  IdempotencyKeys1764000000001,
  NumberSequences1764000000002,
  Cases1764000000003,
  CaseSearchTrigrams1764000000004,
  CalendarDays1764000000005,
  CaseEvidence1764000000006,
  CaseListOrderIndex1764000000007,
  Metrics1764000000030,
];
