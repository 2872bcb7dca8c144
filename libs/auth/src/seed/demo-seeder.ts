import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Role, systemActor } from '@app/kernel';
import { orgUnitsFromFile, OrgUnitsService } from '../org-units.service';
import { UsersRepository } from '../persistence/users.repository';
import { UsersService } from '../users.service';
import { DEFAULT_ORG_UNITS } from './org-units.data';

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; orgUnitCode: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], orgUnitCode: '120000' },
  { username: 'sup.city', displayName: '市局执法处负责人', roles: ['supervisor'], orgUnitCode: '120000' },
  { username: 'sup.binhai', displayName: '滨海新区负责人', roles: ['supervisor'], orgUnitCode: '120116' },
  { username: 'off.binhai1', displayName: '滨海执法员一', roles: ['officer'], orgUnitCode: '120116' },
  { username: 'off.binhai2', displayName: '滨海执法员二', roles: ['officer'], orgUnitCode: '120116' },
  { username: 'off.binhai3', displayName: '滨海执法员三', roles: ['officer'], orgUnitCode: '120116' },
  { username: 'off.heping1', displayName: '和平执法员一', roles: ['officer'], orgUnitCode: '120101' },
  { username: 'off.heping2', displayName: '和平执法员二', roles: ['officer'], orgUnitCode: '120101' },
  { username: 'off.heping3', displayName: '和平执法员三', roles: ['officer'], orgUnitCode: '120101' },
  { username: 'op.12330', displayName: '12330坐席', roles: ['hotline_operator'], orgUnitCode: '120000-12330' },
];

/** The demo data of docs/api.md. Runs once: a database that already has users is left alone. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly userRows: UsersRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(): Promise<{ seeded: boolean }> {
    const actor = systemActor('seed:demo');
    await this.orgUnits.upsertAll(actor, orgUnitsFromFile(DEFAULT_ORG_UNITS));
    if ((await this.userRows.count()) > 0) {
      this.logger.log('users exist; demo users not seeded again');
      return { seeded: false };
    }
    for (const u of DEMO_USERS) await this.users.create(actor, { ...u, password: this.config.demoPassword });
    this.logger.log(`seeded ${DEMO_USERS.length} demo users`);
    return { seeded: true };
  }
}
