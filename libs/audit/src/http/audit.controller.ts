import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, Roles } from '@app/kernel';
import { AuditChainService, VerifyResult } from '../audit-chain.service';
import { AuditQueryService } from '../audit-query.service';
import { AuditEntryResponse, AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly chain: AuditChainService,
    private readonly query: AuditQueryService,
  ) {}

  @Get()
  @Roles('supervisor', 'admin')
  async list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    await this.chain.sealPending(); // so the page shows hashes for everything committed so far
    return this.query.list(user, q);
  }

  @Get('verify')
  @Roles('supervisor', 'admin')
  async verify(): Promise<VerifyResult> {
    await this.chain.sealPending();
    return this.chain.verify();
  }
}
