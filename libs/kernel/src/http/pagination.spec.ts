import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips cursors and rejects foreign ones with a 400 naming the field', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 'abc']), 2)).toEqual(['2026-01-01', 'abc']);
    expect(decodeCursor(undefined, 1)).toBeNull();
    expect(() => decodeCursor('bm90LWpzb24', 1)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/cursor/);
  });

  it('pages limit+1 rows into a page and a next cursor', () => {
    const rows = [1, 2, 3, 4];
    expect(
      toPage(
        rows,
        3,
        (r) => r * 10,
        (r) => [r],
      ),
    ).toEqual({ items: [10, 20, 30], nextCursor: encodeCursor([3]) });
    expect(
      toPage(
        rows,
        4,
        (r) => r,
        (r) => [r],
      ),
    ).toEqual({ items: rows, nextCursor: null });
  });
});
