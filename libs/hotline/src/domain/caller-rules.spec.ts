import { callerProblems, mayBeAnonymous } from './caller-rules';
import { TICKET_CATEGORIES } from './ticket-types';

describe('caller rules', () => {
  it('allows anonymity for a report only', () => {
    expect(TICKET_CATEGORIES.filter(mayBeAnonymous)).toEqual(['report']);
    expect(callerProblems({ anonymous: true }, 'report', 'letter')).toEqual([]);
    expect(callerProblems({ anonymous: true }, 'complaint', 'web')).toEqual([
      { field: 'caller.anonymous', message: 'only a report (举报) may be anonymous' },
    ]);
  });

  it('refuses a name, phone or ID number from an anonymous caller, each named', () => {
    expect(callerProblems({ anonymous: true, name: 'x', phone: '1', idNumber: '2' }, 'report', 'phone').map((p) => p.field)).toEqual([
      'caller.name',
      'caller.phone',
      'caller.idNumber',
    ]);
  });

  it('needs a name from a caller who is not anonymous, and a phone number on a call', () => {
    expect(callerProblems({}, 'consultation', 'web').map((p) => p.field)).toEqual(['caller.name']);
    expect(callerProblems({ name: '张三' }, 'consultation', 'phone').map((p) => p.field)).toEqual(['caller.phone']);
    expect(callerProblems({ name: '张三', phone: '13912341234' }, 'consultation', 'phone')).toEqual([]);
  });
});
