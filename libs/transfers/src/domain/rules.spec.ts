import { WorkingDayCalendar } from '@app/kernel/calendar';
import { partyForKind, validateDossier, validateStatusMessage } from './dossier';
import { allowedLiaisonActions, checkLiaison, LIAISON_ACTIONS, LIAISON_STATUSES, LIAISON_TRANSITIONS, liaisonNext } from './liaison-rules';
import { checkOutcome, REFERRAL_ACTIONS, REFERRAL_STATUSES, REFERRAL_TRANSITIONS, referralNext } from './referral-rules';
import { dueAlert, replyDue, replyWorkingDays } from './reply-due';

const cal = new WorkingDayCalendar();

describe('reply deadlines on the working-day calendar', () => {
  it('counts working days past the National Day holiday', () => {
    expect(replyDue(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(replyWorkingDays(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(replyWorkingDays(cal, '2026-10-08', '2026-09-30')).toBe(0);
    expect(() => replyDue(cal, '2026-09-30', 0)).toThrow(RangeError);
  });

  it('reminds the working day before, escalates after, once per due date', () => {
    const due = '2026-11-13';
    expect(dueAlert(cal, { due, today: '2026-11-11', remindedFor: null, escalatedFor: null })).toBeNull();
    expect(dueAlert(cal, { due, today: '2026-11-12', remindedFor: null, escalatedFor: null })).toBe('remind');
    expect(dueAlert(cal, { due, today: '2026-11-12', remindedFor: due, escalatedFor: null })).toBeNull();
    expect(dueAlert(cal, { due, today: '2026-11-14', remindedFor: due, escalatedFor: null })).toBe('escalate');
    expect(dueAlert(cal, { due, today: '2026-11-14', remindedFor: due, escalatedFor: due })).toBeNull();
  });
});

describe('dossier validation names every bad field', () => {
  const ok = {
    version: 1,
    exchangeId: '5f0c6a64-3e0f-4a55-9a6b-000000000001',
    originCode: '120000',
    targetCode: '130000',
    targetUnitCode: null,
    kind: 'transfer',
    reason: '移送',
    requestedItems: [],
    sentAt: '2026-11-02T00:00:00Z',
    case: {
      receiptNo: 'r',
      caseNo: null,
      type: 'passing_off',
      status: 'investigating',
      receivedOn: '2026-11-02',
      filedOn: null,
      summary: 's',
      ftz: false,
      ecommerce: null,
      decision: null,
    },
    parties: [],
    patents: [],
    files: [],
  };
  const expect2 = { selfCode: '130000', senderCode: '120000' };

  it('accepts a well-formed dossier', () => expect(validateDossier(ok, expect2)).toEqual([]));

  it('refuses unknown fields, unknown kinds, a sender other than the signer, bad files', () => {
    const fields = validateDossier(
      {
        ...ok,
        extra: 1,
        kind: 'smuggle',
        originCode: '110000',
        files: [{ id: 'x', fileName: 'a', contentType: 'b', size: -1, sha256: 'zz', description: '', path: '../etc', expiresAt: 'x' }],
      },
      expect2,
    ).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['extra', 'kind', 'originCode', 'files.0.id', 'files.0.size', 'files.0.sha256', 'files.0.path']),
    );
    expect(validateDossier('x', expect2)).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('status messages carry what their status needs', () => {
    const m = { messageId: '5f0c6a64-3e0f-4a55-9a6b-000000000001', at: 'now' };
    expect(validateStatusMessage({ ...m, status: 'accepted' }).map((p) => p.field)).toEqual(['partnerCaseNo']);
    expect(validateStatusMessage({ ...m, status: 'declined' }).map((p) => p.field)).toEqual(['reason']);
    expect(validateStatusMessage({ ...m, status: 'answered', result: 'done' })).toEqual([]);
    expect(validateStatusMessage({ ...m, status: 'nope' }).map((p) => p.field)).toEqual(['status']);
  });

  it('assistance dossiers carry no ID numbers, phones or addresses', () => {
    const p = {
      role: 'respondent' as const,
      kind: 'individual' as const,
      name: 'n',
      uscc: null,
      idNumber: '1',
      idNumberMasked: '*',
      legalRepresentative: null,
      address: 'a',
      phone: '1',
    };
    expect(partyForKind('assist_service', p)).toMatchObject({ idNumber: null, phone: null, address: null, idNumberMasked: '*' });
    expect(partyForKind('transfer', p)).toEqual(p);
  });
});

describe('liaison rules', () => {
  for (const s of LIAISON_STATUSES)
    for (const a of LIAISON_ACTIONS)
      it(`${s} × ${a}`, () => expect(liaisonNext(s, a)).toBe(LIAISON_TRANSITIONS[a].from.includes(s) ? LIAISON_TRANSITIONS[a].to : null));

  it('lists the actions of a status', () => expect(allowedLiaisonActions('closed')).toEqual([]));

  it('checks each channel’s fields', () => {
    expect(
      checkLiaison(
        { channel: 'ecommerce', kind: 'takedown', platform: '淘宝', listingUrls: ['https://x'], sentOn: '2026-11-02' },
        '2026-11-03',
      ),
    ).toEqual([]);
    expect(checkLiaison({ channel: 'ecommerce', kind: 'takedown', sentOn: '2026-11-04' }, '2026-11-03').map((p) => p.field)).toEqual([
      'platform',
      'listingUrls',
      'sentOn',
    ]);
    expect(checkLiaison({ channel: 'customs', kind: 'detention', sentOn: '2026-11-02' }, '2026-11-03').map((p) => p.field)).toEqual([
      'port',
      'reference',
    ]);
    expect(checkLiaison({ channel: 'post', kind: 'x', sentOn: '2026-11-02' }, '2026-11-03').map((p) => p.field)).toEqual(['channel']);
  });
});

describe('referral rules', () => {
  for (const s of REFERRAL_STATUSES)
    for (const a of REFERRAL_ACTIONS)
      it(`${s} × ${a}`, () =>
        expect(referralNext(s, a)).toBe(REFERRAL_TRANSITIONS[a].from.includes(s) ? REFERRAL_TRANSITIONS[a].to : null));

  it('each route ends with its own outcomes', () => {
    expect(checkOutcome('court', 'judgment')).toBeNull();
    expect(checkOutcome('arbitration', 'judgment')).toMatch(/award/);
    expect(checkOutcome('people_mediation', 'mediation_agreement')).toBeNull();
  });
});
