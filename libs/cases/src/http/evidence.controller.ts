import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiFileResponse,
  ApiMultipartUpload,
  assertSafeText,
  attachmentDisposition,
  AuthUser,
  calendarDateProblem,
  CurrentUser,
  DomainError,
  hasUnsafeText,
  IdParam,
  IsCalendarDate,
  Roles,
} from '@app/kernel';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PRESERVATION_DECISIONS, PreservationDecision } from '../domain/case-deadlines';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart'; // adds req.parts() and req.isMultipart() to FastifyRequest
import { EvidenceService } from '../evidence/evidence.service';
import { EvidenceResponse } from './dto/evidence-response';

class EvidenceParam extends IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  evidenceId!: string;
}

class PreservationDecisionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ enum: PRESERVATION_DECISIONS, enumName: 'PreservationDecision' })
  @IsIn(PRESERVATION_DECISIONS, { message: `must be one of ${PRESERVATION_DECISIONS.join(', ')}` })
  decision!: PreservationDecision;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ format: 'date', description: 'the day of the decision (not in the future)' })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;
}

/** busboy's and @fastify/multipart's complaints about the body itself (no or wrong boundary, cut short): the client's fault. */
function isMalformedMultipart(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code === 'FST_MP_PREMATURE_CLOSE' || e?.code === 'FST_PROTO_VIOLATION' || e?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return true;
  return (
    typeof e?.message === 'string' && /boundary|multipart data|unexpected end of (form|multipart)|malformed part header/i.test(e.message)
  );
}

/** Served inline by browsers only when harmless; everything else downloads as bytes (no stored HTML or script runs). */
const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'audio/mpeg',
  'video/mp4',
]);

@ApiTags('evidence')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /**
   * multipart/form-data: `file` (one), `description`, and `preservedOn` (YYYY-MM-DD) when the evidence was
   * registered for preservation (登记保存: a decision is then due within 7 days); streamed to storage with its sha256
   * taken on the way.
   */
  @Post()
  @Roles('officer', 'supervisor')
  @ApiMultipartUpload(
    {
      description: { type: 'string', maxLength: 1000, description: 'what the evidence is' },
      preservedOn: { type: 'string', format: 'date', description: '登记保存: the date the evidence was registered for preservation' },
    },
    ['description'],
  )
  @ApiErrorResponses(413, 415)
  @ApiCreatedResponse({ type: EvidenceResponse })
  @HttpCode(201)
  async upload(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Req() req: FastifyRequest,
  ): Promise<EvidenceResponse> {
    if (!req.isMultipart()) throw DomainError.validation('file', 'send multipart/form-data with a file part');
    await this.evidence.assertCaseVisible(user, p.id);
    let stored: { key: string; size: number; sha256: string } | null = null;
    let fileName = '';
    let contentType = 'application/octet-stream';
    let description = '';
    let preservedOn: string | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || stored) {
            part.file.resume();
            throw DomainError.validation(part.fieldname, 'only one file, in the field "file"');
          }
          if (!part.filename || !part.filename.trim() || hasUnsafeText(part.filename)) {
            part.file.resume();
            throw DomainError.validation('file', 'needs a file name without NUL characters or unpaired surrogates');
          }
          stored = await this.evidence.store(part.file);
          fileName = part.filename.slice(0, 255);
          contentType = part.mimetype || contentType;
        } else if (part.fieldname === 'description') {
          description = String(part.value).trim();
          assertSafeText('description', description);
        } else if (part.fieldname === 'preservedOn') {
          preservedOn = String(part.value).trim();
          const problem = calendarDateProblem(preservedOn);
          if (problem) throw DomainError.validation('preservedOn', problem);
        } else {
          throw DomainError.validation(part.fieldname, 'is not an allowed field');
        }
      }
      if (!stored) throw DomainError.validation('file', 'is required');
      if (!description || description.length > 1000) throw DomainError.validation('description', 'is required (at most 1000 characters)');
    } catch (err) {
      if (stored) await this.evidence.discard(stored.key);
      throw isMalformedMultipart(err)
        ? DomainError.validation('file', 'the multipart body is malformed (boundary, part headers or end)')
        : err;
    }
    return this.evidence.record(user, actor, p.id, stored, { fileName, contentType, description, preservedOn });
  }

  /** 登记保存处理决定 (officers of the case, supervisors). */
  @Post(':evidenceId/preservation-decision')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: EvidenceResponse })
  decidePreservation(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: EvidenceParam,
    @Body() dto: PreservationDecisionDto,
  ): Promise<EvidenceResponse> {
    return this.evidence.decidePreservation(user, actor, p.id, p.evidenceId, dto);
  }

  @Get()
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: EvidenceResponse, isArray: true })
  list(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<EvidenceResponse[]> {
    return this.evidence.list(user, p.id);
  }

  /** The file, verified against its sha256 first; a mismatch is refused (500 EVIDENCE_INTEGRITY) and alerted. */
  @Get(':evidenceId/content')
  @Roles('officer', 'supervisor')
  @ApiFileResponse(['application/octet-stream', ...SAFE_TYPES], 'the file (inline types only when harmless), x-content-sha256 header')
  async content(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: EvidenceParam,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { meta, stream } = await this.evidence.open(user, actor, p.id, p.evidenceId);
    await reply
      .header('content-type', SAFE_TYPES.has(meta.contentType) ? meta.contentType : 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(meta.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('x-content-sha256', meta.sha256)
      .send(stream);
  }
}
