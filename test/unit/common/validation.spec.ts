import 'reflect-metadata';
import { PartialType } from '@nestjs/swagger';
import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import type { ValidationIssue } from '../../../src/common/errors/validation-issue';
import { GalileoSchema, GalileoUpdateType, RespanSchema } from '../../../src/common/openapi/schema-styles';
import { MAX_INPUT_DEPTH, RequestValidationPipe } from '../../../src/common/pipes/request-validation.pipe';
import { MAX_ISSUES } from '../../../src/common/validation/validation-issues';
import { ValidateBoolean, ValidateJson, ValidateModel, ValidateString, ValidateUnion } from '../../../src/common/validation/validation';

@GalileoSchema('Leaf')
class Leaf {
  @ValidateJson('object', { optional: true })
  meta?: Record<string, unknown>;

  @ValidateString({ optional: true })
  label?: string;
}

@GalileoSchema('CatMember')
class Cat {
  @ValidateString({ optional: true })
  kind = 'cat' as const;

  @ValidateBoolean({ optional: true })
  purrs: boolean = true;
}

@GalileoSchema('DogMember')
class Dog {
  @ValidateString({ optional: true })
  kind = 'dog' as const;

  @ValidateString()
  name: string;
}

@GalileoSchema('Outer')
class Outer {
  @ValidateString({ minLength: 1 })
  name: string;

  @ValidateJson('object', { optional: true })
  inputs?: Record<string, unknown>;

  @ValidateModel(() => Leaf, { optional: true })
  leaf?: Leaf;

  @ValidateModel(() => Leaf, { each: true, optional: true })
  leaves?: Leaf[];

  @ValidateString({ each: true, optional: true, maxItems: 3, maxLength: 2 })
  tags?: string[];

  @ValidateUnion({ property: 'kind', variants: { cat: () => Cat, dog: () => Dog } }, { each: true, optional: true })
  pets: (Cat | Dog)[] = [];

  @ValidateString({ optional: true, secret: true })
  password?: string;
}

@RespanSchema('StrictCreate')
class StrictCreate {
  @ValidateString()
  name: string;

  @ValidateString({ optional: true, nullable: true })
  note?: string | null;
}

@RespanSchema('StrictUpdate')
class StrictUpdate extends PartialType(StrictCreate, { skipNullProperties: false }) {}

@GalileoSchema('PydanticUpdate')
class PydanticUpdate extends GalileoUpdateType(StrictCreate, ['name', 'note']) {}

class Undeclared {
  name: string;
}

const pipe = new RequestValidationPipe();
const body = (metatype: Function, value: unknown) => pipe.transform(value, { type: 'body', metatype: metatype as never });

