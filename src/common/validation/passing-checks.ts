import { ValidationTypes, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** The checks of one property, sorted once the way class-validator's executor sorts them on every call. */
interface PropertyChecks {
  property: string;
  /** `ValidateIf`/`IsOptional` conditions: when one is false, nothing else of the property runs. */
  conditions: ValidationMetadata[];
  /** `IsDefined` checks, then the custom checks (every `@IsString`, `@Min`, `ValidateBy`…), in declaration order. */
  checks: ValidationMetadata[];
  /** Nested or promised values: the full executor decides those. */
  nested: boolean;
}

interface ClassChecks {
  properties: PropertyChecks[];
  known: Set<string>;
}

const plans = new WeakMap<ValidationMetadata[], ClassChecks>();

function planOf(metadatas: ValidationMetadata[]): ClassChecks {
  let plan = plans.get(metadatas);
  if (plan) return plan;
  const grouped = getMetadataStorage().groupByPropertyName(metadatas);
  const properties = Object.keys(grouped).map((property): PropertyChecks => {
    const all = grouped[property];
    const rest = all.filter((metadata) => metadata.type !== ValidationTypes.IS_DEFINED && metadata.type !== ValidationTypes.WHITELIST);
    return {
      property,
      conditions: rest.filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION),
      checks: [
        ...all.filter((metadata) => metadata.type === ValidationTypes.IS_DEFINED),
        ...rest.filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION),
      ],
      nested: rest.some(
        (metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION || metadata.type === ValidationTypes.PROMISE_VALIDATION,
      ),
    };
  });
  plan = { properties, known: new Set(properties.filter(({ property }) => grouped[property].length > 0).map(({ property }) => property)) };
  plans.set(metadatas, plan);
  return plan;
}

/** Whether one check passes `value` (each item of a list for an `each` check); undefined when it answered with a promise. */
function passes(metadata: ValidationMetadata, object: object, value: unknown): boolean | undefined {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  for (const constraint of getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)) {
    // validateSync ignores asynchronous constraints.
    if (constraint.async) continue;
    const args = {
      targetName: object.constructor?.name,
      property: metadata.propertyName,
      object,
      value,
      constraints: metadata.constraints,
    };
    const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
    const values: unknown[] = each ? [...(value instanceof Map ? value.values() : (value as Iterable<unknown>))] : [value];
    for (const item of values) {
      const valid: unknown = constraint.instance.validate(item, args);
      if (valid instanceof Promise) return undefined;
      if (!valid) return false;
    }
  }
  return true;
}

/**
 * The success path of class-validator's `validateSync` with the pipe's options (whitelist, no groups,
 * nothing skipped), without its per-call sorting of the checks, error objects and closures: true when
 * every check `validateSync` would run on `object` passes, which is exactly when it reports no error.
 * Undeclared properties are stripped as its whitelist strips them. False means "not sure": a check
 * failed, or a nested or asynchronous value needs the full executor, which then gives the errors.
 */
export function passesEveryCheck(object: object): boolean {
  // The executor's own lookup (no schema, no groups), so the cached answer of metadata-cache is shared.
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    object.constructor,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  if (metadatas.length === 0) return false;
  const { properties, known } = planOf(metadatas);
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!known.has(key)) delete record[key];
  for (const { property, conditions, checks, nested } of properties) {
    const value = record[property];
    // Every condition is evaluated, as the executor's map-then-reduce does.
    const results = conditions.map((metadata) => (metadata.constraints[0] as (object: object, value: unknown) => boolean)(object, value));
    if (!results.every(Boolean)) continue;
    if (value instanceof Promise) return false;
    for (const metadata of checks) if (passes(metadata, object, value) !== true) return false;
    if (nested && value !== undefined) return false;
  }
  return true;
}
