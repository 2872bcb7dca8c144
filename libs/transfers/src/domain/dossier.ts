import { isReplyStatus, isTransferKind, REPLY_STATUSES, ReplyStatus, TRANSFER_KINDS, TransferKind } from './transfer-types';

/**
 * The dossier one office sends another (POST /exchange/transfers): the request, the case as the partner needs it, and
 * the files to fetch (each by a path relative to the sender's exchange endpoint, with its sha256). Version 1.
 */
export interface Dossier {
  version: 1;
  /** the sender's transfer id: the key of idempotent receipt and of every status message back */
  exchangeId: string;
  originCode: string;
  targetCode: string;
  /** an org unit of the receiver, when the sender knows it; else the receiver's intake routes it */
  targetUnitCode: string | null;
  kind: TransferKind;
  reason: string;
  requestedItems: string[];
  sentAt: string;
  case: DossierCase;
  parties: DossierParty[];
  patents: { number: string; title: string | null }[];
  files: DossierFile[];
}

export interface DossierCase {
  receiptNo: string;
  caseNo: string | null;
  type: string;
  status: string;
  receivedOn: string;
  filedOn: string | null;
  summary: string;
  ftz: boolean;
  ecommerce: { platform: string; storeName?: string; listingUrl?: string } | null;
  decision: Record<string, unknown> | null;
}

export interface DossierParty {
  role: 'requester' | 'respondent';
  kind: 'organization' | 'individual';
  name: string;
  uscc: string | null;
  /** in clear only in a `transfer` (the receiving office takes the case over); masked for assistance */
  idNumber: string | null;
  idNumberMasked: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

export interface DossierFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  description: string;
  /** relative to the sender's exchange base, e.g. `exchange/transfers/<exchangeId>/files/<id>` (a signed GET) */
  path: string;
  expiresAt: string;
}

/** A status message back to the sender (POST /exchange/transfers/:exchangeId/status). */
export interface StatusMessage {
  messageId: string;
  status: ReplyStatus;
  at: string;
  partnerCaseNo?: string | null;
  reason?: string | null;
  result?: string | null;
  files?: DossierFile[];
  /** for evidence_rejected: the files whose sha256 did not match */
  mismatched?: { id: string; expected: string; actual: string }[];
}

export interface Problem {
  field: string;
  message: string;
}

