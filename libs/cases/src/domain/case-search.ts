import { parsePatentNumber } from '@app/kernel/identifiers';

/** Shortest free-text search: one character would match most of the register and has no index to use. */
export const MIN_SEARCH_LENGTH = 2;

export interface SearchTerm {
  /** the term as typed, trimmed */
  text: string;
  /** `%term%` with LIKE wildcards escaped */
  like: string;
  /**
   * two characters (e.g. 华为): too short for trigrams, so only party names are searched, through their bigram
   * index; numbers and codes need three characters or more
   */
  short: boolean;
  /** whether the term can be part of a USCC (digits and Latin letters only); if not, USCCs are not searched */
  uscc: boolean;
  /** `%…%` over case_patents.normalized when the term can be part of a patent number, else null */
  patentLike: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * What a free-text case search looks for. Patent numbers are matched on their normalized form (digits, dot, check
 * character), so `ZL201510958772.0`, `CN2015109587720` and `109587` all find the same patent through one trigram index.
 */
export function searchTerm(q: string, now: Date): SearchTerm {
  const text = q.trim();
  let patent: string | null = null;
  const parsed = parsePatentNumber(text, { now });
  if (parsed.ok) patent = parsed.normalized;
  else {
    const bare = text
      .replace(/\s+/g, '')
      .replace(/^(ZL|CN)/i, '')
      .toUpperCase();
    if (bare.length >= 3 && /^[\d.X]+$/.test(bare)) patent = bare;
  }
  return {
    text,
    like: `%${escapeLike(text)}%`,
    short: [...text].length < 3,
    uscc: /^[0-9A-Za-z]+$/.test(text),
    patentLike: patent === null ? null : `%${escapeLike(patent)}%`,
  };
}
