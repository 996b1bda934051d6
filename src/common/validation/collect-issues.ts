import type { ValidationError } from 'class-validator';
import type { InputLocation, ValidationIssue } from '../errors/validation-issue';
import { checkField } from './check-field';
import { type FieldSpec, fieldSpecsOf } from './field-spec';

type Loc = (string | number)[];

export const REDACTED = '[redacted]';

/** The input echoed in an error, with the values of secret fields replaced. */
function echoed(value: unknown, specs: ReadonlyMap<string, FieldSpec> | undefined): unknown {
  if (!specs || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [property, spec] of specs) if (spec.secret && property in copy) copy[property] = REDACTED;
  return copy;
}

function childOf(plain: unknown, key: string | number): unknown {
  return typeof plain === 'object' && plain !== null ? (plain as Record<string | number, unknown>)[key] : undefined;
}

function valueAt(plain: unknown, path: Loc): unknown {
  return path.reduce<unknown>((value, key) => childOf(value, key), plain);
}

/** pydantic puts a tagged-union member's tag in the location: `["body", "filters", 0, "name", "operator"]`. */
function withTag(loc: Loc, plain: unknown, property: string | undefined): Loc {
  const tag = property ? childOf(plain, property) : undefined;
  return typeof tag === 'string' ? [...loc, tag] : loc;
}

function collect(errors: ValidationError[], loc: Loc, plainParent: unknown, out: ValidationIssue[], itemsUnionTag?: string): void {
  for (const error of errors) {
    const key: string | number = Array.isArray(plainParent) && /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const here = withTag([...loc, key], childOf(plainParent, key), itemsUnionTag);
    const plainValue = childOf(plainParent, key);
    const specs = error.target ? fieldSpecsOf(Object.getPrototypeOf(error.target)) : undefined;
    const spec = specs?.get(error.property);
    // Union members that matched no variant were stripped by the whitelist: judge the value as sent.
    const unionValued = spec?.kind === 'union' || spec?.items?.kind === 'union';
    const problem = spec ? checkField(spec, unionValued ? plainValue : error.value) : undefined;
    if (problem) {
      const at = problem.at ?? [];
      const input = spec?.secret
        ? REDACTED
        : problem.type === 'missing'
          ? echoed(plainParent, specs)
          : at.length
            ? valueAt(plainValue, at)
            : plainValue;
      out.push({
        type: problem.type,
        loc: [...here, ...at],
        msg: problem.msg,
        input,
        ...(problem.ctx ? { ctx: problem.ctx } : {}),
        ...(problem.drfMsg ? { drfMsg: problem.drfMsg } : {}),
      });
      continue;
    }
    if (error.children?.length) {
      const unionTag = spec?.union?.property;
      collect(error.children, unionTag ? withTag(here, plainValue, unionTag) : here, plainValue, out, spec?.items?.union?.property);
      continue;
    }
    const message = Object.values(error.constraints ?? {})[0];
    if (message) out.push({ type: 'value_error', loc: here, msg: `Value error, ${message}`, input: plainValue, drfMsg: message });
  }
}

/** Turns class-validator's error tree into issues located the way FastAPI locates them. */
export function collectIssues(errors: ValidationError[], location: InputLocation, plainInput: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  collect(errors, [location], plainInput, issues);
  return issues;
}