export const DOSSIER_LIMITS = { parties: 100, patents: 100, files: 200, text: 5000, name: 300, fileBytes: 1024 ** 3 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^\d{6}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const PATH = /^exchange\/transfers\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly problems: Problem[] = [];
  fail(field: string, message: string): void {
    if (this.problems.length < 50) this.problems.push({ field, message });
  }
  str(o: Obj, key: string, path: string, opts: { max?: number; pattern?: RegExp; nullable?: boolean; optional?: boolean } = {}): void {
    const v = o[key];
    if (v === undefined && opts.optional) return;
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string' || v.length === 0) return this.fail(`${path}${key}`, 'must be a non-empty string');
    if (v.length > (opts.max ?? DOSSIER_LIMITS.text))
      this.fail(`${path}${key}`, `must be at most ${opts.max ?? DOSSIER_LIMITS.text} characters`);
    else if (opts.pattern && !opts.pattern.test(v)) this.fail(`${path}${key}`, 'is not in the expected format');
  }
  only(o: Obj, keys: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${path}${k}`, 'is not a dossier field');
  }
  list(o: Obj, key: string, path: string, max: number): unknown[] {
    const v = o[key];
    if (!Array.isArray(v)) {
      this.fail(`${path}${key}`, 'must be an array');
      return [];
    }
    if (v.length > max) {
      this.fail(`${path}${key}`, `must have at most ${max} items`);
      return [];
    }
    return v;
  }
}

const DOSSIER_KEYS = [
  'version',
  'exchangeId',
  'originCode',
  'targetCode',
  'targetUnitCode',
  'kind',
  'reason',
  'requestedItems',
  'sentAt',
  'case',
  'parties',
  'patents',
  'files',
] as const;
const CASE_KEYS = ['receiptNo', 'caseNo', 'type', 'status', 'receivedOn', 'filedOn', 'summary', 'ftz', 'ecommerce', 'decision'] as const;
const PARTY_KEYS = ['role', 'kind', 'name', 'uscc', 'idNumber', 'idNumberMasked', 'legalRepresentative', 'address', 'phone'] as const;
const FILE_KEYS = ['id', 'fileName', 'contentType', 'size', 'sha256', 'description', 'path', 'expiresAt'] as const;

function checkFiles(c: Checker, o: Obj, path: string): void {
  c.list(o, 'files', path, DOSSIER_LIMITS.files).forEach((f, i) => {
    const p = `${path}files.${i}.`;
    if (!isObj(f)) return c.fail(`${path}files.${i}`, 'must be an object');
    c.only(f, FILE_KEYS, p);
    c.str(f, 'id', p, { pattern: UUID });
    c.str(f, 'fileName', p, { max: DOSSIER_LIMITS.name });
    c.str(f, 'contentType', p, { max: 200 });
    c.str(f, 'sha256', p, { pattern: SHA256 });
    if (typeof f.description !== 'string' || f.description.length > DOSSIER_LIMITS.text) c.fail(`${p}description`, 'must be a string');
    c.str(f, 'path', p, { pattern: PATH });
    c.str(f, 'expiresAt', p, { max: 40 });
    if (!Number.isSafeInteger(f.size) || (f.size as number) < 0 || (f.size as number) > DOSSIER_LIMITS.fileBytes)
      c.fail(`${p}size`, 'must be a whole number of bytes');
  });
}

/** Every problem of a received dossier, each naming its field (`case.summary`, `files.1.sha256`), or none. */
export function validateDossier(body: unknown, expect: { selfCode: string; senderCode: string }): Problem[] {
  const c = new Checker();
  if (!isObj(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  c.only(body, DOSSIER_KEYS, '');
  if (body.version !== 1) c.fail('version', 'must be 1');
  c.str(body, 'exchangeId', '', { pattern: UUID });
  c.str(body, 'originCode', '', { pattern: CODE });
  c.str(body, 'targetCode', '', { pattern: CODE });
  if (typeof body.originCode === 'string' && body.originCode !== expect.senderCode)
    c.fail('originCode', 'is not the partner that signed the request');
  if (typeof body.targetCode === 'string' && body.targetCode !== expect.selfCode) c.fail('targetCode', 'is not this office');
  c.str(body, 'targetUnitCode', '', { max: 40, nullable: true });
  if (!isTransferKind(body.kind)) c.fail('kind', `must be one of ${TRANSFER_KINDS.join(', ')}`);
  c.str(body, 'reason', '');
  c.list(body, 'requestedItems', '', 50).forEach((v, i) => {
    if (typeof v !== 'string' || !v || v.length > 1000) c.fail(`requestedItems.${i}`, 'must be a non-empty string');
  });
  c.str(body, 'sentAt', '', { max: 40 });
  const kase = body.case;
  if (!isObj(kase)) c.fail('case', 'must be an object');
  else {
    c.only(kase, CASE_KEYS, 'case.');
    c.str(kase, 'receiptNo', 'case.', { max: DOSSIER_LIMITS.name });
    c.str(kase, 'caseNo', 'case.', { max: DOSSIER_LIMITS.name, nullable: true });
    c.str(kase, 'type', 'case.', { max: 40 });
    c.str(kase, 'status', 'case.', { max: 40 });
    c.str(kase, 'receivedOn', 'case.', { pattern: DATE });
    c.str(kase, 'filedOn', 'case.', { pattern: DATE, nullable: true });
    c.str(kase, 'summary', 'case.');
    if (typeof kase.ftz !== 'boolean') c.fail('case.ftz', 'must be a boolean');
    if (kase.ecommerce !== null && !isObj(kase.ecommerce)) c.fail('case.ecommerce', 'must be an object or null');
    if (kase.decision !== null && !isObj(kase.decision)) c.fail('case.decision', 'must be an object or null');
  }
  c.list(body, 'parties', '', DOSSIER_LIMITS.parties).forEach((p, i) => {
    const path = `parties.${i}.`;
    if (!isObj(p)) return c.fail(`parties.${i}`, 'must be an object');
    c.only(p, PARTY_KEYS, path);
    if (p.role !== 'requester' && p.role !== 'respondent') c.fail(`${path}role`, 'must be requester or respondent');
    if (p.kind !== 'organization' && p.kind !== 'individual') c.fail(`${path}kind`, 'must be organization or individual');
    c.str(p, 'name', path, { max: DOSSIER_LIMITS.name });
    for (const k of ['uscc', 'idNumber', 'idNumberMasked', 'legalRepresentative', 'address', 'phone'])
      c.str(p, k, path, { max: DOSSIER_LIMITS.name, nullable: true });
  });
  c.list(body, 'patents', '', DOSSIER_LIMITS.patents).forEach((p, i) => {
    if (!isObj(p)) return c.fail(`patents.${i}`, 'must be an object');
    c.only(p, ['number', 'title'], `patents.${i}.`);
    c.str(p, 'number', `patents.${i}.`, { max: 40 });
    c.str(p, 'title', `patents.${i}.`, { max: DOSSIER_LIMITS.name, nullable: true });
  });
  checkFiles(c, body, '');
  if (body.kind === 'transfer' && Array.isArray(body.files) && body.files.length === 0) {
    // allowed: a case may have no evidence files; nothing to check
  }
  return c.problems;
}

const MESSAGE_KEYS = ['messageId', 'status', 'at', 'partnerCaseNo', 'reason', 'result', 'files', 'mismatched'] as const;

/** Every problem of a received status message, each naming its field, or none. */
export function validateStatusMessage(body: unknown): Problem[] {
  const c = new Checker();
  if (!isObj(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  c.only(body, MESSAGE_KEYS, '');
  c.str(body, 'messageId', '', { pattern: UUID });
  if (!isReplyStatus(body.status)) c.fail('status', `must be one of ${REPLY_STATUSES.join(', ')}`);
  c.str(body, 'at', '', { max: 40 });
  c.str(body, 'partnerCaseNo', '', { max: DOSSIER_LIMITS.name, nullable: true, optional: true });
  c.str(body, 'reason', '', { nullable: true, optional: true });
  c.str(body, 'result', '', { nullable: true, optional: true });
  if (body.status === 'accepted' && (typeof body.partnerCaseNo !== 'string' || !body.partnerCaseNo))
    c.fail('partnerCaseNo', "is required when the status is 'accepted'");
  if (body.status === 'declined' && (typeof body.reason !== 'string' || !body.reason))
    c.fail('reason', "is required when the status is 'declined'");
  if (body.status === 'answered' && (typeof body.result !== 'string' || !body.result))
    c.fail('result', "is required when the status is 'answered'");
  if (body.files !== undefined) checkFiles(c, body, '');
  if (body.mismatched !== undefined) {
    c.list(body, 'mismatched', '', DOSSIER_LIMITS.files).forEach((m, i) => {
      if (!isObj(m)) return c.fail(`mismatched.${i}`, 'must be an object');
      c.only(m, ['id', 'expected', 'actual'], `mismatched.${i}.`);
      c.str(m, 'id', `mismatched.${i}.`, { pattern: UUID });
      c.str(m, 'expected', `mismatched.${i}.`, { max: 100 });
      c.str(m, 'actual', `mismatched.${i}.`, { max: 100 });
    });
  }
  return c.problems;
}

/** Personal data a dossier carries for each kind: a transfer hands the case over (in clear); assistance needs names. */
export function partyForKind(kind: TransferKind, p: DossierParty): DossierParty {
  if (kind === 'transfer') return p;
  return { ...p, idNumber: null, phone: null, address: null };
}

export const filePath = (exchangeId: string, fileId: string): string => `exchange/transfers/${exchangeId}/files/${fileId}`;
