import { randomUUID } from 'node:crypto';

type Schema = Record<string, any>;
export type Components = Record<string, Schema>;
export type Path = (string | number)[];

/**
 * A place in a request body where a hostile value can go:
 * - `string`, `number`: a property or item the schema types so;
 * - `free`: a free-form value (an `additionalProperties: true` object, an untyped value), replaced whole;
 * - `leaf`: a value inside the baseline's free-form content (a choice's name, a filter's value…);
 * - `key`: a key of a free-form object or number map: `key` renamed, or (no `key`) one added.
 */
export interface Slot {
  kind: 'string' | 'number' | 'free' | 'leaf' | 'key';
  path: Path;
  key?: string;
  /** The value an added key holds (a number for number maps). */
  added?: unknown;
  /** Containers put in place first, where the baseline has none (or one of another variant). */
  setup: [Path, unknown][];
}

const MAX_DEPTH = 10;
/** Items of a free-form array looked into. */
const FREE_ITEMS = 3;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const labelOf = (slot: Slot): string =>
  slot.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '') + (slot.kind === 'key' ? (slot.key === undefined ? ' (added key)' : ` (key "${slot.key}")`) : '') || '(body)';

function resolve(schema: Schema | undefined, components: Components): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = components[current.$ref.split('/').pop()];
  return current;
}

const typesOf = (schema: Schema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const isFreeForm = (schema: Schema): boolean =>
  schema.additionalProperties === true ||
  (typesOf(schema).length === 0 && !schema.properties && !schema.anyOf && !schema.oneOf && !schema.enum && !('const' in schema)) ||
  (typesOf(schema).includes('object') && !schema.properties && schema.additionalProperties === undefined);

/** The smallest value a schema accepts (required properties only), to hold a position the baseline lacks. */
export function minimalOf(schema: Schema | undefined, components: Components, depth = 0): unknown {
  const resolved = resolve(schema, components);
  if (!resolved || depth > MAX_DEPTH) return null;
  if ('const' in resolved) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  const variants: Schema[] | undefined = resolved.anyOf ?? resolved.oneOf;
  if (variants) return minimalOf(variants.find((v) => !typesOf(v).includes('null')) ?? variants[0], components, depth + 1);
  if (isFreeForm(resolved)) return typesOf(resolved).includes('object') || resolved.additionalProperties ? {} : 'x';
  switch (typesOf(resolved).find((type) => type !== 'null')) {
    case 'string':
      if (resolved.format === 'uuid' || resolved.format === 'uuid4') return randomUUID();
      if (resolved.format === 'date-time') return new Date().toISOString();
      return 'a'.repeat(Math.max(1, resolved.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, resolved.minimum ?? 1), resolved.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(
        (resolved.required ?? []).map((name: string) => [name, minimalOf(resolved.properties?.[name], components, depth + 1)]),
      );
    default:
      return null;
  }
}

/** Whether `value` is an instance of this (resolved) variant: its type, and the consts of its properties. */
function fits(variant: Schema, value: unknown): boolean {
  if (value === undefined) return false;
  const types = typesOf(variant);
  if (isPlainObject(value)) {
    if (types.length && !types.includes('object')) return false;
    return Object.entries<Schema>(variant.properties ?? {}).every(
      ([name, property]) => !('const' in property) || value[name] === property.const,
    );
  }
  if (Array.isArray(value)) return types.includes('array');
  if (value === null) return types.includes('null');
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'number' || typeof value === 'bigint') return types.includes('number') || types.includes('integer');
  return types.includes(typeof value);
}

/** The keys and leaves of free-form content the baseline holds at `path`, at any depth. */
function freeFormSlots(value: unknown, path: Path, setup: [Path, unknown][], depth: number): Slot[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(value))
    return value.slice(0, FREE_ITEMS).flatMap((item, index) => freeFormSlots(item, [...path, index], setup, depth + 1));
  if (!isPlainObject(value)) return [{ kind: 'leaf', path, setup }];
  return [
    { kind: 'key', path, setup },
    ...Object.entries(value).flatMap(([key, item]) => [
      { kind: 'key' as const, path, key, setup },
      ...freeFormSlots(item, [...path, key], setup, depth + 1),
    ]),
  ];
}

