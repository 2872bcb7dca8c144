/** Stable error codes of the API (docs/api.md); each maps to exactly one HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ILLEGAL_TRANSITION: 422,
  // a rule of the law or of the office that does not hold: each rule its own code (api.md: OFFICER_COUNT, FINE_ABOVE_CAP, …)
  OFFICER_COUNT: 422,
  FINE_ABOVE_CAP: 422,
  FILING_PREREQUISITES: 422,
  HEARING_NOTICE: 422,
  EXTENSION_LIMIT: 422,
  ALREADY_RECUSED: 422,
  NOT_PRESERVED: 422,
  PRESERVATION_DECIDED: 422,
  CASE_NOT_AMENDABLE: 422,
  REOPEN_WINDOW: 422,
  EXPORT_TOO_LARGE: 422,
  TRANSFER_CASE_STATUS: 422,
  TRANSFER_ANSWERED: 422,
  EVIDENCE_NOT_FETCHED: 422,
  EVIDENCE_MISMATCH: 422,
  DOCUMENT_NOT_APPLICABLE: 422,
  DOCUMENT_TEMPLATE_FAILED: 422,
  // 行政处罚法 2021 (docs/product.md "Penalty procedure")
  PENALTY_NOTICE_REQUIRED: 422,
  NOTICE_PERIOD_OPEN: 422,
  PENALTY_HEARING_PENDING: 422,
  HEARING_REQUEST_LATE: 422,
  PENALTY_HEARING_NOTICE: 422,
  NO_HEARING_RIGHT: 422,
  LEGAL_REVIEW_REQUIRED: 422,
  PROCEDURE_STEP: 422,
  PAYMENT_OUTSTANDING: 422,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL_ERROR: 500,
  EVIDENCE_INTEGRITY: 500,
  DOCUMENT_INTEGRITY: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes of rule violations (422 other than ILLEGAL_TRANSITION). */
export type RuleCode = {
  [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends 422 ? (C extends 'ILLEGAL_TRANSITION' ? never : C) : never;
}[ErrorCode];

export interface ErrorDetail {
  field: string;
  message: string;
  /** the message's stable key (errors/messages.ts), for clients that translate */
  constraint?: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetail[] | Record<string, unknown>;
  requestId: string;
}
