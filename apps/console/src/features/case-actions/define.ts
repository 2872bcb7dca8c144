import type { ComponentType } from 'react';
import type { Case, CaseAction, CaseActionBody } from '../../api/types';

/** One lifecycle action of the case page: its form fields and how the values become the payload (docs/api.md). */
export interface CaseActionDef {
  action: CaseAction;
  Fields?: ComponentType<{ caseData: Case }>;
  toPayload?: (values: Record<string, unknown>, c: Case) => Omit<CaseActionBody, 'expectedVersion'>;
  danger?: boolean;
  primary?: boolean;
  width?: number;
}

export const defineCaseAction = (d: CaseActionDef): CaseActionDef => d;
