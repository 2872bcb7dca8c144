import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiPage, AuthUser, CurrentUser, Page, Roles } from '@app/kernel';
import { AuditChainService, VerifyResult } from '../audit-chain.service';
import { AuditQueryService } from '../audit-query.service';
import { AuditEntryResponse, AuditQueryDto, VerifyResultDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 500)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly chain: AuditChainService,
    private readonly query: AuditQueryService,
  ) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiPage(AuditEntryResponse)
  async list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    await this.chain.sealPending(); // so the page shows hashes for everything committed so far
    return this.query.list(user, q);
  }

  @Get('verify')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: VerifyResultDto })
  async verify(): Promise<VerifyResult> {
    await this.chain.sealPending();
    return this.chain.verify();
  }
}
