import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { isEnforcementUnit, OrgUnitEntity } from '@app/auth';
import { ActorContext, AuthUser, DomainError, ErrorDetail, inScope, TransactionRunner } from '@app/kernel';
import { DataSource, EntityManager, In } from 'typeorm';
import { SetTargetsDto } from './http/dto/metrics.dto';
import { MetricTargetEntity } from './persistence/metric-target.entity';

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

/** The latest target per unit of one year (rows are append-only; the newest wins). */
export async function currentTargets(q: Pick<EntityManager, 'query'>, year: number): Promise<Map<string, number>> {
  const rows = await q.query<{ org_unit_code: string; target: number }[]>(
    `SELECT DISTINCT ON (org_unit_code) org_unit_code, target FROM metric_targets WHERE year = $1 ORDER BY org_unit_code, id DESC`,
    [year],
  );
  return new Map(rows.map((r) => [r.org_unit_code, r.target]));
}

/**
 * Annual targets per org unit (the city's may differ from the sum of its districts'). Set by the city bureau's
 * supervisors and admins; each change is a new row and an audit entry ('target'), so the history is kept.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  async set(user: AuthUser, actor: ActorContext, year: number, dto: SetTargetsDto): Promise<TargetsResponse> {
    if (!user.roles.includes('admin') && !(user.roles.includes('supervisor') && user.scope.allUnits))
      throw new DomainError('FORBIDDEN', 'targets are set by a supervisor of the city bureau or an admin');
    const codes = dto.targets.map((t) => t.orgUnitCode);
    const units = await this.dataSource.getRepository(OrgUnitEntity).findBy({ code: In(codes) });
    const problems: ErrorDetail[] = [];
    dto.targets.forEach((t, i) => {
      const unit = units.find((u) => u.code === t.orgUnitCode);
      if (!isEnforcementUnit(unit)) problems.push({ field: `targets.${i}.orgUnitCode`, message: 'is not the bureau or a district' });
      else if (codes.indexOf(t.orgUnitCode) !== i) problems.push({ field: `targets.${i}.orgUnitCode`, message: 'is listed twice' });
    });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

    await this.tx.run(async (em) => {
      // one writer per year at a time, so "before" in the audit entry is the target this change replaced
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ped.metric_targets.${year}`]);
      const current = await currentTargets(em, year);
      for (const t of dto.targets) {
        const before = current.get(t.orgUnitCode);
        if (before === t.target) continue;
        const row = await em.save(em.create(MetricTargetEntity, { year, orgUnitCode: t.orgUnitCode, target: t.target, setBy: user.id }));
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
    const rows = await this.dataSource.getRepository(MetricTargetEntity).find({ where: { year }, order: { id: 'DESC' } });
    const visible = rows.filter((r) => inScope(user.scope, r.orgUnitCode));
    const seen = new Set<string>();
    const current = visible.filter((r) => (seen.has(r.orgUnitCode) ? false : (seen.add(r.orgUnitCode), true)));
    return { year, targets: current.map(view).sort((a, b) => a.orgUnitCode.localeCompare(b.orgUnitCode)), history: visible.map(view) };
  }
}
