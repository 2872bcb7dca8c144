import type { ComponentType } from 'react';
import type { Case } from '../../api/types';

/** One tab of the case page. A new tab (documents, transfers, liaison records …) is one file in ./tabs. */
export interface CaseTabDef {
  key: string;
  label: string;
  order: number;
  Component: ComponentType<{ caseData: Case; refresh: () => void }>;
}

export const defineCaseTab = (d: CaseTabDef): CaseTabDef => d;
