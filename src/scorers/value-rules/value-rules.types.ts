export interface ScoreChoice {
  name: string;
  value?: number | string | boolean | null;
}

/** How an evaluator's values are bounded: numeric range, or the choices of a select. */
export interface ScoreConfig {
  min_score?: number | null;
  max_score?: number | null;
  choices?: ScoreChoice[] | null;
}

export const CONDITION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type ConditionValue = number | string | boolean;

export interface PassingCondition {
  operator: ConditionOperator;
  value: ConditionValue | ConditionValue[];
}

/** `{"primary_score": {"operator": "gte", "value": 3}}` */
export interface PassingConditions {
  primary_score: PassingCondition;
}

/** The value fields of a score. */
export interface ScoreValues {
  numerical_value: number | null;
  string_value: string | null;
  boolean_value: boolean | null;
  categorical_value: string[] | null;
  json_value: string | null;
}

export type ValueField = keyof ScoreValues;

export const VALUE_FIELDS: readonly ValueField[] = ['numerical_value', 'string_value', 'boolean_value', 'categorical_value', 'json_value'];