function issuesOf(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationException) return error.issues;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('the composed decorators and the request pipe', () => {
  it('keeps JSON documents exactly: keys named like Object.prototype members, at any depth of the DTO', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"x": 1}, "constructor": {"prototype": 1}, "valueOf": 2, "toString": [{"constructor": null}]}',
    );
    const result = body(Outer, { name: 'n', inputs: hostile, leaf: { meta: hostile }, leaves: [{ meta: hostile }] }) as Outer;
    expect(result).toBeInstanceOf(Outer);
    expect(result.inputs).toBe(hostile);
    expect(result.leaf).toBeInstanceOf(Leaf);
    expect(result.leaf?.meta).toBe(hostile);
    expect(result.leaves?.[0]).toBeInstanceOf(Leaf);
    expect(result.leaves?.[0].meta).toBe(hostile);
    expect(Object.keys(result.inputs!)).toEqual(['__proto__', 'constructor', 'valueOf', 'toString']);
  });

  it('drops undeclared properties without walking them', () => {
    const result = body(Outer, {
      name: 'n',
      extra: JSON.parse('{"constructor": {"constructor": 1}}'),
      leaf: { junk: { constructor: 2 } },
    }) as Outer;
    expect(result).not.toHaveProperty('extra');
    expect(result.leaf).not.toHaveProperty('junk');
  });

  it('reports objects where scalars belong, located, echoing what was sent', () => {
    const issues = issuesOf(() => body(Outer, { name: JSON.parse('{"constructor": 1}'), tags: ['ok', { constructor: 1 }] }));
    expect(issues.map(({ loc, type, input }) => [loc, type, input])).toEqual([
      [['body', 'name'], 'string_type', { constructor: 1 }],
      [['body', 'tags', 1], 'string_type', { constructor: 1 }],
    ]);
  });

  it('checks each item of a list and the size of the list', () => {
    expect(issuesOf(() => body(Outer, { name: 'n', tags: ['ab', 'abc'] }))[0]).toMatchObject({
      type: 'string_too_long',
      loc: ['body', 'tags', 1],
    });
    expect(issuesOf(() => body(Outer, { name: 'n', tags: ['a', 'b', 'c', 'd'] }))[0]).toMatchObject({
      type: 'too_long',
      loc: ['body', 'tags'],
      ctx: { field_type: 'List', max_length: 3, actual_length: 4 },
    });
    expect(issuesOf(() => body(Outer, { name: 'n', tags: ['a\u0000'] }))[0]).toMatchObject({
      type: 'string_unicode',
      loc: ['body', 'tags', 0],
    });
  });

  it('instantiates tagged union members by their tag, applies their defaults and locates errors under the tag', () => {
    const result = body(Outer, { name: 'n', pets: [{ kind: 'cat' }, { kind: 'dog', name: 'Rex' }] }) as Outer;
    expect(result.pets[0]).toBeInstanceOf(Cat);
    expect(result.pets[0]).toMatchObject({ kind: 'cat', purrs: true });
    expect(result.pets[1]).toBeInstanceOf(Dog);
    expect(issuesOf(() => body(Outer, { name: 'n', pets: [{ kind: 'dog' }] }))[0]).toMatchObject({
      type: 'missing',
      loc: ['body', 'pets', 0, 'dog', 'name'],
    });
    expect(issuesOf(() => body(Outer, { name: 'n', pets: [{ kind: 'cat' }, { kind: 'cow' }] }))[0]).toMatchObject({
      type: 'union_tag_invalid',
      loc: ['body', 'pets', 1],
      ctx: { discriminator: "'kind'", tag: 'cow', expected_tags: "'cat', 'dog'" },
    });
    expect(issuesOf(() => body(Outer, { name: 'n', pets: [null] }))[0]).toMatchObject({
      type: 'model_attributes_type',
      loc: ['body', 'pets', 0],
    });
    expect((body(Outer, { name: 'n' }) as Outer).pets).toEqual([]);
  });

  it('never echoes a credential, not even inside the parent of a missing field', () => {
    const issues = issuesOf(() => body(Outer, { password: 5 }));
    expect(issues).toEqual([
      expect.objectContaining({ type: 'missing', loc: ['body', 'name'], input: { password: '[redacted]' } }),
      expect.objectContaining({ type: 'string_type', loc: ['body', 'password'], input: '[redacted]' }),
    ]);
  });

  it('derives update DTOs: DRF keeps the create’s nullability, pydantic makes every field nullable', () => {
    expect(body(StrictUpdate, { note: null })).toEqual({ note: null });
    expect(issuesOf(() => body(StrictUpdate, { name: null }))[0]).toMatchObject({
      loc: ['body', 'name'],
      drfMsg: 'This field may not be null.',
    });
    expect(issuesOf(() => body(StrictUpdate, { name: 5 }))[0]).toMatchObject({ loc: ['body', 'name'], drfMsg: 'Not a valid string.' });
    expect(body(PydanticUpdate, { name: null, note: null })).toEqual({ name: null, note: null });
    expect(issuesOf(() => body(PydanticUpdate, { name: 5 }))[0]).toMatchObject({ type: 'string_type', loc: ['body', 'name'] });
  });

  it('refuses a DTO class that declares no validation: a programming error, not an input error', () => {
    expect(() => body(Undeclared, { name: 'x' })).toThrow('Undeclared is used as a request DTO but declares no validation');
  });

  it('refuses input nested deeper than the limit before instantiating anything, naming the field', () => {
    let deep: unknown = 1;
    for (let index = 0; index < 100_000; index++) deep = [deep];
    const issues = issuesOf(() => body(Outer, { name: 'n', inputs: { deep } }));
    expect(issues).toEqual([
      expect.objectContaining({
        type: 'value_error',
        loc: ['body', 'inputs'],
        drfMsg: `JSON nested deeper than ${MAX_INPUT_DEPTH} levels is not supported.`,
      }),
    ]);
  });

  it('refuses a body that is not an object, echoing a bounded copy of it', () => {
    let deep: unknown = [];
    for (let index = 0; index < 5000; index++) deep = [deep];
    const [issue] = issuesOf(() => body(Outer, deep));
    expect(issue).toMatchObject({ type: 'model_attributes_type', loc: ['body'] });
    expect(JSON.stringify(issue.input).length).toBeLessThan(100);
    expect(issuesOf(() => body(Outer, undefined))).toEqual([expect.objectContaining({ type: 'missing', loc: ['body'] })]);
  });

  it('checks a body taken without a DTO as a JSON document', () => {
    const raw = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Object });
    expect(raw({ filters: { a: ['ok'] } })).toEqual({ filters: { a: ['ok'] } });
    expect(issuesOf(() => raw({ filters: { a: ['x\u0000'] } }))).toEqual([
      expect.objectContaining({ type: 'string_unicode', loc: ['body', 'filters', 'a', 0], input: 'x\u0000' }),
    ]);
  });

  it(`reports at most ${MAX_ISSUES} issues`, () => {
    const pets = Array.from({ length: 500 }, () => ({ kind: 'dog' }));
    expect(issuesOf(() => body(Outer, { name: 'n', pets }))).toHaveLength(MAX_ISSUES);
  });
});
