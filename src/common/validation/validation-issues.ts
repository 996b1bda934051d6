import {
  type ValidationError,
  getMetadataStorage,
  isEnum,
  isIn,
  isObject,
  isString,
  isUUID,
  matches,
  maxLength,
  minLength,
} from 'class-validator';
import type { InputLocation, ValidationIssue } from '../errors/validation-issue';
import { isPlainObject } from '../is-plain-object';
import { boundedEcho } from './echo';
import { isStorableText } from './json-document';
import { type Finding, findingsFor } from './pydantic-errors';
import { IS_TAGGED_UNION, type UnionSpec, unionProblem } from './tagged-union';

type Loc = (string | number)[];
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

export const REDACTED = '[redacted]';

/** At most this many issues are reported for one input. */
export const MAX_ISSUES = 100;

const metadataCache = new WeakMap<Function, ValidationMetadata[]>();

/** class-validator's record of the constraints of a class, inherited and mapped ones included. */
function metadataOf(target: unknown): ValidationMetadata[] {
  const type = typeof target === 'object' && target !== null && !Array.isArray(target) ? target.constructor : undefined;
  if (!type) return [];
  let metadata = metadataCache.get(type);
  if (!metadata) metadataCache.set(type, (metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)));
  return metadata;
}

const constraintOf = (target: unknown, property: string, name: string) =>
  metadataOf(target).find((metadata) => metadata.propertyName === property && metadata.name === name);

const isSecret = (target: unknown, property: string) =>
  metadataOf(target).some(
    (metadata) => metadata.propertyName === property && (metadata.context as { secret?: boolean } | undefined)?.secret,
  );

/** How each item of a list fails a constraint declared with `each` (class-validator's own checks). */
const ITEM_CHECKS: Record<string, (item: unknown, args: unknown[]) => boolean> = {
  isString: (item) => isString(item),
  isStorableText: (item) => typeof item !== 'string' || isStorableText(item),
  minLength: (item, [limit]) => minLength(item, limit as number),
  maxLength: (item, [limit]) => maxLength(item, limit as number),
  matches: (item, [pattern]) => typeof item === 'string' && matches(item, pattern as RegExp),
  isUuid: (item, [version]) => isUUID(item, version as '4'),
  isEnum: (item, [entity]) => isEnum(item, entity),
  isIn: (item, [values]) => isIn(item, values as unknown[]),
  isObject: (item) => isObject(item),
  [IS_TAGGED_UNION]: (item, [union]) => unionProblem(item, union as UnionSpec) === undefined,
};

const childOf = (parent: unknown, key: string | number): unknown =>
  typeof parent === 'object' && parent !== null && Object.hasOwn(parent, key)
    ? (parent as Record<string | number, unknown>)[key]
    : undefined;

/** The input echoed for a missing field: its parent, credentials redacted. */
function echoedParent(parent: unknown, target: unknown): unknown {
  if (!isPlainObject(parent)) return boundedEcho(parent ?? null);
  const echoed = boundedEcho(parent) as Record<string, unknown>;
  for (const key of Object.keys(echoed)) if (isSecret(target, key)) echoed[key] = REDACTED;
  return echoed;
}

function issue(finding: Finding, loc: Loc, input: unknown, value: unknown): ValidationIssue {
  return {
    type: finding.type,
    loc: [...loc, ...(finding.at ?? [])],
    msg: finding.msg,
    input,
    ...(finding.ctx ? { ctx: finding.ctx } : {}),
    drfMsg: value === null && finding.type !== 'missing' ? 'This field may not be null.' : finding.drfMsg,
  };
}

/** The issues of one failed constraint of `error`'s property, an item of a list located when declared `each`. */
function failure(error: ValidationError, constraint: string, here: Loc, plainParent: unknown, plain: unknown): ValidationIssue[] {
  const metadata = constraintOf(error.target, error.property, constraint);
  const args = metadata?.constraints ?? [];
  const secret = isSecret(error.target, error.property);
  let [value, sent, loc] = [error.value as unknown, plain, here];
  if (metadata?.each && Array.isArray(value) && ITEM_CHECKS[constraint]) {
    const index = value.findIndex((item) => !ITEM_CHECKS[constraint](item, args));
    [value, sent, loc] = [value[index], childOf(plain, index), [...here, index]];
  }
  return findingsFor(constraint, value, args).map((finding) => {
    const input =
      finding.type === 'missing'
        ? echoedParent(plainParent, error.target)
        : secret
          ? REDACTED
          : boundedEcho(finding.input ? finding.input.value : (sent ?? null));
    return issue(finding, loc, input, value);
  });
}

/** pydantic puts a union member's tag in the location: `["body", "filters", 0, "name", "operator"]`. */
function withTag(loc: Loc, plain: unknown, union: UnionSpec | undefined): Loc {
  const tag = union ? childOf(plain, union.property) : undefined;
  return typeof tag === 'string' ? [...loc, tag] : loc;
}

function collect(errors: ValidationError[], loc: Loc, plainParent: unknown, out: ValidationIssue[], itemUnion?: UnionSpec): void {
  for (const error of errors) {
    if (out.length >= MAX_ISSUES) return;
    const key = Array.isArray(plainParent) && /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const plain = childOf(plainParent, key);
    const here = withTag([...loc, key], plain, itemUnion);
    const constraint = Object.keys(error.constraints ?? {})[0];
    if (constraint) {
      out.push(...failure(error, constraint, here, plainParent, plain).slice(0, MAX_ISSUES - out.length));
    } else if (error.children?.length) {
      const union = constraintOf(error.target, error.property, IS_TAGGED_UNION)?.constraints?.[0] as UnionSpec | undefined;
      if (union && Array.isArray(plain)) collect(error.children, here, plain, out, union);
      else collect(error.children, withTag(here, plain, union), plain, out);
    }
  }
}

/** class-validator's error tree as issues located the way FastAPI locates them (`["body", "filters", 0, ...]`). */
export function validationIssues(errors: ValidationError[], location: InputLocation, plainInput: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  collect(errors, [location], plainInput, issues);
  return issues;
}
