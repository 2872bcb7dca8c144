import { WorkingDayCalendar } from '@app/kernel/calendar';
import { lateSurchargeFen, paymentDue, paymentState, surchargeCapReachedOn } from './penalty-payment';

const cal = new WorkingDayCalendar();

describe('payment due date (行政处罚法 Art. 67: 15 days after service)', () => {
  it('is 15 calendar days after service on a working day', () => {
    expect(paymentDue(cal, '2026-11-02')).toBe('2026-11-17');
  });

  it('moves to the next working day when the 15th day falls in the National Day holiday', () => {
    // 2026-09-16 + 15 = 2026-10-01 (holiday until 10-07)
    expect(paymentDue(cal, '2026-09-16')).toBe('2026-10-08');
  });

  it('counts a make-up working Saturday as a working day (2026-10-10)', () => {
    // 2026-09-25 + 15 = 2026-10-10, a Saturday worked in lieu (调休)
    expect(paymentDue(cal, '2026-09-25')).toBe('2026-10-10');
  });

  it('moves from a plain weekend to Monday', () => {
    // 2026-11-06 + 15 = 2026-11-21 (Saturday)
    expect(paymentDue(cal, '2026-11-06')).toBe('2026-11-23');
  });
});

describe('late payment surcharge (Art. 72: 3 % of the fine a day, never above the fine)', () => {
  const fine = 1_000_000; // ¥10,000

  it('is nothing on or before the due date', () => {
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-10-01')).toBe(0);
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-10-08')).toBe(0);
  });

  it('is 3 % of the fine for each calendar day after the due date, rest days included', () => {
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-10-09')).toBe(30_000);
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-10-12')).toBe(120_000);
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-11-10')).toBe(990_000); // 33 days
  });

  it('stops at the fine itself: day 34 and every day after', () => {
    expect(lateSurchargeFen(fine, '2026-10-08', '2026-11-11')).toBe(fine);
    expect(lateSurchargeFen(fine, '2026-10-08', '2027-10-08')).toBe(fine);
    expect(surchargeCapReachedOn('2026-10-08')).toBe('2026-11-11');
  });

  it('rounds down to whole fen', () => {
    expect(lateSurchargeFen(1, '2026-10-08', '2026-10-09')).toBe(0);
    expect(lateSurchargeFen(50, '2026-10-08', '2026-10-09')).toBe(1);
    expect(lateSurchargeFen(333, '2026-10-08', '2026-10-10')).toBe(19); // 19.98
  });

  it('is nothing for no fine, and exact for the largest fine the 2020 law allows', () => {
    expect(lateSurchargeFen(0, '2026-10-08', '2026-12-08')).toBe(0);
    expect(lateSurchargeFen(25_000_000, '2026-10-08', '2026-10-18')).toBe(7_500_000);
  });
});

describe('amount owed', () => {
  const decision = { fineFen: 1_000_000, confiscatedFen: 20_000, dueOn: '2026-11-17' };

  it('owes the fine and the confiscated gains until the due date', () => {
    expect(paymentState(decision, [], '2026-11-17')).toMatchObject({ principalFen: 1_020_000, surchargeFen: 0, owedFen: 1_020_000 });
  });

  it('adds the surcharge every day until the principal is paid, then owes the surcharge alone', () => {
    const late = [{ paidOn: '2026-11-20', amountFen: 1_020_000 }];
    expect(paymentState(decision, [], '2026-11-20').owedFen).toBe(1_020_000 + 90_000);
    const after = paymentState(decision, late, '2026-12-31');
    expect(after).toMatchObject({
      paidFen: 1_020_000,
      surchargeFen: 90_000,
      owedFen: 90_000,
      principalPaidOn: '2026-11-20',
      paidInFull: false,
    });
    const settled = paymentState(decision, [...late, { paidOn: '2026-11-25', amountFen: 90_000 }], '2026-12-31');
    expect(settled).toMatchObject({ owedFen: 0, paidInFull: true });
  });

  it('keeps the surcharge running after a partial payment (3 % of the fine, not of the rest)', () => {
    const partial = [{ paidOn: '2026-11-10', amountFen: 500_000 }];
    expect(paymentState(decision, partial, '2026-11-19')).toMatchObject({ surchargeFen: 60_000, owedFen: 520_000 + 60_000 });
  });

  it('caps the surcharge at the fine, however late', () => {
    expect(paymentState(decision, [], '2027-06-01')).toMatchObject({ surchargeFen: 1_000_000, owedFen: 2_020_000 });
  });

  it('ignores payments dated after the day asked about', () => {
    expect(paymentState(decision, [{ paidOn: '2026-11-18', amountFen: 1_020_000 }], '2026-11-17').owedFen).toBe(1_020_000);
  });

  it('never owes less than nothing (an overpayment)', () => {
    expect(paymentState(decision, [{ paidOn: '2026-11-01', amountFen: 2_000_000 }], '2026-11-30')).toMatchObject({
      owedFen: 0,
      paidInFull: true,
    });
  });
});
