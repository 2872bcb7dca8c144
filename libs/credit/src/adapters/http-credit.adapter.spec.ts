import { CreditStandin, startCreditStandin } from '../standin/credit-standin';
import { emptyRecord } from '../domain/credit-record';
import { HttpCreditAdapter } from './http-credit.adapter';

describe('HTTP credit adapter against the stand-in', () => {
  let standin: CreditStandin;
  let adapter: HttpCreditAdapter;
  const record = { ...emptyRecord(), partyName: '某公司', documentNo: '津知执决〔2026〕0001号' };
  beforeEach(async () => {
    standin = await startCreditStandin();
    adapter = new HttpCreditAdapter(standin.url, 500);
  });
  afterEach(() => standin.stop());

  it('creates one record per idempotency key and answers a repeat with the same receipt', async () => {
    const a = await adapter.submit('k1', record);
    const b = await adapter.submit('k1', record);
    expect(a).toEqual({ kind: 'accepted', receiptId: expect.stringMatching(/^CR-/) });
    expect(b).toEqual(a);
    expect(standin.created).toBe(1);
    expect(await adapter.remove((a as { receiptId: string }).receiptId)).toEqual({ kind: 'removed' });
    // deleting again (a lost answer) still counts as removed
    expect(await adapter.remove((a as { receiptId: string }).receiptId)).toEqual({ kind: 'removed' });
    expect(standin.live()).toEqual([]);
  });

  it('turns 4xx into a rejection with the reason, 5xx, cut connections and timeouts into retries', async () => {
    standin.rejectWhen(() => '违法事实 too short');
    expect(await adapter.submit('k2', record)).toEqual({ kind: 'rejected', reason: '422: 违法事实 too short' });
    standin.rejectWhen(null);
    standin.failNext(1, 503);
    expect(await adapter.submit('k2', record)).toMatchObject({ kind: 'retry', error: expect.stringContaining('503') });
    standin.setDown(true);
    expect(await adapter.submit('k2', record)).toMatchObject({ kind: 'retry', error: expect.stringContaining('unreachable') });
    standin.setDown(false);
    standin.setDelay(800);
    expect(await adapter.submit('k2', record)).toMatchObject({ kind: 'retry', error: expect.stringContaining('500 ms') });
    standin.setDelay(0);
    expect(standin.created).toBe(1); // the timed-out call did reach it: the next submit must not create another
    expect(await adapter.submit('k2', record)).toMatchObject({ kind: 'accepted' });
    expect(standin.created).toBe(1);
  });

  it('retries when no platform URL is configured', async () => {
    expect(await new HttpCreditAdapter(null, 500).submit('k', record)).toEqual({ kind: 'retry', error: 'CREDIT_PLATFORM_URL is not set' });
  });
});
