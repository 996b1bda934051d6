import type { Type } from '@nestjs/common';
import type { ClassTransformOptions } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isPlainObject } from '../is-plain-object';
import { instantiate } from './instantiate';

/** A discriminated union: the property holding the tag, and the class of each tag. */
export interface UnionSpec {
  property: string;
  variants: Record<string, () => Type<unknown>>;
}

export const IS_TAGGED_UNION = 'isTaggedUnion';

export type UnionProblem = 'not_an_object' | 'tag_missing' | 'tag_invalid';

/** Why `value` is no member of the union, or `undefined`. */
export function unionProblem(value: unknown, union: UnionSpec): UnionProblem | undefined {
  if (!isPlainObject(value)) return 'not_an_object';
  const tag = value[union.property];
  if (tag === undefined) return 'tag_missing';
  return typeof tag === 'string' && Object.hasOwn(union.variants, tag) ? undefined : 'tag_invalid';
}

/** The class-transformer step: a member whose tag names a variant becomes an instance of it, others stay as sent. */
export function toVariant(value: unknown, union: UnionSpec, options: ClassTransformOptions): unknown {
  if (unionProblem(value, union)) return value;
  const tag = (value as Record<string, string>)[union.property];
  return instantiate(union.variants[tag](), value as Record<string, unknown>, options);
}

/** The value (each item, with `each`) is an object whose tag names one of the variants. */
export const IsTaggedUnion = (union: UnionSpec, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: IS_TAGGED_UNION,
      constraints: [union],
      validator: {
        validate: (value: unknown) => unionProblem(value, union) === undefined,
        defaultMessage: () => `$property must be an object whose "${union.property}" names one of its variants`,
      },
    },
    options,
  );
