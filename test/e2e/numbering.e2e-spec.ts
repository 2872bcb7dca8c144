import { NumberingService, TransactionRunner } from '@app/kernel';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../utils/test-app';

describe('gapless numbering under concurrency', () => {
  let t: TestApp;
  let numbering: NumberingService;
  let tx: TransactionRunner;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    numbering = t.app.get(NumberingService);
    tx = t.app.get(TransactionRunner);
  });
  afterAll(() => t.close());

  const key = { orgUnitCode: '120116', year: 2026, kind: 'case_no' };

  it('20 parallel takers get 1..20, each once', async () => {
    const taken = await Promise.all(Array.from({ length: 20 }, () => tx.run((em) => numbering.next(em, key))));
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a rolled-back transaction gives its number back, so committed numbers have no gap', async () => {
    const committed: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tx
          .run(async (em) => {
            const n = await numbering.next(em, key);
            if (i % 3 === 0) throw new Error('refused after taking a number');
            committed.push(n);
          })
          .catch(() => undefined),
      ),
    );
    expect(committed.length).toBe(13);
    expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => 21 + i));
  });

  it('reserve: unique and increasing across parallel intakes, taken outside any transaction', async () => {
    const receipts = { ...key, kind: 'receipt-test' };
    const em = t.app.get(DataSource).manager;
    const taken = await Promise.all(Array.from({ length: 20 }, () => numbering.reserve(em, receipts)));
    expect(new Set(taken).size).toBe(20);
    expect(Math.max(...taken)).toBe(20);
    await expect(tx.run((inner) => numbering.reserve(inner, receipts))).rejects.toThrow(/outside any transaction/);
  });

  it('runs every transaction READ COMMITTED, set once per connection rather than a statement per transaction', async () => {
    const levels = await Promise.all(
      Array.from({ length: 4 }, () =>
        tx.run(async (em) => (await em.query<{ transaction_isolation: string }[]>('SHOW transaction_isolation'))[0].transaction_isolation),
      ),
    );
    expect(new Set(levels)).toEqual(new Set(['read committed']));
  });

  it('keeps separate sequences per unit, year and kind', async () => {
    const other = await tx.run((em) => numbering.next(em, { ...key, year: 2027 }));
    const doc = await tx.run((em) => numbering.next(em, { ...key, kind: 'decision_no' }));
    const heping = await tx.run((em) => numbering.next(em, { ...key, orgUnitCode: '120101' }));
    expect([other, doc, heping]).toEqual([1, 1, 1]);
  });
});
