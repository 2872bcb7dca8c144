import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiFileResponse,
  ApiMultipartUpload,
  attachmentDisposition,
  AuthUser,
  CurrentUser,
  DomainError,
  hasUnsafeText,
  Roles,
} from '@app/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart'; // adds req.parts() and req.isMultipart() to FastifyRequest
import { DocumentTemplatesService } from '../document-templates.service';
import { DocumentTemplateResponse } from './dto/document-response';
import { DocumentKindParam } from './dto/generate-document.dto';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A template is a few dozen KiB; this bounds what an upload may make the process hold (it is kept in the database). */
export const TEMPLATE_MAX_BYTES = 2 * 1024 * 1024;

/** busboy's and @fastify/multipart's complaints about the body itself: the client's fault. */
function isMalformedMultipart(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code === 'FST_MP_PREMATURE_CLOSE' || e?.code === 'FST_PROTO_VIOLATION' || e?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return true;
  return (
    typeof e?.message === 'string' && /boundary|multipart data|unexpected end of (form|multipart)|malformed part header/i.test(e.message)
  );
}

@ApiTags('document-templates')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('document-templates')
export class DocumentTemplatesController {
  constructor(private readonly templates: DocumentTemplatesService) {}

  /** The template in force for every kind: the default set (version 0) or the newest upload. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: DocumentTemplateResponse, isArray: true })
  list(): Promise<DocumentTemplateResponse[]> {
    return this.templates.list();
  }

  @Get(':kind/content')
  @Roles('admin')
  @ApiFileResponse([DOCX_TYPE], 'the .docx in force for the kind')
  async content(@Param() p: DocumentKindParam, @Res() reply: FastifyReply): Promise<void> {
    const t = await this.templates.content(p.kind);
    await reply
      .header('content-type', DOCX_TYPE)
      .header('content-disposition', attachmentDisposition(`${p.kind}-v${t.version}.docx`))
      .header('x-content-type-options', 'nosniff')
      .send(t.content);
  }

  /**
   * multipart/form-data with `file`: a .docx with docxtemplater tags. It must compile and use only the kind's fields
   * (400 naming the unknown tags); it is in force for the next document of the kind. Earlier versions are kept.
   */
  @Put(':kind')
  @Roles('admin')
  @ApiMultipartUpload({}, [])
  @ApiErrorResponses(413)
  @ApiOkResponse({ type: DocumentTemplateResponse })
  async replace(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: DocumentKindParam,
    @Req() req: FastifyRequest,
  ): Promise<DocumentTemplateResponse> {
    if (!req.isMultipart()) throw DomainError.validation('file', 'send multipart/form-data with a file part');
    let content: Buffer | null = null;
    let fileName = '';
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') throw DomainError.validation(part.fieldname, 'is not an allowed field');
        if (part.fieldname !== 'file' || content) {
          part.file.resume();
          throw DomainError.validation(part.fieldname, 'only one file, in the field "file"');
        }
        if (!part.filename || !part.filename.trim() || hasUnsafeText(part.filename)) {
          part.file.resume();
          throw DomainError.validation('file', 'needs a file name without NUL characters or unpaired surrogates');
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > TEMPLATE_MAX_BYTES) {
            part.file.resume();
            throw new DomainError('PAYLOAD_TOO_LARGE', `a template may be at most ${TEMPLATE_MAX_BYTES} bytes`);
          }
          chunks.push(chunk);
        }
        content = Buffer.concat(chunks);
        fileName = part.filename.slice(0, 255);
      }
    } catch (err) {
      throw isMalformedMultipart(err)
        ? DomainError.validation('file', 'the multipart body is malformed (boundary, part headers or end)')
        : err;
    }
    if (!content) throw DomainError.validation('file', 'is required');
    return this.templates.replace(user, actor, p.kind, fileName, content);
  }
}
