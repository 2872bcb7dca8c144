// Saved filters of a list, per user, in localStorage (nothing on the server yet).
export interface SavedFilter<F> {
  name: string;
  filter: F;
}

const key = (list: string, userId: string) => `ped.filters.${list}.${userId}`;

export function loadFilters<F>(list: string, userId: string): SavedFilter<F>[] {
  try {
    return JSON.parse(localStorage.getItem(key(list, userId)) ?? '[]') as SavedFilter<F>[];
  } catch {
    return [];
  }
}

export function saveFilters<F>(list: string, userId: string, filters: SavedFilter<F>[]): void {
  localStorage.setItem(key(list, userId), JSON.stringify(filters));
}
