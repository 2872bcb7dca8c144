import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import fc from 'fast-check';
import { validationFailed } from '../errors/validation';
import { AppValidationPipe, IdParam } from './id-param';

/** The app's pipe and Nest's, configured as http-app.ts does: the shortcut must never answer differently. */
const options: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: true },
  exceptionFactory: validationFailed,
};
const app = new AppValidationPipe(options);
const nest = new ValidationPipe(options);
class OtherParam extends IdParam {}

const outcome = async (pipe: ValidationPipe, value: unknown, metatype: typeof IdParam, type: 'param' | 'body' = 'param') => {
  try {
    const r = (await pipe.transform(value, { type, metatype })) as object;
    return { ok: true, class: r.constructor.name, value: { ...r } };
  } catch (err) {
    return { ok: false, error: err };
  }
};

describe('AppValidationPipe', () => {
  const uuid = fc.uuid();
  const id = fc.oneof(
    uuid,
    uuid.map((u) => u.toUpperCase()),
    fc.string(),
    fc.constant('00000000-0000-0000-0000-000000000000'),
  );
  const params = fc.oneof(
    fc.record({ id }),
    fc.record({ id, extra: fc.string() }),
    fc.dictionary(fc.string(), fc.oneof(fc.string(), uuid)),
    fc.constant({}),
    fc.constant(null),
  );

  it('answers what the full ValidationPipe answers, for ids, bad ids, extra keys and other classes', async () => {
    await fc.assert(
      fc.asyncProperty(
        params,
        fc.constantFrom(IdParam, OtherParam),
        fc.constantFrom('param' as const, 'body' as const),
        async (v, cls, type) => {
          expect(await outcome(app, v, cls, type)).toEqual(await outcome(nest, v, cls, type));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes the shortcut for exactly a valid id, and returns an IdParam', async () => {
    const id = '3f8a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const full = jest.spyOn(ValidationPipe.prototype, 'transform');
    const r = await app.transform({ id }, { type: 'param', metatype: IdParam });
    expect(full).not.toHaveBeenCalled();
    expect(r).toBeInstanceOf(IdParam);
    expect(r).toEqual({ id });
    await app.transform({ id: id.slice(1) }, { type: 'param', metatype: IdParam }).catch(() => undefined);
    expect(full).toHaveBeenCalledTimes(1);
    full.mockRestore();
    await expect(app.transform({ id: 'not-a-uuid' }, { type: 'param', metatype: IdParam })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'id', message: 'must be a UUID' }],
    });
  });
});