/**
 * Every position of `schema` where a hostile value can go, walked alongside `baseline` (a body the
 * operation accepts): typed positions of the schema, at any depth, and the keys and leaves of the free-form
 * content the baseline holds. Positions the baseline lacks get their containers from the schema.
 */
export function slotsOf(schema: Schema | undefined, components: Components, baseline: unknown): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: Schema | undefined, value: unknown, path: Path, setup: [Path, unknown][], depth: number): void => {
    const resolved = resolve(node, components);
    if (!resolved || depth > MAX_DEPTH) return;
    const variants: Schema[] | undefined = resolved.anyOf ?? resolved.oneOf;
    if (variants) {
      for (const variant of variants.map((v) => resolve(v, components)!).filter((v) => !(typesOf(v).length === 1 && v.type === 'null'))) {
        if (fits(variant, value) || (isFreeForm(variant) && value !== undefined && value !== null))
          walk(variant, value, path, setup, depth + 1);
        else {
          const container = minimalOf(variant, components);
          walk(variant, container, path, [...setup, [path, container]], depth + 1);
        }
      }
      return;
    }
    if (resolved.enum || 'const' in resolved) return;
    if (isFreeForm(resolved)) {
      const content = value === undefined || value === null ? {} : value;
      const withContent: [Path, unknown][] = content === value ? setup : [...setup, [path, content]];
      slots.push({ kind: 'free', path, setup });
      slots.push(...freeFormSlots(content, path, withContent, 0));
      return;
    }
    for (const type of typesOf(resolved)) {
      if (type === 'string') slots.push({ kind: 'string', path, setup });
      if (type === 'number' || type === 'integer') slots.push({ kind: 'number', path, setup });
      if (type === 'array') {
        const items = Array.isArray(value) && value.length ? value : [minimalOf(resolved.items, components)];
        walk(resolved.items, items[0], [...path, 0], items === value ? setup : [...setup, [path, items]], depth + 1);
      }
      if (type === 'object' && isPlainObject(resolved.additionalProperties)) {
        const map = isPlainObject(value) ? value : {};
        const withMap: [Path, unknown][] = map === value ? setup : [...setup, [path, map]];
        const added = minimalOf(resolved.additionalProperties, components);
        slots.push({ kind: 'key', path, added, setup: withMap });
        for (const key of Object.keys(map)) {
          slots.push({ kind: 'key', path, key, setup: withMap });
          walk(resolved.additionalProperties, map[key], [...path, key], withMap, depth + 1);
        }
      }
      if (type === 'object' && resolved.properties) {
        const object = isPlainObject(value) ? value : (minimalOf(resolved, components) as Record<string, unknown>);
        const withObject: [Path, unknown][] = object === value ? setup : [...setup, [path, object]];
        for (const [name, property] of Object.entries<Schema>(resolved.properties))
          walk(property, object[name], [...path, name], withObject, depth + 1);
      }
    }
  };
  walk(schema, baseline, [], [], 0);
  const unique = new Map<string, Slot>();
  for (const slot of slots) unique.set(`${slot.kind}:${labelOf(slot)}:${JSON.stringify(slot.setup.map(([path]) => path))}`, slot);
  return [...unique.values()];
}

/** Sets `value` at `path` of `target` (own properties: `__proto__` is a key like any other). */
export function setAt(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = target as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return target;
}

export function getAt(target: unknown, path: Path): unknown {
  let node = target;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The object at `path` with `key` renamed to `hostile` (in place, order kept), or `hostile` added. */
export function withKey(
  object: Record<string, unknown>,
  key: string | undefined,
  hostile: string,
  added: unknown,
): Record<string, unknown> {
  const entries = Object.entries(object);
  const renamed =
    key === undefined
      ? [...entries, [hostile, added ?? 1] as [string, unknown]]
      : entries.map(([k, v]) => [k === key ? hostile : k, v] as [string, unknown]);
  const result: Record<string, unknown> = {};
  for (const [k, v] of renamed) Object.defineProperty(result, k, { value: v, enumerable: true, writable: true, configurable: true });
  return result;
}
