import 'reflect-metadata';
import { ValidationTypes, getMetadataStorage, validateSync } from 'class-validator';
import fc from 'fast-check';
import { RequestValidationPipe, TRANSFORM_OPTIONS, VALIDATOR_OPTIONS } from '../../../src/common/pipes/request-validation.pipe';
import { declaredProperties, instantiate } from '../../../src/common/validation/instantiate';
import { passesEveryCheck } from '../../../src/common/validation/passing-checks';
import { CreateScoreRequest } from '../../../src/scores/dto/score.dto';
import { EVERY_REPLACE_FIELD, PRODUCER_FIELDS } from '../../support/score-bodies';
import { requestDtos } from '../../support/request-dtos';

// The pipe installs the metadata caches the fast path runs with.
new RequestValidationPipe();

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'production', '2026-03-04T05:06:07Z', 'not a date', '\u0000', '00000000-0000-4000-8000-000000000000', 'gte'),
  fc.integer({ min: -5, max: 300 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom(null, undefined, 2 ** 40, -1),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 }));

/** Bodies of a DTO: any subset of its properties (and an undeclared one) with values of every JSON type. */
const bodiesOf = (type: Function) =>
  fc.dictionary(fc.constantFrom(...declaredProperties(type), 'undeclared'), value, { maxKeys: 8 }) as fc.Arbitrary<Record<string, unknown>>;

/** What the fast path and class-validator's own `validateSync` say of two instances of the same input. */
function verdicts(type: Function, body: Record<string, unknown>) {
  const fast = instantiate(type as never, body, TRANSFORM_OPTIONS) as object;
  const full = instantiate(type as never, body, TRANSFORM_OPTIONS) as object;
  const passes = passesEveryCheck(fast);
  const errors = validateSync(full, VALIDATOR_OPTIONS);
  return { passes, valid: errors.length === 0, fast, full };
}

describe('passesEveryCheck (the success path of validateSync)', () => {
  const dtos = [...new Map(requestDtos().map(([, type]) => [type, type])).values()];

  it('never passes an input validateSync finds an error in, and strips what its whitelist strips', () => {
    for (const type of dtos) {
      fc.assert(
        fc.property(bodiesOf(type), (body) => {
          const { passes, valid, fast, full } = verdicts(type, body);
          if (passes) {
            expect({ type: type.name, body, valid }).toEqual({ type: type.name, body, valid: true });
            expect(fast).toEqual(full);
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('passes every valid input of a DTO without nested objects (so that the pipe skips validateSync)', () => {
    const nested = (type: Function) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(type, undefined as unknown as string, false, false)
        .some((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION);
    const flat = dtos.filter((type) => !nested(type));
    let valid = 0;
    for (const type of [CreateScoreRequest, ...flat]) {
      fc.assert(
        fc.property(bodiesOf(type), (body) => {
          const verdict = verdicts(type, body);
          if (verdict.valid) valid++;
          expect({ type: type.name, body, passes: verdict.passes }).toEqual({ type: type.name, body, passes: verdict.valid });
        }),
        { numRuns: 150 },
      );
    }
    expect(valid).toBeGreaterThan(50);
  });

  it('passes a complete create body and fails it with one value of the wrong type', () => {
    const body = { log_id: 'log-1', evaluator_slug: 'quality', ...EVERY_REPLACE_FIELD, ...PRODUCER_FIELDS };
    expect(verdicts(CreateScoreRequest, body)).toMatchObject({ passes: true, valid: true });
    expect(verdicts(CreateScoreRequest, { ...body, cost: 'free' })).toMatchObject({ passes: false, valid: false });
    expect(verdicts(CreateScoreRequest, { ...body, environment: 'x'.repeat(10_000) })).toMatchObject({ passes: false, valid: false });
  });
});
