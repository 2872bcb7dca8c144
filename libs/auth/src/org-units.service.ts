import { Injectable } from '@nestjs/common';
import { ActorContext, TransactionRunner } from '@app/kernel';
import { AuditWriter } from '@app/audit';
import type { OrgUnitKind } from './domain/org-unit-kinds';
import { OrgUnitEntity } from './persistence/org-unit.entity';
import { OrgUnitsRepository } from './persistence/org-units.repository';

export interface OrgUnitView {
  code: string;
  name: string;
  abbr: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  /** 统一社会信用代码 of an enforcement unit (处罚机关 on credit publications); null when not loaded */
  uscc: string | null;
}

/** The shape of data/org-units.json (the reference list of the office's units and example partner offices). */
export interface OrgUnitsFile {
  bureau: { code: string; name: string; abbr: string; uscc?: string };
  hotlineCenter: { code: string; name: string; abbr: string; parentCode: string };
  districts: { code: string; name: string; abbr: string; uscc?: string }[];
  partners: { code: string; name: string }[];
}

export function orgUnitsFromFile(file: OrgUnitsFile): OrgUnitView[] {
  return [
    { ...file.bureau, kind: 'bureau', parentCode: null, uscc: file.bureau.uscc ?? null },
    { ...file.hotlineCenter, kind: 'hotline_center', uscc: null },
    ...file.districts.map((d) => ({ ...d, kind: 'district' as const, parentCode: file.bureau.code, uscc: d.uscc ?? null })),
    ...file.partners.map((p) => ({
      code: p.code,
      name: p.name,
      abbr: p.name.slice(0, 2),
      kind: 'partner' as const,
      parentCode: null,
      uscc: null,
    })),
  ];
}

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly units: OrgUnitsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  async list(): Promise<OrgUnitView[]> {
    const rows = await this.units.listActive();
    return rows.map(toView);
  }

  async get(code: string): Promise<OrgUnitView | null> {
    const row = await this.units.findByCode(code);
    return row ? toView(row) : null;
  }

  /** Inserts new units and updates changed ones (admin cli); each change is audited. Returns how many changed. */
  async upsertAll(actor: ActorContext, units: OrgUnitView[]): Promise<number> {
    return this.tx.run(async (em) => {
      let changed = 0;
      // parents first, so the foreign-key-free parent reference always names a loaded unit
      for (const unit of [...units].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null))) {
        const existing = await this.units.lockByCode(em, unit.code);
        if (existing && sameUnit(toView(existing), unit)) continue;
        if (existing) {
          await this.units.update(em, unit.code, {
            name: unit.name,
            abbr: unit.abbr,
            kind: unit.kind,
            parentCode: unit.parentCode,
            uscc: unit.uscc,
            version: existing.version + 1,
          });
        } else {
          await this.units.insert(em, { ...unit, active: true });
        }
        await this.audit.write(em, actor, {
          action: existing ? 'org_unit.updated' : 'org_unit.created',
          entityType: 'org_unit',
          entityId: unit.code,
          orgUnitCode: unit.code,
          before: existing ? toView(existing) : null,
          after: unit,
        });
        changed++;
      }
      return changed;
    });
  }
}

function toView(u: OrgUnitEntity): OrgUnitView {
  return { code: u.code, name: u.name, abbr: u.abbr, kind: u.kind, parentCode: u.parentCode, uscc: u.uscc };
}

function sameUnit(a: OrgUnitView, b: OrgUnitView): boolean {
  return a.name === b.name && a.abbr === b.abbr && a.kind === b.kind && a.parentCode === b.parentCode && a.uscc === b.uscc;
}
