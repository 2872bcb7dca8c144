import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { ActorContext, AuthUser, ExportColumn, TransactionRunner } from '@app/kernel';
import { MetricName } from './domain/metric-names';
import { MetricsQueryService } from './metrics-query.service';
import { MetricsScope } from './metrics-scope';
import { MetricCountsRepository } from './persistence/metric-counts.repository';
import { TargetsRepository } from './persistence/targets.repository';

/** One row of the monthly report: a unit, or the total (合计). */
export interface ReportRow {
  code: string;
  name: string;
  target: number | null;
  filedMonth: number;
  filedYtd: number;
  infringement: number;
  passingOff: number;
  mediation: number;
  ftz: number;
  ecommerce: number;
  received: number;
  decided: number;
  decidedOnTime: number;
  closed: number;
  closedOnTime: number;
  openOverdue: number | null;
}

const pct = (a: number, b: number | null) => (b ? Math.round((a / b) * 1000) / 10 : null);

/** The columns of the monthly report (月度统计报表), Chinese headers, in the office's order. */
export const REPORT_COLUMNS: ExportColumn<ReportRow>[] = [
  { header: '单位代码', value: (r) => r.code, width: 12 },
  { header: '单位名称', value: (r) => r.name, width: 20 },
  { header: '年度立案目标', value: (r) => r.target },
  { header: '本月立案', value: (r) => r.filedMonth },
  { header: '年度累计立案', value: (r) => r.filedYtd },
  { header: '目标完成率(%)', value: (r) => pct(r.filedYtd, r.target) },
  { header: '本月专利侵权纠纷立案', value: (r) => r.infringement },
  { header: '本月假冒专利立案', value: (r) => r.passingOff },
  { header: '本月专利纠纷调解立案', value: (r) => r.mediation },
  { header: '本月自贸区立案', value: (r) => r.ftz },
  { header: '本月电商立案', value: (r) => r.ecommerce },
  { header: '本月收案', value: (r) => r.received },
  { header: '本月立案决定', value: (r) => r.decided },
  { header: '立案决定按期率(%)', value: (r) => pct(r.decidedOnTime, r.decided) },
  { header: '本月结案', value: (r) => r.closed },
  { header: '按期结案率(%)', value: (r) => pct(r.closedOnTime, r.closed) },
  { header: '当前超期未结', value: (r) => r.openOverdue },
];

const METRICS: MetricName[] = [
  'case.filed',
  'case.received',
  'case.filing_decided',
  'case.filing_decided_on_time',
  'case.closed',
  'case.closed_on_time',
];

/** GET /metrics/report: one month's figures per unit from the counts, plus the year to date; audited as an export. */
@Injectable()
export class MetricsReportService {
  constructor(
    private readonly counts: MetricCountsRepository,
    private readonly targets: TargetsRepository,
    private readonly query: MetricsQueryService,
    private readonly scope: MetricsScope,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  async rows(
    user: AuthUser,
    actor: ActorContext,
    q: { year: number; month: number; orgUnitCode?: string; format: string },
  ): Promise<ReportRow[]> {
    const sel = await this.scope.resolve(user, q.orgUnitCode);
    const [counts, targets, units, live] = await Promise.all([
      this.query.yearCounts(sel, q.year, METRICS, q.month),
      this.targets.current(q.year),
      this.scope.unitsOf(sel),
      this.counts.gauge('case.open_overdue'),
    ]);
    const overdue = new Map(live.map((r) => [r.org_unit_code, Number(r.value)]));
    const rows: ReportRow[] = units.map((u) => {
      const cell = (metric: MetricName, dimension = '', ytd = false) =>
        counts
          .filter((c) => c.metric === metric && c.org_unit_code === u.code && c.dimension === dimension && (ytd || c.month === q.month))
          .reduce((s, c) => s + Number(c.n), 0);
      return {
        code: u.code,
        name: u.name,
        target: sel.units === null && u.code === sel.code ? null : (targets.get(u.code) ?? null),
        filedMonth: cell('case.filed'),
        filedYtd: cell('case.filed', '', true),
        infringement: cell('case.filed', 'type:infringement_dispute'),
        passingOff: cell('case.filed', 'type:passing_off'),
        mediation: cell('case.filed', 'type:dispute_mediation'),
        ftz: cell('case.filed', 'ftz'),
        ecommerce: cell('case.filed', 'ecommerce'),
        received: cell('case.received'),
        decided: cell('case.filing_decided'),
        decidedOnTime: cell('case.filing_decided_on_time'),
        closed: cell('case.closed'),
        closedOnTime: cell('case.closed_on_time'),
        openOverdue: overdue.size ? (overdue.get(u.code) ?? 0) : null,
      };
    });
    if (sel.units === null) {
      const sum = (k: keyof ReportRow) => rows.reduce((s, r) => s + (typeof r[k] === 'number' ? r[k] : 0), 0);
      rows.push({
        code: sel.code,
        name: '合计',
        target: targets.get(sel.code) ?? null,
        filedMonth: sum('filedMonth'),
        filedYtd: sum('filedYtd'),
        infringement: sum('infringement'),
        passingOff: sum('passingOff'),
        mediation: sum('mediation'),
        ftz: sum('ftz'),
        ecommerce: sum('ecommerce'),
        received: sum('received'),
        decided: sum('decided'),
        decidedOnTime: sum('decidedOnTime'),
        closed: sum('closed'),
        closedOnTime: sum('closedOnTime'),
        openOverdue: overdue.size ? (overdue.get('') ?? 0) : null,
      });
    }
    await this.tx.run((em) =>
      this.audit.write(em, actor, {
        action: 'metrics.report_exported',
        entityType: 'target',
        entityId: `${q.year}-${String(q.month).padStart(2, '0')}`,
        orgUnitCode: user.orgUnitCode,
        after: { year: q.year, month: q.month, orgUnitCode: sel.code, format: q.format, rows: rows.length },
      }),
    );
    return rows;
  }
}
