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

/** Every file beside this one that default-exports a definition is an action form: adding one is adding a file. */
const modules = import.meta.glob<{ default: CaseActionDef }>('./actions/*.tsx', { eager: true });
export const CASE_ACTION_FORMS: ReadonlyMap<CaseAction, CaseActionDef> = new Map(
  Object.values(modules).map((m) => [m.default.action, m.default]),
);
