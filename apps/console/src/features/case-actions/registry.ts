import type { CaseAction } from '../../api/types';
import type { CaseActionDef } from './define';

export type { CaseActionDef } from './define';

/** Every file beside this one that default-exports a definition is an action form: adding one is adding a file. */
const modules = import.meta.glob<{ default: CaseActionDef }>('./actions/*.tsx', { eager: true });
export const CASE_ACTION_FORMS: ReadonlyMap<CaseAction, CaseActionDef> = new Map(
  Object.values(modules).map((m) => [m.default.action, m.default]),
);
