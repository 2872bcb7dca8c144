import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitEntity } from '@app/auth';
import { AuthUser, DomainError, inScope } from '@app/kernel';
import { DataSource } from 'typeorm';

/** What a metrics answer covers: one unit's own cases, or (the bureau's code) the whole city. */
export interface MetricsSelection {
  code: string;
  name: string;
  /** null: every unit (the city); otherwise the units whose counts are summed */
  units: string[] | null;
}

/**
 * Scope of the metrics routes: the bureau's code means the whole city and needs a city-wide scope (city-bureau
 * supervisors, admins); anyone else sees their own unit (district supervisors; officers read-only). Another unit, or
 * the city without a city-wide scope, answers 404 like an unknown one. Without `orgUnitCode`: the city for city-wide
 * callers, else the caller's unit.
 */
@Injectable()
export class MetricsScope {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(user: AuthUser, orgUnitCode: string | undefined): Promise<MetricsSelection> {
    const code = orgUnitCode ?? (user.scope.allUnits ? await this.cityCode(user) : user.orgUnitCode);
    const unit = await this.dataSource.getRepository(OrgUnitEntity).findOneBy({ code });
    if (!unit || unit.kind === 'partner') throw DomainError.notFound('org unit');
    if (unit.kind === 'bureau') {
      if (!user.scope.allUnits) throw DomainError.notFound('org unit');
      return { code: unit.code, name: unit.name, units: null };
    }
    if (!inScope(user.scope, unit.code)) throw DomainError.notFound('org unit');
    return { code: unit.code, name: unit.name, units: [unit.code] };
  }

  /** The units listed one per row under a selection (the city: the bureau and its districts). */
  async unitsOf(sel: MetricsSelection): Promise<{ code: string; name: string }[]> {
    if (sel.units) return [{ code: sel.code, name: sel.name }];
    return this.dataSource.query<{ code: string; name: string }[]>(
      `SELECT code, name FROM org_units WHERE kind IN ('bureau', 'district') ORDER BY kind, code`,
    );
  }

  private async cityCode(user: AuthUser): Promise<string> {
    if (user.orgUnit.kind === 'bureau') return user.orgUnitCode;
    const [bureau] = await this.dataSource.query<{ code: string }[]>(
      `SELECT code FROM org_units WHERE kind = 'bureau' ORDER BY parent_code NULLS FIRST, code LIMIT 1`,
    );
    if (!bureau) throw DomainError.notFound('org unit');
    return bureau.code;
  }
}
