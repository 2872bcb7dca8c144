import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiFileResponse,
  ApiMultipartUpload,
  ApiPage,
  assertSafeText,
  attachmentDisposition,
  AuthUser,
  CurrentUser,
  DomainError,
  hasUnsafeText,
  IdParam,
  Idempotent,
  Page,
  Roles,
  TimelineEventDto,
  TimelineEventResponse,
} from '@app/kernel';
import { PartnersService } from '../partners.service';
import { TransfersService } from '../transfers.service';
import {
  ExchangeFileParam,
  PartnerCodeParam,
  PutPartnerDto,
  RequestTransferDto,
  TransferActionDto,
  TransferActionParams,
  TransferQueryDto,
} from './dto/transfer.dto';
import { PartnerResponse, TransferFileResponse, TransferResponse } from './transfer.mapper';
import { PartnerResponseDto, TransferFileResponseDto, TransferResponseDto } from './dto/transfer-response';

@ApiTags('transfers')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class TransfersController {
  constructor(
    private readonly transfers: TransfersService,
    private readonly partners: PartnersService,
  ) {}

  @Get('partners')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOkResponse({ type: PartnerResponseDto, isArray: true })
  listPartners(): Promise<PartnerResponse[]> {
    return this.partners.list();
  }

  @Put('partners/:code')
  @Roles('admin')
  @ApiOkResponse({ type: PartnerResponseDto })
  putPartner(@Actor() actor: ActorContext, @Param() p: PartnerCodeParam, @Body() dto: PutPartnerDto): Promise<PartnerResponse> {
    return this.partners.put(actor, p.code, dto);
  }

  @Post('cases/:id/transfers')
  @Roles('officer', 'supervisor')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: TransferResponseDto })
  request(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: RequestTransferDto,
  ): Promise<TransferResponse> {
    return this.transfers.request(user, actor, p.id, dto);
  }

  @Get('transfers')
  @Roles('officer', 'supervisor')
  @ApiPage(TransferResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() q: TransferQueryDto): Promise<Page<TransferResponse>> {
    return this.transfers.list(user, q);
  }

  @Get('transfers/:id')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: TransferResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<TransferResponse> {
    return this.transfers.get(user, p.id);
  }

  @Get('transfers/:id/events')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: TimelineEventDto, isArray: true })
  events(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<TimelineEventResponse[]> {
    return this.transfers.events(user, p.id);
  }

  @Get('transfers/:id/files')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: TransferFileResponseDto, isArray: true })
  files(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<TransferFileResponse[]> {
    return this.transfers.files(user, p.id);
  }

  /** multipart/form-data: `file` and `description`: a file answering an inbound assistance request. */
  @Post('transfers/:id/files')
  @Roles('officer', 'supervisor')
  @ApiMultipartUpload({
    description: { type: 'string', maxLength: 1000, description: 'what the file is (send it before the file; defaults to the file name)' },
  })
  @ApiErrorResponses(413, 415)
  @ApiCreatedResponse({ type: TransferFileResponseDto })
  @HttpCode(201)
  async upload(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Req() req: FastifyRequest,
  ): Promise<TransferFileResponse> {
    if (!req.isMultipart()) throw DomainError.validation('file', 'send multipart/form-data with a file part');
    await this.transfers.get(user, p.id);
    let description = '';
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw DomainError.validation(part.fieldname, 'only one file, in the field "file"');
        }
        if (hasUnsafeText(part.filename)) {
          part.file.resume();
          throw DomainError.validation('file', 'needs a file name without NUL characters or unpaired surrogates');
        }
        return this.transfers.addAnswerFile(user, actor, p.id, part.file, {
          fileName: part.filename.slice(0, 255) || 'file',
          contentType: part.mimetype || 'application/octet-stream',
          description: description || part.filename.slice(0, 255),
        });
      }
      if (part.fieldname === 'description') {
        const value = String(part.value).trim();
        assertSafeText('description', value);
        description = value.slice(0, 1000);
      } else throw DomainError.validation(part.fieldname, 'is not an allowed field');
    }
    throw DomainError.validation('file', 'is required (send the description part before the file)');
  }

  @Get('transfers/:id/files/:fileId/content')
  @Roles('officer', 'supervisor')
  @ApiFileResponse(['application/octet-stream'], 'the file, x-content-sha256 header')
  async content(@CurrentUser() user: AuthUser, @Param() p: ExchangeFileParam, @Res() reply: FastifyReply): Promise<void> {
    const { meta, stream } = await this.transfers.openFile(user, p.id, p.fileId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(meta.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('x-content-sha256', meta.sha256)
      .send(stream);
  }

  @Post('transfers/:id/actions/:action')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: TransferResponseDto })
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: TransferActionParams,
    @Body() dto: TransferActionDto,
  ): Promise<TransferResponse> {
    return this.transfers.act(user, actor, p.id, p.action, dto);
  }
}
