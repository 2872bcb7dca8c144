// OpenAPI building blocks shared by every controller: the error body of docs/api.md, the cursor page, the timeline
// step, file downloads and multipart uploads. Only documentation: nothing here changes what a route answers.
import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { ErrorBody, ErrorDetail } from '../errors/error-codes';
import type { TimelineEventResponse } from './timeline';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'receivedOn' })
  field!: string;

  @ApiProperty({ example: 'must be a date YYYY-MM-DD' })
  message!: string;
}

/** The error body of docs/api.md, on every 4xx and 5xx. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ description: 'stable error code (docs/api.md "Errors")', example: 'ILLEGAL_TRANSITION' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({
    description: 'per-field problems (VALIDATION_FAILED) or facts about the refusal (rule codes)',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(ErrorDetailDto) } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: ErrorDetail[] | Record<string, unknown>;

  @ApiProperty({ description: 'also in the x-request-id header; quote it when reporting a problem' })
  requestId!: string;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED or MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED: no or an expired token',
  403: 'FORBIDDEN: the role or the data scope does not allow it',
  404: "NOT_FOUND (also for records outside the caller's scope)",
  409: 'VERSION_CONFLICT, DUPLICATE or IDEMPOTENCY_KEY_REUSED',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'ILLEGAL_TRANSITION or a rule code (OFFICER_COUNT, FINE_ABOVE_CAP, …)',
  429: 'RATE_LIMITED or ACCOUNT_LOCKED',
  500: 'INTERNAL_ERROR (quote the request id)',
  503: 'SERVICE_UNAVAILABLE',
};

export const DEFAULT_ERROR_STATUSES = [400, 401, 403, 404, 409, 422, 500] as const;

/** The shared error body for the given statuses (by default the ones any authenticated route can answer). */
export function ApiErrorResponses(...statuses: number[]): ClassDecorator & MethodDecorator {
  const list = statuses.length ? statuses : [...DEFAULT_ERROR_STATUSES];
  return applyDecorators(
    ApiExtraModels(ErrorDetailDto, ErrorBodyDto),
    ...list.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'error', type: ErrorBodyDto })),
  );
}

/** The `{ items, nextCursor }` part every cursor page shares (docs/api.md "Lists"). */
export class PageMetaDto {
  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last' })
  nextCursor!: string | null;
}

/** The schema of `Page<Model>`: `allOf` of the page's cursor and `items: Model[]`. */
export function pageSchema(model: Type<unknown>): SchemaObject {
  return {
    allOf: [
      { $ref: getSchemaPath(PageMetaDto) },
      { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } } },
    ],
  };
}

/** 200 with a `Page<Model>`. */
export function ApiPage(model: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(ApiExtraModels(PageMetaDto, model), ApiOkResponse({ description, schema: pageSchema(model) }));
}

export const BINARY_SCHEMA: SchemaObject = { type: 'string', format: 'binary' };

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 200 with a file (the listed media types; bytes). Errors keep their JSON body. */
export function ApiFileResponse(mediaTypes: string[], description = 'the file, as an attachment'): MethodDecorator {
  return ApiOkResponse({ description, content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: BINARY_SCHEMA }])) });
}

/** A table export: CSV or XLSX by ?format=. */
export const ApiExportResponse = (): MethodDecorator =>
  ApiFileResponse([CSV_TYPE, XLSX_TYPE], 'CSV or XLSX (?format=), Chinese headers, streamed');

/**
 * A multipart/form-data upload with one binary `file` part and the given text fields (`required` lists those that
 * must be sent besides the file).
 */
export function ApiMultipartUpload(fields: Record<string, SchemaObject>, required: string[] = []): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: { file: { ...BINARY_SCHEMA, description: 'one file' }, ...fields },
      },
    }),
  );
}

export class TimelineActorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

/** One step of a record's timeline (case, ticket, transfer). */
export class TimelineEventDto implements TimelineEventResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId!: string | null;

  @ApiProperty({ type: TimelineActorDto, nullable: true, description: 'who acted, by name; null for the system' })
  actor!: { id: string; displayName: string } | null;

  @ApiProperty()
  action!: string;

  @ApiProperty({ type: String, nullable: true })
  fromStatus!: string | null;

  @ApiProperty()
  toStatus!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  payload!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  actorName?: string | null;
}
