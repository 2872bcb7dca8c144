import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyRole } from '@app/kernel';
import { OrgUnitsService, OrgUnitView } from '../org-units.service';

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Get()
  @AnyRole()
  list(): Promise<OrgUnitView[]> {
    return this.orgUnits.list();
  }
}
