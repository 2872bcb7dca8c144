import type { CaseTabDef } from './define';

export type { CaseTabDef } from './define';

const modules = import.meta.glob<{ default: CaseTabDef }>('./tabs/*.tsx', { eager: true });
export const CASE_TABS: readonly CaseTabDef[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);
