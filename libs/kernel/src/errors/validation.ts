import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { ErrorDetail } from './error-codes';

/** Flattens class-validator errors into `{ field: "respondents.0.uscc", message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? 'is not an allowed field' : message.replace(`${e.property} `, ''),
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const details = flattenValidationErrors(errors);
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.field}: ${d.message}`)
    .join('; ');
  return new DomainError('VALIDATION_FAILED', summary || 'the request is not valid', details);
}
