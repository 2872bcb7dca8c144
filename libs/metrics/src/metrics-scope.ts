import { Injectable } from '@nestjs/common';
import { AuthUser, DomainError } from '@app/kernel';
import { metricsUnitVisibleTo, selectionUnits } from './domain/metrics-scope';
import { TargetsRepository } from './persistence/targets.repository';

/** What a metrics answer covers: one unit's own cases, or (the bureau's code) the whole city. */
export interface MetricsSelection {
  code: string;
  name: string;
  /** null: every unit (the city); otherwise the units whose counts are summed */
  units: string[] | null;
}

/**
 * Resolves the unit of a metrics answer through the context's one scope rule (domain/metrics-scope.ts): another unit,
 * or the city without a city-wide scope, answers 404 like an unknown one. Without `orgUnitCode`: the city for
 * city-wide callers, else the caller's unit.
 */
@Injectable()
export class MetricsScope {
  constructor(private readonly units: TargetsRepository) {}

  async resolve(user: AuthUser, orgUnitCode: string | undefined): Promise<MetricsSelection> {
    const code = orgUnitCode ?? (user.scope.allUnits ? await this.cityCode(user) : user.orgUnitCode);
    const unit = await this.units.unit(code);
    if (!unit || !metricsUnitVisibleTo(user, unit)) throw DomainError.notFound('org unit');
    return { code: unit.code, name: unit.name, units: selectionUnits(unit) };
  }

  /** The units listed one per row under a selection (the city: the bureau and its districts). */
  async unitsOf(sel: MetricsSelection): Promise<{ code: string; name: string }[]> {
    if (sel.units) return [{ code: sel.code, name: sel.name }];
    return this.units.enforcementUnits();
  }

  private async cityCode(user: AuthUser): Promise<string> {
    if (user.orgUnit.kind === 'bureau') return user.orgUnitCode;
    const city = await this.units.cityCode();
    if (!city) throw DomainError.notFound('org unit');
    return city;
  }
}
