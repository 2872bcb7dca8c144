import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { ActorContext, DomainError, ErrorDetail, TransactionRunner } from '@app/kernel';
import { DEFAULT_REPLY_DUE_WORKING_DAYS } from './domain/reply-due';
import { isSignatureAlgorithm, SIGNATURE_ALGORITHMS } from './domain/transfer-types';
import { publicKeyProblem } from './exchange/exchange-crypto';
import { PartnerResponse, toPartnerResponse } from './http/transfer.mapper';
import { PartnerKey } from './persistence/partner.entity';
import { TransfersRepository } from './persistence/transfers.repository';

export interface PartnerInput {
  name: string;
  endpoint?: string | null;
  keys?: PartnerKey[];
  active?: boolean;
  replyDueWorkingDays?: number;
}

/** Partner offices: listed by anyone working transfers, configured by admins (PUT /partners/:code, partners:load). */
@Injectable()
export class PartnersService {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  async list(): Promise<PartnerResponse[]> {
    return (await this.repo.partners()).map(toPartnerResponse);
  }

  /** Creates or replaces a partner; keys are checked for their algorithm, an active partner needs an endpoint and a key. */
  async put(actor: ActorContext, code: string, input: PartnerInput): Promise<PartnerResponse> {
    const problems = checkPartner(code, input);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    return this.tx.run(async (em) => {
      const existing = await this.repo.lockPartner(em, code);
      const before = existing ? toPartnerResponse(existing) : undefined;
      const p = existing ?? this.repo.newPartner({ code, version: 0 });
      p.name = input.name;
      p.endpoint = input.endpoint?.replace(/\/+$/, '') ?? null;
      p.keys = input.keys ?? [];
      p.active = input.active ?? false;
      p.replyDueWorkingDays = input.replyDueWorkingDays ?? p.replyDueWorkingDays ?? DEFAULT_REPLY_DUE_WORKING_DAYS;
      p.version = (p.version ?? 0) + 1;
      const saved = await this.repo.savePartner(em, p);
      await this.audit.write(em, actor, {
        action: existing ? 'partner.updated' : 'partner.created',
        entityType: 'partner',
        entityId: code,
        orgUnitCode: null,
        before,
        after: toPartnerResponse(saved),
      });
      return toPartnerResponse(saved);
    });
  }

  /** The demo's partner offices (the org units of kind partner), inactive and without endpoints until configured. */
  async seedDemo(): Promise<number> {
    return this.tx.run((em) => this.repo.seedPartnersFromOrgUnits(em, DEFAULT_REPLY_DUE_WORKING_DAYS));
  }
}

export function checkPartner(code: string, p: PartnerInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!/^\d{6}$/.test(code)) problems.push({ field: 'code', message: 'must be a 6-digit division code' });
  if (typeof p.name !== 'string' || !p.name.trim()) problems.push({ field: 'name', message: 'is required' });
  if (p.endpoint) {
    try {
      const u = new URL(p.endpoint);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      problems.push({ field: 'endpoint', message: 'must be an http(s) URL' });
    }
  }
  const ids = new Set<string>();
  (p.keys ?? []).forEach((k, i) => {
    if (!k || typeof k.keyId !== 'string' || !k.keyId) problems.push({ field: `keys.${i}.keyId`, message: 'is required' });
    else if (ids.has(k.keyId)) problems.push({ field: `keys.${i}.keyId`, message: 'is used twice' });
    else ids.add(k.keyId);
    if (!isSignatureAlgorithm(k?.algorithm))
      problems.push({ field: `keys.${i}.algorithm`, message: `must be one of ${SIGNATURE_ALGORITHMS.join(', ')}` });
    else {
      const problem = publicKeyProblem(k.algorithm, String(k.publicKey ?? ''));
      if (problem) problems.push({ field: `keys.${i}.publicKey`, message: problem });
    }
  });
  if ((p.keys ?? []).length > 4) problems.push({ field: 'keys', message: 'at most 4 keys (two during a rotation)' });
  if (p.active && (!p.endpoint || !(p.keys ?? []).length))
    problems.push({ field: 'active', message: 'an active partner needs an endpoint and a key' });
  if (
    p.replyDueWorkingDays !== undefined &&
    (!Number.isInteger(p.replyDueWorkingDays) || p.replyDueWorkingDays < 1 || p.replyDueWorkingDays > 120)
  )
    problems.push({ field: 'replyDueWorkingDays', message: 'must be a whole number of working days, 1-120' });
  return problems;
}
