import type { ErrorBody } from './types';

/** A non-2xx answer of the api, with its coded body (docs/api.md "Errors"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** `details[]` of a 400 VALIDATION_FAILED: `{ field: "respondents.0.uscc", message }` */
  get fieldErrors(): { field: string; message: string }[] {
    const d = this.body.details;
    if (!Array.isArray(d)) return [];
    return d.filter(
      (x): x is { field: string; message: string } =>
        typeof x === 'object' && x !== null && typeof (x as { field?: unknown }).field === 'string',
    );
  }

  /** 422 ILLEGAL_TRANSITION carries the actions allowed now. */
  get allowedActions(): string[] | null {
    const d = this.body.details as { allowedActions?: unknown } | undefined;
    return d && Array.isArray(d.allowedActions) ? (d.allowedActions as string[]) : null;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
