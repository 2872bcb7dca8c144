import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiFileResponse,
  attachmentDisposition,
  AuthUser,
  CurrentUser,
  IdParam,
  Roles,
} from '@app/kernel';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DocumentsService } from '../documents.service';
import { CaseDocumentResponse } from './dto/document-response';
import { DocumentFormatQuery, GenerateDocumentDto } from './dto/generate-document.dto';

class DocumentParam extends IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  docId!: string;
}

@ApiTags('documents')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('cases/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /**
   * Generates a document (文书) of the case from the kind's template in force: DOCX and PDF, each stored with its
   * sha256; a kind generated before gets the next version, superseding the last. 422 DOCUMENT_NOT_APPLICABLE when the
   * case's type or state does not take the kind (with the reason); 409 with a stale `expectedVersion` of the case.
   */
  @Post()
  @Roles('officer', 'supervisor')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CaseDocumentResponse })
  generate(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: GenerateDocumentDto,
  ): Promise<CaseDocumentResponse> {
    return this.documents.generate(user, actor, p.id, dto);
  }

  @Get()
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: CaseDocumentResponse, isArray: true })
  list(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<CaseDocumentResponse[]> {
    return this.documents.list(user, p.id);
  }

  /** The PDF (default) or the DOCX, verified against its sha256 first; a mismatch is refused (500 DOCUMENT_INTEGRITY) and alerted. */
  @Get(':docId/content')
  @Roles('officer', 'supervisor')
  @ApiFileResponse(
    ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    'the file as an attachment, x-content-sha256 header',
  )
  async content(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: DocumentParam,
    @Query() q: DocumentFormatQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.documents.open(user, actor, p.id, p.docId, q.format ?? 'pdf');
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentDisposition(file.fileName, file.asciiName))
      .header('x-content-type-options', 'nosniff')
      .header('x-content-sha256', file.sha256)
      .send(file.stream);
  }
}
