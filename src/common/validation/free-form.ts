import type { FieldSpec } from './field-spec';
import { fieldSpecsOf } from './field-spec';

type Path = (string | number)[];
type Aside = { path: Path; value: unknown }[];

const FREE_FORM_KINDS = new Set(['object', 'numberMap', 'any']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An empty value of the same JSON type: what class-validator needs to report a misplaced object or list. */
const opaque = (value: unknown): unknown => (Array.isArray(value) ? [] : isPlainObject(value) ? {} : value);

function mapped(spec: FieldSpec, value: unknown, path: Path, aside: Aside): unknown {
  if (FREE_FORM_KINDS.has(spec.kind)) {
    aside.push({ path, value });
    return null;
  }
  if (spec.kind === 'nested' && spec.type) return isPlainObject(value) ? declared(spec.type(), value, path, aside) : opaque(value);
  if (spec.kind === 'list' && spec.items && !spec.items.union) {
    if (!Array.isArray(value)) return opaque(value);
    const items = spec.items;
    return value.map((item, index) => mapped(items, item, [...path, index], aside));
  }
  if (spec.kind === 'union' || spec.union || spec.items?.union) return value;
  return opaque(value);
}

/** The declared properties of `source` only, free-form values set aside. */
function declared(type: Function, source: Record<string, unknown>, path: Path, aside: Aside): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [property, spec] of fieldSpecsOf(type.prototype as object)) {
    if (Object.hasOwn(source, property)) copy[property] = mapped(spec, source[property], [...path, property], aside);
  }
  return copy;
}

/**
 * The part of a DTO's plain input that class-transformer should map: the declared properties, with
 * free-form JSON (object, number map, any) set aside and misplaced objects emptied. class-transformer
 * fails on objects with a `constructor` key and drops keys named like Object.prototype members;
 * undeclared properties are stripped by the validation anyway. `restore` puts the free-form values,
 * as sent, on the mapped instance.
 */
export function declaredStructure(
  type: Function,
  plain: Record<string, unknown>,
): { plain: Record<string, unknown>; restore: (instance: unknown) => void } {
  const aside: Aside = [];
  const copy = declared(type, plain, [], aside);
  return {
    plain: copy,
    restore: (instance) => {
      for (const { path, value } of aside) {
        const parent = path
          .slice(0, -1)
          .reduce<unknown>(
            (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined),
            instance,
          );
        if (typeof parent === 'object' && parent !== null) (parent as Record<string | number, unknown>)[path[path.length - 1]] = value;
      }
    },
  };
}
