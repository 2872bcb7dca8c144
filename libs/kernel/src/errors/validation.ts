import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { ErrorDetail } from './error-codes';

// Which failure a field reports when several constraints fail: the most basic first (is it there, is it the right
// kind of value), the finer ones (length, range, pattern) only when those hold.
const CONSTRAINT_ORDER = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isIn',
  'isEnum',
  'isUuid',
];
const rank = (constraint: string) => {
  const i = CONSTRAINT_ORDER.indexOf(constraint);
  return i < 0 ? CONSTRAINT_ORDER.length : i;
};

/**
 * Flattens class-validator errors into `{ field: "respondents.0.uscc", message }` pairs: one message per field, the
 * most basic failure first; a required field that is absent says it is required (not what its length should be).
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const failed = Object.entries(e.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    const missing = 'value' in e && (e.value === undefined || e.value === null) && !('whitelistValidation' in (e.constraints ?? {}));
    const own: ErrorDetail[] = !failed.length
      ? []
      : missing
        ? [{ field, message: 'is required' }]
        : [
            {
              field,
              message: failed[0][0] === 'whitelistValidation' ? 'is not an allowed field' : failed[0][1].replace(`${e.property} `, ''),
            },
          ];
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
