import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiErrorResponses } from '@app/kernel';
import { OrgUnitsService, OrgUnitView } from '../org-units.service';
import { OrgUnitViewDto } from './dto/auth-response';

@ApiTags('org-units')
@ApiBearerAuth()
@ApiErrorResponses(401, 500)
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: OrgUnitViewDto, isArray: true })
  list(): Promise<OrgUnitView[]> {
    return this.orgUnits.list();
  }
}
