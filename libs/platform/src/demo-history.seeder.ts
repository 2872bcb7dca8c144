import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { computeScope, OrgUnitKind } from '@app/auth';
import { CaseActionsService, CasesService, CreateCaseDto } from '@app/cases';
import { HotlineService, TicketActionsService } from '@app/hotline';
import { AuthUser, Clock, exampleResidentId, examplePatentNumber, exampleUscc, Role, shanghaiDate, systemActor } from '@app/kernel';
import { addDays } from '@app/kernel/calendar';
import { TargetsService } from '@app/metrics';
import { DataSource } from 'typeorm';

/** The districts whose demo officers work their cases through (the others' cases are received and filed by the city). */
const WORKED_UNITS = { '120116': ['off.binhai1', 'off.binhai2', 'off.binhai3'], '120101': ['off.heping1', 'off.heping2', 'off.heping3'] };
const SUPERVISOR_OF: Record<string, string> = { '120116': 'sup.binhai' };
const DISTRICTS = [
  '120101',
  '120102',
  '120103',
  '120104',
  '120105',
  '120106',
  '120110',
  '120111',
  '120112',
  '120113',
  '120114',
  '120115',
  '120116',
  '120117',
  '120118',
  '120119',
];
const COMPANIES = ['科技', '电子', '机械', '医疗器械', '新材料', '家居', '服饰', '食品'];
const SUBJECTS = ['展会上销售侵权产品', '电商平台销售假冒专利产品', '产品包装标注失效专利号', '仿冒外观设计', '咨询专利侵权判定'];

/** A small deterministic generator, so every demo install shows the same year. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `npm start`'s demo install (and `npm run seed:demo -- --history`) fills a year that looks lived in, through the
 * real services — so every count, deadline, timeline and audit entry is what the system itself would have written:
 * a few hundred cases across units, types, sources and months (some overdue, some closed, penalties published to the
 * credit stand-in), tickets in every status, the year's target of 630. Never run outside demo seeding.
 */
@Injectable()
export class DemoHistorySeeder {
  private readonly logger = new Logger(DemoHistorySeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly caseActions: CaseActionsService,
    private readonly hotline: HotlineService,
    private readonly tickets: TicketActionsService,
    private readonly targets: TargetsService,
    private readonly clock: Clock,
  ) {}

