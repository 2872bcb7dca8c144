import { Foundation1764000000000 } from './1764000000000-foundation';
import { IdempotencyKeys1764000000001 } from './1764000000001-idempotency-keys';
import { NumberSequences1764000000002 } from './1764000000002-number-sequences';
import { Cases1764000000003 } from './1764000000003-cases';
import { CaseSearchTrigrams1764000000004 } from './1764000000004-case-search-trigrams';
import { CalendarDays1764000000005 } from './1764000000005-calendar-days';
import { CaseEvidence1764000000006 } from './1764000000006-case-evidence';
import { CaseListOrderIndex1764000000007 } from './1764000000007-case-list-order-index';
import { CaseSearchAdaptive1764000000008 } from './1764000000008-case-search-adaptive';
import { CaseSweepMarks1764000000009 } from './1764000000009-case-sweep-marks';
import { Hotline1764000000010 } from './1764000000010-hotline';
import { CreditPublications1764000000020 } from './1764000000020-credit-publications';
import { Metrics1764000000030 } from './1764000000030-metrics';
import { EvidencePreservation1764000000040 } from './1764000000040-evidence-preservation';
import { TicketEventUnits1764000000050 } from './1764000000050-ticket-event-units';
import { Transfers1764000000060 } from './1764000000060-transfers';
import { CaseWorklists1764000000070 } from './1764000000070-case-worklists';
import { OutboxFinished1764000000080 } from './1764000000080-outbox-finished';
import { PenaltyProcedure1764000000090 } from './1764000000090-penalty-procedure';
import { Documents1764000000100 } from './1764000000100-documents';
import { MetricCountShards1764000000110 } from './1764000000110-metric-count-shards';

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
  CaseSearchAdaptive1764000000008,
  CaseSweepMarks1764000000009,
  Hotline1764000000010,
  CreditPublications1764000000020,
  Metrics1764000000030,
  EvidencePreservation1764000000040,
  TicketEventUnits1764000000050,
  Transfers1764000000060,
  CaseWorklists1764000000070,
  OutboxFinished1764000000080,
  PenaltyProcedure1764000000090,
  Documents1764000000100,
  MetricCountShards1764000000110,
];
