import { ERROR_STATUS, ErrorCode, ErrorDetail, RuleCode } from './error-codes';

/**
 * A coded error raised below the http layer. The global filter turns it into the error body of docs/api.md;
 * nothing below http/ throws HttpException.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(entity: string): DomainError {
    return new DomainError('NOT_FOUND', `${entity} not found`);
  }

  static versionConflict(expected: number, actual: number): DomainError {
    return new DomainError('VERSION_CONFLICT', `the record was changed by someone else (expected version ${expected}, current ${actual})`, {
      expectedVersion: expected,
      currentVersion: actual,
    });
  }

  /** A rule that does not hold (422): the rule is the code, and also `details.rule`. */
  static rule(code: RuleCode, message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(code, message, { rule: code, ...details });
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }
}
