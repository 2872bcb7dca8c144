import { searchTerm } from './case-search';

const now = new Date('2026-12-01T00:00:00Z');

describe('searchTerm', () => {
  it('escapes LIKE wildcards so they match literally', () => {
    expect(searchTerm('50%_off\\', now).like).toBe('%50\\%\\_off\\\\%');
  });

  it('treats two characters as a short (names-only, bigram) search and three as a full one', () => {
    expect(searchTerm(' 华为 ', now)).toMatchObject({ text: '华为', short: true, patentLike: null });
    expect(searchTerm('华为技', now).short).toBe(false);
    // characters, not UTF-16 units: an astral character counts once
    expect(searchTerm('𠀀华', now).short).toBe(true);
  });

  it('searches USCCs only with a term that can be part of one', () => {
    expect(searchTerm('91120116MA0', now).uscc).toBe(true);
    expect(searchTerm('公司123', now).uscc).toBe(false);
    expect(searchTerm('ZL2015.1', now).uscc).toBe(false);
  });

  it('matches a full patent number in any accepted spelling on its normalized form', () => {
    for (const spelling of ['ZL201510958772.0', 'CN2015109587720', '201510958772.0', 'zl 2015 1095 8772.0']) {
      expect(searchTerm(spelling, now).patentLike).toBe('%201510958772.0%');
    }
  });

  it('matches a partial patent number without its prefix, and never a name as a patent', () => {
    expect(searchTerm('ZL2015109', now).patentLike).toBe('%2015109%');
    expect(searchTerm('958772.X', now).patentLike).toBe('%958772.X%');
    expect(searchTerm('公司12345', now).patentLike).toBeNull();
    expect(searchTerm('12', now).patentLike).toBeNull();
  });
});
