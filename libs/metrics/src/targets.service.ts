import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { isEnforcementUnit } from '@app/auth';
import { ActorContext, AuthUser, DomainError, ErrorDetail, TransactionRunner } from '@app/kernel';
import { maySetTargets, metricsUnitVisibleTo } from './domain/metrics-scope';
import { SetTargetsDto } from './http/dto/metrics.dto';
import { MetricTargetEntity } from './persistence/metric-target.entity';
import { TargetsRepository } from './persistence/targets.repository';

export interface TargetView {
  orgUnitCode: string;
  target: number;
  setBy: string | null;
  setAt: string;
}

export interface TargetsResponse {
  year: number;
  /** the current target of each unit that has one */
  targets: TargetView[];
  /** every target ever set for the year, newest first */
  history: TargetView[];
}

const view = (t: MetricTargetEntity): TargetView => ({
  orgUnitCode: t.orgUnitCode,
  target: t.target,
  setBy: t.setBy,
  setAt: t.setAt.toISOString(),
});

/**
 * Annual targets per org unit (the city's may differ from the sum of its districts'). Set by the city bureau's
 * supervisors and admins; each change is a new row and an audit entry ('target'), so the history is kept.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  async set(user: AuthUser, actor: ActorContext, year: number, dto: SetTargetsDto): Promise<TargetsResponse> {
    if (!maySetTargets(user)) throw new DomainError('FORBIDDEN', 'targets are set by a supervisor of the city bureau or an admin');
    const codes = dto.targets.map((t) => t.orgUnitCode);
    const units = await this.targets.units(codes);
    const problems: ErrorDetail[] = [];
    dto.targets.forEach((t, i) => {
      const unit = units.find((u) => u.code === t.orgUnitCode);
      if (!isEnforcementUnit(unit)) problems.push({ field: `targets.${i}.orgUnitCode`, message: 'is not the bureau or a district' });
      else if (codes.indexOf(t.orgUnitCode) !== i) problems.push({ field: `targets.${i}.orgUnitCode`, message: 'is listed twice' });
    });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

    await this.tx.run(async (em) => {
      // one writer per year at a time, so "before" in the audit entry is the target this change replaced
      await this.targets.lockYear(em, year);
      const current = await this.targets.current(year, em);
      for (const t of dto.targets) {
        const before = current.get(t.orgUnitCode);
        if (before === t.target) continue;
        const row = await this.targets.insert(em, { year, orgUnitCode: t.orgUnitCode, target: t.target, setBy: user.id });
        await this.audit.write(em, actor, {
          action: 'target.set',
          entityType: 'target',
          entityId: `${year}:${t.orgUnitCode}`,
          orgUnitCode: t.orgUnitCode,
          before: before === undefined ? null : { year, target: before },
          after: { year, target: t.target, id: row.id },
        });
      }
    });
    return this.get(user, year);
  }

  async get(user: AuthUser, year: number): Promise<TargetsResponse> {
    const rows = await this.targets.history(year);
    const kinds = await this.targets.kinds(rows.map((r) => r.orgUnitCode));
    const visible = rows.filter((r) => {
      const kind = kinds.get(r.orgUnitCode);
      return kind !== undefined && metricsUnitVisibleTo(user, { code: r.orgUnitCode, kind });
    });
    const seen = new Set<string>();
    const current = visible.filter((r) => (seen.has(r.orgUnitCode) ? false : (seen.add(r.orgUnitCode), true)));
    return { year, targets: current.map(view).sort((a, b) => a.orgUnitCode.localeCompare(b.orgUnitCode)), history: visible.map(view) };
  }
}
