import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitEntity } from '@app/auth';
import { DataSource, EntityManager, In } from 'typeorm';
import { MetricsUnit } from '../domain/metrics-scope';
import { MetricTargetEntity } from './metric-target.entity';

/** The latest target per unit of one year (rows are append-only; the newest wins). */
export async function currentTargets(q: Pick<EntityManager, 'query'>, year: number): Promise<Map<string, number>> {
  const rows = await q.query<{ org_unit_code: string; target: number }[]>(
    `SELECT DISTINCT ON (org_unit_code) org_unit_code, target FROM metric_targets WHERE year = $1 ORDER BY org_unit_code, id DESC`,
    [year],
  );
  return new Map(rows.map((r) => [r.org_unit_code, r.target]));
}

/** The targets' statements and the org-unit lookups the metrics answers resolve their unit with. */
@Injectable()
export class TargetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  current(year: number, em: Pick<EntityManager, 'query'> = this.dataSource): Promise<Map<string, number>> {
    return currentTargets(em, year);
  }

  /** Every target ever set for the year, newest first. */
  history(year: number): Promise<MetricTargetEntity[]> {
    return this.dataSource.getRepository(MetricTargetEntity).find({ where: { year }, order: { id: 'DESC' } });
  }

  /** One writer per year at a time, so "before" in the audit entry is the target a change replaced. */
  async lockYear(em: EntityManager, year: number): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ped.metric_targets.${year}`]);
  }

  insert(em: EntityManager, fields: Pick<MetricTargetEntity, 'year' | 'orgUnitCode' | 'target' | 'setBy'>): Promise<MetricTargetEntity> {
    return em.save(em.create(MetricTargetEntity, fields));
  }

  unit(code: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOneBy({ code });
  }

  units(codes: string[]): Promise<OrgUnitEntity[]> {
    return codes.length ? this.dataSource.getRepository(OrgUnitEntity).findBy({ code: In(codes) }) : Promise.resolve([]);
  }

  /** The units listed one per row under the city: the bureau and its districts. */
  enforcementUnits(): Promise<{ code: string; name: string }[]> {
    return this.dataSource.query<{ code: string; name: string }[]>(
      `SELECT code, name FROM org_units WHERE kind IN ('bureau', 'district') ORDER BY kind, code`,
    );
  }

  /** The city's code: the (top) bureau. */
  async cityCode(): Promise<string | null> {
    const [bureau] = await this.dataSource.query<{ code: string }[]>(
      `SELECT code FROM org_units WHERE kind = 'bureau' ORDER BY parent_code NULLS FIRST, code LIMIT 1`,
    );
    return bureau?.code ?? null;
  }

  /** The kinds of these units (for the scope rule). */
  async kinds(codes: string[]): Promise<Map<string, MetricsUnit['kind']>> {
    return new Map((await this.units([...new Set(codes)])).map((u) => [u.code, u.kind]));
  }
}
