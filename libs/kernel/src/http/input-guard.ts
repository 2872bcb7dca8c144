import { DomainError } from '../errors/domain-error';

/** Deeper than any body of this API (a case intake is 4 levels); far below what overflows the validators' recursion. */
export const MAX_JSON_DEPTH = 32;

// NUL (PostgreSQL text cannot hold it) and UTF-16 surrogates without their other half (not encodable as UTF-8).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `text` holds a NUL character or a lone surrogate. */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** `field: must not contain NUL characters or unpaired surrogates` as a 400, or nothing when `text` is fine. */
export function assertSafeText(field: string, text: string): void {
  if (hasUnsafeText(text)) throw DomainError.validation(field, 'must not contain NUL characters or unpaired surrogates');
}

/**
 * Walks a parsed JSON body or query object without recursion (a hostile body cannot overflow the stack here) and
 * refuses, naming the field: nesting deeper than {@link MAX_JSON_DEPTH}, and NUL or lone surrogates in any key or text.
 * Runs before authentication and validation, so no later step ever sees such input.
 */
export function assertSafeInput(value: unknown, root = ''): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      assertSafeText(path || 'body', v);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw DomainError.validation(path || 'body', `is nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (hasUnsafeText(key)) throw DomainError.validation(path || 'body', 'has a field name with NUL characters or unpaired surrogates');
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}
