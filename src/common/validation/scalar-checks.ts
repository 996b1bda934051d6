import { isBoolean, isISO8601, isNumber, isString } from 'class-validator';
import { DATETIME_SYNTAX } from './datetime-text';
import { isStorableText } from './json-document';
import { findingsFor } from './pydantic-errors';
import { canonicalUuid } from './uuid-text';

/** The scalar types a filter value can have. */
export type ScalarKind = 'text' | 'uuid' | 'boolean' | 'datetime' | 'number';

type Check = [constraint: string, test: (value: unknown) => boolean];

/** class-validator's checks, named as a DTO property's constraints are (so that errors read alike). */
const CHECKS: Record<ScalarKind, Check[]> = {
  text: [
    ['isString', (value) => isString(value)],
    ['isStorableText', (value) => isStorableText(value as string)],
  ],
  uuid: [['isUuid', (value) => typeof value === 'string' && canonicalUuid(value) !== undefined]],
  boolean: [['isBoolean', (value) => isBoolean(value)]],
  datetime: [
    ['isIso8601', (value) => isISO8601(value, { strict: true })],
    ['isDateTimeSyntax', (value) => typeof value === 'string' && DATETIME_SYNTAX.test(value)],
  ],
  number: [['isNumber', (value) => isNumber(value)]],
};

/** Why `value` is no `kind` value, as DRF words it; `undefined` when it is one. */
export function scalarProblem(kind: ScalarKind, value: unknown): string | undefined {
  const failed = CHECKS[kind].find(([, test]) => !test(value));
  return failed ? findingsFor(failed[0], value, [])[0].drfMsg : undefined;
}
