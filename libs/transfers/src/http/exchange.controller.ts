import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses, ApiFileResponse, attachmentDisposition, DomainError, Public } from '@app/kernel';
import { ExchangeService } from '../exchange.service';
import { ExchangeVerifier, IncomingRequest } from '../exchange/exchange-verifier';
import { ExchangeFileParam, ExchangeIdParam } from './dto/transfer.dto';
import { ExchangeAnswerDto } from './dto/transfer-response';

/** The signed JSON message; its fields are checked by the exchange after the signature and the Content-Digest. */
const SIGNED_JSON = ApiBody({
  required: true,
  schema: { type: 'object', additionalProperties: true, description: 'signed (RFC 9421) JSON message with a Content-Digest' },
});

type RawRequest = FastifyRequest & { rawBody?: Buffer };

/** The full URL the partner signed (`@target-uri`): scheme, host and path as this request arrived. */
function incoming(req: RawRequest): IncomingRequest {
  return {
    method: req.method,
    url: `${req.protocol}://${req.headers.host ?? 'localhost'}${req.url}`,
    headers: req.headers,
    rawBody: req.rawBody ?? Buffer.alloc(0),
  };
}

/**
 * The signed machine-to-machine routes (public: no user token; every request is verified by its RFC 9421 signature
 * before anything else is read). 401 on any signature problem; a dossier or message seen before answers 200.
 */
@ApiTags('exchange')
@Public()
@ApiErrorResponses(400, 401, 404, 409, 422, 500)
@Controller('exchange/transfers')
export class ExchangeController {
  constructor(
    private readonly verifier: ExchangeVerifier,
    private readonly exchange: ExchangeService,
  ) {}

  @Post()
  @SIGNED_JSON
  @ApiCreatedResponse({ type: ExchangeAnswerDto, description: 'a new dossier' })
  @ApiOkResponse({ type: ExchangeAnswerDto, description: 'a dossier seen before' })
  async receive(@Req() req: RawRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const v = await this.verifier.verify(incoming(req));
    const answer = await this.exchange.receiveDossier(v, parsed(req), req.rawBody ?? Buffer.alloc(0));
    void reply.status(answer.status);
    return answer.body;
  }

  @Post(':id/status')
  @SIGNED_JSON
  @ApiCreatedResponse({ type: ExchangeAnswerDto, description: 'a new status message' })
  @ApiOkResponse({ type: ExchangeAnswerDto, description: 'a message seen before' })
  async status(@Req() req: RawRequest, @Param() p: ExchangeIdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const v = await this.verifier.verify(incoming(req));
    const answer = await this.exchange.receiveStatus(v, p.id, parsed(req));
    void reply.status(answer.status);
    return answer.body;
  }

  @Get(':id/files/:fileId')
  @ApiFileResponse(['application/octet-stream'], 'the file, x-content-sha256 header')
  async file(@Req() req: RawRequest, @Param() p: ExchangeFileParam, @Res() reply: FastifyReply): Promise<void> {
    const v = await this.verifier.verify(incoming(req));
    const f = await this.exchange.serveFile(v, p.id, p.fileId);
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(f.fileName))
      .header('x-content-sha256', f.sha256)
      .send(f.stream);
  }
}

/** The body, parsed from the very bytes the digest was checked against. */
function parsed(req: RawRequest): unknown {
  if (!req.rawBody?.length) throw DomainError.validation('body', 'is required');
  try {
    return JSON.parse(req.rawBody.toString('utf8')) as unknown;
  } catch {
    throw new DomainError('MALFORMED_REQUEST', 'the body is not JSON');
  }
}
