import { RequestValidationException } from '../../common/errors/api-exceptions';
import type { FilterCondition } from '../../common/query/filter.compiler';

/** What a summary groups by besides the evaluator, and what it may compare (contract §9). */
export const GROUP_FIELDS = ['environment', 'dataset_id', 'prompt_id', 'prompt_version_number', 'scorer', 'day'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export const COMPARE_FIELDS = ['prompt_version_number', 'prompt_id', 'environment', 'dataset_id', 'scorer'] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

/** The score property of each field a summary groups by or compares on (`day` is derived from `createdAt`). */
export const FIELD_PROPERTIES: Record<CompareField, string> = {
  environment: 'environment',
  dataset_id: 'datasetId',
  prompt_id: 'promptId',
  prompt_version_number: 'promptVersionNumber',
  scorer: 'scorer',
};

export type GroupValue = string | number | null;

export interface Comparison {
  field: CompareField;
  a: string | number;
  b: string | number;
}

/** A summary to compute: the rows the list filter would list, grouped, maybe compared. */
export interface SummaryRequest {
  organizationId: string;
  conditions: readonly FilterCondition[];
  groupBy: readonly GroupField[];
  compare: Comparison | null;
  percentiles: boolean;
}

const refuse = (parameter: string, message: string): never => {
  throw new RequestValidationException([
    { type: 'value_error', loc: ['query', parameter], msg: `Value error, ${message}`, input: null, drfMsg: message },
  ]);
};

/** `group_by`: comma-separated fields, each once (`evaluator` is accepted and implied). */
export function parseGroupBy(sent: string | undefined): GroupField[] {
  const names = (sent ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'evaluator');
  for (const name of names) {
    if (!(GROUP_FIELDS as readonly string[]).includes(name))
      refuse('group_by', `Unknown field "${name}"; expected any of evaluator, ${GROUP_FIELDS.join(', ')}.`);
  }
  if (new Set(names).size !== names.length) refuse('group_by', 'Each field may be given once.');
  return names as GroupField[];
}

const INTEGER = /^-?\d{1,10}$/;

/** `compare=<field>:<a>,<b>`: two different values of a field the summary does not group by. */
export function parseCompare(sent: string | undefined, groupBy: readonly GroupField[]): Comparison | null {
  if (sent === undefined) return null;
  const separator = sent.indexOf(':');
  const field = separator < 0 ? sent : sent.slice(0, separator);
  if (!(COMPARE_FIELDS as readonly string[]).includes(field))
    refuse('compare', `Expected <field>:<a>,<b> with field one of ${COMPARE_FIELDS.join(', ')}.`);
  if ((groupBy as readonly string[]).includes(field)) refuse('compare', `Cannot compare on "${field}" while grouping by it.`);
  const values = sent.slice(separator + 1).split(',');
  if (values.length !== 2 || values.some((value) => value === '')) refuse('compare', 'Expected exactly two values: <field>:<a>,<b>.');
  if (values[0] === values[1]) refuse('compare', 'The two values must differ.');
  if (field !== 'prompt_version_number') return { field: field as CompareField, a: values[0], b: values[1] };
  const [a, b] = values.map(Number);
  if (!values.every((value) => INTEGER.test(value)) || ![a, b].every((value) => Math.abs(value) <= 2 ** 31 - 1))
    refuse('compare', 'prompt_version_number values must be integers.');
  return { field: 'prompt_version_number', a, b };
}

/** The condition that keeps the compared rows (either value). */
export function comparedCondition({ field, a, b }: Comparison): FilterCondition {
  return {
    target: FIELD_PROPERTIES[field],
    operator: 'eq',
    values: [a, b],
    type: field === 'prompt_version_number' ? 'double precision' : 'text',
  };
}
