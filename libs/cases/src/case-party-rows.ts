import { Injectable } from '@nestjs/common';
import {
  Clock,
  ErrorDetail,
  FieldCipher,
  maskPhone,
  maskResidentId,
  parsePatentNumber,
  validateResidentId,
  validateUscc,
} from '@app/kernel';
import { PartyDto, PatentRefDto } from './http/dto/create-case.dto';
import { PartyFields, PatentFields } from './persistence/cases.repository';

// what binds each encrypted value to its column (FieldCipher's additional data)
const ID_NUMBER_AAD = 'case_parties.id_number';
const PHONE_AAD = 'case_parties.phone';

/**
 * Turns the parties and patents of a request into the rows the case stores — every identifier validated (USCC,
 * resident ID, patent number), personal data encrypted and masked — collecting one problem per bad field. Intake and
 * amendment use it, so both validate exactly alike.
 */
@Injectable()
export class CasePartyRows {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** A party's phone and ID number in clear (the caller audits the read). */
  unmask(p: Pick<PartyFields, 'idNumberEnc' | 'phoneEnc'>): { idNumber: string | null; phone: string | null } {
    return {
      idNumber: p.idNumberEnc ? this.cipher.decrypt(p.idNumberEnc, ID_NUMBER_AAD) : null,
      phone: p.phoneEnc ? this.cipher.decrypt(p.phoneEnc, PHONE_AAD) : null,
    };
  }

  parties(list: readonly PartyDto[], role: 'requester' | 'respondent', path: string, problems: ErrorDetail[]): PartyFields[] {
    return list.map((p, i) => this.party(p, role, i, `${path}.${i}`, problems));
  }

  /** The patents that parsed; each one that did not is a problem on `<path>.<i>.number`. */
  patents(list: readonly PatentRefDto[], path: string, problems: ErrorDetail[]): PatentFields[] {
    return list.flatMap((p, i) => {
      const parsed = parsePatentNumber(p.number, { now: this.clock.now() });
      if (!parsed.ok) {
        problems.push({ field: `${path}.${i}.number`, message: parsed.reason });
        return [];
      }
      return [{ ordinal: i, number: p.number.trim(), normalized: parsed.normalized, kind: parsed.kind, title: p.title ?? null }];
    });
  }

  private party(p: PartyDto, role: 'requester' | 'respondent', ordinal: number, path: string, problems: ErrorDetail[]): PartyFields {
    let uscc: string | null = null;
    let idNumberEnc: string | null = null;
    let idNumberMasked: string | null = null;
    if (p.uscc !== undefined) {
      if (p.kind !== 'organization') problems.push({ field: `${path}.uscc`, message: 'only organisations have a USCC' });
      const r = validateUscc(p.uscc);
      if (r.ok) uscc = r.value;
      else problems.push({ field: `${path}.uscc`, message: r.reason });
    }
    if (p.idNumber !== undefined) {
      if (p.kind !== 'individual') problems.push({ field: `${path}.idNumber`, message: 'only individuals have an ID number' });
      const r = validateResidentId(p.idNumber, { now: this.clock.now() });
      if (r.ok) {
        idNumberEnc = this.cipher.encrypt(r.value, ID_NUMBER_AAD);
        idNumberMasked = maskResidentId(r.value);
      } else problems.push({ field: `${path}.idNumber`, message: r.reason });
    }
    if (role === 'respondent' && p.role !== undefined) problems.push({ field: `${path}.role`, message: 'is for requesters only' });
    return {
      role,
      ordinal,
      kind: p.kind,
      name: p.name.trim(),
      requesterRole: role === 'requester' ? (p.role ?? null) : null,
      uscc,
      idNumberEnc,
      idNumberMasked,
      legalRepresentative: p.legalRepresentative ?? null,
      address: p.address ?? null,
      phoneEnc: p.phone ? this.cipher.encrypt(p.phone, PHONE_AAD) : null,
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
    };
  }
}
