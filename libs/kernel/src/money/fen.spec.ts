import { DomainError } from '../errors/domain-error';
import { assertFen, fenToWanYuan, formatFen, parseYuanToFen } from './fen';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991 fen

function validationError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['0.10', 10],
    ['1', 100],
    ['1234', 123400],
    ['1234.5', 123450],
    ['1234.56', 123456],
    ['200000', 20_000_000],
    ['007.50', 750],
    [' 12.30 ', 1230],
    ['90071992547409.91', MAX],
  ])('parses %p as %p fen', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    ['0.29', 29],
    ['4.35', 435],
    ['1.15', 115],
    ['8.20', 820],
    ['19.99', 1999],
    ['1005.07', 100507],
  ])('parses %p exactly where yuan × 100 in floating point would not', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    ['-1', 'must not be negative'],
    ['-0.01', 'must not be negative'],
    [' -0', 'must not be negative'],
    ['1.234', 'must have at most 2 decimal places'],
    ['0.001', 'must have at most 2 decimal places'],
    ['1.005', 'must have at most 2 decimal places'],
    ['90071992547409.92', 'is too large'],
    ['100000000000000000000', 'is too large'],
    ['', 'must be an amount in yuan, such as "1234.56"'],
    ['   ', 'must be an amount in yuan, such as "1234.56"'],
    ['abc', 'must be an amount in yuan, such as "1234.56"'],
    ['1,234.56', 'must be an amount in yuan, such as "1234.56"'],
    ['1e3', 'must be an amount in yuan, such as "1234.56"'],
    ['+1', 'must be an amount in yuan, such as "1234.56"'],
    ['.5', 'must be an amount in yuan, such as "1234.56"'],
    ['1.', 'must be an amount in yuan, such as "1234.56"'],
    ['1..5', 'must be an amount in yuan, such as "1234.56"'],
    ['0x10', 'must be an amount in yuan, such as "1234.56"'],
    ['NaN', 'must be an amount in yuan, such as "1234.56"'],
    ['Infinity', 'must be an amount in yuan, such as "1234.56"'],
    ['１２', 'must be an amount in yuan, such as "1234.56"'],
    ['¥12', 'must be an amount in yuan, such as "1234.56"'],
    ['12元', 'must be an amount in yuan, such as "1234.56"'],
    ['1 234', 'must be an amount in yuan, such as "1234.56"'],
  ])('rejects %p: %s', (input, message) => {
    const error = validationError(() => parseYuanToFen(input, 'fineAmount'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ field: 'fineAmount', message }]);
  });

  it.each([1234.56, 0, null, undefined, 123456n])('rejects the non-string %p', (input) => {
    const error = validationError(() => parseYuanToFen(input as unknown as string));
    expect(error.details).toEqual([{ field: 'amount', message: 'must be a string of yuan, such as "1234.56"' }]);
  });
});

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [123456, '1,234.56'],
    [100000, '1,000.00'],
    [99999999, '999,999.99'],
    [100000000, '1,000,000.00'],
    [20_000_000, '200,000.00'],
    [MAX, '90,071,992,547,409.91'],
  ])('formats %p fen as %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('round-trips through parseYuanToFen once the separators are removed', () => {
    const samples = [...Array.from({ length: 3000 }, (_, i) => i), 123456789, 4_503_599_627_370_497, MAX - 1, MAX];
    for (const fen of samples) expect(parseYuanToFen(formatFen(fen).replaceAll(',', ''))).toBe(fen);
  });

  it.each([-1, 1.5, NaN, Infinity, MAX + 1])('refuses %p, which is not an amount in fen', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });
});

describe('fenToWanYuan', () => {
  it.each([
    [123456, 4, '0.1235'],
    [123456, 6, '0.123456'],
    [123456, 2, '0.12'],
    [20_000_000, 4, '20.0000'],
    [25_000_000, 0, '25'],
    [1, 6, '0.000001'],
    [1, 8, '0.00000100'],
    [0, 4, '0.0000'],
    [0, 0, '0'],
    [MAX, 6, '9007199254.740991'],
    [MAX, 2, '9007199254.74'],
  ])('converts %p fen at %p places to %p', (fen, decimals, text) => {
    expect(fenToWanYuan(fen, decimals)).toBe(text);
  });

  it('defaults to six places, which are exact', () => {
    expect(fenToWanYuan(123456)).toBe('0.123456');
    expect(fenToWanYuan(150_000_000)).toBe('150.000000');
  });

  it.each([
    [50, 4, '0.0001'], // 0.00005: exactly half rounds up
    [49, 4, '0.0000'],
    [149, 4, '0.0001'],
    [150, 4, '0.0002'], // 0.00015 rounds up, where binary floating point gives 0.0001
    [500_000, 0, '1'], // 0.5
    [499_999, 0, '0'],
    [1_500_000, 0, '2'],
    [2_500_000, 0, '3'], // half up, not half to even
    [9_995_000, 2, '10.00'], // carries into the integer part
    [99_995_000, 2, '100.00'],
  ])('rounds %p fen at %p places half up to %p', (fen, decimals, text) => {
    expect(fenToWanYuan(fen, decimals)).toBe(text);
  });

  it.each([-1, 1.5, 13, NaN])('refuses %p decimals', (decimals) => {
    expect(() => fenToWanYuan(100, decimals)).toThrow(RangeError);
  });

  it.each([-1, 0.5, MAX + 1])('refuses %p fen', (fen) => {
    expect(() => fenToWanYuan(fen, 4)).toThrow(RangeError);
  });
});

describe('assertFen', () => {
  it.each([0, 1, 123456, MAX])('accepts %p', (fen) => {
    expect(() => assertFen(fen)).not.toThrow();
  });

  it.each([-1, -0.5, 0.5, 1.000001, NaN, Infinity, -Infinity, MAX + 1, '100', null, undefined, 100n])('refuses %p', (value) => {
    expect(() => assertFen(value)).toThrow(new RangeError('an amount in fen must be a non-negative safe integer'));
  });

  it('narrows the type for the compiler', () => {
    const value: unknown = 42;
    assertFen(value);
    const fen: number = value;
    expect(fen + 1).toBe(43);
  });
});