  async seed(opts: { cases?: number; tickets?: number } = {}): Promise<{ cases: number; tickets: number }> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM cases');
    if (n > 0) {
      this.logger.log('cases exist; the demo year is not seeded again');
      return { cases: 0, tickets: 0 };
    }
    const actor = systemActor('seed:demo:history');
    const users = await this.users();
    const as = (username: string) => users.get(username)!;
    const rnd = random(20260630);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const today = shanghaiDate(this.clock.now());
    const year = Number(today.slice(0, 4));
    const yearStart = `${year}-01-05`;
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000) - 3);

    // the plan this system began from: 630 filed cases in the year, the districts' share by size
    await this.targets.set(as('admin'), actor, year, {
      targets: [
        { orgUnitCode: '120000', target: 630 },
        ...DISTRICTS.map((code) => ({ orgUnitCode: code, target: code === '120116' ? 120 : code === '120101' ? 60 : 30 })),
      ],
    });

    let made = 0;
    const total = opts.cases ?? 260;
    for (let i = 0; i < total; i++) {
      const unit = i % 3 === 0 ? '120116' : i % 5 === 0 ? '120101' : pick(DISTRICTS);
      const officers = WORKED_UNITS[unit as keyof typeof WORKED_UNITS];
      const intakeBy = officers ? as(officers[0]) : as('sup.city');
      const receivedOn = addDays(yearStart, Math.floor((i / total) * span + rnd() * 3));
      const type = pick(['passing_off', 'passing_off', 'infringement_dispute', 'dispute_mediation'] as const);
      const source =
        type === 'passing_off'
          ? pick(['inspection', 'report', 'ecommerce', 'ex_officio'] as const)
          : pick(['complaint', 'hotline'] as const);
      const company = `天津${pick(['滨海', '津南', '河西', '和平', '北辰'])}${pick(COMPANIES)}有限公司${i + 1}`;
      const dto: CreateCaseDto = {
        type,
        source,
        orgUnitCode: unit,
        receivedOn,
        summary: `${pick(SUBJECTS)}（演示数据 ${i + 1}）`,
        requesters:
          type === 'passing_off'
            ? []
            : [
                {
                  kind: 'organization',
                  name: `天津专利权人${pick(COMPANIES)}股份有限公司${i + 1}`,
                  uscc: exampleUscc(5000 + i, unit),
                  role: 'patentee',
                },
              ],
        respondents: [
          i % 7 === 0
            ? { kind: 'individual', name: `个体经营者${i + 1}`, idNumber: exampleResidentId(i % 900), phone: '13800138000' }
            : {
                kind: 'organization',
                name: company,
                uscc: exampleUscc(i, unit),
                legalRepresentative: '王某',
                address: '天津市某区某路1号',
              },
        ],
        patents: type === 'passing_off' ? [] : [{ number: examplePatentNumber(100 + i, pick([1, 2, 3])) }],
        ftz: unit === '120116' && i % 4 === 0,
        ...(source === 'ecommerce' ? { ecommerce: { platform: pick(['淘宝', '京东', '拼多多']), storeName: `${company}旗舰店` } } : {}),
      };
      let c = await this.cases.intake(intakeBy, actor, dto);
      made++;
      // most cases are filed a few days after receipt; the newest few still wait for the decision
      const recent = receivedOn > addDays(today, -6);
      if (recent && rnd() < 0.7) continue;
      if (rnd() < 0.05) {
        await this.caseActions.act(intakeBy, actor, c.id, 'decline', { expectedVersion: c.version, reason: '不属于本机关管辖（演示）' });
        continue;
      }
      const filedOn = [addDays(receivedOn, 1 + Math.floor(rnd() * 4)), today].sort()[0];
      c = await this.caseActions.act(intakeBy, actor, c.id, 'file', { expectedVersion: c.version, filedOn });
      if (!officers) continue;
      const panel = type === 'infringement_dispute' ? officers : officers.slice(0, 2);
      c = await this.caseActions.act(intakeBy, actor, c.id, 'assign', {
        expectedVersion: c.version,
        officerIds: panel.map((u) => as(u).id),
      });
      const roll = rnd();
      if (roll < 0.25) {
        c = await this.caseActions.act(intakeBy, actor, c.id, 'withdraw', { expectedVersion: c.version, reason: '请求人撤回（演示）' });
      } else if (roll < 0.4 && type !== 'passing_off') {
        await this.caseActions.act(intakeBy, actor, c.id, 'mediate', {
          expectedVersion: c.version,
          agreementSummary: '双方达成调解协议（演示）',
        });
      } else if (roll < 0.6 && type === 'passing_off' && SUPERVISOR_OF[unit]) {
        const fineFen = (2 + Math.floor(rnd() * 18)) * 1_000_000;
        // 行政处罚法 Art. 44: the advance notice first; the party waives its statement and hearing the same day
        const noticeOn = [addDays(filedOn, 1), today].sort()[0];
        c = await this.caseActions.act(intakeBy, actor, c.id, 'notify_penalty', {
          expectedVersion: c.version,
          servedOn: noticeOn,
          method: 'direct',
          intendedPenalty: { summary: `拟责令改正并处罚款${fineFen / 100}元`, legalBasis: '《中华人民共和国专利法》第六十八条', fineFen },
        });
        c = await this.caseActions.act(intakeBy, actor, c.id, 'record_statement', {
          expectedVersion: c.version,
          receivedOn: noticeOn,
          waived: true,
        });
        c = await this.caseActions.act(intakeBy, actor, c.id, 'propose_decision', {
          expectedVersion: c.version,
          decision: {
            kind: 'penalty',
            summary: `责令改正并处罚款${fineFen / 100}元`,
            facts: '当事人在其销售的产品包装上标注已失效的专利号（演示）',
            legalBasis: '《中华人民共和国专利法》第六十八条',
            fineFen,
            illegalGainsFen: 0,
            actDate: receivedOn,
          },
        });
        if (rnd() < 0.8) {
          const sup = as(SUPERVISOR_OF[unit]);
          // a large fine is a major decision (法制审核, Art. 58): the supervisor records the review first
          if ((c.decision as { major?: boolean } | null)?.major)
            c = await this.caseActions.act(sup, actor, c.id, 'record_legal_review', {
              expectedVersion: c.version,
              opinion: '事实清楚，证据确凿，适用法律正确，程序合法（演示）',
              conclusion: 'approve',
            });
          await this.caseActions.act(sup, actor, c.id, 'approve_decision', { expectedVersion: c.version });
        }
      } else if (roll < 0.7) {
        await this.caseActions.act(intakeBy, actor, c.id, 'request_extension', {
          expectedVersion: c.version,
          days: 10,
          reason: '需要补充调查（演示）',
        });
      }
    }

    const ticketCount = await this.seedTickets(as, opts.tickets ?? 48, rnd);
    this.logger.log({ cases: made, tickets: ticketCount }, 'seeded the demo year');
    return { cases: made, tickets: ticketCount };
  }

  /** Tickets in every status: new, triaged, assigned, in progress, responded, closed with a callback, converted. */
  private async seedTickets(as: (u: string) => AuthUser, count: number, rnd: () => number): Promise<number> {
    const actor = systemActor('seed:demo:history');
    const op = as('op.12330');
    const path: [string, Record<string, unknown>][] = [
      ['triage', {}],
      ['assign', { orgUnitCode: '120116' }],
      ['start', {}],
      ['respond', { response: '已告知维权途径并记录线索（演示）' }],
      ['close', {}],
      ['callback', { satisfaction: 5 }],
    ];
    for (let i = 0; i < count; i++) {
      const category = (['consultation', 'complaint', 'report', 'assistance'] as const)[i % 4];
      let tk = await this.hotline.create(op, actor, {
        channel: (['phone', 'web', 'email', 'letter', 'visit'] as const)[i % 5],
        category,
        caller:
          category === 'report' && i % 8 === 2
            ? { anonymous: true }
            : {
                name: `来电人${i + 1}`,
                phone: `1391234${String(1000 + i).slice(-4)}`,
                ...(i % 3 === 0 ? { organization: `天津某科技有限公司${i}` } : {}),
              },
        subject: SUBJECTS[i % SUBJECTS.length],
        description: '来电反映相关情况，请求处理（演示数据）。',
        respondentName: `天津某贸易有限公司${i % 6}`,
      });
      if (i % 9 === 4 && category !== 'consultation') {
        await this.tickets.act(op, actor, tk.id, 'convert', {
          expectedVersion: tk.version,
          type: 'passing_off',
          orgUnitCode: '120116',
        });
        continue;
      }
      const steps = Math.floor(rnd() * (path.length + 1));
      for (const [action, body] of path.slice(0, steps)) {
        // the centre triages, assigns, closes and calls back; the district's officer works the ticket
        const by = action === 'start' || action === 'respond' ? as('off.binhai1') : op;
        tk = await this.tickets.act(by, actor, tk.id, action, { expectedVersion: tk.version, ...body });
      }
    }
    return count;
  }

  /** The demo users as the services see a signed-in user (no session: nothing here goes over HTTP). */
  private async users(): Promise<Map<string, AuthUser>> {
    const rows = await this.dataSource.query<
      { id: string; username: string; display_name: string; roles: Role[]; org_unit_code: string; unit_name: string; kind: OrgUnitKind }[]
    >(
      `SELECT u.id, u.username, u.display_name, u.roles, u.org_unit_code, o.name AS unit_name, o.kind
         FROM users u JOIN org_units o ON o.code = u.org_unit_code WHERE u.active`,
    );
    return new Map(
      rows.map((r) => [
        r.username,
        {
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          roles: r.roles,
          orgUnitCode: r.org_unit_code,
          orgUnit: { code: r.org_unit_code, name: r.unit_name, kind: r.kind },
          sessionId: 'demo-seed',
          scope: computeScope(r.roles, { code: r.org_unit_code, kind: r.kind }),
        },
      ]),
    );
  }
}
