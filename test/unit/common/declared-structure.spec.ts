import 'reflect-metadata';
import { RequestValidationPipe } from '../../../src/common/pipes/request-validation.pipe';
import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import { declaredStructure } from '../../../src/common/validation/free-form';
import { pathBeyondDepth } from '../../../src/common/validation/json-depth';
import { ListField, NestedField, ObjectField, StringField } from '../../../src/common/validation/fields';

class Inner {
  @ObjectField({ required: false })
  meta?: Record<string, unknown>;
}

class Outer {
  @StringField({ required: false })
  name?: string;

  @ObjectField({ required: false })
  inputs?: Record<string, unknown>;

  @NestedField(() => Inner, { required: false })
  inner?: Inner;

  @ListField(() => Inner, { required: false })
  items?: Inner[];

  @ListField({ kind: 'string' }, { required: false })
  tags?: string[];
}

const pipe = new RequestValidationPipe();
const transform = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

describe('the request pipe and free-form JSON', () => {
  it('keeps free-form objects exactly, keys named like Object.prototype members included, at any depth of the DTO', async () => {
    const inputs = { constructor: { prototype: 1 }, valueOf: 2, toString: [{ constructor: null }] };
    const result = (await transform({
      name: 'n',
      inputs,
      inner: { meta: inputs },
      items: [{ meta: inputs }],
      extra: { constructor: 1 },
    })) as Outer;
    expect(result).toBeInstanceOf(Outer);
    expect(result.inputs).toEqual(inputs);
    expect(result.inner).toBeInstanceOf(Inner);
    expect(result.inner?.meta).toEqual(inputs);
    expect(result.items?.[0].meta).toEqual(inputs);
    expect(result).not.toHaveProperty('extra');
  });

  it('still reports objects where scalars belong, located as before', async () => {
    await expect(transform({ tags: [{ constructor: 1 }], name: { constructor: 1 } })).rejects.toBeInstanceOf(RequestValidationException);
    try {
      await transform({ tags: ['ok', { constructor: 1 }], name: { constructor: 1 } });
    } catch (error) {
      expect((error as RequestValidationException).issues.map((issue) => [issue.loc, issue.drfMsg, issue.input])).toEqual([
        [['body', 'name'], 'Not a valid string.', { constructor: 1 }],
        [['body', 'tags', 1], 'Not a valid string.', { constructor: 1 }],
      ]);
    }
  });

  it('refuses input nested deeper than 64 levels, naming the field', async () => {
    let deep: unknown = 1;
    for (let index = 0; index < 100_000; index++) deep = { a: deep };
    expect(pathBeyondDepth({ inputs: deep }, 64)?.[0]).toBe('inputs');
    await expect(transform({ inputs: deep })).rejects.toMatchObject({
      issues: [{ loc: ['body', 'inputs'], drfMsg: 'JSON nested deeper than 64 levels is not supported.' }],
    });
  });

  it('declaredStructure leaves out undeclared properties and sets free-form values aside', () => {
    const { plain, restore } = declaredStructure(Outer, { name: 'x', inputs: { a: 1 }, other: 1 });
    expect(plain).toEqual({ name: 'x', inputs: null });
    const instance: Record<string, unknown> = { name: 'x', inputs: null };
    restore(instance);
    expect(instance).toEqual({ name: 'x', inputs: { a: 1 } });
  });
});
