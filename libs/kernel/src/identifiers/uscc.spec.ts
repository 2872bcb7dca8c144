import { organizationCodeCheckCharacter, usccCheckCharacter, validateUscc } from './uscc';

// Built independently of uscc.ts: weights derived from their definition (3^i mod 31, GB 32100-2015; the GB 11714
// weights are the standard's table) rather than copied, so a typo in either table shows up as a failing test.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function withChecks(first16: string): string {
  const orgSum = [3, 7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + ORG_CHARSET.indexOf(first16[8 + i]) * w, 0);
  const orgCheck = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'][11 - (orgSum % 11)];
  const first17 = first16 + orgCheck;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * (3 ** i % 31);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

// Codes published online (the real-world list in python-stdnum's tests), chosen to cover: Tianjin (120000) registrations,
// a public institution (12), an individual business (92), letters in the organization code, X as either check, and
// 0 as the organization-code check (its weighted sum is a multiple of 11, so 11 - 0 wraps to 0).
const PUBLISHED_VALID = [
  '121200004013590816',
  '91120224064012553U',
  '91110000600037341L',
  '91310115MA1K3BTP2B',
  '9144030071526726XG',
  '91152201078371135X',
  '91620105L015101280',
  '92340602MA2PBMEM24',
  '92340621MA2PBKRXXG',
  '91340621MA2PBPLU08',
  '91152201078382010M',
];

describe('validateUscc', () => {
  it.each(PUBLISHED_VALID)('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['an enterprise', '91120116', 'MA05K1P'],
    ['an individual business', '92120101', 'L1234AB'],
    ['a farmers cooperative', '93120221', '3008765'],
    ['a public institution', '12120000', '4013590'],
    ['a social organisation', '51120000', '5000012'],
    ['a law firm', '31120000', 'E0000A0'],
    ['a village collective economic organisation', 'N2120104', 'CQ4B0W5'],
    ['an other-registration code', 'Y1120000', '7T5HR41'],
  ])('accepts a generated code for %s', (_label, head, orgBody) => {
    const code = withChecks(head + orgBody.padEnd(8, '0'));
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('agrees with the exported check helpers on every published code', () => {
    for (const code of PUBLISHED_VALID) {
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
      expect(organizationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
    }
  });

  it('normalizes surrounding whitespace and lower case', () => {
    expect(validateUscc('  91120224064012553u\n')).toEqual({ ok: true, value: '91120224064012553U' });
    expect(validateUscc('91310115ma1k3btp2b')).toEqual({ ok: true, value: '91310115MA1K3BTP2B' });
  });

  it.each(['', '9112022406401255', '91120224064012553', '91120224064012553U0', '9112 0224064012553U'])(
    'rejects %p by its length',
    (code) => {
      expect(validateUscc(code)).toEqual({ ok: false, reason: 'must be 18 characters' });
    },
  );

  it('rejects I, O, S, V and Z, and any other character outside the charset, at every position', () => {
    const valid = '91120224064012553U';
    for (let i = 0; i < 18; i++) {
      for (const bad of ['I', 'O', 'S', 'V', 'Z', '-', '中', '.']) {
        const code = valid.slice(0, i) + bad + valid.slice(i + 1);
        expect(validateUscc(code)).toEqual({ ok: false, reason: 'may contain only digits and capital letters other than I, O, S, V, Z' });
      }
    }
  });

  it('rejects letters in the region code', () => {
    expect(validateUscc(withChecks('9112A224064012553'.slice(0, 16)))).toEqual({
      ok: false,
      reason: 'characters 3-8 (region code) must be digits',
    });
  });

  it('rejects a wrong organization-code check character and names the right one', () => {
    // 91120224064012553U with the 17th character changed: the organization code 06401255-3 no longer checks.
    expect(validateUscc('91120224064012554U')).toEqual({ ok: false, reason: 'organization code check character should be 3' });
  });

  it('rejects a wrong check character and names the right one', () => {
    expect(validateUscc('91120224064012553A')).toEqual({ ok: false, reason: 'check character should be U' });
    expect(validateUscc('121200004013590810')).toEqual({ ok: false, reason: 'check character should be 6' });
  });

  it('catches every single-character substitution of a valid code', () => {
    // Weights are non-zero mod the prime 31, so any one changed character must change the check.
    for (const valid of PUBLISHED_VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of CHARSET) {
          if (c === valid[i]) continue;
          expect(validateUscc(valid.slice(0, i) + c + valid.slice(i + 1)).ok).toBe(false);
        }
      }
    }
  });

  it.each([undefined, null, 911202240640, {}])('rejects the non-string %p', (input) => {
    expect(validateUscc(input)).toEqual({ ok: false, reason: 'must be a string' });
  });
});
